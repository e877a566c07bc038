/**
 * Published "best time to post" figures, as labelled priors for the best-time estimator.
 *
 * Transcribed from the published studies named with each prior below (source, year,
 * method) and nothing else: no figure here is invented. The studies disagree with each other (metric, sample, normalization, mostly US
 * audiences) and none is about Italy; show them as what they are, with source and year.
 * Buffer's 2025 study describes a method and gives no grid, so it is not here.
 *
 * Hour ranges follow the studies' own notation: "Mon 9-12" means from 9:00 to 12:00 local time, i.e. the hours
 * starting at 9, 10 and 11 (`from` inclusive, `to` exclusive); a single hour such as "Mon 5"
 * or "4 AM" is the hour starting then (`from: 5, to: 6`).
 */
import type { Network } from '../db/record';
import { HOURS_PER_WEEK, cellIndex } from './local-time';

/** A best slot: `day` 0 = Monday … 6 = Sunday; hours [from, to) in the audience's local time. */
export interface BestSlot {
  day: number;
  from: number;
  to: number;
}

export interface TimingPrior {
  id: string;
  source: { publisher: string; title: string | null };
  year: number;
  /** The network(s) the figure is about. */
  network: Network;
  /** Sample and method, as the study states them. */
  method: string;
  /** Caveats: how it was read, whose audience, what it is not. */
  note: string;
  /** The finding in the study's own words, for display. */
  stated: string;
  bestSlots: readonly BestSlot[];
}

const MON = 0;
const TUE = 1;
const WED = 2;
const THU = 3;
const FRI = 4;
const SAT = 5;
const SUN = 6;
const EVERY_DAY = [MON, TUE, WED, THU, FRI, SAT, SUN];

const COMMON_NOTE = 'none of these studies is about Italy; metric, sample and normalization differ between studies';

export const TIMING_PRIORS: readonly TimingPrior[] = [
  {
    id: 'sprout-social-facebook-2025',
    source: { publisher: 'Sprout Social', title: 'Best times to post on Facebook in 2025' },
    year: 2025,
    network: 'facebook',
    method:
      '2.5 billion engagements across about 600,000 profiles (an October 2025 update cites 2.7 billion and 470,000); engagement totals',
    note: `engagement totals, not rates; ${COMMON_NOTE}`,
    stated:
      'Mon 9-12, Tue 9-12, Wed 8-11 and 15-17, Thu 8-12, Fri 9-10, Sat 9-10, Sun 8-13; best days Mon-Fri, weakest Sunday',
    bestSlots: [
      { day: MON, from: 9, to: 12 },
      { day: TUE, from: 9, to: 12 },
      { day: WED, from: 8, to: 11 },
      { day: WED, from: 15, to: 17 },
      { day: THU, from: 8, to: 12 },
      { day: FRI, from: 9, to: 10 },
      { day: SAT, from: 9, to: 10 },
      { day: SUN, from: 8, to: 13 },
    ],
  },
  {
    id: 'sprout-social-instagram-2023',
    source: { publisher: 'Sprout Social', title: 'Instagram heatmap' },
    year: 2023,
    network: 'instagram',
    method: 'global heatmap of engagements',
    note: `read from a mirrored copy; ${COMMON_NOTE}`,
    stated: 'Mon 10-12, Tue 9-13, Wed 10-13, Fri 9-11; best days Tue and Wed, weakest Sunday',
    bestSlots: [
      { day: MON, from: 10, to: 12 },
      { day: TUE, from: 9, to: 13 },
      { day: WED, from: 10, to: 13 },
      { day: FRI, from: 9, to: 11 },
    ],
  },
  {
    id: 'later-instagram-2023',
    source: { publisher: 'Later', title: 'Best Time to Post on Instagram in 2023' },
    year: 2023,
    network: 'instagram',
    method: 'about 11 million posts; average engagement rate by posting hour and day',
    note:
      `the study gives only "early morning best on every day; overall best 4 AM", encoded as the 4 AM hour on every day; engagement rate, not totals; ${COMMON_NOTE}`,
    stated: 'early morning best on every day; overall best 4 AM',
    bestSlots: EVERY_DAY.map((day) => ({ day, from: 4, to: 5 })),
  },
  {
    id: 'later-instagram-2021',
    source: { publisher: 'Later', title: null },
    year: 2021,
    network: 'instagram',
    method: 'about 35 million posts',
    note: `read from a secondary summary; ${COMMON_NOTE}`,
    stated: 'Mon 5, Tue 6, Wed 6, Thu 5, Fri 6, Sat 6, Sun 6 (AM)',
    bestSlots: [
      { day: MON, from: 5, to: 6 },
      { day: TUE, from: 6, to: 7 },
      { day: WED, from: 6, to: 7 },
      { day: THU, from: 5, to: 6 },
      { day: FRI, from: 6, to: 7 },
      { day: SAT, from: 6, to: 7 },
      { day: SUN, from: 6, to: 7 },
    ],
  },
  {
    id: 'hootsuite-facebook-2023',
    source: { publisher: 'Hootsuite', title: null },
    year: 2023,
    network: 'facebook',
    method: 'its own accounts, about 8 million followers',
    note:
      `Hootsuite's own channels, not a cross-profile study; the hour is Pacific time, not the audience's local time; read from mirrored copies; ${COMMON_NOTE}`,
    stated: 'Facebook Monday 10 AM',
    bestSlots: [{ day: MON, from: 10, to: 11 }],
  },
  {
    id: 'hootsuite-instagram-2023',
    source: { publisher: 'Hootsuite', title: null },
    year: 2023,
    network: 'instagram',
    method: 'its own accounts, about 8 million followers',
    note:
      `Hootsuite's own channels, not a cross-profile study; the hour is Pacific time, not the audience's local time; read from mirrored copies; ${COMMON_NOTE}`,
    stated: 'Instagram Monday 9 AM',
    bestSlots: [{ day: MON, from: 9, to: 10 }],
  },
];

export function priorById(id: string): TimingPrior | undefined {
  return TIMING_PRIORS.find((p) => p.id === id);
}

/** Whether any published study here covers `network`. None covers Threads (nor X nor
 * LinkedIn, in the studies gathered): their grids start flat, and the interface says why. */
export function hasStudyFor(network: Network): boolean {
  return TIMING_PRIORS.some((p) => p.network === network);
}

/**
 * Level given to a best-slot hour before normalization (other hours get 1.0).
 *
 * This is a SHAPE, not a measured effect size: the sources say *when* engagement peaked, not by
 * how much in a way that transfers to one account (their metrics and normalizations differ).
 * 1.25 is a deliberately modest tilt so the prior can order the hours for an account with no
 * history, and is easily overridden by the account's own posts.
 */
export const PRIOR_BEST_LEVEL = 1.25;

/** "No prior": every hour the same (168 cells of 1.0). */
export const FLAT_PRIOR: readonly number[] = Object.freeze(new Array<number>(HOURS_PER_WEEK).fill(1));

/**
 * 168 cells (index = day * 24 + hour, day 0 = Monday): PRIOR_BEST_LEVEL inside a best slot,
 * 1.0 elsewhere, then divided by the mean so that the mean cell is exactly 1 (a relative
 * level: 1 = a typical hour). A prior with no best slots gives the flat prior.
 */
export function priorGrid(prior: TimingPrior): number[] {
  const grid = new Array<number>(HOURS_PER_WEEK).fill(1);
  for (const slot of prior.bestSlots) {
    for (let h = slot.from; h < slot.to; h++) grid[cellIndex(slot.day, h)] = PRIOR_BEST_LEVEL;
  }
  const mean = grid.reduce((a, b) => a + b, 0) / HOURS_PER_WEEK;
  return grid.map((v) => v / mean);
}
