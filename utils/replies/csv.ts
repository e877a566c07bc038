import Papa from 'papaparse';
import type { AppDB } from '../db/app-db';
import { stampNew } from '../db/record';
import type { SavedReply } from '../db/saved-replies';
import { normalizeDraft, shortcutKey, validateDraft, type ReplyDraft, type ReplyProblem } from './store';

/**
 * Saved replies from a spreadsheet (see docs/replies-csv.md): decode the bytes (UTF-8
 * with or without BOM, or the Windows-1252 of Italian Excel), parse with papaparse
 * (comma, semicolon or tab; quoted fields with line breaks), map columns to fields,
 * then turn rows into replies, each refused row with its reason. Nothing is written
 * until `importCsvReplies`, in one transaction.
 */

export const MAX_CSV_BYTES = 10 * 1024 * 1024;
export const MAX_CSV_ROWS = 10_000;

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252:
 * what Excel writes on an Italian Windows ("CSV (delimitato dal separatore di elenco)"). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // `fatal` throws on the first invalid sequence; the BOM is skipped by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), encoding: 'windows-1252' };
  }
}

/** Windows-1252's bytes 0x80–0x9F (€, “ ”, –, —, …). Browsers decode them as the WHATWG
 * Encoding standard says; some Node versions decode "windows-1252" as ISO-8859-1 and
 * leave C1 control characters instead (nodejs/node#56542). Mapping what is left keeps
 * the result the same everywhere; in a browser there is nothing left to map. */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}

export type CsvErrorCode = 'too-large' | 'empty' | 'not-text' | 'unclosed-quote' | 'too-many-rows' | 'unreadable';

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  /** Data rows (the header excluded), each padded to the headers' length. */
  rows: string[][];
}

export type CsvReadResult = { ok: true; table: CsvTable } | { ok: false; error: { code: CsvErrorCode; row?: number } };

/** Control characters other than tab and line breaks: a spreadsheet never has these,
 * a binary file (an image or a .xlsx chosen by mistake) is full of them. */
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

export function parseCsvText(text: string, encoding: CsvEncoding = 'utf-8'): CsvReadResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, error: { code: 'empty' } };
  if (BINARY.test(clean.slice(0, 4096))) return { ok: false, error: { code: 'not-text' } };
  const parsed = Papa.parse<string[]>(clean, { delimiter: '', delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  // Spreadsheet rows are 1-based and the header is row 1.
  if (quote) return { ok: false, error: { code: 'unclosed-quote', row: (quote.row ?? 0) + 1 } };
  const [header, ...data] = parsed.data;
  if (!header || data.length === 0) return { ok: false, error: { code: 'empty' } };
  if (data.length > MAX_CSV_ROWS) return { ok: false, error: { code: 'too-many-rows' } };
  const headers = header.map((h) => h.trim());
  const width = Math.max(headers.length, ...data.map((r) => r.length));
  const pad = (row: string[]) => [...row, ...Array(width - row.length).fill('')];
  return { ok: true, table: { encoding, delimiter: parsed.meta.delimiter, headers: pad(headers), rows: data.map(pad) } };
}

export async function readCsvFile(file: Blob): Promise<CsvReadResult> {
  if (file.size > MAX_CSV_BYTES) return { ok: false, error: { code: 'too-large' } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, error: { code: 'unreadable' } };
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  return parseCsvText(text, encoding);
}

// ------------------------------------------------------------------ mapping

export const CSV_FIELDS = ['title', 'body', 'shortcut', 'tags'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Column index per field; null = not in the file. */
export type CsvMapping = Record<CsvField, number | null>;

/** Header names people use, in English and Italian, lower case without accents. */
const HEADER_NAMES: Record<CsvField, string[]> = {
  title: ['title', 'titolo', 'name', 'nome', 'oggetto', 'subject'],
  body: ['body', 'text', 'testo', 'reply', 'risposta', 'message', 'messaggio', 'content', 'contenuto'],
  shortcut: ['shortcut', 'scorciatoia', 'abbreviazione', 'code', 'codice', 'keyword', 'parola chiave'],
  tags: ['tags', 'tag', 'etichette', 'etichetta', 'categoria', 'categorie', 'category', 'labels'],
};

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** A first guess from the headers; the user corrects it in the mapping step. */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const folded = headers.map(fold);
  const mapping = { title: null, body: null, shortcut: null, tags: null } as CsvMapping;
  const used = new Set<number>();
  for (const field of CSV_FIELDS) {
    const index = folded.findIndex((h, i) => !used.has(i) && HEADER_NAMES[field].includes(h));
    if (index !== -1) {
      mapping[field] = index;
      used.add(index);
    }
  }
  // No recognisable header at all: the first two columns are title and text.
  if (mapping.title === null && mapping.body === null && headers.length >= 2) return { title: 0, body: 1, shortcut: null, tags: null };
  return mapping;
}

// ------------------------------------------------------------------ rows → replies

export type CsvSkipReason =
  | 'no-title'
  | 'no-body'
  | 'too-long'
  | 'invalid-shortcut'
  | 'template'
  /** An earlier row of the file has the same shortcut. */
  | 'duplicate-shortcut'
  /** A saved reply already has this shortcut. */
  | 'shortcut-taken';

export interface CsvSkippedRow {
  /** As the spreadsheet numbers it (the header is row 1). */
  row: number;
  reason: CsvSkipReason;
  /** The title, when the row has one, to find it again. */
  title: string;
}

export interface CsvPlan {
  drafts: { row: number; draft: ReplyDraft }[];
  skipped: CsvSkippedRow[];
}

/** Tags in one cell: "info; negozio", "info, negozio" or "#info #negozio". */
function tagsOf(cell: string): string[] {
  const parts = cell.includes('#') && !/[,;]/.test(cell) ? cell.split(/\s+/) : cell.split(/[,;]/);
  return parts;
}

function reasonOf(problem: ReplyProblem): CsvSkipReason {
  if (problem.code === 'required') return problem.field === 'title' ? 'no-title' : 'no-body';
  if (problem.code === 'template') return 'template';
  if (problem.field === 'shortcut' && problem.code === 'invalid') return 'invalid-shortcut';
  return 'too-long';
}

/** The replies the rows make (in `language`), and every row refused with its reason.
 * Rows entirely empty are left out silently. Needs no database. */
export function planCsvRows(table: CsvTable, mapping: CsvMapping, language: string): CsvPlan {
  const cell = (row: string[], field: CsvField) => (mapping[field] === null ? '' : (row[mapping[field]!] ?? ''));
  const plan: CsvPlan = { drafts: [], skipped: [] };
  const shortcuts = new Set<string>();
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const draft = normalizeDraft({
      title: cell(cells, 'title'),
      // Excel writes CRLF inside quoted cells; a reply's lines are LF.
      body: cell(cells, 'body').replace(/\r\n?/g, '\n').trim(),
      shortcut: cell(cells, 'shortcut'),
      tags: tagsOf(cell(cells, 'tags')),
      networks: [],
      language,
    });
    const problems = validateDraft(draft);
    if (problems.length > 0) return void plan.skipped.push({ row, reason: reasonOf(problems[0]), title: draft.title });
    if (draft.shortcut !== null) {
      const key = shortcutKey(draft.shortcut);
      if (shortcuts.has(key)) return void plan.skipped.push({ row, reason: 'duplicate-shortcut', title: draft.title });
      shortcuts.add(key);
    }
    plan.drafts.push({ row, draft });
  });
  return plan;
}

export interface CsvImportReport {
  added: SavedReply[];
  skipped: CsvSkippedRow[];
}

/**
 * Writes the plan's replies in one transaction, refusing (as skipped rows) those whose
 * shortcut a saved reply already has: checked inside the transaction, so it holds.
 */
export async function importCsvReplies(db: AppDB, plan: CsvPlan, now = Date.now()): Promise<CsvImportReport> {
  return db.transaction('rw', db.savedReplies, async () => {
    const added: SavedReply[] = [];
    const skipped = [...plan.skipped];
    const taken = await takenShortcuts(db);
    for (const { row, draft } of plan.drafts) {
      if (draft.shortcut !== null && taken.has(shortcutKey(draft.shortcut))) {
        skipped.push({ row, reason: 'shortcut-taken', title: draft.title });
        continue;
      }
      const { id: _id, ...fields } = draft;
      added.push(stampNew({ ...fields, brandId: fields.brandId ?? null, shortcut: fields.shortcut, useCount: 0, lastUsedAt: null }, now));
    }
    await db.savedReplies.bulkAdd(added);
    return { added, skipped: skipped.sort((a, b) => a.row - b.row) };
  });
}

async function takenShortcuts(db: AppDB): Promise<Set<string>> {
  const taken = new Set<string>();
  await db.savedReplies.each((reply) => void (reply.shortcut !== null && taken.add(shortcutKey(reply.shortcut))));
  return taken;
}

/** Same as the write, without writing: for the preview. */
export async function previewCsvImport(db: AppDB, plan: CsvPlan): Promise<CsvPlan> {
  const drafts: CsvPlan['drafts'] = [];
  const skipped = [...plan.skipped];
  const taken = await takenShortcuts(db);
  for (const item of plan.drafts) {
    if (item.draft.shortcut !== null && taken.has(shortcutKey(item.draft.shortcut))) {
      skipped.push({ row: item.row, reason: 'shortcut-taken', title: item.draft.title });
    } else drafts.push(item);
  }
  return { drafts, skipped: skipped.sort((a, b) => a.row - b.row) };
}
