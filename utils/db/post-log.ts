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
  /** The account (brand) that published it; required for a post log. */
  brandId: string | null;
  network: Network;
  permalink: string | null;
  /** Epoch milliseconds (UTC). */
  publishedAt: number;
  metrics: PostMetrics;
  source: MetricSource;
}

export const postLogIndexes = 'id, [brandId+network], network, publishedAt, permalink, updatedAt';
