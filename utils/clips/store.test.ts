import { afterEach, describe, expect, test } from 'vitest';
import { dumpDatabase } from '../db/dump';
import { draftToInsertItem } from '../settings/items';
import { WRITE_FAILURE_KEYS, writeFailureOf } from './storage';
import { deleteClips, normalizeTags, recentClips, restoreClips, saveHashtagSet, setStatus, updateClipNotes, useAsDraft } from './store';
import { clipWithImages, closeDbs, failWritesWithQuota, freshDb, makeClip } from './test-db';

afterEach(closeDbs);

async function library() {
  const db = freshDb();
  const a = clipWithImages('a', { hashtags: ['pasta', 'cucina'], network: 'instagram', brandId: 'brand-1' });
  const b = clipWithImages('b');
  await db.clips.bulkAdd([a.clip, b.clip, makeClip('c')]);
  await db.images.bulkAdd([...a.images, ...b.images]);
  return db;
}

describe('setStatus', () => {
  test('changes every clip named, stamps updatedAt, keeps the rest', async () => {
    const db = await library();
    expect(await setStatus(db, ['a', 'c', 'missing'], 'published', undefined, 5)).toBe(2);
    const rows = await db.clips.toArray();
    expect(rows.map((c) => [c.id, c.status, c.updatedAt])).toEqual([
      ['a', 'published', 5],
      ['b', 'idea', rows[1].createdAt],
      ['c', 'published', 5],
    ]);
  });

  test('scheduled needs a date and time, and stores it', async () => {
    const db = await library();
    await expect(setStatus(db, ['a'], 'scheduled')).rejects.toThrow(RangeError);
    await setStatus(db, ['a', 'b'], 'scheduled', 1_800_000_000_000);
    expect((await db.clips.bulkGet(['a', 'b'])).map((c) => [c!.status, c!.scheduledAt])).toEqual([
      ['scheduled', 1_800_000_000_000],
      ['scheduled', 1_800_000_000_000],
    ]);
    // Back to draft: the planned date stays (it is still the plan).
    await setStatus(db, ['a'], 'draft');
    expect((await db.clips.get('a'))!.scheduledAt).toBe(1_800_000_000_000);
  });
});

test('notes and tags: tags trimmed, without "#", without duplicates in any case', async () => {
  const db = await library();
  await updateClipNotes(db, 'a', { note: 'per venerdì', tags: [' Ricette ', '#venerdì', 'ricette', ''] }, 9);
  expect(await db.clips.get('a')).toMatchObject({ note: 'per venerdì', tags: ['Ricette', 'venerdì'], updatedAt: 9 });
  expect(normalizeTags(['##a', 'A', 'b'])).toEqual(['a', 'b']);
});

describe('delete and undo', () => {
  test('delete takes the clips and all their images; undo restores them exactly', async () => {
    const db = await library();
    const before = await dumpDatabase(db);
    const removed = await deleteClips(db, ['a', 'b']);
    expect(removed.clips.map((c) => c.id)).toEqual(['a', 'b']);
    expect(removed.images.map((i) => i.id).sort()).toEqual(['a-full', 'a-thumb', 'b-full', 'b-thumb']);
    expect(await db.clips.toCollection().primaryKeys()).toEqual(['c']);
    expect(await db.images.count()).toBe(0);
    expect(await restoreClips(db, removed)).toBe(2);
    expect(await dumpDatabase(db)).toEqual(before);
  });

  test('undo does not overwrite a clip of the same permalink saved meanwhile', async () => {
    const db = await library();
    const removed = await deleteClips(db, ['a']);
    await db.clips.add(makeClip('a2', { permalink: removed.clips[0].permalink }));
    expect(await restoreClips(db, removed)).toBe(0);
    expect(await db.clips.get('a')).toBeUndefined();
    expect(await db.images.where('clipId').equals('a').count()).toBe(0);
  });
});

describe('a write that fails for lack of space', () => {
  test('undo that cannot write the images restores nothing, not a clip without its images', async () => {
    const db = freshDb();
    failWritesWithQuota(db, 'images');
    const { clip, images } = clipWithImages('a');
    const error = await restoreClips(db, { clips: [clip], images }).catch((e: unknown) => e);
    expect(writeFailureOf(error)).toBe('quota');
    expect(WRITE_FAILURE_KEYS[writeFailureOf(error)]).toBe('clipsErrorQuota');
    expect(await db.clips.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  test('a bulk status change that fails changes no clip', async () => {
    const seeded = await library();
    const db = freshDb();
    // Same rows in a database whose clip writes fail.
    failWritesWithQuota(db, 'clips');
    const before = await seeded.clips.toArray();
    await db.open();
    // Seed through IndexedDB directly: Dexie's writes are the ones that fail here.
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('clips', 'readwrite');
      for (const row of before) tx.objectStore('clips').add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const error = await setStatus(db, ['a', 'b', 'c'], 'archived').catch((e: unknown) => e);
    expect(writeFailureOf(error)).toBe('quota');
    expect(await db.clips.toArray()).toEqual(before);
  });

  test('other failures are told apart', () => {
    expect(writeFailureOf(new DOMException('x', 'ConstraintError'))).toBe('other');
    expect(writeFailureOf({ name: 'AbortError', inner: new DOMException('x', 'QuotaExceededError') })).toBe('quota');
  });
});

test('use as draft offers the text and its hashtags to the sidebar', async () => {
  const { clip } = clipWithImages('a', { text: 'Lasagne!\n#pasta', hashtags: ['pasta'] });
  await useAsDraft(clip, 42);
  expect(await draftToInsertItem.getValue()).toEqual({ text: 'Lasagne!\n#pasta', hashtags: ['pasta'], sourceId: 'a', createdAt: 42 });
});

test("save hashtags as a set: the clip's network and brand, tags without '#'", async () => {
  const db = await library();
  const clip = (await db.clips.get('a'))!;
  const set = await saveHashtagSet(db, { ...clip, hashtags: ['#pasta', 'cucina', 'pasta'] }, '  Pasta  ', 7);
  expect(await db.hashtagSets.toArray()).toEqual([
    { id: set.id, createdAt: 7, updatedAt: 7, name: 'Pasta', tags: ['pasta', 'cucina'], network: 'instagram', brandId: 'brand-1' },
  ]);
  const web = await saveHashtagSet(db, makeClip('w', { network: 'web', hashtags: ['x'] }), 'Web');
  expect(web.network).toBeNull();
});

describe('recentClips: the sidebar follows the brand in view (issue #13)', () => {
  async function clips() {
    const db = freshDb();
    await db.clips.bulkAdd([
      makeClip('gino-old', { brandId: 'gino', clippedAt: 1 }),
      makeClip('shared-new', { brandId: null, clippedAt: 5 }),
      makeClip('lucia', { brandId: 'lucia', clippedAt: 6 }),
      makeClip('gino-new', { brandId: 'gino', clippedAt: 3 }),
      makeClip('shared-old', { brandId: null, clippedAt: 2 }),
    ]);
    return db;
  }
  const ids = async (brandId: string | null, limit = 10) => (await recentClips(await clips(), brandId, limit)).map((c) => c.id);

  test("the brand's clips newest first, then the shared ones; another brand's never", async () => {
    expect(await ids('gino')).toEqual(['gino-new', 'gino-old', 'shared-new', 'shared-old']);
    expect(await ids('lucia')).toEqual(['lucia', 'shared-new', 'shared-old']);
  });

  test('the limit keeps the brand first', async () => {
    expect(await ids('gino', 3)).toEqual(['gino-new', 'gino-old', 'shared-new']);
  });

  test('all brands: every clip, newest first', async () => {
    expect(await ids(null)).toEqual(['lucia', 'shared-new', 'gino-new', 'shared-old', 'gino-old']);
    expect(await ids(null, 2)).toEqual(['lucia', 'shared-new']);
  });
});
