/**
 * The library's brand filter (issue #13): every section shows all items, one brand's, or
 * the ones shared by all brands (`brandId: null`). Kept as a string so that it can be the
 * value of a `<select>`: a brand's id never starts with ":" (ids are `[A-Za-z0-9_-]`,
 * `utils/backup/format.ts`), so the two choices that are not a brand cannot clash with one.
 */
import type { BrandRef } from '../db/record';

export const ALL_BRANDS = ':all';
export const SHARED_BRANDS = ':shared';

/** `ALL_BRANDS`, `SHARED_BRANDS` or a brand's id. */
export type BrandFilter = string;

export function matchesBrand(brandId: BrandRef, filter: BrandFilter): boolean {
  if (filter === ALL_BRANDS) return true;
  if (filter === SHARED_BRANDS) return brandId === null;
  return brandId === filter;
}

export function filterByBrand<T extends { brandId: BrandRef }>(items: readonly T[], filter: BrandFilter): T[] {
  return filter === ALL_BRANDS ? [...items] : items.filter((item) => matchesBrand(item.brandId, filter));
}

/** Where a new item made in the library goes: the brand the filter shows, else shared. */
export function brandForNew(filter: BrandFilter): BrandRef {
  return filter === ALL_BRANDS || filter === SHARED_BRANDS ? null : filter;
}

/** A filter naming a brand that no longer exists (merged or deleted) falls back to all. */
export function validFilter(filter: BrandFilter, brandIds: readonly string[]): BrandFilter {
  return filter === ALL_BRANDS || filter === SHARED_BRANDS || brandIds.includes(filter) ? filter : ALL_BRANDS;
}
