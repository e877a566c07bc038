import type { BaseRecord, Network } from './record';

/** Where a figure came from. */
export type MetricSource = 'page' | 'import' | 'manual';

export interface PostMetrics {
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  reach: number | null;
  views: number | null;
}

/** One published post of an account, for best-time hints (issue #5). */
export interface PostLogEntry extends BaseRecord {
  /** The brand whose account published it. */
  brandId: string | null;
  /** The account (`accounts` table) that published it; null only for rows that lost it. */
  accountId: string | null;
  network: Network;
  permalink: string | null;
  /** Epoch milliseconds (UTC). */
  publishedAt: number;
  metrics: PostMetrics;
  source: MetricSource;
}

export const postLogIndexesV2 = 'id, [brandId+network], network, publishedAt, permalink, updatedAt';
export const postLogIndexes = 'id, [brandId+network], accountId, network, publishedAt, permalink, updatedAt';
