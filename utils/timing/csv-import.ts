/**
 * Import of the post CSV files that Meta Business Suite and Instagram insights export, into
 * post-log rows of one account. Pure (no browser API): the library page reads the file, asks
 * the user to confirm the column mapping, shows the preview and the report.
 *
 * Steps: `readCsv` (papaparse: comma, semicolon or tab; BOM or not) → `guessMapping` from the
 * headers, Italian or English (the user confirms or changes it; the library remembers it per
 * header signature) → `planImport` (every row to a post or to a skip with its reason).
 *
 * Dates are read in the file's time zone (the mapping's `timeZone`; null = the account's zone)
 * unless the cell carries its own offset. Meta writes "Publish time" in US Pacific time whatever
 * the account's country, so a Meta export's mapping says America/Los_Angeles: checked on real
 * exports of three accounts in three countries against the Graph API's `created_time` of the
 * same post ids (issue #11). The resulting instants are then binned in the account's zone.
 *
 * The shape Meta writes, from real public exports (samples and their sources in
 * tests/data/best-time/README.md): comma-separated, headers with a space quoted
 * ("Publish time"), dates quoted as "MM/DD/YYYY HH:mm", counts as plain integers, a "Date"
 * column that says "Lifetime".
 * - Facebook Page: nate-barri/Sugarcane_Artist_Management,
 *   Jan-01-2024_Apr-01-2024_1162450548895235.csv @ 0dbd86f48c624ced4151a5a425d2d0a09b3829bb
 * - Instagram: i-Blaise/ai-social-api,
 *   knowledge_base/Jan-01-2025_Dec-31-2025_4283743298543699.csv @ 7a0824e75aa6df5bad9b8a4fc1f9786ed3ceee11
 */
import Papa from 'papaparse';
import { isValid, parse } from 'date-fns';
import { enUS, it } from 'date-fns/locale';
import { tz, tzOffset } from '@date-fns/tz';
import type { PostMetrics } from '../db/post-log';

/** The post-log fields a column can feed. */
export const CSV_FIELDS = ['publishedAt', 'permalink', 'reactions', 'comments', 'shares', 'saves', 'reach', 'views'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type MetricField = Exclude<CsvField, 'publishedAt' | 'permalink'>;
export const METRIC_FIELDS: readonly MetricField[] = ['reactions', 'comments', 'shares', 'saves', 'reach', 'views'];

/** How numeric dates like 03/04/2026 are read: day first or month first. 'auto' decides from
 * the column (a first part over 12 means day first, a second part over 12 month first); when
 * every date is ambiguous, a Meta export is month first whatever its language (Meta writes
 * MM/DD/YYYY in Italian exports too), any other file follows its header language. */
export type DateOrder = 'auto' | 'dmy' | 'mdy';

/** Meta writes "Publish time" in this zone, whatever the account's country (see the top). */
export const META_EXPORT_TIME_ZONE = 'America/Los_Angeles';

export interface CsvMapping {
  /** Column index per field; null = not in this file. */
  columns: Record<CsvField, number | null>;
  dateOrder: DateOrder;
  /** The zone the file's times are written in (IANA); null = the account's zone. Cells with
   * their own offset ignore it. */
  timeZone: string | null;
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
  /** The zone the times were read in (the mapping's, or the account's). */
  fileZone: string;
}

/**
 * Synonyms per field, lower-case and without accents, most specific first.
 * English, as Meta writes them today: Facebook Page "Publish time, Permalink, Reach, Reactions,
 * Comments, Shares" and Instagram "Publish time, Permalink, Views, Likes, Shares, Comments,
 * Saves, Reach" (the real exports cited at the top). Meta renamed "Impressions" to "Views"
 * (Instagram April 2025, Facebook Pages November 2025): both are read.
 * Italian, as Meta Business Suite writes them ("Orario di pubblicazione", "Mi piace", "Commenti",
 * "Condivisioni", "Visualizzazioni", "Salvataggi", "Copertura", "Reazioni"): read by name in
 * public code that imports Italian Meta exports, e.g. `row.get("Orario di pubblicazione")`
 * parsed with "%m/%d/%Y %H:%M" next to "ID dell'account", "Nome utente dell'account", "Tipo di
 * post", "Mi piace", "Visualizzazioni"; and the Facebook mapping `{ date: 'Orario di
 * pubblicazione', views: 'Copertura', interactions: 'Reazioni, commenti e condivisioni', likes:
 * 'Reazioni', comments: 'Commenti', shares: 'Condivisioni' }` (public GitHub code, found by
 * exact string; see tests/data/best-time/README.md).
 */
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

/** The publish-time headers only Meta's exports use: a file with one of them is a Meta export
 * (times in US Pacific time, dates month first). */
const META_PUBLISH_TIME_HEADERS = ['publish time', 'orario di pubblicazione'];

export function looksLikeMetaExport(headers: readonly string[]): boolean {
  return headers.some((h) => META_PUBLISH_TIME_HEADERS.includes(normalizeHeader(h)));
}

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
 * header starting with the synonym as a word ("Reach from organic posts"; not "3-second video
 * views", which Facebook exports next to the post's own counts). A column feeds one field only.
 * A Meta export's times are in US Pacific time; any other file's in the account's zone. */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const norm = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const columns = Object.fromEntries(CSV_FIELDS.map((f) => [f, null])) as Record<CsvField, number | null>;
  for (const pass of ['exact', 'word'] as const) {
    for (const field of CSV_FIELDS) {
      if (columns[field] !== null) continue;
      for (const syn of HEADER_SYNONYMS[field]) {
        const i = norm.findIndex(
          (h, idx) => !taken.has(idx) && (pass === 'exact' ? h === syn : `${h} `.startsWith(`${syn} `)),
        );
        if (i >= 0) {
          columns[field] = i;
          taken.add(i);
          break;
        }
      }
    }
  }
  return { columns, dateOrder: 'auto', timeZone: looksLikeMetaExport(headers) ? META_EXPORT_TIME_ZONE : null };
}

/** A mapping remembered for another file is used only if its columns exist in this one. */
export function mappingFits(mapping: CsvMapping, headers: readonly string[]): boolean {
  return Object.values(mapping.columns).every((c) => c === null || (c >= 0 && c < headers.length));
}

/** A mapping remembered before it carried a time zone gets the zone guessed from the headers. */
export function withTimeZone(mapping: Omit<CsvMapping, 'timeZone'> & { timeZone?: string | null }, headers: readonly string[]): CsvMapping {
  return mapping.timeZone === undefined ? { ...mapping, timeZone: guessMapping(headers).timeZone } : (mapping as CsvMapping);
}

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:[ ,T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp][Mm])?)?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** Day or month first: a date in the column proves it (a first part over 12: day first; a
 * second part over 12: month first); if none does, a Meta export is month first whatever its
 * language, any other file follows its header language. */
function decideOrder(values: readonly string[], headers: readonly string[]): 'dmy' | 'mdy' {
  for (const v of values) {
    const m = NUMERIC_DATE.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
  }
  if (looksLikeMetaExport(headers)) return 'mdy';
  return headersLookItalian(headers) ? 'dmy' : 'mdy';
}

const WORD_FORMATS = [
  'd MMMM yyyy HH:mm', 'd MMMM yyyy, HH:mm', "d MMMM yyyy 'alle' HH:mm", 'd MMM yyyy HH:mm', 'd MMM yyyy, HH:mm',
  'MMMM d, yyyy h:mm a', 'MMMM d, yyyy HH:mm', 'MMM d, yyyy h:mm a', 'MMM d, yyyy HH:mm', 'd MMMM yyyy', 'MMMM d, yyyy',
];
const ISO_LOCAL_FORMATS = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd'];
const AS_WALL_CLOCK = { in: tz('UTC') };
const DAY_MS = 86_400_000;

/**
 * The instant at which `timeZone`'s clocks read `wall` (a wall-clock time written as if it were
 * UTC). Around a change of the clocks (at most one per day in every zone):
 * - a time that does not exist (02:30 when the clocks jump from 02:00 to 03:00) is moved
 *   forward by the jump: 03:30 of the new offset;
 * - a time that happens twice (01:30 when the clocks go back from 02:00 to 01:00) is the first
 *   of the two, still on the old offset.
 * One rule for every zone, the file's and the account's (docs/best-time.md).
 */
export function wallTimeToInstant(wall: number, timeZone: string): number {
  const before = wall - tzOffset(timeZone, new Date(wall - DAY_MS)) * 60_000;
  const after = wall - tzOffset(timeZone, new Date(wall + DAY_MS)) * 60_000;
  const reads = (t: number) => t + tzOffset(timeZone, new Date(t)) * 60_000 === wall;
  const valid = [before, after].filter(reads);
  if (valid.length === 0) return before; // in the gap: the old offset carries it past the jump
  return Math.min(...valid);
}

/**
 * One date cell to epoch ms, or null. Without an offset in the cell the time is read in
 * `timeZone` (the file's zone), gaps and overlaps as `wallTimeToInstant` says.
 */
export function parseDateCell(value: string, order: 'dmy' | 'mdy', timeZone: string): number | null {
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  const wall = readWallClock(v, order);
  if (wall === 'instant') return Date.parse(v.replace(' ', 'T'));
  return wall === null ? null : wallTimeToInstant(wall, timeZone);
}

/** The cell's wall-clock time as a UTC-based number, 'instant' when the cell has its own offset. */
function readWallClock(v: string, order: 'dmy' | 'mdy'): number | 'instant' | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
    if (HAS_OFFSET.test(v)) return Number.isFinite(Date.parse(v.replace(' ', 'T'))) ? 'instant' : null;
    for (const f of ISO_LOCAL_FORMATS) {
      const d = parse(v, f, new Date(), AS_WALL_CLOCK);
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
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    // 31/02 is no date: Date.UTC would roll it into March.
    return new Date(wall).getUTCDate() === day ? wall : null;
  }
  for (const locale of [it, enUS]) {
    for (const f of WORD_FORMATS) {
      const d = parse(v, f, new Date(), { ...AS_WALL_CLOCK, locale });
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

/** Every row to a post or a skip. Times are read in the mapping's zone (the account's when it
 * has none) and become instants, which the grid bins in `accountZone`. */
export function planImport(table: CsvTable, mapping: CsvMapping, accountZone: string): ImportPlan {
  const col = mapping.columns;
  const dateCol = col.publishedAt;
  const fileZone = mapping.timeZone ?? accountZone;
  const dateOrder =
    mapping.dateOrder === 'auto'
      ? decideOrder(dateCol === null ? [] : table.rows.map((r) => r[dateCol] ?? ''), table.headers)
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
    const publishedAt = parseDateCell(dateText, dateOrder, fileZone);
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
  return { posts, skipped, dateOrder, fileZone };
}
