import type { AppDB } from '../db/app-db';
import type { Clip } from '../db/clips';
import type { PostLogEntry } from '../db/post-log';
import { estimateBestTimes, type NextBestSlot } from '../timing/estimate';
import { FLAT_PRIOR } from '../timing/priors';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Around" the chosen time: the best slots from this long before it (never in the past). */
export const HINT_DAYS_BEFORE = 3;

/** The post log of the clip's account (brand and network); none for a clip from the web. */
export async function postLogOf(db: AppDB, clip: Pick<Clip, 'brandId' | 'network'>): Promise<PostLogEntry[]> {
  if (clip.network === 'web') return [];
  const network = clip.network;
  // A compound index cannot hold null: the entries of "no brand" are found by network.
  if (clip.brandId === null) return db.postLog.where('network').equals(network).filter((e) => e.brandId === null).toArray();
  return db.postLog.where('[brandId+network]').equals([clip.brandId, network]).toArray();
}

/** The audience's time zone for a clip: its brand's, else the user's default, else the browser's. */
export async function timeZoneOf(db: AppDB, clip: Pick<Clip, 'brandId'>, fallback: string): Promise<string> {
  const brand = clip.brandId ? await db.brands.get(clip.brandId) : undefined;
  return brand?.timeZone ?? fallback;
}

/**
 * The best slots around `around` from the account's own post log, best first, through
 * the best-time estimator's public API (`estimateBestTimes`, its `nextBest`). Empty when
 * the log has no entries: without posts there is nothing of the account's own to show.
 */
export function bestSlotsAround(
  entries: readonly PostLogEntry[],
  options: { around: number; timeZone: string; now: number },
): NextBestSlot[] {
  if (entries.length === 0) return [];
  const from = Math.max(options.now, options.around - HINT_DAYS_BEFORE * DAY_MS);
  const grid = estimateBestTimes(entries, { timeZone: options.timeZone, prior: FLAT_PRIOR, now: from });
  if (grid.totalPosts === 0) return [];
  return grid.nextBest;
}
