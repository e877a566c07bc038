import type { TableName } from '../db/schema';
import type { BackupLimits } from './limits';

/** Why a backup could not be read, imported or made. The UI turns the code into a
 * sentence (see `messages.ts`); `detail` is for the curious and for bug reports. */
export const BACKUP_ERROR_CODES = [
  'too-large',
  'not-a-zip',
  'truncated',
  'corrupt',
  'wrong-kind',
  'newer-version',
  'invalid-data',
  'hostile',
  'unreadable',
  'database-failed',
  'export-failed',
] as const;

export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** Machine-readable facts, never prose. */
export interface BackupErrorDetail {
  /** The zip entry concerned, e.g. "tables/clips.json". */
  entry?: string;
  table?: TableName;
  /** 0-based index of the row in its table file. */
  row?: number;
  /** Where in the row (or manifest) the problem is, e.g. ["counts", "reactions"]. */
  path?: (string | number)[];
  /** A zod issue code, or one of ours: "duplicate", "json", "missing-entry", "size-mismatch",
   * "count-mismatch", "unexpected-entry", "unsafe-name", "forbidden-key", "encrypted"… */
  reason?: string;
  limit?: keyof BackupLimits | 'manifestBytes';
  expected?: number;
  actual?: number;
  /** The versions the file declares, for `newer-version`. */
  formatVersion?: number;
  dbVersion?: number;
  /** The name of the underlying DOMException or zip.js error, e.g. "QuotaExceededError". */
  cause?: string;
}

export interface BackupError {
  code: BackupErrorCode;
  detail?: BackupErrorDetail;
}

export interface BackupFailure {
  ok: false;
  error: BackupError;
}

/** Thrown inside this module only; the public functions catch it and return `error`. */
export class BackupProblem extends Error {
  constructor(readonly error: BackupError) {
    super(error.code);
    this.name = 'BackupProblem';
  }
}

export function fail(code: BackupErrorCode, detail?: BackupErrorDetail): never {
  throw new BackupProblem(detail ? { code, detail } : { code });
}

/** The name of whatever was thrown, for `detail.cause`. */
export function causeOf(error: unknown): string {
  if (error instanceof Error) return (error.name !== 'Error' ? error.name : error.message).slice(0, 100);
  return typeof error;
}

/** A zod issue's path, with the offending key of an "unrecognized_keys" issue. */
export function issuePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): (string | number)[] {
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part).slice(0, 100)));
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) path.push(issue.keys[0].slice(0, 100));
  return path;
}
