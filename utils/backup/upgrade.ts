import type { z } from 'zod';
import type { HashtagStatV1 } from '../db/hashtags';
import type { TableName } from '../db/schema';
import { hashtagStatsV1ToV2 } from '../db/upgrades';
import { hashtagStatV1Schema, rowSchemas } from './format';

/**
 * A backup exported by an older Spalla holds rows of its database version: they are
 * validated as that version wrote them, then brought to today's shape by the very code
 * of the database's own upgrade (`utils/db/upgrades.ts`), then validated again.
 */

/** The schema of a table's rows in a backup of database version `dbVersion`. */
export function rowSchemaAt(dbVersion: number, table: TableName): z.ZodType {
  if (dbVersion < 2 && table === 'hashtagStats') return hashtagStatV1Schema;
  return rowSchemas[table];
}

/** The tables (changed in place) brought from `dbVersion` to today's rows. */
export function upgradeRows(dbVersion: number, tables: Record<TableName, unknown[]>): void {
  if (dbVersion < 2) tables.hashtagStats = hashtagStatsV1ToV2(tables.hashtagStats as HashtagStatV1[]);
}
