import {
  BlobReader,
  ERR_AMBIGUOUS_ARCHIVE,
  ERR_EOCDR_NOT_FOUND,
  ERR_OVERLAPPING_ENTRY,
  ERR_UNSAFE_FILENAME,
  TextWriter,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js';
import { z } from 'zod';
import type { StoredImage } from '../db/clips';
import { CURRENT_DB_VERSION, TABLE_NAMES, tableNamesAt, type TableName } from '../db/schema';
import { rowSchemaAt, upgradeRows } from './upgrade';
import type { RowsByTable } from '../db/table-records';
import { uniqueFields } from '../db/unique-indexes';
import { BackupProblem, causeOf, fail, issuePath, type BackupError, type BackupFailure } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  IMAGES_DIR,
  MANIFEST_ENTRY,
  TABLES_DIR,
  ZIP_OPTIONS,
  manifestSchema,
  rowSchemas,
  tableEntryName,
  type BackupRow,
  type Manifest,
} from './format';
import { inParallel } from './in-parallel';
import { DEFAULT_LIMITS, MAX_MANIFEST_BYTES, type BackupLimits } from './limits';

/** A backup that passed every check, ready for `planImport` / `applyImport`. */
export interface ParsedBackup {
  manifest: Manifest;
  tables: RowsByTable;
}

export interface ReadOptions {
  limits?: Partial<BackupLimits>;
}

export type ReadResult = { ok: true; backup: ParsedBackup } | BackupFailure;

/**
 * Reads and validates a whole backup file before anything is written: the zip itself,
 * its size and entries (against zip bombs and hostile names), the manifest, every row
 * of every table, and every image's bytes. Never throws.
 */
export async function readBackup(file: Blob, options: ReadOptions = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    return { ok: true, backup: await read(file, limits) };
  } catch (error) {
    return { ok: false, error: toBackupError(error) };
  }
}

async function read(file: Blob, limits: BackupLimits): Promise<ParsedBackup> {
  if (file.size > limits.maxFileBytes) {
    fail('too-large', { limit: 'maxFileBytes', expected: limits.maxFileBytes, actual: file.size });
  }
  const memory = file.size > READ_WHOLE_FILE_BYTES ? null : new Uint8Array(await file.arrayBuffer());
  const entries = await listEntries(file, memory, limits);
  const manifest = await readManifest(entries, limits);
  checkLayout(entries);
  checkSizes(entries, limits);
  const rows = {} as Record<TableName, unknown[]>;
  const { dbVersion } = manifest;
  const tablesInFile = tableNamesAt(dbVersion);
  for (const table of TABLE_NAMES) {
    rows[table] = tablesInFile.includes(table) ? await readTable(entries, table, manifest.tables[table] ?? 0, rowSchemaAt(dbVersion, table)) : [];
  }
  if (dbVersion < CURRENT_DB_VERSION) {
    upgradeRows(dbVersion, rows);
    for (const table of TABLE_NAMES) rows[table] = parseRows(tableEntryName(table), table, rows[table], rowSchemas[table]);
  }
  const tables = rows as { [K in TableName]: BackupRow<K>[] };
  return { manifest, tables: { ...tables, images: await readImages(entries, tables.images, { file, memory }) } };
}

// --- The zip -------------------------------------------------------------------------

/** Entry names a backup could never hold: parent directories, absolute or drive paths,
 * backslashes, control characters. */
const UNSAFE_NAME = /(^|\/)\.\.?(\/|$)|^\/|\\|^[A-Za-z]:|[\u0000-\u001f\u007f]/;
const MAX_NAME_LENGTH = 300;

async function listEntries(file: Blob, memory: Uint8Array | null, limits: BackupLimits): Promise<Map<string, Entry>> {
  // "strict" refuses what other tools could read differently: data before or after the
  // zip, duplicate names, local headers that disagree with the central directory.
  // A chosen file read slice by slice costs a round trip to the browser's blob store
  // per slice, several per entry (2,000 images took most of 40 s in Chromium); so a
  // file that fits in memory (`READ_WHOLE_FILE_BYTES`) is read once and zip.js reads
  // slices of memory.
  const reader = new ZipReader(memory ? new Uint8ArrayReader(memory) : new BlobReader(file), {
    ...ZIP_OPTIONS,
    strictness: 'strict',
    checkCrc32: true,
    checkOverlappingEntry: true,
  });
  const entries = new Map<string, Entry>();
  try {
    // One at a time, so a central directory of millions of entries stops at the limit.
    for await (const entry of reader.getEntriesGenerator()) {
      if (entries.size >= limits.maxEntries) fail('too-large', { limit: 'maxEntries', expected: limits.maxEntries });
      const name = entry.filename;
      if (name.length > MAX_NAME_LENGTH || UNSAFE_NAME.test(name)) {
        fail('hostile', { entry: name.slice(0, MAX_NAME_LENGTH), reason: 'unsafe-name' });
      }
      if (entries.has(name)) fail('hostile', { entry: name, reason: 'duplicate' });
      if (entry.encrypted) fail('wrong-kind', { entry: name, reason: 'encrypted' });
      entries.set(name, entry);
    }
  } catch (error) {
    if (error instanceof BackupProblem) throw error;
    throw await openingProblem(file, error);
  }
  return entries;
}

/** Files up to this size are read into memory in one go (see `listEntries`). */
const READ_WHOLE_FILE_BYTES = 512 * 1024 * 1024;

async function openingProblem(file: Blob, error: unknown): Promise<BackupProblem> {
  const cause = causeOf(error);
  if (isZipError(error, ERR_UNSAFE_FILENAME, ERR_AMBIGUOUS_ARCHIVE)) return problem('hostile', { cause });
  if (isReadError(error)) return problem('unreadable', { cause });
  // Every zip we write starts with a local file header; without one it is some other file.
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) return problem('not-a-zip', { cause });
  // It starts like a zip but its end (the central directory) is gone: cut short.
  if (isZipError(error, ERR_EOCDR_NOT_FOUND)) return problem('truncated', { cause });
  return problem('corrupt', { cause });
}

/** The allowed layout; anything else in the zip is refused. */
function checkLayout(entries: Map<string, Entry>): void {
  const tableFiles = new Set(TABLE_NAMES.map(tableEntryName));
  for (const [name, entry] of entries) {
    const expected = entry.directory
      ? name === TABLES_DIR || name === IMAGES_DIR
      : name === MANIFEST_ENTRY || tableFiles.has(name) || (name.startsWith(IMAGES_DIR) && !name.slice(IMAGES_DIR.length).includes('/'));
    if (!expected) fail('hostile', { entry: name, reason: 'unexpected-entry' });
  }
}

/** Declared sizes, before a byte is inflated. zip.js refuses an entry that inflates past
 * its declared size (ERR_INVALID_UNCOMPRESSED_SIZE), so these bound what is read. */
function checkSizes(entries: Map<string, Entry>, limits: BackupLimits): void {
  let total = 0;
  for (const [name, entry] of entries) {
    const limit = name.startsWith(TABLES_DIR) ? 'maxTableBytes' : name.startsWith(IMAGES_DIR) ? 'maxImageBytes' : null;
    if (limit && entry.uncompressedSize > limits[limit]) {
      fail('too-large', { entry: name, limit, expected: limits[limit], actual: entry.uncompressedSize });
    }
    total += entry.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) fail('too-large', { limit: 'maxTotalBytes', expected: limits.maxTotalBytes, actual: total });
}

function fileEntry(entries: Map<string, Entry>, name: string, missing: BackupError['code'], table?: TableName): FileEntry {
  const entry = entries.get(name);
  if (!entry || entry.directory) fail(missing, { entry: name, table, reason: 'missing-entry' });
  return entry;
}

async function readEntry<T>(entry: FileEntry, read: (entry: FileEntry) => Promise<T>): Promise<T> {
  try {
    return await read(entry);
  } catch (error) {
    const cause = causeOf(error);
    if (isZipError(error, ERR_AMBIGUOUS_ARCHIVE, ERR_OVERLAPPING_ENTRY)) fail('hostile', { entry: entry.filename, cause });
    if (isReadError(error)) fail('unreadable', { entry: entry.filename, cause });
    fail('corrupt', { entry: entry.filename, cause });
  }
}

/** JSON text to a value; a "__proto__" key anywhere is refused, so that no object we
 * build can have its prototype swapped. */
async function readJson(entry: FileEntry): Promise<unknown> {
  const text = await readEntry(entry, (e) => e.getData<string>(new TextWriter()));
  try {
    // A "__proto__" key is spelt out in the text or written with \u escapes (no other
    // JSON escape makes a letter or "_"); without either, no reviver is needed, and
    // parsing a 20,000-clip table without one is several times faster.
    if (!text.includes('__proto__') && !text.includes('\\u')) return JSON.parse(text);
    return JSON.parse(text, (key, value) => {
      if (key === '__proto__') fail('hostile', { entry: entry.filename, reason: 'forbidden-key', path: [key] });
      return value;
    });
  } catch (error) {
    if (error instanceof BackupProblem) throw error;
    fail('corrupt', { entry: entry.filename, reason: 'json' });
  }
}

// --- The manifest --------------------------------------------------------------------

const versionsSchema = z.object({ formatVersion: z.int().min(1), dbVersion: z.int().min(1) });

async function readManifest(entries: Map<string, Entry>, limits: BackupLimits): Promise<Manifest> {
  const entry = fileEntry(entries, MANIFEST_ENTRY, 'wrong-kind');
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) {
    fail('too-large', { entry: MANIFEST_ENTRY, limit: 'manifestBytes', expected: MAX_MANIFEST_BYTES, actual: entry.uncompressedSize });
  }
  const value = await readJson(entry);
  const format = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;
  if (format !== BACKUP_FORMAT) fail('wrong-kind', { entry: MANIFEST_ENTRY, reason: 'format' });

  // Versions first: a newer file may have a manifest this version cannot validate.
  const versions = versionsSchema.safeParse(value);
  if (!versions.success) manifestProblem(versions.error.issues[0]);
  const { formatVersion, dbVersion } = versions.data;
  if (formatVersion > BACKUP_FORMAT_VERSION || dbVersion > CURRENT_DB_VERSION) {
    fail('newer-version', { formatVersion, dbVersion });
  }
  // dbVersion < CURRENT_DB_VERSION: the rows are validated as that version wrote them,
  // then upgraded (`upgrade.ts`) and validated again.

  const manifest = manifestSchema.safeParse(value);
  if (!manifest.success) manifestProblem(manifest.error.issues[0]);
  for (const table of tableNamesAt(dbVersion)) {
    // `accounts` is optional in the schema only because files before version 3 lack it.
    if (manifest.data.tables[table] === undefined) fail('corrupt', { entry: MANIFEST_ENTRY, path: ['tables', table], reason: 'invalid_type' });
  }
  for (const table of TABLE_NAMES) {
    const rows = manifest.data.tables[table];
    if (rows > limits.maxRows) fail('too-large', { table, limit: 'maxRows', expected: limits.maxRows, actual: rows });
  }
  return manifest.data;
}

function manifestProblem(issue: z.core.$ZodIssue): never {
  fail('corrupt', { entry: MANIFEST_ENTRY, path: issuePath(issue), reason: issue.code });
}

// --- Tables and images ---------------------------------------------------------------

async function readTable<T extends TableName>(entries: Map<string, Entry>, table: T, expected: number, schema: z.ZodType): Promise<BackupRow<T>[]> {
  const name = tableEntryName(table);
  const value = await readJson(fileEntry(entries, name, 'corrupt', table));
  if (!Array.isArray(value)) fail('invalid-data', { entry: name, table, path: [], reason: 'not-an-array' });
  if (value.length !== expected) fail('corrupt', { entry: name, table, reason: 'count-mismatch', expected, actual: value.length });
  return parseRows(name, table, value, schema);
}

/** Every row through `schema`, and no two with the same id or unique field. */
function parseRows<T extends TableName>(name: string, table: T, value: unknown[], schema: z.ZodType): BackupRow<T>[] {
  const rows = value.map((candidate, row) => {
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail('invalid-data', { entry: name, table, row, path: issuePath(issue), reason: issue.code });
    }
    return parsed.data as BackupRow<T>;
  });
  for (const field of ['id', ...uniqueFields(table)]) {
    const seen = new Set<unknown>();
    rows.forEach((row, index) => {
      const key = (row as Record<string, unknown>)[field];
      if (key === null) return;
      if (seen.has(key)) fail('invalid-data', { entry: name, table, row: index, path: [field], reason: 'duplicate' });
      seen.add(key);
    });
  }
  return rows;
}

async function readImages(entries: Map<string, Entry>, rows: BackupRow<'images'>[], source: ZipSource): Promise<StoredImage[]> {
  const files = rows.map((row) => {
    const entry = fileEntry(entries, row.blob.file, 'corrupt', 'images');
    if (entry.uncompressedSize !== row.blob.size) {
      fail('corrupt', { entry: entry.filename, table: 'images', reason: 'size-mismatch', expected: row.blob.size, actual: entry.uncompressedSize });
    }
    return entry;
  });
  const referenced = new Set(files.map((entry) => entry.filename));
  for (const [name, entry] of entries) {
    if (name.startsWith(IMAGES_DIR) && !entry.directory && !referenced.has(name)) {
      fail('hostile', { entry: name, reason: 'unexpected-entry' });
    }
  }
  // Bytes last: everything cheap has been checked by now.
  return inParallel(rows, IMAGE_READS_AT_ONCE, async (row, index) => {
    // zip.js checks the bytes (CRC-32, size, no overlap with another entry) as it reads.
    const bytes = await readEntry(files[index], (e) => e.getData<Uint8Array>(new Uint8ArrayWriter()));
    const blob = storedSlice(source, files[index], bytes, row.blob.type) ?? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: row.blob.type });
    if (blob.size !== row.blob.size) {
      fail('corrupt', { entry: row.blob.file, table: 'images', reason: 'size-mismatch', expected: row.blob.size, actual: blob.size });
    }
    return { ...row, blob };
  });
}

interface ZipSource {
  file: Blob;
  /** The whole file, when it was read into memory. */
  memory: Uint8Array | null;
}

/**
 * An image stored uncompressed (as our exports write them) as a slice of the chosen
 * file: no copy of its bytes. Making a Blob of bytes in the page copies them to the
 * browser's blob store, and for 2,000 images that was seconds; a slice of the file is
 * read by the browser itself when the image is saved. Only when the bytes at the
 * entry's data offset (after its local header) are exactly those zip.js just read and
 * checked; otherwise (compressed, or any doubt) null, and a Blob is made of the bytes.
 * If the file vanishes before the import is confirmed, that write fails whole.
 */
function storedSlice({ file, memory }: ZipSource, entry: FileEntry, bytes: Uint8Array, type: string): Blob | null {
  if (!memory || entry.compressionMethod !== 0 || entry.encrypted) return null;
  const header = entry.offset;
  if (header + 30 > memory.length || memory[header] !== 0x50 || memory[header + 1] !== 0x4b || memory[header + 2] !== 0x03 || memory[header + 3] !== 0x04) return null;
  const start = header + 30 + (memory[header + 26] | (memory[header + 27] << 8)) + (memory[header + 28] | (memory[header + 29] << 8));
  const end = start + bytes.length;
  if (end > memory.length) return null;
  for (let i = 0; i < bytes.length; i++) if (memory[start + i] !== bytes[i]) return null;
  return file.slice(start, end, type);
}

/** Images read at a time. One at a time, each of 2,000 images waited for its own slice
 * of the file to be read (in the browser, a round trip to the blob store) before the
 * next one started; a few at once overlap those waits. Each entry is still read in
 * full, its CRC-32 and size checked. */
const IMAGE_READS_AT_ONCE = 8;

// --- Errors --------------------------------------------------------------------------

function problem(code: BackupError['code'], detail: BackupError['detail']): BackupProblem {
  return new BackupProblem({ code, detail });
}

function isZipError(error: unknown, ...messages: string[]): boolean {
  return error instanceof Error && messages.includes(error.message);
}

/** The Blob could not be read at all, e.g. the file was moved after it was chosen. */
function isReadError(error: unknown): boolean {
  return error instanceof Error && ['NotReadableError', 'NotFoundError', 'SecurityError'].includes(error.name);
}

function toBackupError(error: unknown): BackupError {
  if (error instanceof BackupProblem) return error.error;
  if (isReadError(error)) return { code: 'unreadable', detail: { cause: causeOf(error) } };
  return { code: 'corrupt', detail: { cause: causeOf(error) } };
}
