import { LINKEDIN_COMMENT_MAX, LINKEDIN_POST_MAX, THREADS_POST_MAX, X_POST_MAX } from '../hashtags/limits';
import { textLength, type LengthCounting } from '../limits/length';

/** How many characters each kind of box takes, so that the sidebar can count a reply
 * against it. One place for all of them.
 *
 * Sources (checked 2025; the networks change them rarely, and say so in their help
 * centres):
 * - Instagram captions and comments: 2,200 characters (Instagram Help Centre, "Add a
 *   caption"; comments share the caption limit). Direct messages: 1,000.
 * - Facebook comments: 8,000 characters (the comment box refuses more). Posts: 63,206
 *   (Facebook's published maximum for a status update). Messenger: 20,000 per message.
 * - Business Suite inbox replies go out on Facebook or Instagram and take that
 *   network's limit for a comment / message.
 *
 * - X, Threads, LinkedIn (#14): the figures and their sources are in
 *   `utils/hashtags/limits.ts`. X direct messages take 10,000 characters (X Help Center,
 *   "About Direct Messages"); LinkedIn messages 8,000
 *   (linkedinpreview.com/blog/linkedin-post-length, "Direct message: 8,000 characters").
 *
 * The count is in UTF-16 code units, as Facebook's and Instagram's boxes count (an emoji
 * may count as two); X counts as its twitter-text library does (`BOX_COUNTING`). */
export const BOX_LIMITS = {
  'facebook-comment': 8_000,
  'facebook-post': 63_206,
  'facebook-message': 20_000,
  'instagram-comment': 2_200,
  'instagram-caption': 2_200,
  'instagram-message': 1_000,
  'x-post': X_POST_MAX,
  'x-reply': X_POST_MAX,
  'x-message': 10_000,
  'threads-post': THREADS_POST_MAX,
  'threads-reply': THREADS_POST_MAX,
  'linkedin-post': LINKEDIN_POST_MAX,
  'linkedin-comment': LINKEDIN_COMMENT_MAX,
  'linkedin-message': 8_000,
} as const;

export type BoxKind = keyof typeof BOX_LIMITS;

/** Boxes that do not count in UTF-16 code units. */
const BOX_COUNTING: Partial<Record<BoxKind, LengthCounting>> = {
  'x-post': 'twitter-text',
  'x-reply': 'twitter-text',
  'threads-post': 'code-points',
  'threads-reply': 'code-points',
  'linkedin-post': 'code-points',
  'linkedin-comment': 'code-points',
  'linkedin-message': 'code-points',
};

export function boxLimit(box: BoxKind | null): number | null {
  return box ? BOX_LIMITS[box] : null;
}

/** The length of `text` as the box counts it (UTF-16 code units where nothing else is known). */
export function boxLength(text: string, box: BoxKind | null): number {
  return textLength(text, (box && BOX_COUNTING[box]) ?? 'utf16');
}
