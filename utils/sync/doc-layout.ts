/**
 * How one shared brand's rows sit in its Yjs document, and back (issue #15; docs/sync.md).
 * Pure functions: no database, no network.
 *
 * Layout (Y types at the top level of the document):
 * - `meta`: Y.Map { name, color, timeZone, createdAt, updatedAt, format: 1 }: the brand itself.
 * - `accounts`, `savedReplies`, `hashtagSets`, `clips`, `postLog`, `thumbnails`: each a
 *   Y.Map<rowId, Y.Map<field, value>>. One Y.Map per row and one entry per field, so that two
 *   people changing different fields of the same row both keep their change (the nesting of
 *   tinyplex/tinybase, src/persisters/persister-yjs/index.ts). Text a person edits (a reply's
 *   title and body, a clip's note, a set's name) is a Y.Text, changed by the smallest edit
 *   (lib0's `simpleDiffString`, as y-prosemirror and y-codemirror do), so that two people
 *   editing the same reply at once both keep their words. Other fields are plain values.
 *
 * Not in the document: `brandId` (the document is the brand; each computer writes its rows
 * with the brand's id), a reply's `useCount`, `lastUsedAt` and `lastAnswers` (personal: how
 * often I used a reply is not my teammate's), full-size images (only `thumbnails`: the images
 * whose role is not 'full', their bytes as a Uint8Array).
 */
import { simpleDiffString } from 'lib0/diff';
import * as Y from 'yjs';
import type { Brand } from '../db/brands';
import type { TableName } from '../db/schema';

export const DOC_FORMAT = 1;

/** The document's row maps, in the order a reconcile goes through them. */
export const SHARED_KINDS = ['accounts', 'savedReplies', 'hashtagSets', 'clips', 'thumbnails', 'postLog'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

/** The Dexie table behind each row map. */
export const TABLE_OF: Record<SharedKind, TableName> = {
  accounts: 'accounts',
  savedReplies: 'savedReplies',
  hashtagSets: 'hashtagSets',
  clips: 'clips',
  thumbnails: 'images',
  postLog: 'postLog',
};

export const KIND_OF_TABLE: Partial<Record<string, SharedKind>> = Object.fromEntries(
  SHARED_KINDS.map((kind) => [TABLE_OF[kind], kind]),
);

/** Fields kept as Y.Text, merged character by character. */
export const TEXT_FIELDS: Record<SharedKind, readonly string[]> = {
  accounts: [],
  savedReplies: ['title', 'body'],
  hashtagSets: ['name'],
  clips: ['note'],
  thumbnails: [],
  postLog: [],
};

/** Fields that stay on each computer: never written into the document, and kept as they are
 * locally when a teammate's change to the row arrives. */
export const PERSONAL_FIELDS: Record<SharedKind, readonly string[]> = {
  accounts: [],
  savedReplies: ['useCount', 'lastUsedAt', 'lastAnswers'],
  hashtagSets: [],
  clips: [],
  thumbnails: [],
  postLog: [],
};

/** What a personal field is on a computer that never had the row. */
const PERSONAL_DEFAULTS: Record<SharedKind, Record<string, unknown>> = {
  accounts: {},
  savedReplies: { useCount: 0, lastUsedAt: null },
  hashtagSets: {},
  clips: {},
  thumbnails: {},
  postLog: {},
};

/** A row as the document holds it: the Dexie row without `brandId` and personal fields.
 * A thumbnail's `blob` is a Blob on the Dexie side and a Uint8Array in the document. */
export type SharedRow = Record<string, unknown> & { id: string; updatedAt: number };

/** A Dexie row of any shared table. */
export interface LocalRow {
  id: string;
  updatedAt: number;
}

function fieldsOf(row: LocalRow): Record<string, unknown> {
  return row as unknown as Record<string, unknown>;
}

/** Whether a Dexie row of `table` belongs in the document of `brandId`. */
export function belongsToBrand(kind: SharedKind, row: LocalRow | undefined, brandId: string): boolean {
  if (!row || fieldsOf(row).brandId !== brandId) return false;
  return kind !== 'thumbnails' || fieldsOf(row).role !== 'full';
}

/** The shared part of a Dexie row (a thumbnail keeps its Blob: see `withBytes`). */
export function sharedOf(kind: SharedKind, row: LocalRow): SharedRow {
  const personal = PERSONAL_FIELDS[kind];
  const shared: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fieldsOf(row))) {
    if (field === 'brandId' || personal.includes(field) || value === undefined) continue;
    shared[field] = value;
  }
  return shared as SharedRow;
}

/** A thumbnail's shared row with its bytes read, ready for the document. */
export async function withBytes(shared: SharedRow): Promise<SharedRow> {
  const blob = shared.blob;
  if (!(blob instanceof Blob)) return shared;
  return { ...shared, blob: new Uint8Array(await blob.arrayBuffer()) };
}

/** A new row map for the document (not yet in it). */
export function rowToY(kind: SharedKind, shared: SharedRow): Y.Map<unknown> {
  const row = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(shared)) {
    row.set(field, TEXT_FIELDS[kind].includes(field) ? new Y.Text(String(value ?? '')) : toYValue(value));
  }
  return row;
}

/** The document's row as plain values (Y.Text as strings), without brand or personal fields. */
export function sharedOfY(row: Y.Map<unknown>): SharedRow {
  const shared: Record<string, unknown> = {};
  for (const [field, value] of row.entries()) shared[field] = value instanceof Y.Text ? value.toString() : value;
  return shared as SharedRow;
}

/** The Dexie row for a document row: filed under `brandId`, with the personal fields of the
 * local copy (`local`) or their defaults, a thumbnail's bytes as a Blob again. */
export function yToRow(kind: SharedKind, row: Y.Map<unknown>, brandId: string, local?: LocalRow): LocalRow {
  return rowFromShared(kind, sharedOfY(row), brandId, local);
}

/** The Dexie row for a shared row (see `yToRow`). */
export function rowFromShared(kind: SharedKind, shared: SharedRow, brandId: string, local?: LocalRow): LocalRow {
  const result: Record<string, unknown> = { ...PERSONAL_DEFAULTS[kind] };
  for (const field of PERSONAL_FIELDS[kind]) if (local && fieldsOf(local)[field] !== undefined) result[field] = fieldsOf(local)[field];
  for (const [field, value] of Object.entries(shared)) {
    result[field] = value instanceof Uint8Array ? new Blob([value as Uint8Array<ArrayBuffer>], { type: String(shared.mimeType ?? '') }) : value;
  }
  result.brandId = brandId;
  return result as unknown as LocalRow;
}

/** The texts of a shared row (its Y.Text fields), kept as the base of a later merge. */
export function textsOf(kind: SharedKind, shared: SharedRow): Record<string, string> | undefined {
  const fields = TEXT_FIELDS[kind];
  if (fields.length === 0) return undefined;
  return Object.fromEntries(fields.map((field) => [field, String(shared[field] ?? '')]));
}

/**
 * One row changed on both sides since they last agreed (`base`: the texts then): the newer
 * side's plain fields, and each text with both edits when they touch different places (a
 * three-way merge of one edited region per side); otherwise the newer side's text.
 */
export function mergeRows(kind: SharedKind, mine: SharedRow, theirs: SharedRow, base: Record<string, string> | undefined): SharedRow {
  const merged: SharedRow = mine.updatedAt > theirs.updatedAt ? { ...mine } : { ...theirs };
  for (const field of TEXT_FIELDS[kind]) {
    const from = base?.[field];
    if (from === undefined) continue;
    const text = mergeText(from, String(mine[field] ?? ''), String(theirs[field] ?? ''));
    if (text !== null) merged[field] = text;
  }
  return merged;
}

/** `base` edited into `mine` here and into `theirs` elsewhere: both edits, or null when they
 * overlap. Each side's edit is read as one changed region (`simpleDiffString`). */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  if (mine === base || mine === theirs) return theirs;
  if (theirs === base) return mine;
  const a = simpleDiffString(base, mine);
  const b = simpleDiffString(base, theirs);
  const [first, second] = a.index <= b.index ? [a, b] : [b, a];
  if (first.index + first.remove > second.index || (first.index === second.index && first.remove + second.remove > 0)) return null;
  return base.slice(0, first.index) + first.insert + base.slice(first.index + first.remove, second.index) + second.insert + base.slice(second.index + second.remove);
}

/**
 * Changes the document's row to `shared` with as little as possible: only the fields that
 * differ, a text by its smallest edit, fields the row no longer has removed. Call inside a
 * transaction. Returns whether anything changed.
 */
export function applyRowToY(kind: SharedKind, row: Y.Map<unknown>, shared: SharedRow): boolean {
  let changed = false;
  for (const [field, value] of Object.entries(shared)) {
    const current = row.get(field);
    if (TEXT_FIELDS[kind].includes(field)) {
      const text = String(value ?? '');
      if (current instanceof Y.Text) changed = applyTextDiff(current, text) || changed;
      else {
        row.set(field, new Y.Text(text));
        changed = true;
      }
    } else if (!sameValue(current, value)) {
      row.set(field, toYValue(value));
      changed = true;
    }
  }
  for (const field of [...row.keys()]) {
    if (!(field in shared)) {
      row.delete(field);
      changed = true;
    }
  }
  return changed;
}

/** Turns `text` into `target` by one delete and one insert where they differ. */
export function applyTextDiff(text: Y.Text, target: string): boolean {
  const { index, remove, insert } = simpleDiffString(text.toString(), target);
  if (remove === 0 && insert === '') return false;
  if (remove > 0) text.delete(index, remove);
  if (insert !== '') text.insert(index, insert);
  return true;
}

// ------------------------------------------------------------------ the brand (meta)

export const BRAND_META_FIELDS = ['name', 'color', 'timeZone', 'createdAt', 'updatedAt'] as const;
export type BrandMeta = Pick<Brand, (typeof BRAND_META_FIELDS)[number]>;

export function brandMetaOf(brand: Brand): BrandMeta {
  return { name: brand.name, color: brand.color, timeZone: brand.timeZone ?? null, createdAt: brand.createdAt, updatedAt: brand.updatedAt };
}

/** The brand as the document's `meta` says, or null while the document has none (not yet
 * downloaded). */
export function metaOfY(meta: Y.Map<unknown>): BrandMeta | null {
  const name = meta.get('name');
  if (typeof name !== 'string') return null;
  const color = meta.get('color');
  const timeZone = meta.get('timeZone');
  const updatedAt = meta.get('updatedAt');
  const createdAt = meta.get('createdAt');
  return {
    name,
    color: typeof color === 'string' ? color : '',
    timeZone: typeof timeZone === 'string' ? timeZone : null,
    createdAt: typeof createdAt === 'number' ? createdAt : typeof updatedAt === 'number' ? updatedAt : 0,
    updatedAt: typeof updatedAt === 'number' ? updatedAt : 0,
  };
}

/** Writes the brand's name, colour and zone into `meta`, only what differs. */
export function applyBrandToMeta(meta: Y.Map<unknown>, brand: BrandMeta): boolean {
  let changed = false;
  for (const field of BRAND_META_FIELDS) {
    if (meta.get(field) !== brand[field]) {
      meta.set(field, brand[field]);
      changed = true;
    }
  }
  if (meta.get('format') !== DOC_FORMAT) {
    meta.set('format', DOC_FORMAT);
    changed = true;
  }
  return changed;
}

/** The local brand row after the document's `meta`. */
export function brandFromMeta(id: string, meta: BrandMeta, local?: Brand): Brand {
  return { ...local, id, name: meta.name, color: meta.color, timeZone: meta.timeZone, createdAt: local?.createdAt ?? meta.createdAt, updatedAt: meta.updatedAt };
}

// ------------------------------------------------------------------ comparing

/**
 * A short digest of a shared row, to tell cheaply whether two copies are the same and whether
 * a copy changed since the bridge last saw both sides agree. Bytes count by their length only
 * (a Blob cannot be read synchronously); a new image also has a new `updatedAt`.
 */
export function fingerprint(value: unknown): string {
  return cyrb53(canonical(value));
}

function canonical(value: unknown): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Uint8Array) return `bytes:${value.byteLength}`;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return `bytes:${value.size}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** cyrb53, a fast 53-bit string hash (public domain, bryc/code, jshash/experimental/cyrb53.js). */
function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Deep equality of plain values, bytes compared byte by byte. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Values as a Y.Map stores them: arrays and objects copied (the document keeps the very
 * object it is given, and Dexie rows must stay the caller's), bytes as they are. */
function toYValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  return structuredClone(value);
}

// ------------------------------------------------------------------ the document

/** The row map of `kind` in `doc`. */
export function rowsOf(doc: Y.Doc, kind: SharedKind): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(kind);
}

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

/** The whole document as plain JSON (texts as strings, bytes as their length): for tests and
 * the end-to-end hooks. */
export function docToJSON(doc: Y.Doc): Record<string, unknown> {
  const json: Record<string, unknown> = { meta: metaOf(doc).toJSON() };
  for (const kind of SHARED_KINDS) {
    const rows: Record<string, unknown> = {};
    for (const [id, row] of rowsOf(doc, kind).entries()) {
      const shared = sharedOfY(row);
      if (shared.blob instanceof Uint8Array) shared.blob = { bytes: shared.blob.byteLength };
      rows[id] = shared;
    }
    json[kind] = rows;
  }
  return json;
}
