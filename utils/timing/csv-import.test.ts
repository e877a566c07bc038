import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  cleanPermalink,
  guessMapping,
  headerSignature,
  META_EXPORT_TIME_ZONE,
  parseCount,
  parseDateCell,
  planImport,
  readCsv,
  wallTimeToInstant,
  withTimeZone,
  type CsvTable,
} from './csv-import';

const ROME = 'Europe/Rome';
const LA = 'America/Los_Angeles';
const sample = (name: string) => readFileSync(new URL(`../../tests/data/best-time/${name}`, import.meta.url), 'utf8');
function table(name: string): CsvTable {
  const t = readCsv(sample(name));
  if (typeof t === 'string') throw new Error(t);
  return t;
}
function inline(text: string): CsvTable {
  const t = readCsv(text);
  if (typeof t === 'string') throw new Error(t);
  return t;
}
/** Rome's wall clock for an instant, "2025-07-05 03:30". */
const romeWall = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: ROME, dateStyle: 'short', timeStyle: 'short' }).format(ms);
const named = (t: CsvTable, i: number | null) => (i === null ? null : t.headers[i]);

describe('Facebook Page export (Meta Business Suite, English, 2024 layout)', () => {
  const t = table('meta-facebook-page-en.csv');
  const mapping = guessMapping(t.headers);
  const plan = planImport(t, mapping, ROME);

  test('columns among the 39, the file zone is US Pacific', () => {
    expect(t.delimiter).toBe(',');
    expect(t.headers).toHaveLength(39);
    const c = mapping.columns;
    expect(named(t, c.publishedAt)).toBe('Publish time');
    expect(named(t, c.permalink)).toBe('Permalink');
    expect(named(t, c.reactions)).toBe('Reactions');
    expect(named(t, c.comments)).toBe('Comments');
    expect(named(t, c.shares)).toBe('Shares');
    expect(named(t, c.reach)).toBe('Reach');
    // No Views before November 2025; "3-second video views" is not the post's views.
    expect(c.views).toBeNull();
    expect(c.saves).toBeNull();
    expect(mapping.timeZone).toBe(LA);
    expect(plan.fileZone).toBe(LA);
  });

  test('every row is a post, multi-line captions and all', () => {
    expect(plan.skipped).toEqual([]);
    expect(plan.posts).toHaveLength(14);
    expect(plan.dateOrder).toBe('mdy');
  });

  test('"03/07/2024 20:09" Pacific (PST) is filed at 05:09 on 8 March in Rome, not 20:09 on the 7th', () => {
    const p = plan.posts.find((x) => x.permalink?.endsWith('pfbid0SAMPLE0008'))!;
    expect(p.publishedAt).toBe(Date.UTC(2024, 2, 8, 4, 9));
    expect(romeWall(p.publishedAt)).toBe('2024-03-08 05:09');
    expect(p.metrics).toEqual({ reactions: 3189, comments: 157, shares: 268, saves: null, reach: 44992, views: null });
  });

  test('DST weeks: "03/20/2024 04:41" is PDT (US changed 10 March) and CET (EU changes 31 March): 8 hours, not 9', () => {
    const p = plan.posts.find((x) => x.permalink?.endsWith('pfbid0SAMPLE0006'))!;
    expect(p.publishedAt).toBe(Date.UTC(2024, 2, 20, 11, 41));
    expect(romeWall(p.publishedAt)).toBe('2024-03-20 12:41');
  });

  test('photo.php links keep the photo id; empty counts stay empty', () => {
    expect(plan.posts.some((p) => p.permalink === 'https://www.facebook.com/photo.php?fbid=1000000000000009&set=a.1000000000000000&type=3')).toBe(true);
    const reel = plan.posts.find((x) => x.permalink?.endsWith('pfbid0SAMPLE0003'))!;
    expect(reel.metrics).toEqual({ reactions: 0, comments: 0, shares: 0, saves: null, reach: null, views: null });
  });
});

describe('Instagram export (English, 2025 layout with Views)', () => {
  const t = table('meta-instagram-en.csv');
  const mapping = guessMapping(t.headers);
  const plan = planImport(t, mapping, ROME);

  test('columns: Likes feed reactions, Views and Saves are read', () => {
    const c = mapping.columns;
    expect(named(t, c.publishedAt)).toBe('Publish time');
    expect(named(t, c.reactions)).toBe('Likes');
    expect(named(t, c.views)).toBe('Views');
    expect(named(t, c.saves)).toBe('Saves');
    expect(named(t, c.reach)).toBe('Reach');
    expect(mapping.timeZone).toBe(META_EXPORT_TIME_ZONE);
    expect(plan.posts).toHaveLength(14);
    expect(plan.skipped).toEqual([]);
  });

  test('"07/04/2025 18:30" Pacific lands at 03:30 on 5 July in Europe/Rome', () => {
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/p/SAMPLEa11/')!;
    expect(p.publishedAt).toBe(Date.UTC(2025, 6, 5, 1, 30));
    expect(romeWall(p.publishedAt)).toBe('2025-07-05 03:30');
    expect(p.metrics).toEqual({ reactions: 48, comments: 0, shares: 0, saves: 0, reach: 134362, views: 4211 });
    // Before: read in the account zone, the same post was filed 9 hours earlier.
    const before = planImport(t, { ...mapping, timeZone: null }, ROME).posts.find((x) => x.permalink === p.permalink)!;
    expect(romeWall(before.publishedAt)).toBe('2025-07-04 18:30');
  });

  test('late October: the US is still on summer time, the EU is not: 09:00 PDT is 17:00 in Rome', () => {
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/reel/SAMPLEa13/')!;
    expect(romeWall(p.publishedAt)).toBe('2025-10-28 17:00');
  });

  test('01:30 on 2 November 2025 happens twice in Los Angeles: the first one (PDT) is taken', () => {
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/p/SAMPLEa14/')!;
    expect(p.publishedAt).toBe(Date.UTC(2025, 10, 2, 8, 30));
  });

  test('a post with no views and no reach yet keeps its likes', () => {
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/p/SAMPLEa04/')!;
    expect(p.metrics).toEqual({ reactions: 127, comments: 8, shares: 5, saves: 0, reach: null, views: null });
  });
});

describe('Instagram export with Italian headers', () => {
  const t = table('meta-instagram-it.csv');
  const mapping = guessMapping(t.headers);
  const plan = planImport(t, mapping, ROME);

  test('Italian headers understood; the zone is US Pacific as in English exports', () => {
    const c = mapping.columns;
    expect(named(t, c.publishedAt)).toBe('Orario di pubblicazione');
    expect(named(t, c.reactions)).toBe('Mi piace');
    expect(named(t, c.comments)).toBe('Commenti');
    expect(named(t, c.shares)).toBe('Condivisioni');
    expect(named(t, c.saves)).toBe('Salvataggi');
    expect(named(t, c.reach)).toBe('Copertura');
    expect(named(t, c.views)).toBe('Visualizzazioni');
    expect(mapping.timeZone).toBe(LA);
  });

  test('every date is ambiguous (days 1-12): read month first, as Meta writes them, not day first', () => {
    expect(plan.dateOrder).toBe('mdy');
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/p/SAMPLEi02/')!;
    // "05/03/2025 18:30" Pacific = 3 May, 18:30 PDT = Sunday 4 May, 03:30 in Rome (not 5 March).
    expect(p.publishedAt).toBe(Date.UTC(2025, 4, 4, 1, 30));
    expect(romeWall(p.publishedAt)).toBe('2025-05-04 03:30');
  });

  test('the repeated post keeps its later row; the report says which line was dropped', () => {
    expect(plan.posts).toHaveLength(7);
    expect(plan.skipped).toEqual([{ line: 3, reason: 'duplicate', value: 'https://www.instagram.com/p/SAMPLEi02/', field: 'permalink' }]);
    const p = plan.posts.find((x) => x.permalink === 'https://www.instagram.com/p/SAMPLEi02/')!;
    expect(p.metrics.reactions).toBe(80);
  });

  test('a date with a first part over 13 proves the file day first', () => {
    const text = `${sample('meta-instagram-it.csv').split('\n')[0]}
17841400000000002,esempio,"Account di esempio","Foto: a","13/05/2025 18:30",https://www.instagram.com/p/X1/,"Foto di Instagram",10,1,0,0,0,9
17841400000000002,esempio,"Account di esempio","Foto: b","05/03/2025 18:30",https://www.instagram.com/p/X2/,"Foto di Instagram",10,1,0,0,0,9
`;
    const resaved = inline(text);
    const p = planImport(resaved, guessMapping(resaved.headers), ROME);
    expect(p.dateOrder).toBe('dmy');
    expect(p.posts.map((x) => x.publishedAt)).toEqual([Date.UTC(2025, 4, 14, 1, 30), Date.UTC(2025, 2, 6, 2, 30)]);
  });
});

describe('the file zone', () => {
  test('the user can change it: the same cell read in another zone', () => {
    const t = table('meta-instagram-en.csv');
    const m = guessMapping(t.headers);
    const inRome = planImport(t, { ...m, timeZone: ROME }, ROME).posts.find((x) => x.permalink?.endsWith('SAMPLEa11/'))!;
    expect(inRome.publishedAt).toBe(Date.UTC(2025, 6, 4, 16, 30));
  });
  test('a file that is not a Meta export is read in the account zone', () => {
    const t = inline('date,link,likes\n2026-03-15 14:30,https://www.instagram.com/p/Y/,5\n');
    const m = guessMapping(t.headers);
    expect(m.timeZone).toBeNull();
    expect(planImport(t, m, 'America/New_York').posts[0].publishedAt).toBe(Date.UTC(2026, 2, 15, 18, 30));
    expect(planImport(t, m, 'America/New_York').fileZone).toBe('America/New_York');
  });
  test('a mapping remembered before zones existed gets the zone of its headers', () => {
    const t = table('meta-facebook-page-en.csv');
    const { timeZone: _drop, ...old } = guessMapping(t.headers);
    expect(withTimeZone(old, t.headers).timeZone).toBe(LA);
    expect(withTimeZone({ ...old, timeZone: ROME }, t.headers).timeZone).toBe(ROME);
  });
  test('clock changes, one rule in every zone: a missing time moves forward, a doubled one is the first', () => {
    expect(wallTimeToInstant(Date.UTC(2025, 2, 9, 2, 30), LA)).toBe(Date.UTC(2025, 2, 9, 10, 30)); // 03:30 PDT
    expect(wallTimeToInstant(Date.UTC(2026, 2, 29, 2, 30), ROME)).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 03:30 CEST
    expect(wallTimeToInstant(Date.UTC(2026, 9, 25, 2, 30), ROME)).toBe(Date.UTC(2026, 9, 25, 0, 30)); // 02:30 CEST
    expect(wallTimeToInstant(Date.UTC(2025, 0, 4, 18, 30), 'Asia/Kolkata')).toBe(Date.UTC(2025, 0, 4, 13, 0));
  });
});

describe('rows that cannot be imported, in a Meta header', () => {
  const header = '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)","Publish time",Permalink,"Post type","Data comment",Date,Views,Likes,Shares,Comments,Saves,Reach,Follows';
  const t = inline(`${header}
1,2,u,n,"a",0,"02/30/2025 25:00",https://www.instagram.com/p/A/,"IG image",,Lifetime,1,1,0,0,0,1,0
2,2,u,n,"b",0,"03/21/2025 12:00",https://www.instagram.com/p/B/,"IG image",,Lifetime,,,,,,,
3,2,u,n,"c",0,,https://www.instagram.com/p/C/,"IG image",,Lifetime,1,1,0,0,0,1,0
4,2,u,n,"d",0,"03/22/2025 12:00",https://www.instagram.com/p/D/,"IG image",,Lifetime,1,many,0,0,0,1,0
5,2,u,n,"e",0,"03/23/2025 12:00",https://example.com/p/E/,"IG image",,Lifetime,1,1,0,0,0,1,0
`);
  test('each skip with its line and reason', () => {
    expect(planImport(t, guessMapping(t.headers), ROME).skipped).toEqual([
      { line: 2, reason: 'bad-date', value: '02/30/2025 25:00', field: 'publishedAt' },
      { line: 3, reason: 'no-counts', value: null, field: null },
      { line: 4, reason: 'no-date', value: null, field: 'publishedAt' },
      { line: 5, reason: 'bad-number', value: 'many', field: 'reactions' },
      { line: 6, reason: 'bad-permalink', value: 'https://example.com/p/E/', field: 'permalink' },
    ]);
  });
});

describe('files that import nothing say why', () => {
  test('not an export: no publish-time column', () => {
    const t = table('broken-not-an-export.csv');
    expect(guessMapping(t.headers).columns.publishedAt).toBeNull();
    expect(guessMapping(t.headers).timeZone).toBeNull();
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
    expect(parseDateCell('15 marzo 2026 14:30', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('March 15, 2026 2:30 PM', 'mdy', ROME)).toBe(Date.UTC(2026, 2, 15, 13, 30));
    expect(parseDateCell('2026-03-15T14:30:00Z', 'dmy', ROME)).toBe(Date.UTC(2026, 2, 15, 14, 30));
    expect(parseDateCell('2026-04-05T11:15:00+02:00', 'dmy', LA)).toBe(Date.UTC(2026, 3, 5, 9, 15));
    expect(parseDateCell('2026-03-15 14:30', 'dmy', 'America/New_York')).toBe(Date.UTC(2026, 2, 15, 18, 30));
    expect(parseDateCell('Lifetime', 'mdy', ROME)).toBeNull();
    expect(parseDateCell('13/13/2026 10:00', 'dmy', ROME)).toBeNull();
    expect(parseDateCell('02/30/2026 10:00', 'mdy', ROME)).toBeNull();
  });
  test('counts', () => {
    expect(parseCount('18035')).toBe(18035);
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('1.234')).toBe(1234);
    expect(parseCount('')).toBeNull();
    expect(parseCount('-')).toBeNull();
    expect(parseCount('many')).toBe('bad');
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
