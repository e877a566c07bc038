import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from './app-db';
import { makeFixtureRows, fillDatabase } from './fixtures';
import { tombstoneId } from './tombstones';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function freshDb(): Promise<AppDB> {
  const db = new AppDB(`deletion-log-${crypto.randomUUID()}`);
  opened.push(db);
  await fillDatabase(db);
  return db;
}

describe('every deletion leaves a tombstone', () => {
  test('delete by key records table, row, brand and time', async () => {
    const db = await freshDb();
    const before = Date.now();
    await db.savedReplies.delete('reply-grazie');
    const stone = await db.tombstones.get(tombstoneId('savedReplies', 'reply-grazie'));
    expect(stone).toMatchObject({ table: 'savedReplies', rowId: 'reply-grazie', brandId: 'brand-trattoria-gino' });
    expect(stone!.deletedAt).toBeGreaterThanOrEqual(before);
  });

  test('bulk deletes, deletes through a query and a brand itself', async () => {
    const db = await freshDb();
    await db.images.where('clipId').equals('clip-lasagne').delete();
    await db.clips.bulkDelete(['clip-lasagne']);
    await db.brands.delete('brand-cafe-muller');
    const stones = await db.tombstones.toArray();
    expect(stones.map((s) => s.id).sort()).toEqual(
      ['brands:brand-cafe-muller', 'clips:clip-lasagne', 'images:image-lasagne-full', 'images:image-lasagne-thumb'].sort(),
    );
    expect(stones.find((s) => s.table === 'brands')!.brandId).toBe('brand-cafe-muller');
    expect(stones.filter((s) => s.table === 'images').every((s) => s.brandId === 'brand-trattoria-gino')).toBe(true);
  });

  test('a clear is logged row by row', async () => {
    const db = await freshDb();
    const ids = (await db.hashtagSets.toArray()).map((s) => s.id);
    await db.hashtagSets.clear();
    expect((await db.tombstones.where('table').equals('hashtagSets').toArray()).map((s) => s.rowId).sort()).toEqual(ids.sort());
  });

  test('a row written again loses its tombstone', async () => {
    const db = await freshDb();
    const reply = makeFixtureRows().savedReplies[0];
    await db.savedReplies.delete(reply.id);
    expect(await db.tombstones.count()).toBe(1);
    await db.savedReplies.put(reply);
    expect(await db.tombstones.count()).toBe(0);
  });

  test('a bulk write of many rows removes exactly their tombstones (looked up, not one delete per row)', async () => {
    const db = await freshDb();
    const clip = makeFixtureRows().clips[0];
    const many = Array.from({ length: 250 }, (_, i) => ({ ...clip, id: `bulk-${i}`, permalink: null }));
    await db.clips.bulkPut(many);
    await db.clips.bulkDelete(many.map((c) => c.id));
    await db.images.where('clipId').equals(clip.id).delete();
    expect(await db.tombstones.where('table').equals('clips').count()).toBe(250);
    // Half of them written again, with 200 rows that never had a tombstone.
    const again = [...many.slice(0, 125), ...Array.from({ length: 200 }, (_, i) => ({ ...clip, id: `fresh-${i}`, permalink: null }))];
    await db.clips.bulkPut(again);
    const left = (await db.tombstones.toArray()).map((s) => s.id);
    expect(left.filter((id) => id.startsWith('clips:')).sort()).toEqual(many.slice(125).map((c) => tombstoneId('clips', c.id)).sort());
    // Another table's tombstones stay.
    expect(left.filter((id) => id.startsWith('images:')).length).toBeGreaterThan(0);
  });

  test('a deletion that aborts leaves no tombstone', async () => {
    const db = await freshDb();
    await expect(
      db.transaction('rw', db.savedReplies, async () => {
        await db.savedReplies.delete('reply-grazie');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.savedReplies.get('reply-grazie')).toBeDefined();
    expect(await db.tombstones.count()).toBe(0);
  });

  test('deleting a row that is not there records nothing', async () => {
    const db = await freshDb();
    await db.clips.delete('no-such-clip');
    expect(await db.tombstones.count()).toBe(0);
  });
});
