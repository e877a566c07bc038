import type { z } from 'zod';
import type { BrandV2 } from '../db/brands';
import type { Clip, StoredImage } from '../db/clips';
import type { HashtagStatV1 } from '../db/hashtags';
import type { PostLogEntry } from '../db/post-log';
import type { TableName } from '../db/schema';
import { brandsV2ToV3, hashtagStatsV1ToV2, imagesV2ToV3, postLogV2ToV3 } from '../db/upgrades';
import { brandV2Schema, hashtagStatV1Schema, imageRowV2Schema, postLogEntryV2Schema, rowSchemas } from './format';

/**
 * A backup exported by an older Spalla holds rows of its database version: they are
 * validated as that version wrote them, then brought to today's shape by the very code
 * of the database's own upgrade (`utils/db/upgrades.ts`), then validated again.
 */

/** The schema of a table's rows in a backup of database version `dbVersion`. */
export function rowSchemaAt(dbVersion: number, table: TableName): z.ZodType {
  if (dbVersion < 2 && table === 'hashtagStats') return hashtagStatV1Schema;
  if (dbVersion < 3 && table === 'brands') return brandV2Schema;
  if (dbVersion < 3 && table === 'images') return imageRowV2Schema;
  if (dbVersion < 3 && table === 'postLog') return postLogEntryV2Schema;
  return rowSchemas[table];
}

/** The tables (changed in place) brought from `dbVersion` to today's rows. */
export function upgradeRows(dbVersion: number, tables: Record<TableName, unknown[]>): void {
  if (dbVersion < 2) tables.hashtagStats = hashtagStatsV1ToV2(tables.hashtagStats as HashtagStatV1[]);
  if (dbVersion < 3) {
    const { brands, accounts } = brandsV2ToV3(tables.brands as BrandV2[]);
    tables.brands = brands;
    tables.accounts = accounts;
    tables.postLog = postLogV2ToV3(tables.postLog as Omit<PostLogEntry, 'accountId'>[]);
    tables.images = imagesV2ToV3(tables.images as Omit<StoredImage, 'brandId'>[], tables.clips as Clip[]);
  }
}
