import type { BaseRecord, BrandRef, Network } from './record';

/** A reusable answer (issue #3 fills in the template language and the UI). */
export interface SavedReply extends BaseRecord {
  title: string;
  body: string;
  /** Typed after the prefix (";ciao") to expand; null when none. */
  shortcut: string | null;
  tags: string[];
  /** Networks it is meant for; empty means any. */
  networks: Network[];
  /** BCP 47 language tag, e.g. "it" or "en". */
  language: string;
  brandId: BrandRef;
  useCount: number;
  lastUsedAt: number | null;
}

export const savedRepliesIndexes = 'id, shortcut, brandId, language, useCount, lastUsedAt, updatedAt, *tags';
