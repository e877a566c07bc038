import { expect, test } from 'vitest';
import { AppDB } from './app-db';
import { countAll, deleteAllRecords } from './wipe';
import { ClipSearch } from '../clips/search';
import { loadSearchSnapshot, saveSearchSnapshot, searchCacheName } from '../clips/search-cache';
import { syncSharesItem, syncStatusItem } from '../sync/items';

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

test('deleteAllRecords stops sharing and deletes the local copies of shared documents', async () => {
  const db = new AppDB(`wipe-${crypto.randomUUID()}`);
  await syncSharesItem.setValue({ b1: { brandId: 'b1', server: 'wss://sync.example.org', code: 'b1', token: 'secret', role: 'editor', sharedAt: 1 } });
  await syncStatusItem.setValue({
    b1: { brandId: 'b1', server: 'wss://sync.example.org', code: 'b1', role: 'editor', phase: 'connected', offlineSince: null, lastSyncedAt: 1, error: null },
  });
  await new Promise<void>((resolve) => {
    const open = indexedDB.open('spalla-sync-b1');
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
  });
  await deleteAllRecords(db);
  expect(await syncSharesItem.getValue()).toEqual({});
  expect(await syncStatusItem.getValue()).toEqual({});
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('spalla-sync-b1');
  db.close();
});
