import type { ClipStatus } from '../../db/clips';
import type { BrandRef, Network } from '../../db/record';
import type { PostSnapshot } from '../../sites/types';

/** Why a capture saved nothing. */
export type CaptureFailure = 'quota' | 'no-post' | 'invalid' | 'error';

export type CaptureResult =
  | {
      ok: true;
      clipId: string;
      updated: boolean;
      imagesSaved: number;
      imagesFailed: number;
      /** The brand in view is shared read-only (issue #15): the new clip went under all
       * brands ('all-brands'), or the post was already that brand's and was left as it is. */
      readOnly?: 'all-brands' | 'unchanged';
    }
  | { ok: false; reason: CaptureFailure };

/** A clip as the sidebar shows it. The sidebar cannot open the database, and runtime
 * messages carry JSON: the thumbnail comes as a `data:` URL of the STORED blob. */
export interface ClipSummary {
  id: string;
  /** The brand it is filed under (null: all brands). */
  brandId: BrandRef;
  network: Network | 'web';
  permalink: string | null;
  authorName: string | null;
  authorHandle: string | null;
  /** The first 2,000 characters of the text (`textLength` tells the whole). */
  text: string;
  textLength: number;
  hashtags: string[];
  note: string;
  tags: string[];
  status: ClipStatus;
  clippedAt: number;
  imageCount: number;
  thumbnail: { dataUrl: string; sourceUrl: string | null } | null;
}

/** Messages of the content-ideas library feature (issue #6): capturing posts. */
export interface ClipsProtocol {
  // page agent -> background
  /** The clip control on a post was used: save it (images fetched by the background). */
  clipPost(data: { snapshot: PostSnapshot }): CaptureResult;
  /** The clip controls' few words, in the interface language. */
  getClipStrings(): Record<string, string>;

  // background -> page agent (main frame)
  /** Reads the post under the pointer (keyboard command) or the one most in view. */
  readPostForClip(data: { where: 'pointer' | 'view' }): PostSnapshot | null;

  // sidebar -> background
  clipPostInView(): CaptureResult;
  listRecentClips(data: { limit: number }): ClipSummary[];
  updateClipFields(data: { id: string; note: string; tags: string[]; status: ClipStatus }): ClipSummary | null;
  /** Inserts the draft chosen in the library ("use as draft") into the page's composer. */
  insertDraft(): { ok: boolean; reason?: string };
}
