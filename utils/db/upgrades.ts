import { packedScopeId, packHashtags } from '../hashtags/packed';
import { defaultBrandColor, type Account, type Brand, type BrandV2 } from './brands';
import type { Clip, StoredImage } from './clips';
import type { HashtagStat, HashtagStatV1 } from './hashtags';
import type { PostLogEntry } from './post-log';

/**
 * The row changes from one database version to the next, as plain functions: the
 * database's own upgrade (`app-db.ts`) and the backup reader (for a file exported by an
 * older Spalla) run the very same code.
 */

/** Version 1 → 2: the learned hashtags, one row each, become one packed record per
 * network + brand, created when its oldest row was and updated when its newest was. */
export function hashtagStatsV1ToV2(rows: readonly HashtagStatV1[]): HashtagStat[] {
  const times = new Map<string, { createdAt: number; updatedAt: number }>();
  for (const row of rows) {
    const id = packedScopeId(row.network, row.brandId);
    const seen = times.get(id);
    times.set(id, {
      createdAt: Math.min(seen?.createdAt ?? row.createdAt, row.createdAt),
      updatedAt: Math.max(seen?.updatedAt ?? row.updatedAt, row.updatedAt),
    });
  }
  return packHashtags(rows).map((scope) => {
    const id = packedScopeId(scope.network, scope.brandId);
    return { id, ...times.get(id)!, ...scope };
  });
}

/** Version 2 → 3: each account of version 2 (a row of `brands`) becomes a brand of its own
 * name and time zone, holding that one account, both under the old id, so that every
 * `brandId` stored so far keeps pointing at its brand and the best-time choices kept per
 * account (`bestTimePriorChoice`) at its account. The user can merge brands afterwards
 * (a pizzeria's Page and Instagram account were two accounts, so two brands). */
export function brandsV2ToV3(rows: readonly BrandV2[]): { brands: Brand[]; accounts: Account[] } {
  return {
    brands: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      name: row.name,
      color: defaultBrandColor(row.id),
      timeZone: row.timeZone,
    })),
    accounts: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      brandId: row.id,
      network: row.network,
      name: row.name,
      handle: row.handle,
      externalId: null,
    })),
  };
}

/** Version 2 → 3: a logged post's account was its `brandId`; it keeps it as `accountId`. */
export function postLogV2ToV3(rows: readonly Omit<PostLogEntry, 'accountId'>[]): PostLogEntry[] {
  return rows.map((row) => ({ ...row, accountId: row.brandId }));
}

/** Version 2 → 3: an image carries its clip's brand (null when the clip is gone). */
export function imagesV2ToV3(rows: readonly Omit<StoredImage, 'brandId'>[], clips: readonly Pick<Clip, 'id' | 'brandId'>[]): StoredImage[] {
  const brandOf = new Map(clips.map((clip) => [clip.id, clip.brandId]));
  return rows.map((row) => ({ ...row, brandId: brandOf.get(row.clipId) ?? null }));
}
