import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { FORMULA_START, clipsToCsv, csvDate, defaultSeparator } from './csv';
import { makeClip } from './test-db';

const t = (key: string) => key.replace(/^clipsCsv/, '');

const hostile = [
  '=HYPERLINK("https://evil.example","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '=1\nsecond line', // Papa Parse's own escapeFormulae misses this one
];

function parse(csv: string, delimiter: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1).replace(/\r\n$/, ''), { delimiter });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('clipsToCsv', () => {
  test('UTF-8 BOM, CRLF, headers in the interface language, one row per clip', () => {
    const clip = makeClip('a', { text: 'Perché sì; "davvero", sì\nriga due', hashtags: ['pasta', 'cucina'], tags: ['ricette'], counts: { reactions: 3, comments: null, shares: 0 } });
    const csv = clipsToCsv([clip], { t, separator: ';', timeZone: 'Europe/Rome' });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFNetwork;Status;ScheduledAt;AuthorName;AuthorHandle;Text;Hashtags;Tags;Note;Link;PostedAt;ClippedAt;Reactions;Comments;Shares;Images;Id');
    const [header, row] = parse(csv, ';');
    const get = (name: string) => row[header.indexOf(name)];
    expect(get('Text')).toBe('Perché sì; "davvero", sì\nriga due');
    expect(get('Hashtags')).toBe('#pasta #cucina');
    expect(get('Reactions')).toBe('3');
    expect(get('Comments')).toBe('');
    expect(get('Shares')).toBe('0');
    expect(get('ClippedAt')).toBe('2026-10-01 10:00'); // 08:00 UTC in Rome (summer time)
  });

  test.each(hostile)('neutralises the formula %j with a leading apostrophe', (payload) => {
    const clip = makeClip('a', { text: payload, authorName: payload, note: payload, tags: [payload] });
    for (const separator of [',', ';'] as const) {
      const [header, row] = parse(clipsToCsv([clip], { t, separator }), separator);
      for (const column of ['Text', 'AuthorName', 'Note', 'Tags']) expect(row[header.indexOf(column)]).toBe(`'${payload}`);
    }
  });

  test('leaves ordinary text alone', () => {
    const [header, row] = parse(clipsToCsv([makeClip('a', { text: 'Ciao = ciao, a-b' })], { t, separator: ',' }), ',');
    expect(row[header.indexOf('Text')]).toBe('Ciao = ciao, a-b');
  });

  test('the separator follows the interface language', () => {
    expect(defaultSeparator('it')).toBe(';');
    expect(defaultSeparator('en')).toBe(',');
  });

  test('dates in the given zone; none is an empty cell', () => {
    expect(csvDate(null)).toBe('');
    expect(csvDate(Date.UTC(2026, 0, 15, 23, 30), 'Europe/Rome')).toBe('2026-01-16 00:30');
    expect(FORMULA_START.test('a=1')).toBe(false);
  });
});
