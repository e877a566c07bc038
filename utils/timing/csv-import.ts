/**
 * Import of the post CSV files that Meta Business Suite and Instagram insights export, into
 * post-log rows of one account. Pure (no browser API): the library page reads the file, asks
 * the user to confirm the column mapping, shows the preview and the report.
 *
 * Steps: `readCsv` (papaparse: comma, semicolon or tab; BOM or not) → `guessMapping` from the
 * headers, Italian or English (the user confirms or changes it; the library remembers it per
 * header signature) → `planImport` (every row to a post or to a skip with its reason).
 * Dates are read in the account's time zone unless the cell carries its own offset.
 */
import Papa from 'papaparse';
import { isValid, parse } from 'date-fns';
import { enUS, it } from 'date-fns/locale';
import { tz } from '@date-fns/tz';
import type { PostMetrics } from '../db/post-log';

/** The post-log fields a column can feed. */
export const CSV_FIELDS = ['publishedAt', 'permalink', 'reactions', 'comments', 'shares', 'saves', 'reach', 'views'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type MetricField = Exclude<CsvField, 'publishedAt' | 'permalink'>;
export const METRIC_FIELDS: readonly MetricField[] = ['reactions', 'comments', 'shares', 'saves', 'reach', 'views'];

/** How numeric dates like 03/04/2026 are read: day first (Italian exports) or month first
 * (English exports from Meta); 'auto' decides from the column (a first part over 12 means day
 * first) and otherwise from the header language. */
export type DateOrder = 'auto' | 'dmy' | 'mdy';

export interface CsvMapping {
  /** Column index per field; null = not in this file. */
  columns: Record<CsvField, number | null>;
  dateOrder: DateOrder;
}

export interface CsvTable {
  headers: string[];
  /** Data rows, as text cells. */
  rows: string[][];
  delimiter: string;
}

export type CsvFileError = 'empty' | 'not-csv' | 'no-rows' | 'no-date-column';

/** Why a row was left out. */
export type SkipReason = 'no-date' | 'bad-date' | 'bad-number' | 'no-counts' | 'bad-permalink' | 'duplicate';

export interface SkippedRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  reason: SkipReason;
  /** The offending cell's text, when there is one. */
  value: string | null;
  field: CsvField | null;
}

export interface ImportedPost {
  line: number;
  publishedAt: number;
  permalink: string | null;
  metrics: PostMetrics;
}

export interface ImportPlan {
  posts: ImportedPost[];
  skipped: SkippedRow[];
  /** The date order actually used (after 'auto'). */
  dateOrder: 'dmy' | 'mdy';
}

/** Synonyms per field, lower-case and without accents, most specific first. English and
 * Italian as Meta Business Suite and Instagram insights write them. */
const HEADER_SYNONYMS: Record<CsvField, readonly string[]> = {
  publishedAt: [
    'publish time', 'publish date', 'published', 'post time', 'date posted', 'created time', 'date',
    'orario di pubblicazione', 'ora di pubblicazione', 'data di pubblicazione', 'pubblicato', 'data',
  ],
  permalink: ['permalink', 'post link', 'link', 'url', 'link permanente', 'link al post', 'link del post'],
  reactions: ['reactions', 'likes', 'like', 'reazioni', 'mi piace'],
  comments: ['comments', 'commenti'],
  shares: ['shares', 'condivisioni'],
  saves: ['saves', 'saved', 'salvataggi', 'elementi salvati', 'salvati'],
  reach: ['reach', 'accounts reached', 'copertura', 'account raggiunti'],
  views: ['views', 'impressions', 'plays', 'visualizzazioni', 'impression', 'riproduzioni'],
};

const ITALIAN_HINTS = ['pubblicazione', 'commenti', 'condivisioni', 'copertura', 'visualizzazioni', 'reazioni', 'salvataggi', 'mi piace'];

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A stable key for "a file with these columns", to remember the user's mapping. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normalizeHeader).join('|');
}

export function headersLookItalian(headers: readonly string[]): boolean {
  const all = headers.map(normalizeHeader).join(' ');
  return ITALIAN_HINTS.some((w) => all.includes(w));
}

/** Reads CSV text (one BOM or none; comma, semicolon or tab). */
export function readCsv(text: string): CsvTable | CsvFileError {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return 'empty';
  // A text file has no NUL bytes and few control characters; a spreadsheet or image has many.
  // eslint-disable-next-line no-control-regex
  const control = (body.slice(0, 4096).match(/[\u0000-\u0008\u000E-\u001F]/g) ?? []).length;
  if (control > 0) return 'not-csv';
  const result = Papa.parse<string[]>(body, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: 'greedy' });
  const rows = result.data.map((r) => r.map((c) => (c ?? '').trim()));
  if (rows.length === 0 || rows[0].length < 2) return 'not-csv';
  const [headers, ...data] = rows;
  if (data.length === 0) return 'no-rows';
  return { headers, rows: data, delimiter: result.meta.delimiter };
}

/** The best guess of which column feeds which field; exact header matches first, then a
 * header containing the synonym as a word. A column feeds one field only. */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const norm = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const columns = Object.fromEntries(CSV_FIELDS.map((f) => [f, null])) as Record<CsvField, number | null>;
  for (const pass of ['exact', 'word'] as const) {
    for (const field of CSV_FIELDS) {
      if (columns[field] !== null) continue;
      for (const syn of HEADER_SYNONYMS[field]) {
        const i = norm.findIndex(
          (h, idx) => !taken.has(idx) && (pass === 'exact' ? h === syn : ` ${h} `.includes(` ${syn} `)),
        );
        if (i >= 0) {
          columns[field] = i;
          taken.add(i);
          break;
        }
      }
    }
  }
  return { columns, dateOrder: 'auto' };
}

/** A mapping remembered for another file is used only if its columns exist in this one. */
export function mappingFits(mapping: CsvMapping, headers: readonly string[]): boolean {
  return Object.values(mapping.columns).every((c) => c === null || (c >= 0 && c < headers.length));
}

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

function decideOrder(values: readonly string[], italian: boolean): 'dmy' | 'mdy' {
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  return italian ? 'dmy' : 'mdy';
}

const WORD_FORMATS = [
  'd MMMM yyyy HH:mm', 'd MMMM yyyy, HH:mm', "d MMMM yyyy 'alle' HH:mm", 'd MMM yyyy HH:mm', 'd MMM yyyy, HH:mm',
  'MMMM d, yyyy h:mm a', 'MMMM d, yyyy HH:mm', 'MMM d, yyyy h:mm a', 'MMM d, yyyy HH:mm', 'd MMMM yyyy', 'MMMM d, yyyy',
];
const ISO_LOCAL_FORMATS = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'];

/**
 * One date cell to epoch ms, or null. Without an offset in the cell the time is read in
 * `timeZone` (the account's audience zone). A local time that does not exist (02:30 on a
 * spring-forward day) moves forward to the same minute after the change (03:30); one that
 * happens twice (02:30 on a fall-back day) is read as the later, standard-time instant: what
 * @date-fns/tz does, documented in docs/best-time.md.
 */
export function parseDateCell(value: string, order: 'dmy' | 'mdy', timeZone: string): number | null {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  const zone = { in: tz(timeZone) };
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
    if (HAS_OFFSET.test(v)) {
      const ms = Date.parse(v.replace(' ', 'T'));
      return Number.isFinite(ms) ? ms : null;
    }
    for (const f of ISO_LOCAL_FORMATS) {
      const d = parse(v, f, new Date(), zone);
      if (isValid(d)) return +d;
    }
    return null;
  }
  const m = NUMERIC_DATE.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const day = order === 'dmy' ? a : b;
    const month = order === 'dmy' ? b : a;
    let year = Number(m[3]);
    if (year < 100) year += 2000;
    let hour = m[4] ? Number(m[4]) : 0;
    const minute = m[5] ? Number(m[5]) : 0;
    if (m[7]) {
      if (hour < 1 || hour > 12) return null;
      const pm = /p/i.test(m[7]);
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    const d = parse(text, 'yyyy-MM-dd HH:mm', new Date(), zone);
    return isValid(d) ? +d : null;
  }
  for (const locale of [it, enUS]) {
    for (const f of WORD_FORMATS) {
      const d = parse(v, f, new Date(), { ...zone, locale });
      if (isValid(d)) return +d;
    }
  }
  return null;
}

/** "1.234" (Italian thousands), "1,234" (English), "1 234", "" → null, "-" → null. */
export function parseCount(value: string): number | null | 'bad' {
  const v = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (v === '' || v === '-' || v === '–' || /^n\/?a$/i.test(v)) return null;
  if (/^\d+$/.test(v)) return Number(v);
  if (/^\d{1,3}([.,]\d{3})+$/.test(v)) return Number(v.replace(/[.,]/g, ''));
  // A decimal count (an average in some exports): rounded.
  if (/^\d+[.,]\d+$/.test(v)) return Math.round(Number(v.replace(',', '.')));
  return 'bad';
}

/** Keeps the permalink as a clean absolute https URL of the two sites (tracking dropped). */
export function cleanPermalink(value: string): string | null | 'bad' {
  const v = value.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'bad';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'bad';
  if (!/(^|\.)(facebook\.com|instagram\.com|fb\.com|fb\.watch)$/.test(url.hostname)) return 'bad';
  url.protocol = 'https:';
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_|fbclid|igsh|igshid|__cft__|__tn__|mibextid|ref)/i.test(key)) url.searchParams.delete(key);
  }
  return url.toString();
}

export function planImport(table: CsvTable, mapping: CsvMapping, timeZone: string): ImportPlan {
  const col = mapping.columns;
  const dateCol = col.publishedAt;
  const dateOrder =
    mapping.dateOrder === 'auto'
      ? decideOrder(dateCol === null ? [] : table.rows.map((r) => r[dateCol] ?? ''), headersLookItalian(table.headers))
      : mapping.dateOrder;
  const posts: ImportedPost[] = [];
  const skipped: SkippedRow[] = [];
  const byPermalink = new Map<string, number>();

  table.rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (field: CsvField) => {
      const c = col[field];
      return c === null ? '' : (row[c] ?? '');
    };
    const dateText = cell('publishedAt');
    if (!dateText) return skipped.push({ line, reason: 'no-date', value: null, field: 'publishedAt' });
    const publishedAt = parseDateCell(dateText, dateOrder, timeZone);
    if (publishedAt === null) return skipped.push({ line, reason: 'bad-date', value: dateText, field: 'publishedAt' });

    const metrics: PostMetrics = { reactions: null, comments: null, shares: null, saves: null, reach: null, views: null };
    for (const field of METRIC_FIELDS) {
      const n = parseCount(cell(field));
      if (n === 'bad') return skipped.push({ line, reason: 'bad-number', value: cell(field), field });
      metrics[field] = n;
    }
    if (metrics.reactions === null && metrics.comments === null && metrics.shares === null && metrics.saves === null) {
      return skipped.push({ line, reason: 'no-counts', value: null, field: null });
    }
    const permalink = cleanPermalink(cell('permalink'));
    if (permalink === 'bad') return skipped.push({ line, reason: 'bad-permalink', value: cell('permalink'), field: 'permalink' });

    if (permalink) {
      const earlier = byPermalink.get(permalink);
      if (earlier !== undefined) {
        // The same post twice in one file: the later row is kept (exports list newest data last).
        skipped.push({ line: posts[earlier].line, reason: 'duplicate', value: permalink, field: 'permalink' });
        posts[earlier] = { line, publishedAt, permalink, metrics };
        return;
      }
      byPermalink.set(permalink, posts.length);
    }
    posts.push({ line, publishedAt, permalink, metrics });
  });
  skipped.sort((a, b) => a.line - b.line);
  return { posts, skipped, dateOrder };
}
