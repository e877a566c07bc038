import { BlobReader, BlobWriter, TextReader, ZipWriter } from '@zip.js/zip.js';
import type { AppDB } from '../db/app-db';
import { CURRENT_DB_VERSION, TABLE_NAMES, type TableName } from '../db/schema';
import type { StoredImage } from '../db/clips';
import type { RowsByTable } from '../db/table-records';
import { backupStatusItem } from '../settings/items';
import { issuePath, type BackupError } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  MANIFEST_ENTRY,
  ZIP_OPTIONS,
  imageEntryName,
  rowSchemas,
  tableEntryName,
  type Manifest,
} from './format';

export interface ExportOptions {
  /** Written into the manifest, e.g. `browser.runtime.getManifest().version`. */
  appVersion?: string;
  now?: () => number;
}

/** Thrown by `exportBackup` when a stored row does not pass the backup's own schema:
 * such a backup could never be restored, so none is made. `error.code` is
 * "export-failed"; `error.detail` names the table, row and field. */
export class BackupExportError extends Error {
  constructor(readonly error: BackupError) {
    super(error.code);
    this.name = 'BackupExportError';
  }
}

/**
 * The whole database as one zip (layout in docs/backup-format.md). Every table is read
 * in one read transaction, so the backup is a consistent snapshot; images go into the
 * zip one at a time, straight from their Blobs, uncompressed (they already are).
 */
export async function exportBackup(db: AppDB, options: ExportOptions = {}): Promise<Blob> {
  return writeBackupZip(await readSnapshot(db), options);
}

/** Rows (a snapshot, or e.g. some clips and their images with every other table empty)
 * as a backup zip. Throws `BackupExportError` on a row outside the schema. */
export async function writeBackupZip(rows: RowsByTable, options: ExportOptions = {}): Promise<Blob> {
  const now = options.now ?? Date.now;
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    dbVersion: CURRENT_DB_VERSION,
    exportedAt: now(),
    appVersion: (options.appVersion ?? 'unknown').slice(0, 50),
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, rows[name].length])) as Manifest['tables'],
  };

  const zip = new ZipWriter(new BlobWriter('application/zip'), { ...ZIP_OPTIONS, lastModDate: new Date(manifest.exportedAt) });
  await zip.add(MANIFEST_ENTRY, new TextReader(JSON.stringify(manifest, null, 2)));
  for (const name of TABLE_NAMES) {
    await zip.add(tableEntryName(name), new TextReader(JSON.stringify(toBackupRows(name, rows[name]), typedArraysAsLists)));
  }
  for (const image of rows.images) {
    await zip.add(imageFileName(image), new BlobReader(image.blob), { level: 0 });
  }
  return zip.close();
}

/** Call once the exported file has been handed to the user: the reminder counts from here. */
export async function recordBackupDone(now: number = Date.now()): Promise<void> {
  const status = await backupStatusItem.getValue();
  await backupStatusItem.setValue({ ...status, lastBackupAt: now });
}

/** `spalla-backup-2026-11-28.zip`, in the user's own calendar. */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `spalla-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.zip`;
}

async function readSnapshot(db: AppDB): Promise<RowsByTable> {
  return db.transaction('r', db.allTables(), async () => {
    const rows = {} as Record<TableName, unknown[]>;
    for (const name of TABLE_NAMES) rows[name] = await db.table(name).toArray();
    return rows as RowsByTable;
  });
}

/** Rows as the table file holds them, validated by the same schema the import uses
 * (its output also fixes the key order, so the same data always gives the same JSON). */
function toBackupRows(table: TableName, rows: readonly object[]): unknown[] {
  return rows.map((row, index) => {
    const candidate = table === 'images' ? withImageFile(row as StoredImage) : row;
    const parsed = rowSchemas[table].safeParse(candidate);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new BackupExportError({ code: 'export-failed', detail: { table, row: index, path: issuePath(issue), reason: issue.code } });
  });
}

/** A typed array (the packed learned hashtags) as the JSON list of its numbers, which
 * the row schema turns back into one on import. */
function typedArraysAsLists(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Uint32Array) : value;
}

function withImageFile(image: StoredImage) {
  const blob = image.blob instanceof Blob ? image.blob : undefined;
  return { ...image, blob: blob && { file: imageFileName(image), size: blob.size, type: blob.type } };
}

function imageFileName(image: StoredImage): string {
  return imageEntryName(image.id, image.blob.type || image.mimeType);
}
