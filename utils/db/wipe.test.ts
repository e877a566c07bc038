import { expect, test } from 'vitest';
import { AppDB } from './app-db';
import { countAll, deleteAllRecords } from './wipe';
import { ClipSearch } from '../clips/search';
import { loadSearchSnapshot, saveSearchSnapshot, searchCacheName } from '../clips/search-cache';

test('deleteAllRecords empties every table and countAll sees it', async () => {
  const db = new AppDB(`wipe-${crypto.randomUUID()}`);
  const now = Date.now();
  await db.savedReplies.add({
    id: 'r1', createdAt: now, updatedAt: now, title: 'Orari', body: 'Siamo aperti 9-18 ☕', shortcut: 'orari',
    tags: [], networks: [], language: 'it', brandId: null, useCount: 0, lastUsedAt: null,
  });
  await db.hashtagSets.add({ id: 's1', createdAt: now, updatedAt: now, name: 'Cibo', tags: ['food'], network: null, brandId: null });
  expect(await countAll(db)).toMatchObject({ savedReplies: 1, hashtagSets: 1, clips: 0 });
  await deleteAllRecords(db);
  expect(Object.values(await countAll(db)).every((n) => n === 0)).toBe(true);
  expect(await db.tombstones.count()).toBe(0);
  db.close();
});

test("deleteAllRecords deletes the library's search index kept between visits", async () => {
  const db = new AppDB(`wipe-${crypto.randomUUID()}`);
  const cache = searchCacheName(db.name);
  await saveSearchSnapshot(cache, new ClipSearch().snapshot());
  expect(await loadSearchSnapshot(cache)).not.toBeNull();
  await deleteAllRecords(db);
  expect(await loadSearchSnapshot(cache)).toBeNull();
  db.close();
});
