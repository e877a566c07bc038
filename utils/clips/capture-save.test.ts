import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import type { ClipInput } from './capture-input';
import { isQuotaError, quotaError, saveCapture, type PreparedImage } from './capture-save';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function freshDb() {
  const db = new AppDB(`capture-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const input = (over: Partial<ClipInput> = {}): ClipInput => ({
  network: 'instagram',
  permalink: 'https://www.instagram.com/p/CODE/',
  authorName: 'spallademo',
  authorHandle: 'spallademo',
  text: 'Prima versione #autunno',
  hashtags: ['autunno'],
  images: [{ url: 'https://www.instagram.com/__fixture/img/a.png', alt: null, kind: 'image' }],
  postedAt: 1_700_000_000_000,
  counts: { reactions: 1, comments: null, shares: null },
  ...over,
});

const image = (name: string): PreparedImage => ({
  sourceUrl: `https://cdn.example/${name}.png`,
  thumbnail: { blob: new Blob([`thumb-${name}`], { type: 'image/webp' }), width: 32, height: 24 },
  full: { blob: new Blob([`full-${name}`], { type: 'image/png' }), width: 480, height: 320, role: 'full' },
});

describe('saveCapture', () => {
  test('a new clip and its images are filed under the brand in view; clipped again under another, it keeps its own (issue #13)', async () => {
    const db = freshDb();
    const { clip } = await saveCapture(db, input(), [image('a')], { now: 5, brandId: 'gino' });
    expect(clip.brandId).toBe('gino');
    expect((await db.images.where('clipId').equals(clip.id).toArray()).map((i) => i.brandId)).toEqual(['gino', 'gino']);
    const again = await saveCapture(db, input({ text: 'Seconda versione' }), [image('b')], { now: 6, brandId: 'lucia' });
    expect(again.clip.brandId).toBe('gino');
    expect((await db.images.where('clipId').equals(clip.id).toArray()).map((i) => i.brandId)).toEqual(['gino', 'gino']);
    // All brands in view: shared.
    expect((await saveCapture(db, input({ permalink: 'https://www.instagram.com/p/OTHER/' }), [], { now: 7, brandId: null })).clip.brandId).toBe(null);
  });

  test('a post already clipped under a brand shared read-only is left as it is (issue #15)', async () => {
    const db = freshDb();
    const first = await saveCapture(db, input(), [image('a')], { now: 5, brandId: 'gino' });
    const again = await saveCapture(db, input({ text: 'Seconda versione' }), [image('b')], { now: 9, brandId: null, readOnlyBrands: new Set(['gino']) });
    expect(again).toMatchObject({ readOnly: true, updated: false });
    expect(again.clip.id).toBe(first.clip.id);
    expect(await db.clips.get(first.clip.id)).toEqual(first.clip);
    expect((await db.images.where('clipId').equals(first.clip.id).toArray()).map((i) => i.sourceUrl)).toEqual(['https://cdn.example/a.png', 'https://cdn.example/a.png']);
    // Another brand read-only changes nothing for this one.
    expect((await saveCapture(db, input({ text: 'Terza' }), [], { now: 10, readOnlyBrands: new Set(['lucia']) })).readOnly).toBe(false);
    expect((await db.clips.get(first.clip.id))!.text).toBe('Terza');
  });

  test('stores the clip and a thumbnail and full image per picture, ids in the post order', async () => {
    const db = freshDb();
    const { clip, updated } = await saveCapture(db, input(), [image('a'), image('b')], { now: 5 });
    expect(updated).toBe(false);
    const rows = await db.images.where('clipId').equals(clip.id).toArray();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(clip.imageIds.map((id) => [byId.get(id)!.role, byId.get(id)!.sourceUrl])).toEqual([
      ['thumbnail', 'https://cdn.example/a.png'],
      ['full', 'https://cdn.example/a.png'],
      ['thumbnail', 'https://cdn.example/b.png'],
      ['full', 'https://cdn.example/b.png'],
    ]);
    expect(await (byId.get(clip.imageIds[1])!.blob as Blob).text()).toBe('full-a');
    expect(await db.clips.get(clip.id)).toMatchObject({ text: 'Prima versione #autunno', status: 'idea', note: '', clippedAt: 5 });
  });

  test('the same permalink again updates the clip: the user fields stay, text, counts and images change', async () => {
    const db = freshDb();
    const first = await saveCapture(db, input(), [image('a')], { now: 5, userFields: { note: 'idea!', tags: ['menu'], status: 'draft' } });
    await db.clips.update(first.clip.id, { note: 'changed later' });
    const again = await saveCapture(
      db,
      input({ text: 'Seconda versione', counts: { reactions: 9, comments: 2, shares: null } }),
      [image('b')],
      { now: 9, userFields: { note: 'ignored', tags: [], status: 'idea' } },
    );
    expect(again.updated).toBe(true);
    expect(again.clip.id).toBe(first.clip.id);
    expect(await db.clips.count()).toBe(1);
    expect(await db.clips.get(first.clip.id)).toMatchObject({
      text: 'Seconda versione',
      counts: { reactions: 9, comments: 2, shares: null },
      note: 'changed later',
      tags: ['menu'],
      status: 'draft',
      createdAt: 5,
      clippedAt: 9,
    });
    const sources = (await db.images.toArray()).map((r) => r.sourceUrl);
    expect(sources).toEqual(['https://cdn.example/b.png', 'https://cdn.example/b.png']);
  });

  test('a re-clip whose images could not be fetched keeps the images it had', async () => {
    const db = freshDb();
    const first = await saveCapture(db, input(), [image('a')]);
    const again = await saveCapture(db, input({ text: 'newer' }), []);
    expect(again.keptOldImages).toBe(true);
    expect(again.clip.imageIds).toEqual(first.clip.imageIds);
    expect(await db.images.count()).toBe(2);
  });

  test('a write that fails (full disk) leaves no clip and no image behind', async () => {
    const db = freshDb();
    const failing = saveCapture(db, input(), [image('a'), image('b')], {
      beforeCommit: () => {
        throw quotaError();
      },
    });
    const error = await failing.catch((e) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(await db.clips.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  test('a failed re-clip leaves the earlier clip as it was', async () => {
    const db = freshDb();
    const first = await saveCapture(db, input(), [image('a')], { now: 5 });
    await saveCapture(db, input({ text: 'lost' }), [image('b')], {
      beforeCommit: () => {
        throw quotaError();
      },
    }).catch(() => {});
    expect(await db.clips.get(first.clip.id)).toEqual(first.clip);
    expect((await db.images.toArray()).map((r) => r.sourceUrl)).toEqual(['https://cdn.example/a.png', 'https://cdn.example/a.png']);
  });

  test('web clips without a permalink never merge', async () => {
    const db = freshDb();
    await saveCapture(db, input({ network: 'web', permalink: null }), []);
    await saveCapture(db, input({ network: 'web', permalink: null }), []);
    expect(await db.clips.count()).toBe(2);
  });
});
