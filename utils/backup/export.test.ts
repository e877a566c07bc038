import { BlobReader, ZipReader } from '@zip.js/zip.js';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { fillDatabase, makeFixtureRows } from '../db/fixtures';
import { CURRENT_DB_VERSION, TABLE_NAMES } from '../db/schema';
import { backupStatusItem } from '../settings/items';
import { BackupExportError, exportBackup, recordBackupDone } from './export';
import { ZIP_OPTIONS } from './format';
import { textOf, unzipFiles } from './zip-testing';

const opened: AppDB[] = [];
function freshDb() {
  const db = new AppDB(`export-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const exportedAt = Date.UTC(2026, 10, 28, 9, 0);

describe('exportBackup', () => {
  test('writes the manifest, one JSON file per table and each image as its own file', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const zip = await exportBackup(db, { appVersion: '0.1.0', now: () => exportedAt });
    const files = await unzipFiles(zip);

    expect([...files.keys()]).toEqual([
      'manifest.json',
      ...TABLE_NAMES.map((name) => `tables/${name}.json`),
      'images/image-lasagne-full.png',
      'images/image-lasagne-thumb.gif',
    ]);
    const fixtures = makeFixtureRows();
    expect(JSON.parse(textOf(files.get('manifest.json')))).toEqual({
      format: 'spalla-backup',
      formatVersion: 1,
      dbVersion: CURRENT_DB_VERSION,
      exportedAt,
      appVersion: '0.1.0',
      tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, fixtures[name].length])),
    });
    const png = new Uint8Array(await fixtures.images[0].blob.arrayBuffer());
    expect(files.get('images/image-lasagne-full.png')).toEqual(png);
    const imageRows = JSON.parse(textOf(files.get('tables/images.json')));
    expect(imageRows[0].blob).toEqual({ file: 'images/image-lasagne-full.png', size: png.length, type: 'image/png' });
  });

  test('stores images uncompressed and the tables compressed', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const entries = await new ZipReader(new BlobReader(await exportBackup(db)), ZIP_OPTIONS).getEntries();
    const method = (name: string) => entries.find((e) => e.filename === name)?.compressionMethod;
    expect(method('images/image-lasagne-full.png')).toBe(0);
    expect(method('tables/clips.json')).toBe(8);
  });

  test('exports an empty database', async () => {
    const files = await unzipFiles(await exportBackup(freshDb()));
    for (const name of TABLE_NAMES) expect(textOf(files.get(`tables/${name}.json`))).toBe('[]');
  });

  test('refuses to make a backup that could not be restored', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const [first, second] = makeFixtureRows().savedReplies;
    await db.savedReplies.put({ ...second, useCount: -3 });
    const error = await exportBackup(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupExportError);
    expect((error as BackupExportError).error).toEqual({
      code: 'export-failed',
      detail: { table: 'savedReplies', row: [first.id, second.id].sort().indexOf(second.id), path: ['useCount'], reason: 'too_small' },
    });
  });
});

test('recordBackupDone stamps the last backup and keeps the change clock', async () => {
  await backupStatusItem.setValue({ lastBackupAt: null, dataChangedAt: 123 });
  await recordBackupDone(exportedAt);
  expect(await backupStatusItem.getValue()).toEqual({ lastBackupAt: exportedAt, dataChangedAt: 123 });
});
