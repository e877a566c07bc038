/**
 * What a brand in view is offered (issue #13): one rule for every feature. An item filed
 * under a brand is offered only while that brand is in view; an item shared by all brands
 * (`brandId: null`) always; with "all brands" in view (`null`), everything, as before
 * brands existed.
 */
import type { BrandRef } from '../db/record';

/** True when an item of brand `itemBrand` is offered with `inView` on screen. */
export function offeredIn(itemBrand: BrandRef, inView: BrandRef): boolean {
  return inView === null || itemBrand === null || itemBrand === inView;
}

/** The items offered with `inView` on screen, the brand's own before the shared ones,
 * each group in the order given. With "all brands" in view: all of them, in that order. */
export function brandFirst<T extends { brandId: BrandRef }>(items: readonly T[], inView: BrandRef): T[] {
  if (inView === null) return [...items];
  return [...items.filter((item) => item.brandId === inView), ...items.filter((item) => item.brandId === null)];
}
