import { afterEach, describe, expect, test } from 'vitest';
import { formatBytes } from './bytes';
import { LOW_SPACE_BYTES, isLowOnSpace, measureStorage, persistState, requestPersistence, spaceLeft } from './storage';
import { clipWithImages, closeDbs, freshDb } from './test-db';

afterEach(closeDbs);

const GB = 1e9;

test('measures the exact image bytes and the browser estimate', async () => {
  const db = freshDb();
  const a = clipWithImages('a');
  await db.clips.add(a.clip);
  await db.images.bulkAdd(a.images);
  const figures = await measureStorage(db, async () => ({ usage: 5000, quota: 10 * GB }));
  expect(figures).toEqual({ usage: 5000, quota: 10 * GB, imageBytes: 64 + 8, images: 2, clips: 1 });
  expect(spaceLeft(figures)).toBe(10 * GB - 5000);
  expect(await measureStorage(db, async () => { throw new Error('no'); })).toMatchObject({ usage: null, quota: null, imageBytes: 72 });
});

describe('low on space', () => {
  const figures = (usage: number, quota: number) => ({ usage, quota, imageBytes: 0, images: 0, clips: 0 });
  test.each([
    [1 * GB, 100 * GB, false],
    [91 * GB, 100 * GB, true], // under 10% of the quota left
    [0, LOW_SPACE_BYTES - 1, true], // under 200 MB left
    [0, LOW_SPACE_BYTES * 20, false],
  ])('usage %d of %d → %s', (usage, quota, low) => {
    expect(isLowOnSpace(figures(usage, quota))).toBe(low);
  });
  test('unknown figures never warn', () => {
    expect(isLowOnSpace({ usage: null, quota: null, imageBytes: 0, images: 0, clips: 0 })).toBe(false);
  });
});

test('persistence: state and request', async () => {
  expect(await persistState(undefined)).toBe('unsupported');
  expect(await persistState({ persisted: async () => true })).toBe('persistent');
  expect(await requestPersistence({ persist: async () => false })).toBe('best-effort');
  expect(await requestPersistence({ persist: async () => { throw new Error('denied'); } })).toBe('best-effort');
});

test('bytes in the interface language', () => {
  expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
  expect(formatBytes(1_234_567, 'it')).toBe('1,2 MB');
  expect(formatBytes(999, 'en')).toBe('999 byte');
});
