import type { BrandV2 } from './brands';
import { day, makeFixtureRows, t0 } from './fixtures';

/** The fixture rows as version 2 of the database held them: an account was a row of
 * `brands` (network, handle, time zone), there was no `accounts` table, images did not
 * carry a brand and a logged post's account was its `brandId`. Frozen: the migration test
 * opens a version 2 database with these and expects `makeFixtureRows()` after the upgrade. */
export function makeV2FixtureRows() {
  const { accounts: _, ...today } = makeFixtureRows();
  return {
    ...today,
    brands: makeV2Brands(),
    images: today.images.map(({ brandId: _brand, ...image }) => image),
    postLog: today.postLog.map(({ accountId: _account, ...entry }) => entry),
  };
}

export function makeV2Brands(): BrandV2[] {
  return [
    {
      id: 'brand-trattoria-gino',
      createdAt: t0,
      updatedAt: t0 + 2 * day,
      network: 'instagram',
      name: 'Trattoria Da Gino 🍝',
      handle: 'trattoriadagino',
      timeZone: 'Europe/Rome',
    },
    {
      id: 'brand-cafe-muller',
      createdAt: t0 + day,
      updatedAt: t0 + day,
      network: 'facebook',
      name: 'Café Müller – Berlin',
      handle: null,
      timeZone: null,
    },
  ];
}
