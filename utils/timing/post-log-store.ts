/**
 * The post log in the database: adding and updating posts (newer counts win), and the grid of
 * an account. Used by the library page (an extension page, same origin as the background) and
 * by the background's message handlers for the sidebar.
 */
import type { AppDB } from '../db/app-db';
import type { Network } from '../db/record';
import type { TimingAccount } from './accounts';
import type { MetricSource, PostLogEntry, PostMetrics } from '../db/post-log';
import { newId } from '../db/record';
import { estimateBestTimes, type BestTimeGrid } from './estimate';
import { FLAT_PRIOR, priorById, priorGrid, type TimingPrior } from './priors';

/** A post about to be logged. `countsAt`: when its counts were read (now for the page and by
 * hand, the file's date for an import); the newer reading wins. */
export interface PostToLog {
  publishedAt: number;
  permalink: string | null;
  metrics: PostMetrics;
}

export interface LogResult {
  added: number;
  updated: number;
  /** Already logged with counts read later than these: left as they were. */
  keptNewer: number;
  ids: string[];
}

/** The prior a network starts from unless the user chose another (or none) for the account:
 * the one study per network in the shared figures that gives a grid over the whole week. */
export const DEFAULT_PRIOR_ID: Record<Network, string> = {
  facebook: 'sprout-social-facebook-2025',
  instagram: 'sprout-social-instagram-2023',
  // No published study with a weekly grid covers these networks (docs/best-time.md):
  // they start flat and learn from the account's own posts.
  x: 'none',
  threads: 'none',
  linkedin: 'none',
};

export function chosenPrior(account: Pick<TimingAccount, 'id' | 'network'>, choices: Record<string, string>): TimingPrior | null {
  const id = choices[account.id] ?? DEFAULT_PRIOR_ID[account.network];
  if (id === 'none') return null;
  return priorById(id) ?? priorById(DEFAULT_PRIOR_ID[account.network]) ?? null;
}

export function effectiveTimeZone(account: Pick<TimingAccount, 'timeZone'>, defaultZone: string | null): string {
  return account.timeZone ?? defaultZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The posts logged for one account. */
export async function postsOf(db: AppDB, accountId: string): Promise<PostLogEntry[]> {
  return db.postLog.where('accountId').equals(accountId).toArray();
}

/**
 * Adds or updates posts of one account in one transaction. A post with a permalink already in
 * this account's log is the same post: its time and counts are replaced when these counts were
 * read later than the stored ones (`updatedAt` is when the stored counts were read). Posts
 * without a permalink (typed by hand) are always added.
 */
export async function logPosts(
  db: AppDB,
  account: Pick<TimingAccount, 'id' | 'network' | 'brandId'>,
  posts: readonly PostToLog[],
  source: MetricSource,
  countsAt: number,
): Promise<LogResult> {
  const result: LogResult = { added: 0, updated: 0, keptNewer: 0, ids: [] };
  await db.transaction('rw', db.postLog, async () => {
    for (const p of posts) {
      const existing = p.permalink
        ? (await db.postLog.where('permalink').equals(p.permalink).toArray()).find(
            (e) => e.accountId === account.id,
          )
        : undefined;
      if (existing) {
        result.ids.push(existing.id);
        if (existing.updatedAt > countsAt) {
          result.keptNewer++;
          continue;
        }
        await db.postLog.put({ ...existing, publishedAt: p.publishedAt, metrics: { ...p.metrics }, source, updatedAt: countsAt });
        result.updated++;
      } else {
        const id = newId();
        await db.postLog.add({
          id,
          createdAt: countsAt,
          updatedAt: countsAt,
          brandId: account.brandId,
          accountId: account.id,
          network: account.network,
          permalink: p.permalink,
          publishedAt: p.publishedAt,
          metrics: { ...p.metrics },
          source,
        });
        result.ids.push(id);
        result.added++;
      }
    }
  });
  return result;
}

export interface AccountGrid {
  grid: BestTimeGrid;
  timeZone: string;
  prior: TimingPrior | null;
}

export async function accountGrid(
  db: AppDB,
  account: TimingAccount,
  options: { now: number; defaultTimeZone: string | null; priorChoices: Record<string, string> },
): Promise<AccountGrid> {
  const timeZone = effectiveTimeZone(account, options.defaultTimeZone);
  const prior = chosenPrior(account, options.priorChoices);
  const entries = await postsOf(db, account.id);
  const grid = estimateBestTimes(entries, { timeZone, prior: prior ? priorGrid(prior) : FLAT_PRIOR, now: options.now });
  return { grid, timeZone, prior };
}
