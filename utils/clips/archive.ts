import type { AppDB } from '../db/app-db';
import type { Clip, StoredImage } from '../db/clips';
import { TABLE_NAMES, type TableName } from '../db/schema';
import type { RowsByTable } from '../db/table-records';
import { writeBackupZip } from '../backup/export';
import { applyImport, planImport, readBackup, type ImportResult, type ParsedBackup, type ReadOptions } from '../backup/import';
import type { BackupFailure } from '../backup/errors';

/**
 * The library's JSON export is a backup file (docs/backup-format.md) that holds only
 * clips and their images: every other table is listed in the manifest with 0 rows. So
 * the settings' restore reads it too, and the library's import applies exactly the
 * backup's all-or-nothing validation and merge (`readBackup`, `applyImport`).
 */

export const CLIP_TABLES: readonly TableName[] = ['clips', 'images'];

function emptyRows(): RowsByTable {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as RowsByTable;
}

/** The clips (all, or the ones in `ids`) and their images, read in one transaction. */
export async function readClipsWithImages(db: AppDB, ids?: readonly string[]): Promise<{ clips: Clip[]; images: StoredImage[] }> {
  return db.transaction('r', db.clips, db.images, async () => {
    if (!ids) return { clips: await db.clips.toArray(), images: await db.images.toArray() };
    const clips = (await db.clips.bulkGet([...ids])).filter((clip): clip is Clip => !!clip);
    const images = await db.images.where('clipId').anyOf(clips.map((clip) => clip.id)).toArray();
    return { clips, images };
  });
}

export async function exportClipsZip(db: AppDB, options: { ids?: readonly string[]; appVersion?: string; now?: () => number } = {}): Promise<Blob> {
  const { clips, images } = await readClipsWithImages(db, options.ids);
  return writeBackupZip({ ...emptyRows(), clips, images }, { appVersion: options.appVersion, now: options.now });
}

/** `spalla-clips-2026-11-28.zip`, in the user's own calendar. */
export function clipsZipFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `spalla-clips-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.zip`;
}

export function clipsCsvFileName(date: Date): string {
  return clipsZipFileName(date).replace(/\.zip$/, '.csv');
}

/** A clips file that passed every check; `other` counts rows of other tables, which the
 * library's import refuses (a full backup is restored from the settings, where the
 * preview shows every table). */
export type ClipsFileResult = { ok: true; backup: ParsedBackup } | BackupFailure | { ok: false; notClipsOnly: true; other: number };

export async function readClipsFile(file: Blob, options?: ReadOptions): Promise<ClipsFileResult> {
  const read = await readBackup(file, options);
  if (!read.ok) return read;
  const other = TABLE_NAMES.filter((name) => !CLIP_TABLES.includes(name)).reduce((sum, name) => sum + read.backup.tables[name].length, 0);
  if (other > 0) return { ok: false, notClipsOnly: true, other };
  return read;
}

export { applyImport as applyClipsImport, planImport as planClipsImport, type ImportResult };
