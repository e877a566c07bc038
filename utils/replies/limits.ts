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
 * The count is in UTF-16 code units, as the boxes themselves count (an emoji may count
 * as two). */
export const BOX_LIMITS = {
  'facebook-comment': 8_000,
  'facebook-post': 63_206,
  'facebook-message': 20_000,
  'instagram-comment': 2_200,
  'instagram-caption': 2_200,
  'instagram-message': 1_000,
  'linkedin-post': 3_000,
  'linkedin-comment': 1_250,
  'linkedin-message': 8_000,
} as const;

export type BoxKind = keyof typeof BOX_LIMITS;

export function boxLimit(box: BoxKind | null): number | null {
  return box ? BOX_LIMITS[box] : null;
}
