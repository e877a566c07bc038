import type { BrandRef } from './record';

/**
 * The record of a deletion, so that a later merge or sync can tell "deleted here" from
 * "never had it" (issue #13, ground for team sharing). One per deleted row: its id is
 * `table:rowId`. Written by the database itself (`deletion-log.ts`) in the transaction
 * that deleted the row, and removed when a row of that id is written again.
 */
export interface Tombstone {
  /** `${table}:${rowId}`. */
  id: string;
  table: string;
  rowId: string;
  /** The brand the row belonged to (null: all brands), so one brand's deletions travel with it. */
  brandId: BrandRef;
  deletedAt: number;
}

export function tombstoneId(table: string, rowId: string): string {
  return `${table}:${rowId}`;
}

export const tombstonesIndexes = 'id, table, brandId, deletedAt';
