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
  /** The fill-in answers last given for this reply (`{{input:Orario}}` → "18:30"), keyed
   * by field label, offered again next time. Absent until first used with answers:
   * optional, so records and backups written before it existed stay valid. */
  lastAnswers?: Record<string, string>;
}

export const savedRepliesIndexes = 'id, shortcut, brandId, language, useCount, lastUsedAt, updatedAt, *tags';
