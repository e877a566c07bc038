import { packedScopeId, packHashtags } from '../hashtags/packed';
import type { HashtagStat, HashtagStatV1 } from './hashtags';

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
