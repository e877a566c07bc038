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

/** What the local model learned about one hashtag: counts only, never the post it was
 * seen in, its author or its text. */
export interface HashtagStat extends BaseRecord {
  /** Normalized counting key (NFC, case-folded). */
  key: string;
  /** The spelling seen most often. */
  tag: string;
  network: Network;
  brandId: BrandRef;
  /** Times seen in the user's own posts and clips. */
  ownCount: number;
  /** Times seen in posts scrolled past (when the user allows it). */
  seenCount: number;
  /** Other keys seen in the same post, with how often. */
  cooccurs: Record<string, number>;
  lastSeenAt: number;
}

export const hashtagSetsIndexes = 'id, name, network, brandId, updatedAt';
export const hashtagStatsIndexes = 'id, key, network, brandId, lastSeenAt, updatedAt';
