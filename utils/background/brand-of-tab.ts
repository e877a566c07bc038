import type { BrandRef } from '../db/record';
import { brandInView } from './brand-in-view';

/**
 * The brand in view in a tab (issue #13), as the features that file or offer by brand
 * (hashtags, clips, best time) ask it: `null` = all brands, also for a click that comes
 * from no tab (a context menu outside any tab).
 */
export async function brandOfTab(tabId: number | undefined): Promise<BrandRef> {
  return tabId === undefined ? null : (await brandInView(tabId)).brandId;
}
