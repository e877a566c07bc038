import type { PackedScope, UnpackedHashtag } from '../hashtags/packed';
import type { BaseRecord, BrandRef, Network } from './record';

/** A named group of hashtags inserted together. Tags are stored without "#", in the
 * user's order of priority. */
export interface HashtagSet extends BaseRecord {
  name: string;
  tags: string[];
  /** null means any network. */
  network: Network | null;
  brandId: BrandRef;
}

/** What the local hashtag model learned in one network + brand, packed: counts only,
 * never the posts they were seen in, their authors or their text. One record per scope,
 * its id given by `packedScopeId` (see `utils/hashtags/packed.ts` for the arrays). Since
 * version 2 of the database. */
export interface HashtagStat extends BaseRecord, PackedScope {}

/** Version 1 of the database kept one row per hashtag (`UnpackedHashtag` plus the base
 * fields), which took a minute to read back for a heavy user; version 2 packs them. */
export interface HashtagStatV1 extends BaseRecord, UnpackedHashtag {}

export const hashtagSetsIndexes = 'id, name, network, brandId, updatedAt';
export const hashtagStatsIndexesV1 = 'id, key, network, brandId, lastSeenAt, updatedAt';
export const hashtagStatsIndexes = 'id, network, brandId, updatedAt';
