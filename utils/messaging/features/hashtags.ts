/** Messages of the hashtag suggestions feature (issue #4). The background owns the
 * learned model (`utils/background/features/hashtags.ts`). */
import type { BrandRef, Network } from '../../db/record';
import type { HashtagSuggestion } from '../../hashtags/rank';
import type { LearnSource } from '../../hashtags/model';

export type { HashtagSuggestion, SuggestionReason } from '../../hashtags/rank';

export interface SuggestHashtagsRequest {
  /** The caption or comment as typed (its own hashtags are never suggested again). */
  text: string;
  network: Network;
  /** At most this many suggestions (1–50). */
  limit: number;
  /** The brand in view: its own learning and sets, and the shared ones. Null or omitted:
   * all brands, everything learned and every set. From the sidebar the background uses
   * the brand in view in its tab instead. */
  brandId?: BrandRef;
  /** The user's avoid list (without "#"); these never come back. */
  avoid?: string[];
}

export interface LearnHashtagsRequest {
  /** A post's or clip's text (its hashtags are read from it) ... */
  text?: string;
  /** ... or its hashtags, without "#". */
  tags?: string[];
  network: Network;
  /** 'own': the user's posts and clips; 'seen': posts scrolled past (page agent only,
   * and only while the setting allows it). */
  source: LearnSource;
  /** The brand it is filed under (null or omitted: shared by all brands). From a page
   * agent or the sidebar the background files it under the brand in view in its tab instead. */
  brandId?: BrandRef;
}

export interface HashtagModelInfo {
  /** Distinct hashtags learned (per network and brand). */
  hashtags: number;
  /** Of which seen in the user's own posts or clips. */
  ownHashtags: number;
  /** Co-occurrence pairs. */
  pairs: number;
}

export interface HashtagsProtocol {
  /** Sidebar -> background: ranked suggestions for a text. The user's hashtag sets
   * (table `hashtagSets`) are read by the background itself. */
  suggestHashtags(data: SuggestHashtagsRequest): HashtagSuggestion[];
  /** Page agent (harvest, clipping) or extension page -> background. Answers how many
   * hashtags were taken (0 when refused by the setting). Writes are batched. */
  learnHashtags(data: LearnHashtagsRequest): { learned: number };
  /** Extension page (settings) -> background: forgets everything learned. */
  clearLearnedHashtags(): { cleared: number };
  /** Extension page (library) -> background, around a merge or deletion of brands (which
   * rewrites `hashtagStats`): writes what is waiting, then reads the table again on next use. */
  reloadLearnedHashtags(): { reloaded: true };
  /** Extension page (settings) -> background: what the model holds. */
  getHashtagModelInfo(): HashtagModelInfo;
}
