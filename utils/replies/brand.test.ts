import { describe, expect, test } from 'vitest';
import { offeredReplies, wrongBrand } from './brand';

const replies = [
  { id: 'lucia-1', brandId: 'lucia' },
  { id: 'shared-1', brandId: null },
  { id: 'gino-1', brandId: 'gino' },
  { id: 'shared-2', brandId: null },
  { id: 'gino-2', brandId: 'gino' },
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('replies and the brand in view', () => {
  test("the brand's replies first, then the shared ones, in the order given; no other brand's", () => {
    expect(ids(offeredReplies(replies, 'gino'))).toEqual(['gino-1', 'gino-2', 'shared-1', 'shared-2']);
    expect(ids(offeredReplies(replies, 'lucia'))).toEqual(['lucia-1', 'shared-1', 'shared-2']);
    expect(ids(offeredReplies(replies, 'nobody'))).toEqual(['shared-1', 'shared-2']);
  });

  test('all brands in view: every reply, as given', () => {
    expect(ids(offeredReplies(replies, null))).toEqual(ids(replies));
  });

  test("another brand's reply asks first; a shared reply or the brand's own never does", () => {
    const gino = { brandId: 'gino', pageBrandId: 'gino' };
    expect(wrongBrand({ brandId: 'lucia' }, gino)).toBe('gino');
    expect(wrongBrand({ brandId: 'gino' }, gino)).toBeNull();
    expect(wrongBrand({ brandId: null }, gino)).toBeNull();
  });

  test("with all brands in view, the page's own account decides; with neither, nothing asks", () => {
    expect(wrongBrand({ brandId: 'lucia' }, { brandId: null, pageBrandId: 'gino' })).toBe('gino');
    expect(wrongBrand({ brandId: 'lucia' }, { brandId: null, pageBrandId: null })).toBeNull();
    expect(wrongBrand({ brandId: 'lucia' }, null)).toBeNull();
    // The user picked Lucia by hand on Gino's page: Lucia's voice is what they asked for.
    expect(wrongBrand({ brandId: 'lucia' }, { brandId: 'lucia', pageBrandId: 'gino' })).toBeNull();
  });
});
