/** Synthetic post logs for the timing tests (seeded, deterministic). Not shipped code. */
import type { PostLogEntry } from '../db/post-log';

export { seededRandom } from '../../tests/unit/seeded-random';

/** Standard normal via Box-Muller. */
export function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

let counter = 0;

export function post(publishedAt: number, engagement: number | null, reach: number | null = null): PostLogEntry {
  counter++;
  return {
    id: `post-${counter}`,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    brandId: 'brand-1',
    accountId: 'brand-1',
    network: 'facebook',
    permalink: null,
    publishedAt,
    source: 'manual',
    metrics:
      engagement === null
        ? { reactions: null, comments: null, shares: null, saves: null, reach, views: null }
        : {
            // Split across the four counts, with a null among them (counts as 0).
            reactions: Math.round(engagement * 0.7),
            comments: Math.round(engagement * 0.2),
            shares: engagement - Math.round(engagement * 0.7) - Math.round(engagement * 0.2),
            saves: null,
            reach,
            views: null,
          },
  };
}

/**
 * UTC instant of a Europe/Rome wall-clock time in a period without a DST change in between:
 * `offsetHours` is +2 (CEST, summer) or +1 (CET, winter). Month is 1-based.
 */
export function romeTime(year: number, month: number, date: number, hour: number, minute: number, offsetHours: 1 | 2): number {
  return Date.UTC(year, month - 1, date, hour - offsetHours, minute);
}
