import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { dumpDatabase } from '../db/dump';
import { fillDatabase, makeFixtureRows } from '../db/fixtures';
import { TABLE_NAMES } from '../db/schema';
import type { BackupError } from './errors';
import { exportBackup } from './export';
import { importBackup, readBackup } from './import';
import type { BackupLimits } from './limits';
import { editJson, patchBytes, unzipFiles, zipFiles, type ZipFiles } from './zip-testing';

/**
 * Every kind of broken, foreign or hostile file gets its own error code, and leaves the
 * database exactly as it was: every row of every table, images byte for byte.
 *
 * The files are damaged copies of a valid backup whose every row is newer than the
 * database's, so a file that slipped through (even partly) would change the dump.
 */

const DAY = 24 * 60 * 60 * 1000;
const db = new AppDB(`broken-${crypto.randomUUID()}`);
let valid: Blob;

beforeAll(async () => {
  const newer = makeFixtureRows();
  for (const name of TABLE_NAMES) for (const row of newer[name]) row.updatedAt += DAY;
  newer.postLog.push({ ...newer.postLog[0], id: 'post-gino-2', permalink: null });
  const source = new AppDB(`broken-source-${crypto.randomUUID()}`);
  await fillDatabase(source, newer);
  valid = await exportBackup(source, { appVersion: '0.1.0' });
  await source.delete();
});

beforeEach(async () => {
  await Promise.all(db.allTables().map((table) => table.clear()));
  await fillDatabase(db);
});

afterAll(() => db.delete());

const randomBytes = (n: number) => new Blob([crypto.getRandomValues(new Uint8Array(n))]);
const jpeg = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, ...Array(200).fill(7), 0xff, 0xd9])], { type: 'image/jpeg' });
const rezip = async (files: Promise<ZipFiles> | ZipFiles, options?: { level?: number; password?: string }) => zipFiles(await files, options);
const withFiles = async (edit: (files: ZipFiles) => void) => {
  const files: ZipFiles = await unzipFiles(valid);
  edit(files);
  return zipFiles(files);
};
const manifest = (edit: (m: any) => unknown) => rezip(editJson(valid, 'manifest.json', edit));
const table = (name: string, edit: (rows: any[]) => unknown) => rezip(editJson(valid, `tables/${name}.json`, edit));
/** Puts raw JSON text in place of a table file (for keys JSON.stringify would not write). */
const rawTable = (name: string, edit: (json: string) => string) =>
  withFiles((files) => files.set(`tables/${name}.json`, edit(new TextDecoder().decode(files.get(`tables/${name}.json`) as Uint8Array))));

interface Case {
  name: string;
  file: () => Promise<Blob> | Blob;
  error: BackupError;
  limits?: Partial<BackupLimits>;
}

const cases: Case[] = [
  // Not a zip at all
  { name: 'random bytes', file: () => randomBytes(4096), error: { code: 'not-a-zip' } },
  { name: 'a JPEG photo', file: jpeg, error: { code: 'not-a-zip' } },
  { name: 'an empty file', file: () => new Blob([]), error: { code: 'not-a-zip' } },
  // Cut short
  { name: 'a backup cut in half', file: () => valid.slice(0, Math.floor(valid.size / 2)), error: { code: 'truncated' } },
  { name: 'a backup missing its last 10 bytes', file: () => valid.slice(0, valid.size - 10), error: { code: 'truncated' } },
  // Another kind of zip
  { name: 'a zip of photos (no manifest)', file: () => zipFiles(new Map([['IMG_0001.jpg', new Uint8Array(10)]])), error: { code: 'wrong-kind' } },
  { name: 'a manifest of another format', file: () => manifest((m) => ({ ...m, format: 'other-backup' })), error: { code: 'wrong-kind' } },
  { name: 'a manifest that is a list', file: () => manifest(() => ['spalla-backup']), error: { code: 'wrong-kind' } },
  { name: 'an encrypted zip', file: async () => rezip(unzipFiles(valid), { password: 'segreto' }), error: { code: 'wrong-kind' } },
  // From the future
  { name: 'a newer formatVersion', file: () => manifest((m) => ({ ...m, formatVersion: 2, brandNewField: true })), error: { code: 'newer-version' } },
  { name: 'a newer dbVersion', file: () => manifest((m) => ({ ...m, dbVersion: 99 })), error: { code: 'newer-version' } },
  // Rows that fail validation (in the last table, after six valid ones)
  {
    name: 'a field of the wrong type',
    file: () => table('postLog', (rows) => void (rows[1].publishedAt = '2026-11-28')),
    error: { code: 'invalid-data', detail: { entry: 'tables/postLog.json', table: 'postLog', row: 1, path: ['publishedAt'], reason: 'invalid_type' } },
  },
  {
    name: 'a row with an unknown field',
    file: () => table('clips', (rows) => void (rows[2].script = '<script>alert(1)</script>')),
    error: { code: 'invalid-data', detail: { entry: 'tables/clips.json', table: 'clips', row: 2, path: ['script'], reason: 'unrecognized_keys' } },
  },
  {
    name: 'a count of Infinity (as 1e999)',
    file: () => rawTable('clips', (json) => json.replace('"reactions":1520', '"reactions":1e999')),
    error: { code: 'invalid-data', detail: { table: 'clips', row: 2, path: ['counts', 'reactions'] } }, // rows go by id
  },
  {
    name: 'two rows with one id',
    file: () => table('brands', (rows) => void (rows[1].id = rows[0].id)),
    error: { code: 'invalid-data', detail: { table: 'brands', row: 1, path: ['id'], reason: 'duplicate' } },
  },
  {
    name: 'two clips with one permalink',
    file: () => table('clips', (rows) => void (rows[0].permalink = rows[2].permalink)),
    error: { code: 'invalid-data', detail: { table: 'clips', row: 2, path: ['permalink'], reason: 'duplicate' } },
  },
  // Learned hashtags, packed (rows go by id: 'facebook-shared', then the Instagram brand)
  {
    name: 'learned hashtags whose partner is past the last hashtag',
    file: () => table('hashtagStats', (rows) => void (rows[1].partners[0] = 99)),
    error: { code: 'invalid-data', detail: { table: 'hashtagStats', row: 1, path: ['partners', 0], reason: 'custom' } },
  },
  {
    name: 'learned hashtags with fewer counts than hashtags',
    file: () => table('hashtagStats', (rows) => void rows[1].ownCounts.pop()),
    error: { code: 'invalid-data', detail: { table: 'hashtagStats', row: 1, path: ['ownCounts'], reason: 'custom' } },
  },
  {
    name: 'learned hashtags filed under the id of another network',
    file: () => table('hashtagStats', (rows) => void (rows[0].network = 'instagram')),
    error: { code: 'invalid-data', detail: { table: 'hashtagStats', row: 0, path: ['id'], reason: 'custom' } },
  },
  {
    name: 'learned hashtags with a count below zero',
    file: () => table('hashtagStats', (rows) => void (rows[1].partnerCounts[2] = -1)),
    error: { code: 'invalid-data', detail: { table: 'hashtagStats', row: 1, path: ['partnerCounts', 2], reason: 'too_small' } },
  },
  { name: 'a table that is not a list', file: () => table('hashtagSets', () => ({ rows: [] })), error: { code: 'invalid-data' } },
  // Hostile
  {
    name: 'a "__proto__" key in a row',
    file: () => rawTable('brands', (json) => json.replace('{"id":"brand-cafe-muller"', '{"__proto__":{"polluted":true},"id":"brand-cafe-muller"')),
    error: { code: 'hostile', detail: { entry: 'tables/brands.json', reason: 'forbidden-key', path: ['__proto__'] } },
  },
  {
    name: 'a "__proto__" key deep in a record',
    file: () => rawTable('clips', (json) => json.replace('"counts":{"reactions"', '"counts":{"__proto__":{"polluted":1},"reactions"')),
    error: { code: 'hostile', detail: { reason: 'forbidden-key' } },
  },
  { name: 'an entry named ../evil', file: () => withFiles((f) => f.set('../evil', 'x')), error: { code: 'hostile' } },
  { name: 'an entry named /etc/passwd', file: () => withFiles((f) => f.set('/etc/passwd', 'x')), error: { code: 'hostile' } },
  { name: 'an entry named images/..\\..\\evil.png', file: () => withFiles((f) => f.set('images/..\\..\\evil.png', 'x')), error: { code: 'hostile' } },
  {
    name: 'an unexpected file',
    file: () => withFiles((f) => f.set('tables/notes.txt', 'hi')),
    error: { code: 'hostile', detail: { entry: 'tables/notes.txt', reason: 'unexpected-entry' } },
  },
  {
    name: 'an image no row points to',
    file: () => withFiles((f) => f.set('images/extra.png', new Uint8Array(8))),
    error: { code: 'hostile', detail: { entry: 'images/extra.png', reason: 'unexpected-entry' } },
  },
  { name: 'two entries with one name', file: async () => patchBytes(await withFiles((f) => f.set('tables/brandz.json', '[]')), 'tables/brandz.json', 'tables/brands.json'), error: { code: 'hostile' } },
  // Too big
  { name: 'a file over the size limit', file: () => valid, limits: { maxFileBytes: 1000 }, error: { code: 'too-large', detail: { limit: 'maxFileBytes' } } },
  {
    name: 'a zip bomb (a table inflating past its limit)',
    file: () => rawTable('postLog', (json) => json + ' '.repeat(5_000_000)),
    limits: { maxTableBytes: 1_000_000 },
    error: { code: 'too-large', detail: { entry: 'tables/postLog.json', limit: 'maxTableBytes' } },
  },
  {
    name: 'a zip bomb (everything together inflating past the limit)',
    file: () => rawTable('clips', (json) => json + ' '.repeat(3_000_000)),
    limits: { maxTotalBytes: 2_000_000 },
    error: { code: 'too-large', detail: { limit: 'maxTotalBytes' } },
  },
  { name: 'too many entries', file: () => valid, limits: { maxEntries: 5 }, error: { code: 'too-large', detail: { limit: 'maxEntries' } } },
  { name: 'more rows than allowed', file: () => valid, limits: { maxRows: 2 }, error: { code: 'too-large', detail: { table: 'clips', limit: 'maxRows' } } },
  // Damaged inside
  {
    name: 'a count in the manifest that does not match',
    file: () => manifest((m) => void (m.tables.clips = 4)),
    error: { code: 'corrupt', detail: { table: 'clips', reason: 'count-mismatch', expected: 4, actual: 3 } },
  },
  {
    name: 'a missing image file',
    file: () => withFiles((f) => f.delete('images/image-lasagne-thumb.gif')),
    error: { code: 'corrupt', detail: { entry: 'images/image-lasagne-thumb.gif', reason: 'missing-entry' } },
  },
  {
    name: 'an image of the wrong size',
    file: () => withFiles((f) => f.set('images/image-lasagne-full.png', new Uint8Array(3))),
    error: { code: 'corrupt', detail: { entry: 'images/image-lasagne-full.png', reason: 'size-mismatch' } },
  },
  { name: 'a missing table file', file: () => withFiles((f) => f.delete('tables/hashtagStats.json')), error: { code: 'corrupt', detail: { reason: 'missing-entry' } } },
  { name: 'a table that is not JSON', file: () => withFiles((f) => f.set('tables/savedReplies.json', '[{"id": "rep')), error: { code: 'corrupt', detail: { reason: 'json' } } },
  { name: 'a manifest without its tables', file: () => manifest((m) => void delete m.tables), error: { code: 'corrupt', detail: { entry: 'manifest.json' } } },
  {
    name: 'bytes changed inside an entry (checksum)',
    file: async () => patchBytes(await rezip(unzipFiles(valid), { level: 0 }), 'Trattoria Da Gino', 'Trattoria Da Pino'),
    error: { code: 'corrupt', detail: { entry: 'tables/brands.json' } },
  },
];

test.each(cases)('$name → $error.code, and the database is unchanged', async ({ file, error, limits }) => {
  const before = await dumpDatabase(db);
  const result = await importBackup(db, await file(), { limits });
  expect(result).toMatchObject({ ok: false, error });
  expect(await dumpDatabase(db)).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('a file that cannot be read → unreadable', async () => {
  class VanishedFile extends Blob {
    override slice(): Blob {
      throw new DOMException('The file was moved', 'NotReadableError');
    }
    override arrayBuffer(): Promise<ArrayBuffer> {
      return Promise.reject(new DOMException('The file was moved', 'NotReadableError'));
    }
  }
  const before = await dumpDatabase(db);
  const result = await readBackup(new VanishedFile([await valid.arrayBuffer()]));
  expect(result).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  expect(await dumpDatabase(db)).toEqual(before);
});

test('control: the undamaged backup does change the database', async () => {
  const before = await dumpDatabase(db);
  expect(await importBackup(db, valid)).toMatchObject({ ok: true });
  expect(await dumpDatabase(db)).not.toEqual(before);
});
