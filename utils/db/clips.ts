import type { BaseRecord, BrandRef, Network } from './record';

export type ClipStatus = 'idea' | 'draft' | 'scheduled' | 'published' | 'archived';

/** Counts the page showed when the post was clipped; null where not shown. */
export interface VisibleCounts {
  reactions: number | null;
  comments: number | null;
  shares: number | null;
}

/** A post, page or selection kept as a content idea. Text is plain text, never HTML. */
export interface Clip extends BaseRecord {
  /** "web" for a clip from any other site. */
  network: Network | 'web';
  /** Clean permalink (tracking parameters removed); unique when present. */
  permalink: string | null;
  authorName: string | null;
  authorHandle: string | null;
  text: string;
  hashtags: string[];
  /** Ids of rows in the `images` table, in the post's order. */
  imageIds: string[];
  /** When the post was published, if the page said so. */
  postedAt: number | null;
  counts: VisibleCounts;
  note: string;
  tags: string[];
  status: ClipStatus;
  scheduledAt: number | null;
  brandId: BrandRef;
  clippedAt: number;
}

/** Image bytes kept locally, because the sites' CDN addresses expire within days. */
export interface StoredImage extends BaseRecord {
  clipId: string;
  role: 'thumbnail' | 'full' | 'poster';
  mimeType: string;
  width: number | null;
  height: number | null;
  /** Where it was fetched from (it may no longer answer). */
  sourceUrl: string | null;
  blob: Blob;
  /** The clip's brand, kept beside it so that every record carries its brand (since version 3). */
  brandId: BrandRef;
}

export const clipsIndexes = 'id, &permalink, network, status, brandId, clippedAt, updatedAt, *tags, *hashtags';
export const imagesIndexesV2 = 'id, clipId, updatedAt';
export const imagesIndexes = 'id, clipId, brandId, updatedAt';
