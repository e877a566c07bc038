import { afterEach, describe, expect, test } from 'vitest';
import { backupErrorMessage } from '../backup/messages';
import { importBackup, readBackup } from '../backup/import';
import { exportBackup } from '../backup/export';
import { dumpDatabase, dumpRows } from '../db/dump';
import { fillDatabase } from '../db/fixtures';
import { TABLE_NAMES } from '../db/schema';
import { applyClipsImport, clipsCsvFileName, clipsZipFileName, exportClipsZip, planClipsImport, readClipsFile } from './archive';
import { clipWithImages, closeDbs, failWritesWithQuota, freshDb, makeClip } from './test-db';

afterEach(closeDbs);

async function library() {
  const db = freshDb();
  const a = clipWithImages('a');
  const b = clipWithImages('b');
  await db.clips.bulkAdd([a.clip, b.clip, makeClip('c')]);
  await db.images.bulkAdd([...a.images, ...b.images]);
  await db.brands.add({ id: 'brand', createdAt: 1, updatedAt: 1, name: 'Not a clip', color: '#2563eb', timeZone: null });
  return db;
}

describe('clips zip', () => {
  test('is a backup file holding only the clips and their images', async () => {
    const db = await library();
    const read = await readBackup(await exportClipsZip(db, { now: () => 1000 }));
    if (!read.ok) throw new Error(read.error.code);
    expect(read.backup.manifest.tables).toEqual({ ...Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])), clips: 3, images: 4 });
    expect(await dumpRows(read.backup.tables.images)).toEqual(await dumpRows(await db.images.toArray()));
  });

  test('a selection: those clips and their images only', async () => {
    const db = await library();
    const read = await readClipsFile(await exportClipsZip(db, { ids: ['b', 'c'] }));
    if (!read.ok) throw new Error('refused');
    expect(read.backup.tables.clips.map((c) => c.id)).toEqual(['b', 'c']);
    expect(read.backup.tables.images.map((i) => i.id).sort()).toEqual(['b-full', 'b-thumb']);
  });

  test('round trip into an empty library gives back the same rows, blobs included', async () => {
    const source = await library();
    const zip = await exportClipsZip(source);
    const target = freshDb();
    const read = await readClipsFile(zip);
    if (!read.ok) throw new Error('refused');
    const plan = await planClipsImport(target, read.backup);
    expect(plan.ok && [plan.report.clips, plan.report.images]).toEqual([
      { added: 3, updated: 0, skipped: 0 },
      { added: 4, updated: 0, skipped: 0 },
    ]);
    expect(await target.clips.count()).toBe(0); // planning writes nothing
    expect((await applyClipsImport(target, read.backup)).ok).toBe(true);
    const [from, to] = [await dumpDatabase(source), await dumpDatabase(target)];
    expect(to.clips).toEqual(from.clips);
    expect(to.images).toEqual(from.images);
    expect(to.brands).toEqual([]);
  });

  test('the settings restore reads it too (same format)', async () => {
    const target = freshDb();
    const result = await importBackup(target, await exportClipsZip(await library()));
    expect(result.ok && result.report.clips.added).toBe(3);
  });

  test('a full backup is refused by the library import (it belongs to the settings)', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const result = await readClipsFile(await exportBackup(db));
    expect(result).toMatchObject({ ok: false, notClipsOnly: true });
  });

  test('a damaged file is refused whole, with the backup reader\'s reasons', async () => {
    const zip = await exportClipsZip(await library());
    const cut = zip.slice(0, zip.size - 30);
    expect(await readClipsFile(cut)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });

  test('an import that runs out of space writes nothing and says so in the user\'s words', async () => {
    const zip = await exportClipsZip(await library());
    const target = freshDb();
    failWritesWithQuota(target, 'images'); // clips go in first, then the images fail
    const read = await readClipsFile(zip);
    if (!read.ok) throw new Error('refused');
    const result = await applyClipsImport(target, read.backup);
    expect(result).toEqual({ ok: false, error: { code: 'database-failed', detail: { cause: 'QuotaExceededError' } } });
    expect(await target.clips.count()).toBe(0);
    expect(await target.images.count()).toBe(0);
    const t = (key: string) => key;
    if (!result.ok) expect(backupErrorMessage(t, result.error)).toBe('backupErrorQuota');
  });
});

test('file names carry the local date', () => {
  expect(clipsZipFileName(new Date(2026, 10, 28, 23, 59))).toBe('spalla-clips-2026-11-28.zip');
  expect(clipsCsvFileName(new Date(2027, 0, 5))).toBe('spalla-clips-2027-01-05.csv');
});
