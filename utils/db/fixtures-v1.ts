import { day, t0 } from './fixtures';
import { makeV2FixtureRows } from './fixtures-v2';
import type { HashtagStatV1 } from './hashtags';

/** The fixture rows as version 1 of the database held them: every table as in version 2
 * but `hashtagStats`, then one row per hashtag. Frozen: the migration test opens a version 1
 * database with these and expects `makeFixtureRows()` after the upgrades. */
export function makeV1FixtureRows() {
  return { ...makeV2FixtureRows(), hashtagStats: makeV1HashtagStats() };
}

export function makeV1HashtagStats(): HashtagStatV1[] {
  return [
    {
      id: 'stat-cucinaitaliana',
      createdAt: t0,
      updatedAt: t0 + 4 * day,
      key: 'cucinaitaliana',
      tag: 'CucinaItaliana',
      network: 'instagram',
      brandId: 'brand-trattoria-gino',
      ownCount: 4,
      seenCount: 37,
      cooccurs: { pasta: 3, foodporn: 1, 'caffè': 2 },
      lastSeenAt: t0 + 4 * day,
    },
    {
      id: 'stat-cafe',
      createdAt: t0 + day,
      updatedAt: t0 + day,
      key: 'café',
      tag: 'Café',
      network: 'facebook',
      brandId: null,
      ownCount: 0,
      seenCount: 1,
      cooccurs: {},
      lastSeenAt: t0 + day,
    },
  ];
}
