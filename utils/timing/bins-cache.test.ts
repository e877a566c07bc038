import { describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import type { TimingAccount } from './accounts';
import { BinsCache } from './bins-cache';
import { binPosts, estimateBestTimes, gridFromBins } from './estimate';
import { logPosts, postsOf } from './post-log-store';
import { FLAT_PRIOR } from './priors';

const ROME = 'Europe/Rome';
const a: TimingAccount = { id: 'a', createdAt: 0, updatedAt: 0, brandId: 'a', network: 'instagram', name: 'A', handle: 'a', externalId: null, timeZone: null };
const b: TimingAccount = { id: 'b', createdAt: 0, updatedAt: 0, brandId: 'b', network: 'instagram', name: 'B', handle: 'b', externalId: null, timeZone: null };
const metrics = (reactions: number) => ({ reactions, comments: 1, shares: 0, saves: null, reach: null, views: null });
const at = (day: number, hour: number) => Date.UTC(2026, 4, 4 + day, hour);

/** A cache that counts its passes over the posts, per account. */
function countingCache() {
  const passes: string[] = [];
  let current = '';
  const cache = new BinsCache((posts, zone) => {
    passes.push(current);
    return binPosts(posts, zone);
  });
  const binsOf = async (db: AppDB, brand: TimingAccount, zone = ROME) => {
    current = brand.id;
    return cache.binsOf(`${brand.id}/${brand.network}`, await postsOf(db, brand.id), zone);
  };
  return { passes, binsOf };
}

async function twoAccounts() {
  const db = new AppDB(`bins-cache-${crypto.randomUUID()}`);
  const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ publishedAt: at(i % 7, 8 + (i % 10)), permalink: `https://www.instagram.com/p/P${i}/`, metrics: metrics(10 + i) }));
  await logPosts(db, a, posts(20), 'import', 1000);
  await logPosts(db, b, posts(12), 'import', 1000);
  return db;
}

describe('BinsCache', () => {
  test('same posts, same zone: the kept bins, no second pass', async () => {
    const db = await twoAccounts();
    const { passes, binsOf } = countingCache();
    const first = await binsOf(db, a);
    expect(await binsOf(db, a)).toBe(first);
    expect(passes).toEqual(['a']);
    // A grid from kept bins is the grid estimateBestTimes gives for the same posts.
    const now = Date.UTC(2026, 5, 1);
    expect(gridFromBins(first, { prior: FLAT_PRIOR, now })).toEqual(estimateBestTimes(await postsOf(db, a.id), { timeZone: ROME, prior: FLAT_PRIOR, now }));
    db.close();
  });

  test('a post added, edited or deleted for the account gives new bins', async () => {
    const db = await twoAccounts();
    const { passes, binsOf } = countingCache();
    const before = await binsOf(db, a);

    await logPosts(db, a, [{ publishedAt: at(2, 20), permalink: null, metrics: metrics(500) }], 'manual', 2000);
    const added = await binsOf(db, a);
    expect(added.totalPosts).toBe(before.totalPosts + 1);

    // Edited: newer counts for a logged post (same permalink), nothing else changes.
    await logPosts(db, a, [{ publishedAt: at(0, 8), permalink: 'https://www.instagram.com/p/P0/', metrics: metrics(900) }], 'page', 3000);
    const edited = await binsOf(db, a);
    expect(edited).not.toBe(added);
    expect(edited.totalPosts).toBe(added.totalPosts);
    expect(edited.rawSum).not.toEqual(added.rawSum);

    const one = (await postsOf(db, a.id))[0];
    await db.postLog.delete(one.id);
    const deleted = await binsOf(db, a);
    expect(deleted.totalPosts).toBe(edited.totalPosts - 1);
    expect(passes).toEqual(['a', 'a', 'a', 'a']);
    db.close();
  });

  test('a post deleted and another added with an older date (same count, same latest updatedAt) gives new bins', async () => {
    const db = await twoAccounts();
    const { passes, binsOf } = countingCache();
    const before = await binsOf(db, a);
    const gone = (await postsOf(db, a.id))[3];
    await db.postLog.delete(gone.id);
    await logPosts(db, a, [{ publishedAt: at(5, 6), permalink: null, metrics: metrics(3) }], 'import', 500);
    const after = await binsOf(db, a);
    expect(after.totalPosts).toBe(before.totalPosts);
    expect(after).not.toBe(before);
    expect(passes).toEqual(['a', 'a']);
    db.close();
  });

  test("another account's change does not recompute this one", async () => {
    const db = await twoAccounts();
    const { passes, binsOf } = countingCache();
    const aBins = await binsOf(db, a);
    const bBins = await binsOf(db, b);
    await logPosts(db, b, [{ publishedAt: at(1, 12), permalink: null, metrics: metrics(40) }], 'manual', 2000);
    expect(await binsOf(db, a)).toBe(aBins);
    const bAfter = await binsOf(db, b);
    expect(bAfter).not.toBe(bBins);
    expect(bAfter.totalPosts).toBe(bBins.totalPosts + 1);
    expect(passes).toEqual(['a', 'b', 'b']);
    db.close();
  });

  test('another time zone for the account gives new bins', async () => {
    const db = await twoAccounts();
    const { passes, binsOf } = countingCache();
    const rome = await binsOf(db, a);
    const tokyo = await binsOf(db, a, 'Asia/Tokyo');
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    expect(tokyo.rawCount).not.toEqual(rome.rawCount);
    expect(passes).toEqual(['a', 'a']);
    db.close();
  });
});
