import { describe, expect, test } from 'vitest';
import { estimateBestTimes } from './estimate';
import { localHourStarts, localSlot, nextSlots } from './local-time';
import { FLAT_PRIOR } from './priors';
import { post, romeTime } from './test-helpers';

const ROME = 'Europe/Rome';
const SUN = 6;
const HOUR = 3_600_000;

describe('localSlot', () => {
  test('Monday is day 0, hours in h23', () => {
    // 2026-06-01 is a Monday; 00:30 CEST = 2026-05-31 22:30 UTC.
    expect(localSlot(romeTime(2026, 6, 1, 0, 30, 2), ROME)).toEqual({ day: 0, hour: 0 });
    expect(localSlot(romeTime(2026, 6, 7, 23, 59, 2), ROME)).toEqual({ day: 6, hour: 23 });
    expect(localSlot(Date.UTC(2026, 5, 1, 0, 30), 'UTC')).toEqual({ day: 0, hour: 0 });
  });

  test('25 October 2026 (03:00 CEST -> 02:00 CET): 02:30 happens twice, both in Sunday hour 2', () => {
    const cest = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST (UTC+2)
    const cet = Date.UTC(2026, 9, 25, 1, 30); // 02:30 CET (UTC+1)
    expect(localSlot(cest, ROME)).toEqual({ day: SUN, hour: 2 });
    expect(localSlot(cet, ROME)).toEqual({ day: SUN, hour: 2 });
    expect(localSlot(Date.UTC(2026, 9, 25, 2, 30), ROME)).toEqual({ day: SUN, hour: 3 });
  });

  test('29 March 2026 (02:00 CET -> 03:00 CEST): 02:30 does not exist', () => {
    expect(localSlot(Date.UTC(2026, 2, 29, 0, 59), ROME)).toEqual({ day: SUN, hour: 1 }); // 01:59 CET
    expect(localSlot(Date.UTC(2026, 2, 29, 1, 0), ROME)).toEqual({ day: SUN, hour: 3 }); // 03:00 CEST
    expect(localSlot(Date.UTC(2026, 2, 29, 1, 30), ROME)).toEqual({ day: SUN, hour: 3 }); // 03:30 CEST
    const hours = new Set<number>();
    for (let t = Date.UTC(2026, 2, 28, 22, 0); t < Date.UTC(2026, 2, 29, 4, 0); t += 60_000) {
      const s = localSlot(t, ROME);
      if (s.day === SUN) hours.add(s.hour);
    }
    expect([...hours].sort()).toEqual([0, 1, 3, 4, 5]);
  });
});

describe('nextSlots', () => {
  test('an ordinary week: 168 local hours, each (day, hour) once, all on the hour', () => {
    const now = romeTime(2026, 6, 1, 0, 0, 2); // Monday 00:00 CEST
    const slots = nextSlots(now, ROME, 7);
    expect(slots).toHaveLength(168);
    expect(new Set(slots.map((s) => s.day * 24 + s.hour)).size).toBe(168);
    expect(slots[0]).toEqual({ start: now, day: 0, hour: 0 });
    for (const s of slots) {
      expect(localSlot(s.start, ROME)).toEqual({ day: s.day, hour: s.hour });
      expect(new Date(s.start).getUTCMinutes()).toBe(0);
    }
  });

  test('week spanning 29 March 2026: 167 instants, Sunday 02:00 missing', () => {
    const now = romeTime(2026, 3, 23, 0, 0, 1); // Monday 00:00 CET
    const raw = localHourStarts(now, ROME, 7);
    const slots = nextSlots(now, ROME, 7);
    expect(raw).toHaveLength(167);
    expect(slots).toHaveLength(167);
    expect(slots.some((s) => s.day === SUN && s.hour === 2)).toBe(false);
    expect(slots.at(-1)).toEqual({ start: romeTime(2026, 3, 29, 23, 0, 2), day: SUN, hour: 23 });
    for (let i = 1; i < slots.length; i++) expect(slots[i].start - slots[i - 1].start).toBe(HOUR);
  });

  test('week spanning 25 October 2026: 169 instants before dedupe, 168 distinct local hours after', () => {
    const now = romeTime(2026, 10, 19, 0, 0, 2); // Monday 00:00 CEST
    const raw = localHourStarts(now, ROME, 7);
    expect(raw).toHaveLength(169);
    expect(raw.filter((s) => s.day === SUN && s.hour === 2).map((s) => s.start)).toEqual([
      Date.UTC(2026, 9, 25, 0, 0),
      Date.UTC(2026, 9, 25, 1, 0),
    ]);
    const slots = nextSlots(now, ROME, 7);
    expect(slots).toHaveLength(168);
    expect(new Set(slots.map((s) => s.day * 24 + s.hour)).size).toBe(168);
    // The repeated hour is kept once, at its first (summer-time) instant.
    expect(slots.find((s) => s.day === SUN && s.hour === 2)?.start).toBe(Date.UTC(2026, 9, 25, 0, 0));
    expect(slots.at(-1)).toEqual({ start: romeTime(2026, 10, 25, 23, 0, 1), day: SUN, hour: 23 });
  });

  test('starts after now, and works for a half-hour offset zone', () => {
    const now = romeTime(2026, 6, 3, 10, 30, 2);
    const slots = nextSlots(now, ROME, 1);
    expect(slots[0]).toEqual({ start: romeTime(2026, 6, 3, 11, 0, 2), day: 2, hour: 11 });
    expect(slots).toHaveLength(24);
    const india = nextSlots(Date.UTC(2026, 5, 1, 0, 0), 'Asia/Kolkata', 7);
    expect(india).toHaveLength(168);
    for (const s of india) expect(new Date(s.start).getUTCMinutes()).toBe(30);
  });

  test('no days, no slots', () => {
    expect(nextSlots(Date.UTC(2026, 0, 1), ROME, 0)).toEqual([]);
  });
});

describe('posts across a DST change land in their local weekday and hour', () => {
  for (const [label, monday, before, after, changeDay] of [
    ['spring 2026', 23, 1, 2, 29],
    ['autumn 2026', 19, 2, 1, 25],
  ] as const) {
    test(label, () => {
      const month = label.startsWith('spring') ? 3 : 10;
      const entries = [];
      const expected: { day: number; hour: number }[] = [];
      for (let day = 0; day < 7; day++) {
        const date = monday + day;
        for (const hour of [0, 9, 12, 21, 23]) {
          // On the change day, hours from 04:00 on are after the change.
          const offset = date < changeDay || (date === changeDay && hour < 2) ? before : after;
          entries.push(post(romeTime(2026, month, date, hour, 15, offset), 10));
          expected.push({ day, hour });
        }
      }
      expect(entries.map((e) => localSlot(e.publishedAt, ROME))).toEqual(expected);
      const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: Date.UTC(2026, 11, 1) });
      for (const { day, hour } of expected) expect(grid.cells[day * 24 + hour].posts).toBe(1);
      expect(grid.totalPosts).toBe(35);
    });
  }
});
