import { describe, expect, test } from 'vitest';
import { brandFirst, offeredIn } from './offered';

describe('offeredIn: what a brand in view is offered', () => {
  test.each([
    // item brand, brand in view, offered
    ['gino', 'gino', true],
    ['gino', 'lucia', false],
    [null, 'lucia', true],
    ['gino', null, true],
    [null, null, true],
  ] as const)('an item of %s with %s in view: %s', (item, inView, offered) => {
    expect(offeredIn(item, inView)).toBe(offered);
  });
});

describe('brandFirst', () => {
  const items = [
    { id: 'shared-1', brandId: null },
    { id: 'lucia-1', brandId: 'lucia' },
    { id: 'gino-1', brandId: 'gino' },
    { id: 'shared-2', brandId: null },
    { id: 'gino-2', brandId: 'gino' },
  ];

  test("a brand in view: its own items first, then the shared ones; another brand's never", () => {
    expect(brandFirst(items, 'gino').map((i) => i.id)).toEqual(['gino-1', 'gino-2', 'shared-1', 'shared-2']);
    expect(brandFirst(items, 'lucia').map((i) => i.id)).toEqual(['lucia-1', 'shared-1', 'shared-2']);
  });

  test('a brand with nothing of its own: the shared items', () => {
    expect(brandFirst(items, 'gym').map((i) => i.id)).toEqual(['shared-1', 'shared-2']);
  });

  test('all brands in view: every item, in the order given', () => {
    expect(brandFirst(items, null).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });
});
