import { describe, expect, test } from 'vitest';
import { ALL_BRANDS, SHARED_BRANDS, brandForNew, filterByBrand, matchesBrand, validFilter } from './filter';

const items = [
  { id: 'a', brandId: 'gino' },
  { id: 'b', brandId: null },
  { id: 'c', brandId: 'lucia' },
];

describe('the brand filter', () => {
  test('all brands shows everything; one brand only its own; shared only what belongs to all', () => {
    expect(filterByBrand(items, ALL_BRANDS).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(filterByBrand(items, 'gino').map((i) => i.id)).toEqual(['a']);
    expect(filterByBrand(items, SHARED_BRANDS).map((i) => i.id)).toEqual(['b']);
    expect(matchesBrand(null, 'gino')).toBe(false);
  });

  test('a new item is filed under the brand the filter shows, else shared', () => {
    expect(brandForNew('gino')).toBe('gino');
    expect(brandForNew(ALL_BRANDS)).toBeNull();
    expect(brandForNew(SHARED_BRANDS)).toBeNull();
  });

  test('a filter on a brand that is gone falls back to all brands; the choices cannot be a brand id', () => {
    expect(validFilter('gone', ['gino'])).toBe(ALL_BRANDS);
    expect(validFilter('gino', ['gino'])).toBe('gino');
    expect(validFilter(SHARED_BRANDS, [])).toBe(SHARED_BRANDS);
    for (const choice of [ALL_BRANDS, SHARED_BRANDS]) expect(choice).not.toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
