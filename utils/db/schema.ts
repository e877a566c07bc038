import { brandsIndexes } from './brands';
import { clipsIndexes, imagesIndexes } from './clips';
import { hashtagSetsIndexes, hashtagStatsIndexes, hashtagStatsIndexesV1 } from './hashtags';
import { postLogIndexes } from './post-log';
import { savedRepliesIndexes } from './saved-replies';

export const DB_NAME = 'spalla';

/** Every version the database has had, oldest first. A change is a new entry here with
 * its own upgrade (see `app-db.ts`) and a test in `migrations.test.ts` that opens the
 * previous version with fixture rows and checks every row after the upgrade. */
export const SCHEMA_VERSIONS = {
  1: {
    brands: brandsIndexes,
    savedReplies: savedRepliesIndexes,
    hashtagSets: hashtagSetsIndexes,
    hashtagStats: hashtagStatsIndexesV1,
    clips: clipsIndexes,
    images: imagesIndexes,
    postLog: postLogIndexes,
  },
  /** The learned hashtags packed into one record per network + brand. */
  2: {
    brands: brandsIndexes,
    savedReplies: savedRepliesIndexes,
    hashtagSets: hashtagSetsIndexes,
    hashtagStats: hashtagStatsIndexes,
    clips: clipsIndexes,
    images: imagesIndexes,
    postLog: postLogIndexes,
  },
} as const;

export const CURRENT_DB_VERSION = 2;

/** The tables a backup holds, in the order they are written and restored. */
export const TABLE_NAMES = [
  'brands',
  'savedReplies',
  'hashtagSets',
  'hashtagStats',
  'clips',
  'images',
  'postLog',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];
