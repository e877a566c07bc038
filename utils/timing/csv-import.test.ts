import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  cleanPermalink,
  guessMapping,
  headerSignature,
  parseCount,
  parseDateCell,
  planImport,
  readCsv,
  type CsvTable,
} from './csv-import';

const ROME = 'Europe/Rome';
const sample = (name: string) => readFileSync(new URL(`../../tests/data/best-time/${name}`, import.meta.url), 'utf8');
function table(name: string): CsvTable {
  const t = readCsv(sample(name));
  if (typeof t === 'string') throw new Error(t);
  return t;
}

describe('Meta Business Suite export, English, comma, quoted fields', () => {
  const t = table('meta-business-suite-facebook-en.csv');
  const mapping = guessMapping(t.headers);
  const plan = planImport(t, mapping, ROME);

  test('columns found among the extra ones', () => {
    expect(t.delimiter).toBe(',');
    const name = (i: number | null) => (i === null ? null : t.headers[i]);
    expect(name(mapping.columns.publishedAt)).toBe('Publish time');
    expect(name(mapping.columns.permalink)).toBe('Permalink');
    expect(name(mapping.columns.reactions)).toBe('Reactions');
    expect(name(mapping.columns.comments)).toBe('Comments');
    expect(name(mapping.columns.shares)).toBe('Shares');
    expect(name(mapping.columns.reach)).toBe('Reach');
    expect(name(mapping.columns.views)).toBe('Views');
    expect(mapping.columns.saves).toBeNull();
  });

  test('month-first dates in the account zone, thousands separators, tracking removed', () => {
    expect(plan.dateOrder).toBe('mdy');
    expect(plan.posts).toHaveLength(5);
    const first = plan.posts[0];
    expect(first.publishedAt).toBe(Date.UTC(2026, 2, 15, 13, 30)); // 14:30 CET
    expect(first.permalink).toBe('https://www.facebook.com/spallademo/posts/pfbid0abc111');
    expect(first.metrics).toEqual({ reactions: 80, comments: 12, shares: 5, saves: null, reach: 1210, views: 1520 });
    expect(plan.posts[2].metrics.reach).toBe(9800);
  });

  test('02:30 on 29 March 2026 (does not exist in Rome) is read as 03:30 CEST', () => {
    const dst = plan.posts.find((p) => p.permalink?.endsWith('pfbid0abc114'))!;
    expect(dst.publishedAt).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  test('skipped rows, each with its line and reason', () => {
    expect(plan.skipped).toEqual([
      { line: 6, reason: 'bad-date', value: '32/13/2026 25:00', field: 'publishedAt' },
      { line: 7, reason: 'no-counts', value: null, field: null },
      { line: 8, reason: 'no-date', value: null, field: 'publishedAt' },
    ]);
  });
});

describe('Instagram insights export, Italian, semicolon, BOM', () => {
  const raw = sample('instagram-insights-it.csv');
  const t = table('instagram-insights-it.csv');
  const plan = planImport(t, guessMapping(t.headers), ROME);

  test('the BOM is dropped, headers in Italian are understood', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(t.delimiter).toBe(';');
    expect(t.headers[0]).toBe('ID post');
    const m = guessMapping(t.headers).columns;
    expect(t.headers[m.publishedAt!]).toBe('Orario di pubblicazione');
    expect(t.headers[m.reactions!]).toBe('Mi piace');
    expect(t.headers[m.saves!]).toBe('Salvataggi');
    expect(t.headers[m.reach!]).toBe('Copertura');
    expect(t.headers[m.views!]).toBe('Visualizzazioni');
    expect(t.headers[m.comments!]).toBe('Commenti');
  });

  test('day-first dates, Italian thousands, the repeated post keeps its later row', () => {
    expect(plan.dateOrder).toBe('dmy');
    expect(plan.posts[0].publishedAt).toBe(Date.UTC(2026, 2, 15, 7, 10));
    expect(plan.posts[0].permalink).toBe('https://www.instagram.com/p/DAbc111/');
    expect(plan.posts[0].metrics).toEqual({ reactions: 120, comments: 15, shares: 4, saves: 22, reach: 987, views: 1234 });
    const tiramisu = plan.posts.filter((p) => p.permalink === 'https://www.instagram.com/p/DAbc112/');
    expect(tiramisu).toHaveLength(1);
    expect(tiramisu[0].metrics.reactions).toBe(230);
    expect(plan.posts).toHaveLength(4);
  });

  test('02:30 on 25 October 2026 (happens twice) is read as the later instant, 02:30 CET', () => {
    const p = plan.posts.find((x) => x.permalink?.includes('DAbc114'))!;
    expect(p.publishedAt).toBe(Date.UTC(2026, 9, 25, 1, 30));
  });

  test('report', () => {
    expect(plan.skipped).toEqual([
      { line: 3, reason: 'duplicate', value: 'https://www.instagram.com/p/DAbc112/', field: 'permalink' },
      { line: 6, reason: 'bad-number', value: 'tanti', field: 'reactions' },
    ]);
  });
});

describe('Italian month names, ISO with and without offset, extra columns', () => {
  const t = table('facebook-mesi-italiani.csv');
  const plan = planImport(t, guessMapping(t.headers), ROME);
  test('all four rows', () => {
    expect(plan.skipped).toEqual([]);
    expect(plan.posts.map((p) => p.publishedAt)).toEqual([
      Date.UTC(2026, 2, 15, 13, 30),
      Date.UTC(2026, 3, 2, 7, 0),
      Date.UTC(2026, 3, 5, 9, 15),
      Date.UTC(2026, 3, 6, 16, 0),
    ]);
    expect(plan.posts[0].metrics).toEqual({ reactions: 55, comments: 4, shares: 2, saves: null, reach: 800, views: null });
  });
});

describe('files that import nothing say why', () => {
  test('not an export: no publish-time column', () => {
    const t = table('broken-not-an-export.csv');
    expect(guessMapping(t.headers).columns.publishedAt).toBeNull();
  });
  test('empty, header only, binary', () => {
    expect(readCsv('')).toBe('empty');
    expect(readCsv('\uFEFF  \n')).toBe('empty');
    expect(readCsv('Publish time,Reactions\n')).toBe('no-rows');
    expect(readCsv('PK\u0003\u0004\u0000\u0000garbage')).toBe('not-csv');
    expect(readCsv('just one column\nvalue')).toBe('not-csv');
  });
});

describe('cells', () => {
  test('dates', () => {
    expect(parseDateCell('03/15/2026 14:30', 'mdy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('15/03/2026 14:30', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('15.03.2026 14.30', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('3/15/2026 2:30 PM', 'mdy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('15 mar 2026, 14:30', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('March 15, 2026 2:30 PM', 'mdy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('2026-03-15T14:30:00Z', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 14, 30));
    expect(parseDateCell('2026-03-15 14:30', 'dmy', 'America/New_York')).toBe(Date.UTC(2026, 2, 15, 18, 30));
    expect(parseDateCell('Lifetime', 'mdy', ROME)).toBeNull();
    expect(parseDateCell('13/13/2026 10:00', 'dmy', ROME)).toBeNull();
  });
  test('counts', () => {
    expect(parseCount('1.234')).toBe(1234);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('12 400')).toBe(12400);
    expect(parseCount('')).toBeNull();
    expect(parseCount('-')).toBeNull();
    expect(parseCount('molti')).toBe('bad');
  });
  test('permalinks', () => {
    expect(cleanPermalink('https://www.instagram.com/p/X/?igsh=abc&utm_source=x')).toBe('https://www.instagram.com/p/X/');
    expect(cleanPermalink('javascript:alert(1)')).toBe('bad');
    expect(cleanPermalink('https://evil.example/p/X')).toBe('bad');
    expect(cleanPermalink('')).toBeNull();
  });
  test('header signature ignores case and accents', () => {
    expect(headerSignature(['Città', 'Publish Time'])).toBe(headerSignature(['citta', 'publish time']));
  });
});
