import type { Network } from '../db/record';
import type { LengthCounting } from '../limits/length';

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

/** X (#14): 280 weighted characters, counted as X's own twitter-text library counts them
 * (configuration v3: most CJK characters and every emoji count 2, every link 23;
 * github.com/twitter/twitter-text, config/v3.json, `maxWeightedTweetLength`, the figure
 * `parseTweet` checks against). X links any number of hashtags and advises "no more than
 * 2 hashtags per post as best practice" (X Help Center, help.x.com/en/using-x/how-to-use-hashtags,
 * as quoted by everywheremarketer.com/blog/how-do-hashtags-work-on-twitter): a hint past two. */
export const X_POST_MAX = 280;
export const X_HASHTAG_HINT = 2;
/** Threads (#14): 500 characters per post, replies alike (Meta's launch figure, July 2023:
 * sportskeeda.com/gaming-tech/threads-character-limit-is-word-limit-like-twitter;
 * mojicnt.click/en/blog/threads-character-limit.html; longer text goes in a separate "text
 * attachment" since 2025, which Spalla does not write into). One topic tag per post: Adam
 * Mosseri announcing tags, December 2023, "users can tag only one topic per post to avoid tag
 * spam" (macrumors.com/2023/12/08/threads-introduces-tags-or-hashtags/; gadgets360.com,
 * "threads-tags-global-roll-out-hashtags-feature-how-it-works"). The first hashtag typed becomes
 * the tag; the others stay plain text, which the linter says (`oneTopicTag`). */
export const THREADS_POST_MAX = 500;
export const THREADS_TOPIC_TAGS = 1;
/** LinkedIn (#14): posts hold 3,000 characters (since June 2021; 1,300 before), comments
 * 1,250 (linkedinpreview.com/blog/linkedin-post-length; bulkpublish.com/blog/linkedin-character-limit/). */
export const LINKEDIN_POST_MAX = 3000;
export const LINKEDIN_COMMENT_MAX = 1250;
/** LinkedIn links any number of hashtags ("LinkedIn doesn't set any limits on your hashtag
 * usage", onepartsocial.com/2021/11/01/three-tips-to-leverage-linkedin-hashtags/) and the
 * advice is three to five (the same page; "no more than five", socialmediabutterflyblog.com
 * /2021/03/real-linkedin-example-from-a-law-firm-of-what-not-to-do-with-hashtags-in-a-post/):
 * a gentle hint past five, never an error. (The posts' figures: devlimelabs/markdowntolinkedin
 * docs/LinkedIn_Platform_Capabilities_Guide.md @9d4b4738acb4d873649cfee9dd1d75e04617edac.) */
export const LINKEDIN_HASHTAG_HINT = 5;

export interface NetworkRules {
  network: Network;
  /** Most hashtags the network links; null = no hard cap. */
  maxHashtags: number | null;
  /** More than this many gets a gentle hint (Facebook); null = none. */
  hintAbove: number | null;
  /** Longest caption, counted as `counting` says; null = none we enforce. */
  maxLength: number | null;
  counting: LengthCounting;
  /** Threads: one topic tag per post, the first hashtag; the others stay text. */
  oneTopicTag?: boolean;
}

/** A usable Instagram limit from whatever the settings hold. */
export function clampInstagramLimit(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : INSTAGRAM_DEFAULT_HASHTAG_LIMIT;
  return Math.min(INSTAGRAM_OLD_HASHTAG_LIMIT, Math.max(1, n));
}

/** Each network's rules for a post, or for a comment where the network limits comments apart
 * (LinkedIn's 1,250); the sources are beside the figures above. */
export function rulesFor(network: Network, instagramLimit: number = INSTAGRAM_DEFAULT_HASHTAG_LIMIT, box?: 'comment'): NetworkRules {
  switch (network) {
    case 'instagram':
      return { network, maxHashtags: clampInstagramLimit(instagramLimit), hintAbove: null, maxLength: INSTAGRAM_CAPTION_MAX, counting: 'code-points' };
    case 'facebook':
      return { network, maxHashtags: null, hintAbove: FACEBOOK_HASHTAG_HINT, maxLength: null, counting: 'code-points' };
    case 'x':
      return { network, maxHashtags: null, hintAbove: X_HASHTAG_HINT, maxLength: X_POST_MAX, counting: 'twitter-text' };
    case 'threads':
      return { network, maxHashtags: THREADS_TOPIC_TAGS, hintAbove: null, maxLength: THREADS_POST_MAX, counting: 'code-points', oneTopicTag: true };
    case 'linkedin':
      return { network, maxHashtags: null, hintAbove: LINKEDIN_HASHTAG_HINT, maxLength: box === 'comment' ? LINKEDIN_COMMENT_MAX : LINKEDIN_POST_MAX, counting: 'code-points' };
  }
}

/** How many more hashtags fit; Infinity where there is no cap. */
export function roomLeft(rules: NetworkRules, used: number): number {
  return rules.maxHashtags === null ? Infinity : Math.max(0, rules.maxHashtags - used);
}
