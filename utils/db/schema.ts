import { accountsIndexes, brandsIndexes, brandsIndexesV2 } from './brands';
import { clipsIndexes, imagesIndexes, imagesIndexesV2 } from './clips';
import { hashtagSetsIndexes, hashtagStatsIndexes, hashtagStatsIndexesV1 } from './hashtags';
import { postLogIndexes, postLogIndexesV2 } from './post-log';
import { tombstonesIndexes } from './tombstones';
import { savedRepliesIndexes } from './saved-replies';

export const DB_NAME = 'spalla';

/** Every version the database has had, oldest first. A change is a new entry here with
 * its own upgrade (see `app-db.ts`) and a test in `migrations.test.ts` that opens the
 * previous version with fixture rows and checks every row after the upgrade. */
export const SCHEMA_VERSIONS = {
  1: {
    brands: brandsIndexesV2,
    savedReplies: savedRepliesIndexes,
    hashtagSets: hashtagSetsIndexes,
    hashtagStats: hashtagStatsIndexesV1,
    clips: clipsIndexes,
    images: imagesIndexes,
    postLog: postLogIndexes,
  },
  /** The learned hashtags packed into one record per network + brand. */
  2: {
    brands: brandsIndexesV2,
    savedReplies: savedRepliesIndexes,
    hashtagSets: hashtagSetsIndexes,
    hashtagStats: hashtagStatsIndexes,
    clips: clipsIndexes,
    images: imagesIndexesV2,
    postLog: postLogIndexesV2,
  },
  /** Brands are clients with accounts (issue #13); every record carries its brand; every
   * deletion leaves a tombstone. */
  3: {
    brands: brandsIndexes,
    accounts: accountsIndexes,
    savedReplies: savedRepliesIndexes,
    hashtagSets: hashtagSetsIndexes,
    hashtagStats: hashtagStatsIndexes,
    clips: clipsIndexes,
    images: imagesIndexes,
    postLog: postLogIndexes,
    tombstones: tombstonesIndexes,
  },
} as const;

export const CURRENT_DB_VERSION = 3;

/** The tables a backup holds, in the order they are written and restored. The
 * `tombstones` table is not one of them: it is the database's own record of deletions
 * (`deletion-log.ts`), kept for a later merge, and a restore must not resurrect or delete
 * by it. */
export const TABLE_NAMES = [
  'brands',
  'accounts',
  'savedReplies',
  'hashtagSets',
  'hashtagStats',
  'clips',
  'images',
  'postLog',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];

/** The tables of a backup exported with database version `dbVersion`. */
export function tableNamesAt(dbVersion: number): readonly TableName[] {
  return dbVersion < 3 ? TABLE_NAMES.filter((name) => name !== 'accounts') : TABLE_NAMES;
}
