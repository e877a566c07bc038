import type { Network } from '../db/record';

/** The rules each network applies to a caption or comment, as far as hashtags go.
 *
 * - Instagram links at most 5 hashtags per post or reel since December 2025 (it was 30
 *   before); the user can set 30 back, or any number from 1 to 30, in the settings.
 *   A caption holds at most 2,200 characters.
 * - Facebook has no hard cap. Past a few hashtags a post reads as spam and reaches no
 *   one more, so the linter gives a gentle hint (not an error) past
 *   `FACEBOOK_HASHTAG_HINT` of them. */
export const INSTAGRAM_DEFAULT_HASHTAG_LIMIT = 5;
export const INSTAGRAM_OLD_HASHTAG_LIMIT = 30;
export const INSTAGRAM_CAPTION_MAX = 2200;
export const FACEBOOK_HASHTAG_HINT = 3;

export interface NetworkRules {
  network: Network;
  /** Most hashtags the network links; null = no hard cap. */
  maxHashtags: number | null;
  /** More than this many gets a gentle hint (Facebook); null = none. */
  hintAbove: number | null;
  /** Longest caption in characters (code points); null = none we enforce. */
  maxLength: number | null;
  /** Threads: one topic tag per post, the first hashtag; the others stay text. */
  oneTopicTag?: boolean;
}

/** A usable Instagram limit from whatever the settings hold. */
export function clampInstagramLimit(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : INSTAGRAM_DEFAULT_HASHTAG_LIMIT;
  return Math.min(INSTAGRAM_OLD_HASHTAG_LIMIT, Math.max(1, n));
}

export function rulesFor(network: Network, instagramLimit: number = INSTAGRAM_DEFAULT_HASHTAG_LIMIT): NetworkRules {
  if (network === 'instagram') {
    return { network, maxHashtags: clampInstagramLimit(instagramLimit), hintAbove: null, maxLength: INSTAGRAM_CAPTION_MAX };
  }
  return { network, maxHashtags: null, hintAbove: FACEBOOK_HASHTAG_HINT, maxLength: null };
}

/** How many more hashtags fit; Infinity where there is no cap. */
export function roomLeft(rules: NetworkRules, used: number): number {
  return rules.maxHashtags === null ? Infinity : Math.max(0, rules.maxHashtags - used);
}
