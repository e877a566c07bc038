import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { savedReplySchema } from '../backup/format';
import { decodeCsvBytes, guessMapping, importCsvReplies, parseCsvText, planCsvRows, previewCsvImport, readCsvFile, type CsvTable } from './csv';
import { saveReply } from './store';

const SAMPLES = join(import.meta.dirname, 'samples');
const bytes = (name: string) => new Uint8Array(readFileSync(join(SAMPLES, name)));
const sample = (name: string) => new Blob([bytes(name)]);

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
function freshDb(): AppDB {
  const db = new AppDB(`csv-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

async function table(name: string): Promise<CsvTable> {
  const read = await readCsvFile(sample(name));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.table;
}

describe('decoding', () => {
  test('Windows-1252 from Italian Excel is detected and decoded (è, ì, €, —, «»)', () => {
    const { text, encoding } = decodeCsvBytes(bytes('csv-excel-it-windows1252.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Caffè e così via');
    expect(text).toContain('1,20 € — è già compreso');
    expect(text).toContain('«citazione»');
  });
  test('UTF-8 with a BOM: the BOM is dropped', () => {
    const { text, encoding } = decodeCsvBytes(bytes('csv-utf8-bom-comma.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('title,')).toBe(true);
  });
  test('the same file in UTF-8 and in Windows-1252 reads the same', async () => {
    expect((await table('csv-utf8-no-bom-semicolon.csv')).rows).toEqual((await table('csv-excel-it-windows1252.csv')).rows);
  });
});

describe('parsing', () => {
  test('semicolons, CRLF, quoted cells with line breaks and semicolons', async () => {
    const t = await table('csv-excel-it-windows1252.csv');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Titolo', 'Testo', 'Scorciatoia', 'Etichette']);
    expect(t.rows[0]).toEqual(['Orari', 'Siamo aperti dalle 9 alle 18.\r\nVi aspettiamo!', 'orari', 'info; negozio']);
    expect(t.rows).toHaveLength(7);
  });
  test('commas, quotes doubled inside quoted cells, emoji', async () => {
    const t = await table('csv-utf8-bom-comma.csv');
    expect(t.delimiter).toBe(',');
    expect(t.rows).toEqual([
      ['Hours', 'We’re open 9–6 😊'.replace('’', "'"), 'hours', 'info'],
      ['Quote, with comma', '"Thanks", she said,\nand left.', '', 'faq,quotes'],
    ]);
  });
  test.each([
    ['csv-broken-unclosed-quote.csv', { code: 'unclosed-quote', row: 2 }],
    ['csv-broken-binary.csv', { code: 'not-text' }],
    ['csv-broken-header-only.csv', { code: 'empty' }],
  ])('refuses %s', async (name, error) => {
    expect(await readCsvFile(sample(name))).toEqual({ ok: false, error });
  });
  test('refuses an empty file and one too large', async () => {
    expect(parseCsvText('  \n')).toEqual({ ok: false, error: { code: 'empty' } });
    const big = { size: 11 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await readCsvFile(big)).toEqual({ ok: false, error: { code: 'too-large' } });
  });
  test('tabs work too; short rows are padded', () => {
    const read = parseCsvText('title\tbody\tshortcut\nA\tB\nC\tD\te\n');
    expect(read.ok && read.table.rows).toEqual([['A', 'B', ''], ['C', 'D', 'e']]);
  });
});

describe('mapping', () => {
  test.each([
    [['Titolo', 'Testo', 'Scorciatoia', 'Etichette'], { title: 0, body: 1, shortcut: 2, tags: 3 }],
    [['tags', 'BODY', ' Title '], { title: 2, body: 1, shortcut: null, tags: 0 }],
    [['Risposta', 'Nome', 'Categoria'], { title: 1, body: 0, shortcut: null, tags: 2 }],
    [['Colonna A', 'Colonna B', 'C'], { title: 0, body: 1, shortcut: null, tags: null }],
    [['solo'], { title: null, body: null, shortcut: null, tags: null }],
  ])('guesses %j', (headers, mapping) => {
    expect(guessMapping(headers)).toEqual(mapping);
  });
});

describe('rows to replies', () => {
  test('the Italian Excel file: good rows become replies, every other row is reported with its reason', async () => {
    const t = await table('csv-excel-it-windows1252.csv');
    const plan = planCsvRows(t, guessMapping(t.headers), 'it');
    expect(plan.drafts.map((d) => [d.row, d.draft.title, d.draft.shortcut, d.draft.tags])).toEqual([
      [2, 'Orari', 'orari', ['info', 'negozio']],
      [3, 'Caffè e così via', 'caffe', ['prezzi']],
      [8, 'Perché sì', null, ['faq']],
    ]);
    expect(plan.drafts[0].draft.body).toBe('Siamo aperti dalle 9 alle 18.\nVi aspettiamo!');
    expect(plan.skipped).toEqual([
      { row: 4, reason: 'no-title', title: '' },
      { row: 5, reason: 'template', title: 'Prezzo speciale' },
      { row: 6, reason: 'invalid-shortcut', title: 'Spazio' },
      { row: 7, reason: 'duplicate-shortcut', title: 'Doppia' },
    ]);
  });

  test('import: one transaction; a shortcut a saved reply has is refused, the rest added valid', async () => {
    const db = freshDb();
    await saveReply(db, { title: 'Mio', body: 'Caffè!', shortcut: 'CAFFE', tags: [], networks: [], language: 'it' });
    const t = await table('csv-excel-it-windows1252.csv');
    const plan = planCsvRows(t, guessMapping(t.headers), 'it');
    const preview = await previewCsvImport(db, plan);
    expect(preview.drafts.map((d) => d.row)).toEqual([2, 8]);
    const report = await importCsvReplies(db, plan);
    expect(report.added.map((r) => r.title)).toEqual(['Orari', 'Perché sì']);
    expect(report.skipped.map((s) => [s.row, s.reason])).toEqual([
      [3, 'shortcut-taken'], [4, 'no-title'], [5, 'template'], [6, 'invalid-shortcut'], [7, 'duplicate-shortcut'],
    ]);
    expect(await db.savedReplies.count()).toBe(3);
    for (const row of await db.savedReplies.toArray()) expect(savedReplySchema.safeParse(row).success).toBe(true);
  });

  test('a remapped column: title from another column, no shortcut column', async () => {
    const t = await table('csv-utf8-bom-comma.csv');
    const plan = planCsvRows(t, { title: 2, body: 1, shortcut: null, tags: null }, 'en');
    expect(plan.drafts.map((d) => d.draft.title)).toEqual(['hours']);
    expect(plan.skipped).toEqual([{ row: 3, reason: 'no-title', title: '' }]);
  });
});
