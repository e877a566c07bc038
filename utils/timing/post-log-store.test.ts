import { describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { accountGrid, chosenPrior, DEFAULT_PRIOR_ID, logPosts } from './post-log-store';
import { hasStudyFor, TIMING_PRIORS } from './priors';
import type { TimingAccount } from './accounts';

const brand: TimingAccount = { id: 'b1', createdAt: 0, updatedAt: 0, brandId: 'b1', network: 'instagram', name: 'Demo', handle: 'spallademo', externalId: null, timeZone: null };
const metrics = (reactions: number) => ({ reactions, comments: 1, shares: 0, saves: null, reach: null, views: null });

describe('logPosts', () => {
  test('same permalink updates; newer counts win; other accounts are apart', async () => {
    const db = new AppDB(`post-log-${crypto.randomUUID()}`);
    const link = 'https://www.instagram.com/p/A/';
    const t0 = Date.UTC(2026, 4, 1);
    const first = await logPosts(db, brand, [{ publishedAt: t0, permalink: link, metrics: metrics(10) }], 'page', 1000);
    expect(first).toMatchObject({ added: 1, updated: 0 });
    const again = await logPosts(db, brand, [{ publishedAt: t0, permalink: link, metrics: metrics(25) }], 'import', 2000);
    expect(again).toMatchObject({ added: 0, updated: 1 });
    const older = await logPosts(db, brand, [{ publishedAt: t0, permalink: link, metrics: metrics(5) }], 'import', 1500);
    expect(older).toMatchObject({ added: 0, updated: 0, keptNewer: 1 });
    const rows = await db.postLog.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0].metrics.reactions).toBe(25);
    expect(rows[0].source).toBe('import');
    const other = await logPosts(db, { id: 'b2', brandId: 'b2', network: 'instagram' }, [{ publishedAt: t0, permalink: link, metrics: metrics(1) }], 'page', 3000);
    expect(other.added).toBe(1);
    expect(await db.postLog.count()).toBe(2);
    db.close();
  });

  test('the grid of an account uses its zone and chosen prior', async () => {
    const db = new AppDB(`post-log-${crypto.randomUUID()}`);
    await logPosts(db, brand, [{ publishedAt: Date.UTC(2026, 4, 5, 10), permalink: null, metrics: metrics(10) }], 'manual', 1);
    const g = await accountGrid(db, { ...brand, timeZone: 'Asia/Tokyo' }, { now: Date.UTC(2026, 5, 1), defaultTimeZone: 'Europe/Rome', priorChoices: { b1: 'none' } });
    expect(g.timeZone).toBe('Asia/Tokyo');
    expect(g.prior).toBeNull();
    expect(g.grid.cells[1 * 24 + 19].posts).toBe(1); // Tuesday 19:00 in Tokyo
    expect(chosenPrior(brand, {})!.id).toBe('sprout-social-instagram-2023');
    db.close();
  });
});

describe('networks without a published study', () => {
  test('Threads starts flat: no prior by default, none to choose, and the interface is told so', () => {
    expect(hasStudyFor('threads')).toBe(false);
    expect(TIMING_PRIORS.filter((p) => p.network === 'threads')).toEqual([]);
    expect(DEFAULT_PRIOR_ID.threads).toBe('none');
    expect(chosenPrior({ id: 'b1', network: 'threads' }, {})).toBeNull();
    expect(hasStudyFor('facebook') && hasStudyFor('instagram')).toBe(true);
  });
});
