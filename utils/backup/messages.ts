import type { TableName } from '../db/schema';
import type { BackupError, BackupErrorCode } from './errors';
import { totalCounts, type ImportReport } from './merge';

/** Any translator over the extension's messages (e.g. `useI18n().t`). */
export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

/** The message of each error code (messages.<lang>.json). */
export const BACKUP_ERROR_KEYS: Record<BackupErrorCode, string> = {
  'too-large': 'backupErrorTooLarge',
  'not-a-zip': 'backupErrorNotAZip',
  truncated: 'backupErrorTruncated',
  corrupt: 'backupErrorCorrupt',
  'wrong-kind': 'backupErrorWrongKind',
  'newer-version': 'backupErrorNewerVersion',
  'invalid-data': 'backupErrorInvalidData',
  hostile: 'backupErrorHostile',
  unreadable: 'backupErrorUnreadable',
  'database-failed': 'backupErrorDatabaseFailed',
  'export-failed': 'backupErrorExportFailed',
};

/** The codes that can name one record, and their message with $TABLE$, $ROW$, $FIELD$. */
const ROW_ERROR_KEYS: Partial<Record<BackupErrorCode, string>> = {
  'invalid-data': 'backupErrorInvalidRow',
  'export-failed': 'backupErrorExportInvalidRow',
};

/** A kind of record, as it reads inside a sentence. */
export const BACKUP_TABLE_KEYS: Record<TableName, string> = {
  brands: 'backupTableBrands',
  accounts: 'backupTableAccounts',
  savedReplies: 'backupTableSavedReplies',
  hashtagSets: 'backupTableHashtagSets',
  hashtagStats: 'backupTableHashtagStats',
  clips: 'backupTableClips',
  images: 'backupTableImages',
  postLog: 'backupTablePostLog',
};

/** One sentence for the user; names the record when the error is about one. */
export function backupErrorMessage(t: Translate, error: BackupError): string {
  const { table, row, path } = error.detail ?? {};
  // The disk (the browser's quota for Spalla) is full: say so, it is the user's to fix.
  if (error.code === 'database-failed' && error.detail?.cause === 'QuotaExceededError') return t('backupErrorQuota');
  const rowKey = ROW_ERROR_KEYS[error.code];
  if (rowKey && table !== undefined && row !== undefined) {
    return t(rowKey, t(BACKUP_TABLE_KEYS[table]), row + 1, (path ?? []).join('.'));
  }
  return t(BACKUP_ERROR_KEYS[error.code]);
}

/** "3 added, 2 updated, 5 skipped", or that there was nothing new. */
export function importReportSummary(t: Translate, report: ImportReport): string {
  const { added, updated, skipped } = totalCounts(report);
  return added + updated === 0 ? t('backupReportNothingNew') : t('backupReportSummary', added, updated, skipped);
}
