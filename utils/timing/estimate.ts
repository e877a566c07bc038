/**
 * Best-time estimator: from one account's post log to a 168-cell week grid of relative scores.
 * Pure (no browser or WXT API). Pass the posts of ONE account (brand + network); the caller
 * filters the log, this module does not.
 *
 * Pipeline:
 * 1. engagement per post = reactions + comments + shares + saves (a null counts as 0; a post
 *    whose four counts are all null has no engagement data and is left out).
 *    Engagement totals, not engagement/reach: reach itself depends on when a post goes out
 *    (that is part of the effect we look for) and is often missing from page-read metrics.
 * 2. each post against the account's typical level: log((engagement + 1) / (median + 1)) (the
 *    median, so one viral post does not move the reference; the +1 keeps posts with 0
 *    engagement finite and a zero median meaningful). Then two limits:
 *    - clipped to ±LOG_RATIO_CAP (log 5): no post counts as more than 5x or less than 1/5x;
 *    - winsorized at the account's own WINSOR_LOW/HIGH_QUANTILE (10th/95th percentile) of
 *      those log ratios: a single post counts at most as much as the account's 95th-percentile
 *      post (a 50x post is just "one of its best posts"); step 7 then makes sure no cell rises
 *      on one post.
 * 3. binned by the local (day, hour) of publishedAt in `timeZone` (the audience's time zone);
 * 4. smoothed: each cell adds the hour before and after with SMOOTHING_KERNEL weights (0.7),
 *    circularly over the week (Sunday 23:00 neighbours Monday 00:00). Both the post counts n and the log-ratio sums are smoothed.
 * 5. shrunk toward the prior in log space (Bayesian shrinkage, the prior counted as pseudo-posts):
 *    log score = (n·observed + k·centre) / (n + k), n = smoothed post count of the cell,
 *    centre = w·log prior. Two prior strengths, both counted in posts:
 *    - k = shrinkK(posts), per cell: 40 up to 5 posts, then falling as posts accumulate;
 *    - w = priorWeight(posts), for the prior's shape over the week: the published figures count
 *      as PRIOR_POSTS (20) posts that the account's own posts overtake, w = 20 / (20 + posts - 5)
 *      (1 up to 5 posts, 0.33 at 60, 0.17 at 120). Without it an hour the account never uses
 *      kept the prior's full level forever, and the prior's untried hours outranked the
 *      account's own proven ones (issue 11).
 * 6. score = exp(log score): relative to the account's typical level (1 = typical).
 * 7. evidence rule: a cell with fewer than MIN_POSTS_TO_RISE posts of its own may not score
 *    above its centre (it keeps any fall below it), and a cell that rises scores no higher than
 *    it would without its own best post (so one post, however viral, never lifts its hour:
 *    the hour rises only as far as its other posts carry it). Borrowing from neighbours can tell us an
 *    hour is probably like the hours around it, but "post at 14:00" is a claim about 14:00,
 *    and we only make it when posts were published in that very hour, at least two of them,
 *    so that neither an empty hour next to a good block nor a single lucky post ranks.
 * 8. next best slots: distinct choices, never two on one day in the same 3-hour block
 *    (00-03, 03-06, …) or in adjacent hours (distinctSlots).
 */
import type { PostLogEntry } from '../db/post-log';
import { HOURS_PER_DAY, HOURS_PER_WEEK, cellIndex, localSlot, nextSlots } from './local-time';

/** Clip for a post's log ratio to the account's median: ±log 5. */
export const LOG_RATIO_CAP = Math.log(5);
/** Log ratios are winsorized at these quantiles of the account's own log ratios. */
export const WINSOR_LOW_QUANTILE = 0.1;
export const WINSOR_HIGH_QUANTILE = 0.95;

/**
 * Circular smoothing over the 168-hour week: offset in hours → weight. Only the hour before and
 * after, at 0.7. Narrower than the first version (±2 h at 0.25 and the same hour of the day
 * before/after at 0.1): the ±2 h weights let an hour with no posts next to a good block
 * outrank the block, and the cross-day weights mixed Monday noon into Tuesday noon, blurring
 * exactly the weekday pattern we want to show. Measured on the planted-pattern test over 300
 * seeds: all three best slots planted in 296 (the old kernel: 290).
 */
export const SMOOTHING_KERNEL: readonly { offset: number; weight: number }[] = [
  { offset: 0, weight: 1 },
  { offset: -1, weight: 0.7 },
  { offset: 1, weight: 0.7 },
];

/**
 * Per-cell prior strength, in (smoothed) posts: a cell's score is (n·observed + k·centre)/(n + k)
 * in log space, with k = SHRINK_K while the account has THIN_LOG_POSTS posts or fewer, then
 * falling as posts accumulate: k = max(SHRINK_K_MIN, SHRINK_K·(THIN_LOG_POSTS / posts)^0.75).
 *
 * Why 40 at first: it is the smallest round number that guarantees, for every prior shipped in
 * priors.ts and the flat prior, that with 5 posts or fewer every cell stays within 10% of the
 * prior: at most 2 of ≤5 posts lie above (and 2 below) the median, each clipped to ±log 5 and
 * entering a cell with weight ≤ 1, so the worst case is
 * (2·log 5 + 5·max|log prior|) / (5 + k) ≤ log(1/0.9), which needs k ≥ 37.
 * Why it falls, and this fast (exponent 0.75; it was 0.5): the account's proven hours must be
 * able to rise clear of the prior. 60 posts give k ≈ 6.2, 120 posts k = 4 (the floor, which
 * keeps some pull toward the centre in hours with few posts). Measured with the planted-habit
 * test (estimate.test.ts): exponent 0.5 and 0.75 both reach 100/100 seeds at 2x; with a 1.5x
 * lift at 60 posts 0.75 reaches 85/100 seeds with the Sprout Social Facebook prior, 0.5 73/100.
 */
export const SHRINK_K = 40;
export const SHRINK_K_MIN = 4;
export const SHRINK_K_EXPONENT = 0.75;
export const THIN_LOG_POSTS = 5;

export function shrinkK(posts: number): number {
  if (posts <= THIN_LOG_POSTS) return SHRINK_K;
  return Math.max(SHRINK_K_MIN, SHRINK_K * (THIN_LOG_POSTS / posts) ** SHRINK_K_EXPONENT);
}

/**
 * The prior's shape counts as this many posts of evidence about the week. Past the first
 * THIN_LOG_POSTS posts (which leave the prior whole, for the 10% guarantee above), the
 * account's own posts overtake it: the centre each cell shrinks toward is w·log prior with
 * w = PRIOR_POSTS / (PRIOR_POSTS + posts − THIN_LOG_POSTS). So an empty account sees the
 * published figures, and after 25 posts its own posts weigh as much as they do.
 * Why 20: at 60 posts (two months of daily posting) a 2x habit reached the top three in 100/100
 * seeds with every shipped prior (a fixed, unfaded prior: 8 to 17/100), and a 1.5x habit in
 * 85/100 with the Sprout Social Facebook prior (unfaded: 0/100). Smaller values make the prior matter for only a
 * few weeks; larger ones let it outvote months of the account's own posts.
 */
export const PRIOR_POSTS = 20;

export function priorWeight(posts: number): number {
  if (posts <= THIN_LOG_POSTS) return 1;
  return PRIOR_POSTS / (PRIOR_POSTS + posts - THIN_LOG_POSTS);
}

/**
 * A cell needs this many posts of its own before it may score above its prior (step 7).
 * 2, not more: with ~60 posts over 4 posting hours a day, every used hour has about 2, and a
 * larger threshold would freeze a young account's grid at the prior for months.
 */
export const MIN_POSTS_TO_RISE = 2;

/** Trust: 'none' with 0 posts; 'thin' below 30 posts or with posts on fewer than 4 distinct
 * weekdays (the grid cannot see the rest of the week); 'solid' otherwise. */
export const TRUST_SOLID_MIN_POSTS = 30;
export const TRUST_SOLID_MIN_DAYS = 4;

/** nextBest: how many slots, over how many coming days, and how far apart (1 = distinct hours);
 * beyond that gap, slots are distinct choices (see distinctSlots). */
export const NEXT_BEST_COUNT = 3;
/** Width of a day-block: two slots on one day in the same block (00-03, 03-06, …, 21-24) are one choice. */
export const DAY_BLOCK_HOURS = 3;
export const NEXT_BEST_HORIZON_DAYS = 7;
export const NEXT_BEST_MIN_GAP_HOURS = 1;

/** rateNow: 'good' if fewer than this share of cells score higher (and above the median);
 * 'poor' if fewer than this share score lower (and below the median). */
export const RATE_TOP_SHARE = 0.25;
export const RATE_BOTTOM_SHARE = 0.25;

const EPS = 1e-9;
const HOUR_MS = 3_600_000;

export type Trust = 'none' | 'thin' | 'solid';

export interface BestTimeCell {
  day: number;
  hour: number;
  /** Relative to the account's typical level: 1 = typical. */
  score: number;
  /** The published prior's level for this cell (1 everywhere with no prior). */
  prior: number;
  /** What the cell shrinks toward: the prior's level faded by the account's own posts
   * (prior^priorWeight(posts)); equals `prior` with 5 posts or fewer. */
  centre: number;
  /** Raw number of posts published in this local hour. */
  posts: number;
}

export interface NextBestSlot {
  /** Epoch ms (UTC) of the local hour start. */
  start: number;
  day: number;
  hour: number;
  score: number;
}

/**
 * The one-line why of the best slot, as data the interface puts into words:
 * - 'data': the best cell rose above its prior on its own posts ("your Tuesday 12:00 posts get
 *   1.8x your usual engagement, from 14 posts");
 * - 'prior': the best cell is where it is because of the prior (the account's own posts do not
 *   yet single out an hour).
 */
export type BestTimeWhy =
  | {
      kind: 'data';
      day: number;
      hour: number;
      /** Median over the cell's posts of (engagement + 1) / (account median + 1), unclipped. */
      ratio: number;
      posts: number;
    }
  | { kind: 'prior'; day: number; hour: number; posts: number };

export interface BestTimeGrid {
  /** 168 cells, index = day * 24 + hour, day 0 = Monday. */
  cells: BestTimeCell[];
  trust: Trust;
  /** Posts used (with engagement data and a valid date). */
  totalPosts: number;
  /** Posts left out: no engagement counts at all, or no valid publishedAt. */
  skippedPosts: number;
  /** Up to NEXT_BEST_COUNT best coming slots, best first; only slots above the median cell. */
  nextBest: NextBestSlot[];
  /** Why the best cell is the best; null when no cell stands out (flat prior, no lift). */
  why: BestTimeWhy | null;
  /** Posts per local weekday (0 = Monday); a 0 means the grid knows nothing of that day but
   * the prior, and the interface says so (no day is special-cased or filled silently). */
  postsPerDay: number[];
}

export interface EstimateOptions {
  /** IANA time zone of the audience, e.g. 'Europe/Rome'. */
  timeZone: string;
  /** 168-cell relative prior (`priorGrid(...)` or `FLAT_PRIOR`). */
  prior: readonly number[];
  /** Epoch ms; nextBest looks at the 7 days after it. */
  now: number;
  /** Minimum hours between nextBest slots (default NEXT_BEST_MIN_GAP_HOURS). */
  nextBestMinGapHours?: number;
}

/** Engagement of a post, or null when none of the four counts is known. */
export function engagementOf(entry: PostLogEntry): number | null {
  const m = entry.metrics;
  const vals = [m.reactions, m.comments, m.shares, m.saves];
  if (vals.every((v) => v === null || v === undefined || !Number.isFinite(v))) return null;
  let sum = 0;
  for (const v of vals) if (typeof v === 'number' && Number.isFinite(v) && v > 0) sum += v;
  return sum;
}

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Linear-interpolation quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Two slots are one choice when they fall on the same local day (same weekday, less than a day
 * apart) in the same DAY_BLOCK_HOURS block or in adjacent hours: "Monday 19:00, 20:00 or 21:00"
 * is one suggestion, not three.
 */
export function sameChoice(a: NextBestSlot, b: NextBestSlot): boolean {
  if (a.day !== b.day || Math.abs(a.start - b.start) >= 24 * HOUR_MS) return false;
  return Math.abs(a.hour - b.hour) <= 1 || Math.floor(a.hour / DAY_BLOCK_HOURS) === Math.floor(b.hour / DAY_BLOCK_HOURS);
}

export function trustLabel(totalPosts: number, distinctDays: number): Trust {
  if (totalPosts === 0) return 'none';
  if (totalPosts < TRUST_SOLID_MIN_POSTS || distinctDays < TRUST_SOLID_MIN_DAYS) return 'thin';
  return 'solid';
}

/**
 * Steps 1-3 for one account in one time zone: everything that reads the posts. The rest
 * (prior, shrinkage, nextBest) works on these 168 cells alone, so the library page keeps the
 * bins per account (bins-cache.ts) and redraws after choosing a prior without reading 5,000
 * posts again.
 */
export interface PostBins {
  timeZone: string;
  /** Usable posts (engagement data and a valid publishedAt). */
  totalPosts: number;
  skippedPosts: number;
  /** Per cell: posts, sum of their log ratios, the highest one, and the unclipped ratios. */
  rawCount: number[];
  rawSum: number[];
  topOwn: number[];
  cellRatios: number[][];
  postsPerDay: number[];
}

export function estimateBestTimes(entries: readonly PostLogEntry[], options: EstimateOptions): BestTimeGrid {
  checkPrior(options.prior);
  return gridFromBins(binPosts(entries, options.timeZone), options);
}

function checkPrior(prior: readonly number[]): void {
  if (prior.length !== HOURS_PER_WEEK) throw new RangeError(`prior must have ${HOURS_PER_WEEK} cells`);
  if (prior.some((v) => !(v > 0) || !Number.isFinite(v))) throw new RangeError('prior cells must be positive numbers');
}

/** Steps 1-3: usable posts, their log ratios to the account's median, binned by local hour. */
export function binPosts(entries: readonly PostLogEntry[], timeZone: string): PostBins {
  // 1. usable posts and their cells
  const posts: { cell: number; engagement: number }[] = [];
  let skippedPosts = 0;
  for (const e of entries) {
    const engagement = engagementOf(e);
    if (engagement === null || !Number.isFinite(e.publishedAt)) {
      skippedPosts++;
      continue;
    }
    const { day, hour } = localSlot(e.publishedAt, timeZone);
    posts.push({ cell: cellIndex(day, hour), engagement });
  }

  // 2. typical level and per-post log ratios. (e + 1) / (median + 1): engagement counts are
  // integers, and the +1 keeps a zero-engagement post finite and a zero median meaningful.
  const base = median(posts.map((p) => p.engagement).sort((a, b) => a - b));
  const ratios = posts.map((p) => (p.engagement + 1) / (base + 1));
  const clipped = ratios.map((r) => clamp(Math.log(r), -LOG_RATIO_CAP, LOG_RATIO_CAP));
  const sortedLr = [...clipped].sort((a, b) => a - b);
  const lo = quantile(sortedLr, WINSOR_LOW_QUANTILE);
  const hi = quantile(sortedLr, WINSOR_HIGH_QUANTILE);
  const logRatios = clipped.map((v) => clamp(v, lo, hi));

  // 3. bin
  const rawCount = new Array<number>(HOURS_PER_WEEK).fill(0);
  const rawSum = new Array<number>(HOURS_PER_WEEK).fill(0);
  const cellRatios: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  const topOwn = new Array<number>(HOURS_PER_WEEK).fill(-Infinity);
  posts.forEach((p, i) => {
    if (logRatios[i] > topOwn[p.cell]) topOwn[p.cell] = logRatios[i];
    rawCount[p.cell]++;
    rawSum[p.cell] += logRatios[i];
    cellRatios[p.cell].push(ratios[i]);
  });
  const postsPerDay = new Array<number>(7).fill(0);
  for (const p of posts) postsPerDay[Math.floor(p.cell / HOURS_PER_DAY)]++;
  return { timeZone, totalPosts: posts.length, skippedPosts, rawCount, rawSum, topOwn, cellRatios, postsPerDay };
}

/** Steps 4-8 from an account's bins: the grid under a prior, nextBest after `now`. `options.timeZone`
 * is ignored: the bins' zone is the grid's. */
export function gridFromBins(bins: PostBins, options: Omit<EstimateOptions, 'timeZone'>): BestTimeGrid {
  const { prior, now } = options;
  checkPrior(prior);
  const { timeZone, rawCount, rawSum, topOwn, cellRatios, skippedPosts } = bins;
  const postsPerDay = [...bins.postsPerDay];
  const totalPosts = bins.totalPosts;

  // 4. smooth, 5. shrink, 6. score
  const kernel = SMOOTHING_KERNEL;
  const k = shrinkK(totalPosts);
  const w = priorWeight(totalPosts);
  const cells: BestTimeCell[] = [];
  for (let c = 0; c < HOURS_PER_WEEK; c++) {
    let n = 0;
    let s = 0;
    for (const { offset, weight } of kernel) {
      const j = (((c + offset) % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
      n += weight * rawCount[j];
      s += weight * rawSum[j];
    }
    // The centre the cell shrinks toward: the prior's shape, faded by the account's own posts.
    const logPrior = w * Math.log(prior[c]);
    let logScore = (s + k * logPrior) / (n + k);
    // 7. evidence rule: no rise above the prior without MIN_POSTS_TO_RISE posts in the hour,
    // and no rise that rests on one post: a rising cell scores no higher than it would
    // without its own best post.
    if (rawCount[c] < MIN_POSTS_TO_RISE) {
      if (logScore > logPrior) logScore = logPrior;
    } else if (logScore > logPrior) {
      const without = (s - topOwn[c] + k * logPrior) / (n - 1 + k);
      logScore = Math.min(logScore, without);
    }
    cells.push({
      day: Math.floor(c / HOURS_PER_DAY),
      hour: c % HOURS_PER_DAY,
      score: Math.exp(logScore),
      prior: prior[c],
      centre: Math.exp(logPrior),
      posts: rawCount[c],
    });
  }

  const distinctDays = postsPerDay.filter((n) => n > 0).length;
  const trust = trustLabel(totalPosts, distinctDays);

  const scores = cells.map((c) => c.score);
  const medianScore = median([...scores].sort((a, b) => a - b));

  // nextBest: coming local hours, best first, only those above the median cell, distinct choices.
  const gapMs = Math.max(1, options.nextBestMinGapHours ?? NEXT_BEST_MIN_GAP_HOURS) * HOUR_MS;
  const candidates = nextSlots(now, timeZone, NEXT_BEST_HORIZON_DAYS)
    .map((s) => ({ start: s.start, day: s.day, hour: s.hour, score: scores[cellIndex(s.day, s.hour)] }))
    .filter((s) => s.score > medianScore * (1 + EPS))
    .sort((a, b) => b.score - a.score || a.start - b.start);
  const nextBest: NextBestSlot[] = [];
  for (const s of candidates) {
    if (nextBest.length >= NEXT_BEST_COUNT) break;
    if (nextBest.some((b) => Math.abs(b.start - s.start) < gapMs - EPS || sameChoice(b, s))) continue;
    nextBest.push(s);
  }

  // why: the best cell (ties: earliest in the week), if it stands above the median cell.
  let best = 0;
  for (let c = 1; c < HOURS_PER_WEEK; c++) if (scores[c] > scores[best] * (1 + EPS)) best = c;
  let why: BestTimeWhy | null = null;
  if (scores[best] > medianScore * (1 + EPS)) {
    const { day, hour } = cells[best];
    const rose = rawCount[best] >= MIN_POSTS_TO_RISE && scores[best] > cells[best].centre * (1 + EPS);
    why = rose
      ? { kind: 'data', day, hour, ratio: median([...cellRatios[best]].sort((a, b) => a - b)), posts: rawCount[best] }
      : { kind: 'prior', day, hour, posts: rawCount[best] };
  }

  return { cells, trust, totalPosts, skippedPosts, nextBest, why, postsPerDay };
}

export type NowRating = 'good' | 'average' | 'poor';

/**
 * How posting at `now` compares with the rest of the week in this grid: 'good' if fewer than
 * RATE_TOP_SHARE of the cells score higher and the cell is above the median cell; 'poor' if
 * fewer than RATE_BOTTOM_SHARE score lower and it is below the median; 'average' otherwise
 * (so a flat grid rates every hour 'average').
 */
export function rateNow(grid: BestTimeGrid, now: number, timeZone: string): NowRating {
  const { day, hour } = localSlot(now, timeZone);
  const scores = grid.cells.map((c) => c.score);
  const s = scores[cellIndex(day, hour)];
  const med = median([...scores].sort((a, b) => a - b));
  const higher = scores.filter((v) => v > s * (1 + EPS)).length;
  const lower = scores.filter((v) => v < s * (1 - EPS)).length;
  if (s > med * (1 + EPS) && higher < RATE_TOP_SHARE * scores.length) return 'good';
  if (s < med * (1 - EPS) && lower < RATE_BOTTOM_SHARE * scores.length) return 'poor';
  return 'average';
}
