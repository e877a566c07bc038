/** Messages of the best-time hints feature (issue #5). */
import type { TimingAccount } from '../../timing/accounts';
import type { PostMetrics } from '../../db/post-log';
import type { Network } from '../../db/record';
import type { BestTimeWhy, NextBestSlot, NowRating, Trust } from '../../timing/estimate';
import type { LogResult } from '../../timing/post-log-store';

/** The account whose own Page or profile the tab shows, as the site adapter reads it. */
export interface PageAccount {
  network: Network;
  /** Page username or Instagram handle, without "@". */
  handle: string | null;
  name: string | null;
}

/** A post of that account as the page shows it (plain text, never HTML). */
export interface PagePost {
  permalink: string;
  /** Epoch ms, or null when the page gives no time we can read. */
  postedAt: number | null;
  /** From a machine-readable time (Instagram `time[datetime]`); false = read from a label,
   * to be confirmed by the user. */
  postedAtExact: boolean;
  /** The label the time was read from, shown to the user when it is not exact. */
  timeLabel: string | null;
  counts: { reactions: number | null; comments: number | null; shares: number | null };
  /** The start of the post's text, so the user knows which post it is. */
  excerpt: string;
}

export interface PageReading {
  account: PageAccount | null;
  posts: PagePost[];
}

/** The hint for one account and network, computed by the background. */
export interface TimingHint {
  /** The account (named `brand` before brands had accounts, issue #13). */
  brand: TimingAccount;
  timeZone: string;
  priorId: string | null;
  trust: Trust;
  totalPosts: number;
  now: NowRating;
  nextBest: NextBestSlot[];
  why: BestTimeWhy | null;
  postsPerDay: number[];
}

export interface TimingPageView {
  reading: PageReading;
  /** The hint for the account the page shows, or for the brand in view's account on this
   * network (`hintAccount`); null = none (an account the page shows but not stored yet:
   * offer to add it). */
  hint: TimingHint | null;
  /** The hint is for the account the page shows: its posts there are that account's, to log. */
  onPage: boolean;
  /** Permalinks of the page's posts already in the log (of the hint's account, when on the page). */
  logged: string[];
}

export interface PostToLogMessage {
  permalink: string;
  publishedAt: number;
  metrics: PostMetrics;
}

export interface TimingProtocol {
  // sidebar -> background (about the sidebar's own tab)
  timingPageView(): TimingPageView;
  timingCreateAccount(data: { network: Network; handle: string | null; name: string }): TimingAccount;
  /** `brandId`: the account's id. */
  timingLogPosts(data: { brandId: string; posts: PostToLogMessage[] }): LogResult;

  // background -> page agent (main frame of the sidebar's tab)
  timingReadPage(): PageReading;
}
