import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { AppDB } from '../../db/app-db';
import { makeFixtureRows } from '../../db/fixtures';
import { makeV1HashtagStats } from '../../db/fixtures-v1';
import { SCHEMA_VERSIONS } from '../../db/schema';
import { rowSchemas } from '../../backup/format';
import { mergeBrands } from '../../brands/ops';
import { LearnedHashtagStore } from './hashtags-store';

const own = { network: 'instagram', source: 'own' } as const;
const open: { db: AppDB; stores: LearnedHashtagStore[] }[] = [];

function setup() {
  const db = new AppDB(`hashtags-${crypto.randomUUID()}`);
  const entry = { db, stores: [] as LearnedHashtagStore[] };
  open.push(entry);
  const store = (delay = 0) => {
    const s = new LearnedHashtagStore(db, delay);
    entry.stores.push(s);
    return s;
  };
  return { db, store };
}

afterEach(async () => {
  for (const { db, stores } of open.splice(0)) {
    for (const s of stores) s.close();
    await db.delete();
  }
});

test('what was learned is stored as one packed record per scope that a backup accepts, and a cold start reads it back', async () => {
  const { db, store } = setup();
  const first = store();
  await first.learn('Margherita #Pizza #napoli', own);
  await first.learn(['pizza', 'vomero'], { ...own, source: 'seen' });
  await first.learn('#pizza', { ...own, network: 'facebook', brand: 'b1' });
  await first.flush();

  const rows = await db.hashtagStats.orderBy('id').toArray();
  expect(rows.map((r) => r.id)).toEqual(['facebook-brand-b1', 'instagram-shared']);
  const instagram = rows[1];
  expect(instagram).toMatchObject({
    network: 'instagram',
    brandId: null,
    ownPosts: 1,
    keys: ['napoli', 'pizza', 'vomero'],
    tags: ['', 'Pizza', ''],
    ownCounts: Uint8Array.of(1, 1, 0),
    seenCounts: Uint8Array.of(0, 1, 1),
    partnerStarts: Uint8Array.of(0, 1, 3, 4),
    partners: Uint8Array.of(1, 0, 2, 1),
    partnerCounts: Uint8Array.of(1, 1, 1, 1),
  });
  for (const row of rows) expect(rowSchemas.hashtagStats.safeParse(row).success, row.id).toBe(true);
  // Never the post's text.
  expect(JSON.stringify(rows)).not.toContain('Margherita');

  const cold = store();
  const model = await cold.model();
  expect(model.info()).toEqual({ hashtags: 4, ownHashtags: 3, pairs: 2 });
  expect(model.partnersOf(model.scope('instagram', null)!.byKey.get('pizza')!)).toEqual([
    { key: 'napoli', count: 1 },
    { key: 'vomero', count: 1 },
  ]);
});

test('a burst of learning goes out as one write after the delay', async () => {
  const { db, store } = setup();
  const s = store(200);
  await s.model();
  const bulkPut = vi.spyOn(db.hashtagStats, 'bulkPut');
  for (let i = 0; i < 50; i++) await s.learn([`tag${i}x`, 'common'], { ...own, source: 'seen' });
  expect(bulkPut).not.toHaveBeenCalled();
  await vi.waitFor(() => expect(bulkPut).toHaveBeenCalledTimes(1), { timeout: 5000 });
  expect(bulkPut.mock.calls[0][0]).toHaveLength(1);
  await s.flush();
  const [row] = await db.hashtagStats.toArray();
  expect(row.keys).toHaveLength(51);
});

test('a scope written again keeps its id and creation time, also after a cold start', async () => {
  const { db, store } = setup();
  const s = store();
  await s.learn('#pizza', own);
  await s.flush();
  const [before] = await db.hashtagStats.toArray();
  await new Promise((r) => setTimeout(r, 5));
  await s.learn('#pizza', own);
  await s.flush();
  const after = await db.hashtagStats.toArray();
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ id: before.id, createdAt: before.createdAt, ownCounts: Uint8Array.of(2) });
  expect(after[0].updatedAt).toBeGreaterThan(before.updatedAt);

  const cold = store();
  await cold.learn('#pizza', own);
  await cold.flush();
  const [third] = await db.hashtagStats.toArray();
  expect(third).toMatchObject({ id: before.id, createdAt: before.createdAt, ownCounts: Uint8Array.of(3) });
});

test('a database of version 1 is upgraded, and the model knows what the rows held', async () => {
  const name = `hashtags-v1-${crypto.randomUUID()}`;
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_VERSIONS[1]);
  await old.table('hashtagStats').bulkAdd(makeV1HashtagStats());
  old.close();
  const db = new AppDB(name);
  open.push({ db, stores: [] });
  const s = new LearnedHashtagStore(db, 0);
  open.at(-1)!.stores.push(s);
  const model = await s.model();
  const italiana = model.scope('instagram', 'brand-trattoria-gino')!.byKey.get('cucinaitaliana')!;
  expect(italiana).toMatchObject({ tag: 'CucinaItaliana', ownCount: 4, seenCount: 37 });
  expect(model.cooccurrences(italiana)).toEqual(new Map([['pasta', 3], ['foodporn', 1], ['caffè', 2]]));
  expect(model.scope('facebook', null)!.byKey.get('café')).toMatchObject({ tag: 'Café', seenCount: 1 });
});

test('the model is loaded once, however many ask at the same time', async () => {
  const { db, store } = setup();
  const toArray = vi.spyOn(db.hashtagStats, 'toArray');
  const s = store();
  const [a, b] = await Promise.all([s.model(), s.model()]);
  expect(a).toBe(b);
  expect(toArray).toHaveBeenCalledTimes(1);
});

test('clear forgets what is in memory, what is stored and what was waiting to be written', async () => {
  const { db, store } = setup();
  const s = store(60_000);
  await s.learn('#pizza #napoli', own);
  await s.flush();
  await s.learn('#vesuvio', own);
  expect(await s.clear()).toBe(3);
  expect(await db.hashtagStats.count()).toBe(0);
  expect((await s.model()).info().hashtags).toBe(0);
  await s.flush();
  expect(await db.hashtagStats.count()).toBe(0);
});

test('records written by another context (a backup restore) are read again on next use', async () => {
  const { db, store } = setup();
  const s = store();
  await s.learn('#pizza', own);
  await s.flush();
  expect((await s.model()).info().hashtags).toBe(1);
  const other = new AppDB(db.name);
  await other.hashtagStats.add(makeFixtureRows().hashtagStats[1]);
  other.close();
  await new Promise((r) => setTimeout(r, 10));
  expect((await s.model()).info().hashtags).toBe(2);
});

test('a failed read is tried again on next use', async () => {
  const { db, store } = setup();
  const s = store();
  const toArray = vi.spyOn(db.hashtagStats, 'toArray').mockRejectedValueOnce(new Error('UnknownError'));
  await expect(s.model()).rejects.toThrow('UnknownError');
  expect((await s.model()).info().hashtags).toBe(0);
  expect(toArray).toHaveBeenCalledTimes(2);
});

test('reload around a merge of brands: what was waiting is written first, and the model is read again with the merged scope', async () => {
  const { db, store } = setup();
  const brand = (id: string) => ({ id, name: id, color: '#2563eb', timeZone: null, createdAt: 1, updatedAt: 1 });
  await db.brands.bulkAdd([brand('b1'), brand('b2')]);
  const s = store(60_000);
  await s.learn('#pizza #napoli', { ...own, brand: 'b1' });
  await s.learn('#pizza', { ...own, brand: 'b2' });
  // Nothing written yet: the delay is long.
  expect(await db.hashtagStats.count()).toBe(0);
  await s.reload();
  expect((await db.hashtagStats.orderBy('id').toArray()).map((row) => row.brandId)).toEqual(['b1', 'b2']);

  await mergeBrands(db, 'b1', 'b2');
  await s.reload();
  const model = await s.model();
  expect(model.scope('instagram', 'b1')).toBeUndefined();
  expect(model.scope('instagram', 'b2')!.byKey.get('napoli')?.ownCount).toBe(1);
  expect(model.scope('instagram', 'b2')!.byKey.get('pizza')?.ownCount).toBe(2);
  await s.flush();
  expect((await db.hashtagStats.toArray()).map((row) => row.brandId)).toEqual(['b2']);
});
