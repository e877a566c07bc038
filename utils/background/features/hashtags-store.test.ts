import { afterEach, expect, test, vi } from 'vitest';
import { AppDB } from '../../db/app-db';
import { rowSchemas } from '../../backup/format';
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

test('what was learned is stored as hashtagStats rows a backup accepts, and a cold start reads it back', async () => {
  const { db, store } = setup();
  const first = store();
  await first.learn('Margherita #Pizza #napoli', own);
  await first.learn(['pizza', 'vomero'], { ...own, source: 'seen' });
  await first.flush();

  const rows = await db.hashtagStats.orderBy('key').toArray();
  expect(rows.map((r) => [r.key, r.tag, r.ownCount, r.seenCount, r.cooccurs])).toEqual([
    ['napoli', 'napoli', 1, 0, { pizza: 1 }],
    ['pizza', 'Pizza', 1, 1, { napoli: 1, vomero: 1 }],
    ['vomero', 'vomero', 0, 1, { pizza: 1 }],
  ]);
  for (const row of rows) expect(rowSchemas.hashtagStats.safeParse(row).success, row.key).toBe(true);
  // Never the post's text.
  expect(JSON.stringify(rows)).not.toContain('Margherita');

  const cold = store();
  expect((await cold.model()).info()).toEqual({ hashtags: 3, ownHashtags: 2, pairs: 2 });
});

test('a burst of learning goes out as one write after the delay', async () => {
  const { db, store } = setup();
  const s = store(200);
  await s.model();
  const bulkPut = vi.spyOn(db.hashtagStats, 'bulkPut');
  for (let i = 0; i < 50; i++) await s.learn([`tag${i}x`, 'common'], { ...own, source: 'seen' });
  expect(bulkPut).not.toHaveBeenCalled();
  await vi.waitFor(() => expect(bulkPut).toHaveBeenCalledTimes(1), { timeout: 5000 });
  expect(bulkPut.mock.calls[0][0]).toHaveLength(51);
  await s.flush();
  expect(await db.hashtagStats.count()).toBe(51);
});

test('a row changed again keeps its id and creation time', async () => {
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
  expect(after[0]).toMatchObject({ id: before.id, createdAt: before.createdAt, ownCount: 2 });
  expect(after[0].updatedAt).toBeGreaterThan(before.updatedAt);
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
  expect(await s.clear()).toBe(2);
  expect(await db.hashtagStats.count()).toBe(0);
  expect((await s.model()).info().hashtags).toBe(0);
  await s.flush();
  expect(await db.hashtagStats.count()).toBe(0);
});

test('rows written by another context (a backup restore) are read again on next use', async () => {
  const { db, store } = setup();
  const s = store();
  await s.learn('#pizza', own);
  await s.flush();
  expect((await s.model()).info().hashtags).toBe(1);
  const now = Date.now();
  const other = new AppDB(db.name);
  await other.hashtagStats.add({
    id: 'restored', createdAt: now, updatedAt: now, key: 'caffè', tag: 'caffè', network: 'facebook', brandId: null,
    ownCount: 3, seenCount: 0, cooccurs: {}, lastSeenAt: now,
  });
  other.close();
  await new Promise((r) => setTimeout(r, 10));
  expect((await s.model()).info().hashtags).toBe(2);
});
