import Papa from 'papaparse';
import { isValidHashtag, normalizeHashtag } from './extract';

/** Reading and writing the avoid list as a file: plain text with one tag per line, or
 * CSV (every cell is a tag; a header cell named "hashtag"/"tag" is skipped). A leading
 * "#" is optional. Pure: the library page reads the file and stores the result. */

export const AVOID_LIST_MAX = 5000;

export type AvoidListParse =
  | { ok: true; tags: string[]; duplicates: number }
  | { ok: false; error: 'empty' | 'too-many' | 'invalid'; invalid: { line: number; text: string }[] };

const HEADER = new Set(['hashtag', 'hashtags', 'tag', 'tags']);

export function parseAvoidList(fileText: string): AvoidListParse {
  const text = fileText.replace(/^\uFEFF/, '');
  const looksCsv = /[,;\t"]/.test(text);
  const rows: string[][] = looksCsv
    ? Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] }).data
    : text.split(/\r?\n/).map((line) => [line]);

  const tags: string[] = [];
  const invalid: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  rows.forEach((cells, row) => {
    for (const cell of cells) {
      const tag = cell.trim().replace(/^[#\uff03]/u, '');
      if (!tag || (row === 0 && HEADER.has(tag.toLowerCase()))) continue;
      if (!isValidHashtag(tag)) {
        invalid.push({ line: row + 1, text: cell.trim().slice(0, 60) });
        continue;
      }
      const { key } = normalizeHashtag(tag);
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      tags.push(tag);
    }
  });
  if (invalid.length > 0) return { ok: false, error: 'invalid', invalid: invalid.slice(0, 10) };
  if (tags.length === 0) return { ok: false, error: 'empty', invalid: [] };
  if (tags.length > AVOID_LIST_MAX) return { ok: false, error: 'too-many', invalid: [] };
  return { ok: true, tags, duplicates };
}

/** Plain text, one tag per line, without "#" (what `parseAvoidList` reads back). */
export function formatAvoidList(tags: readonly string[]): string {
  return tags.length ? `${tags.join('\n')}\n` : '';
}

/** `existing` plus `added`, without repeats (by counting key), existing order first. */
export function mergeAvoidList(existing: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(existing.map((tag) => normalizeHashtag(tag).key));
  const out = [...existing];
  for (const tag of added) {
    const { key } = normalizeHashtag(tag);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** True when `tag` is on the list (accents and case ignored). */
export function makeAvoidCheck(list: readonly string[]): (tag: string) => boolean {
  const keys = new Set(list.map((tag) => normalizeHashtag(tag).looseKey));
  return (tag) => keys.has(normalizeHashtag(tag).looseKey);
}
