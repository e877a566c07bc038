import type { AppDB } from '../db/app-db';
import { applyImport, type ImportResult } from './merge';
import { readBackup, type ReadOptions } from './read';

export { applyImport, planImport, totalCounts, type ImportReport, type ImportResult, type TableCounts } from './merge';
export { readBackup, type ParsedBackup, type ReadOptions, type ReadResult } from './read';

/** Reads, validates and merges a backup file in one go. Never throws; on any error the
 * database is unchanged. */
export async function importBackup(db: AppDB, file: Blob, options?: ReadOptions): Promise<ImportResult> {
  const read = await readBackup(file, options);
  return read.ok ? applyImport(db, read.backup) : read;
}
