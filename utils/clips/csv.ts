import Papa from 'papaparse';
import type { Clip } from '../db/clips';
import type { UiLanguage } from '../i18n/language';
import type { Translate } from '../i18n/catalog';

/**
 * Clips as a CSV file for Excel and Google Sheets.
 *
 * - UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the system's code page
 *   ("perchÃ©").
 * - The separator follows the interface language: Excel in an Italian locale expects
 *   ";" (the comma is the decimal separator there), in English ",". The user can change it.
 * - Every cell that a spreadsheet would run as a formula (starting with = + - @, tab or
 *   carriage return) gets a leading apostrophe: clipped text comes from strangers.
 *   Papa Parse's own `escapeFormulae: true` uses /^[=+\-@\t\r].*$/, which misses a cell
 *   with a line break in it ("." stops at "\n"), so the pattern here has no end anchor.
 */
export type CsvSeparator = ',' | ';';

export const FORMULA_START = /^[=+\-@\t\r]/;

export function defaultSeparator(language: UiLanguage): CsvSeparator {
  return language === 'it' ? ';' : ',';
}

interface Column {
  /** i18n key of the header. */
  header: string;
  value: (clip: Clip) => string | number | null;
}

/** One formatter per zone: making one per cell cost seconds for 20,000 clips. */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(key, format);
  }
  return format;
}

/** "2026-10-01 10:30" in the user's time zone: both spreadsheets read it as a date. */
export function csvDate(epochMs: number | null, timeZone?: string): string {
  if (epochMs === null) return '';
  const parts = dateFormat(timeZone).formatToParts(epochMs);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

function columns(timeZone?: string): Column[] {
  return [
    { header: 'clipsCsvNetwork', value: (c) => c.network },
    { header: 'clipsCsvStatus', value: (c) => c.status },
    { header: 'clipsCsvScheduledAt', value: (c) => csvDate(c.scheduledAt, timeZone) },
    { header: 'clipsCsvAuthorName', value: (c) => c.authorName },
    { header: 'clipsCsvAuthorHandle', value: (c) => c.authorHandle },
    { header: 'clipsCsvText', value: (c) => c.text },
    { header: 'clipsCsvHashtags', value: (c) => c.hashtags.map((tag) => `#${tag}`).join(' ') },
    { header: 'clipsCsvTags', value: (c) => c.tags.join(', ') },
    { header: 'clipsCsvNote', value: (c) => c.note },
    { header: 'clipsCsvLink', value: (c) => c.permalink },
    { header: 'clipsCsvPostedAt', value: (c) => csvDate(c.postedAt, timeZone) },
    { header: 'clipsCsvClippedAt', value: (c) => csvDate(c.clippedAt, timeZone) },
    { header: 'clipsCsvReactions', value: (c) => c.counts.reactions },
    { header: 'clipsCsvComments', value: (c) => c.counts.comments },
    { header: 'clipsCsvShares', value: (c) => c.counts.shares },
    { header: 'clipsCsvImages', value: (c) => c.imageIds.length },
    { header: 'clipsCsvId', value: (c) => c.id },
  ];
}

function neutralise(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The CSV text (with the BOM), headers in the interface language. */
export function clipsToCsv(clips: readonly Clip[], options: { t: Translate; separator: CsvSeparator; timeZone?: string }): string {
  const cols = columns(options.timeZone);
  const body = Papa.unparse(
    {
      fields: cols.map((col) => neutralise(options.t(col.header)) as string),
      data: clips.map((clip) => cols.map((col) => neutralise(col.value(clip)))),
    },
    // CRLF is what RFC 4180 and Excel expect; quotes only where needed.
    { delimiter: options.separator, newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}

export function clipsCsvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
