import { afterEach, expect, test } from 'vitest';
import type { PostLogEntry } from '../db/post-log';
import { HINT_DAYS_BEFORE, bestSlotsAround, postLogOf, timeZoneOf } from './schedule-hints';
import { closeDbs, freshDb } from './test-db';

afterEach(closeDbs);

const DAY = 86_400_000;

function entry(id: string, publishedAt: number, reactions: number, brandId: string | null = 'b1'): PostLogEntry {
  return {
    id, createdAt: 0, updatedAt: 0, brandId, accountId: brandId, network: 'instagram', permalink: null, publishedAt,
    metrics: { reactions, comments: 0, shares: 0, saves: 0, reach: null, views: null }, source: 'manual',
  };
}

// Tuesdays 18:00 UTC are strong; the rest is weak. 6 Oct 2026 is a Tuesday.
const log = Array.from({ length: 40 }, (_, i) =>
  i % 2 ? entry(`s${i}`, Date.UTC(2026, 9, 6 + 7 * (i % 4), 18), 900) : entry(`w${i}`, Date.UTC(2026, 9, 7 + (i % 5), 8), 10),
);

test('no post log, no hints', () => {
  expect(bestSlotsAround([], { around: Date.UTC(2026, 11, 10), timeZone: 'UTC', now: Date.UTC(2026, 11, 1) })).toEqual([]);
});

test('the best slots around the chosen time, never in the past', () => {
  const now = Date.UTC(2026, 11, 1, 12); // a Tuesday
  const around = Date.UTC(2026, 11, 10, 12);
  const slots = bestSlotsAround(log, { around, timeZone: 'UTC', now });
  expect(slots.length).toBeGreaterThan(0);
  expect(new Date(slots[0].start).getUTCDay()).toBe(2);
  expect(new Date(slots[0].start).getUTCHours()).toBe(18);
  for (const slot of slots) {
    expect(slot.start).toBeGreaterThanOrEqual(around - HINT_DAYS_BEFORE * DAY);
    expect(slot.start).toBeLessThan(around - HINT_DAYS_BEFORE * DAY + 7 * DAY + 3_600_000);
  }
  // A chosen time in the past: hints start from now.
  for (const slot of bestSlotsAround(log, { around: now - 30 * DAY, timeZone: 'UTC', now })) expect(slot.start).toBeGreaterThanOrEqual(now - 3_600_000);
});

test("the post log of the clip's account; the brand's time zone", async () => {
  const db = freshDb();
  await db.postLog.bulkAdd([entry('x', 1, 1, 'b1'), entry('y', 1, 1, 'b2'), entry('z', 1, 1, null)]);
  await db.brands.add({ id: 'b1', createdAt: 0, updatedAt: 0, name: 'B', color: '#2563eb', timeZone: 'Europe/Rome' });
  expect((await postLogOf(db, { brandId: 'b1', network: 'instagram' })).map((e) => e.id)).toEqual(['x']);
  expect((await postLogOf(db, { brandId: null, network: 'instagram' })).map((e) => e.id)).toEqual(['z']);
  expect(await postLogOf(db, { brandId: 'b1', network: 'web' })).toEqual([]);
  expect(await timeZoneOf(db, { brandId: 'b1' }, 'UTC')).toBe('Europe/Rome');
  expect(await timeZoneOf(db, { brandId: null }, 'UTC')).toBe('UTC');
});
