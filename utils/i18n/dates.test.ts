import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatHour, formatSlot, formatTime, formatWeekday } from './dates';

// Friday 20 November 2026, 12:34 in Rome (CET, UTC+1).
const AT = Date.UTC(2026, 10, 20, 11, 34);
const ROME = 'Europe/Rome';
// Intl may put a narrow no-break space before AM/PM: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('one date format per language', () => {
  test('English: "Nov 20, 2026, 12:34 PM" style', () => {
    expect(plain(formatDateTime(AT, 'en', ROME))).toBe('Nov 20, 2026, 12:34 PM');
    expect(plain(formatDate(AT, 'en', ROME))).toBe('Nov 20, 2026');
    expect(plain(formatTime(AT, 'en', ROME))).toBe('12:34 PM');
    expect(plain(formatSlot(AT, 'en', ROME))).toBe('Friday, Nov 20, 12:34 PM');
    expect(plain(formatSlot(AT, 'en', ROME, 'short'))).toBe('Fri, Nov 20, 12:34 PM');
    expect(plain(formatHour(9, 'en'))).toBe('9:00 AM');
    expect(formatWeekday(0, 'en')).toBe('Monday');
    expect(formatWeekday(6, 'en', 'short')).toBe('Sun');
  });

  test('Italian: "20 nov 2026, 12:34" style', () => {
    expect(formatDateTime(AT, 'it', ROME)).toBe('20 nov 2026, 12:34');
    expect(formatDate(AT, 'it', ROME)).toBe('20 nov 2026');
    expect(formatTime(AT, 'it', ROME)).toBe('12:34');
    expect(formatSlot(AT, 'it', ROME)).toBe('venerdì 20 nov, 12:34');
    expect(formatSlot(AT, 'it', ROME, 'short')).toBe('ven 20 nov, 12:34');
    expect(formatHour(9, 'it')).toBe('9:00');
    expect(formatWeekday(0, 'it')).toBe('lunedì');
    expect(formatWeekday(6, 'it', 'short')).toBe('dom');
  });

  test('the time zone is the one asked for', () => {
    expect(formatDateTime(AT, 'it', 'UTC')).toBe('20 nov 2026, 11:34');
    expect(plain(formatDateTime(AT, 'en', 'America/New_York'))).toBe('Nov 20, 2026, 6:34 AM');
  });
});

describe('every displayed date goes through utils/i18n/dates.ts', () => {
  test('no interface file formats dates or numbers on its own', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../..');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return files(path);
        return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
      });
    // `Intl.DateTimeFormat().resolvedOptions()` (the browser's zone) formats nothing and is allowed.
    const banned = /new Intl\.DateTimeFormat|\.toLocale(Date|Time)?String\(|new Intl\.NumberFormat|'en-GB'/;
    const offenders = ['components', 'entrypoints'].flatMap((dir) => files(join(root, dir))).filter((f) => banned.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
