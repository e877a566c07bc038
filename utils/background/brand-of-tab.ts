import type { BrandRef } from '../db/record';
import { isReadOnlyBrand } from '../sync/read-only';
import { brandInView } from './brand-in-view';

/**
 * The brand in view in a tab (issue #13), as the features that file or offer by brand
 * (hashtags, clips, best time) ask it: `null` = all brands, also for a click that comes
 * from no tab (a context menu outside any tab).
 */
export async function brandOfTab(tabId: number | undefined): Promise<BrandRef> {
  return tabId === undefined ? null : (await brandInView(tabId)).brandId;
}

/**
 * Where something new made from a tab (a clip, a hashtag set) is filed: the brand in view,
 * unless that brand is shared with this computer read-only (issue #15). Then it goes under
 * all brands: it stays on this computer, where the person can use it and move it later,
 * instead of being filed under the brand and undone a moment later by the team's copy
 * (the server refuses the change). `readOnly` names the brand it could not go to, for the
 * sidebar to say so.
 */
export async function brandForNew(tabId: number | undefined): Promise<{ brandId: BrandRef; readOnly: string | null }> {
  const brandId = await brandOfTab(tabId);
  return (await isReadOnlyBrand(brandId)) ? { brandId: null, readOnly: brandId } : { brandId, readOnly: null };
}
