/**
 * Saved replies and the brand in view (issue #13): which replies are offered, in which
 * order, and when inserting one asks first. Used by the sidebar (list and palette) and the
 * background (typed shortcuts). docs/brands.md "Saved replies follow the brand".
 */

import { brandFirst } from '../brands/offered';

interface Branded {
  brandId: string | null;
}

/** What the tab is working for: the brand in view (null = all brands), and the brand of
 * the account the page shows (null = unknown). */
export interface BrandContext {
  brandId: string | null;
  pageBrandId: string | null;
}

/** The replies offered with `brandId` in view: that brand's first, then the shared ones
 * (`brandId: null`), each group in the order given; other brands' replies are left out.
 * With all brands in view, every reply, in the order given. */
export function offeredReplies<T extends Branded>(replies: readonly T[], brandId: string | null): T[] {
  return brandFirst(replies, brandId);
}

/** The brand a reply would speak for in the wrong place: the reply belongs to a brand,
 * and the tab works for another one (the brand in view, or, with all brands in view, the
 * page's own account's brand). null = no question to ask. */
export function wrongBrand(reply: Branded, context: BrandContext | null | undefined): string | null {
  const expected = context ? (context.brandId ?? context.pageBrandId) : null;
  return reply.brandId !== null && expected !== null && reply.brandId !== expected ? expected : null;
}
