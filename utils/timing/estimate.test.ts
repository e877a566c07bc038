import { describe, expect, test } from 'vitest';
import {
  engagementOf,
  estimateBestTimes,
  MIN_POSTS_TO_RISE,
  PRIOR_POSTS,
  priorWeight,
  rateNow,
  sameChoice,
  type BestTimeWhy,
  SHRINK_K,
  shrinkK,
  TRUST_SOLID_MIN_DAYS,
  TRUST_SOLID_MIN_POSTS,
  type BestTimeGrid,
} from './estimate';
import { FLAT_PRIOR, priorById, priorGrid, TIMING_PRIORS } from './priors';
import { localWallTime } from './local-time';
import { gaussian, post, romeTime, seededRandom } from './test-helpers';
import { isPlanted, plantedHabitLog } from './planted-habit';

const ROME = 'Europe/Rome';
const TUE = 1;
const THU = 3;
/** Monday 1 June 2026, 08:00 in Rome: after all synthetic posts (April-May 2026, all CEST). */
const NOW = romeTime(2026, 6, 1, 8, 0, 2);
const SPROUT_FB = priorGrid(priorById('sprout-social-facebook-2025')!);

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * A posting habit: the account posts at `hours` on every day of the week; `n` posts are dealt
 * over those (day, hour) cells in shuffled rounds, each in one of 8 weeks of April-May 2026
 * (all CEST), at a random minute. Engagement = 100 · lognormal noise (σ = 0.3) · lift(day, hour).
 */
function postLog(
  seed: number,
  n: number,
  hours: readonly number[],
  lift: (day: number, hour: number) => number = () => 1,
) {
  const rand = seededRandom(seed);
  const cells: [number, number][] = [];
  for (let day = 0; day < 7; day++) for (const hour of hours) cells.push([day, hour]);
  const plan: [number, number][] = [];
  while (plan.length < n) plan.push(...shuffled(cells, rand));
  return plan.slice(0, n).map(([day, hour]) => {
    const date = 6 + 7 * Math.floor(rand() * 8) + day; // Mondays from 6 April 2026
    const at = romeTime(2026, 4, date, hour, Math.floor(rand() * 60), 2);
    return post(at, Math.round(100 * Math.exp(0.3 * gaussian(rand)) * lift(day, hour)));
  });
}

function bestCell(grid: BestTimeGrid) {
  return grid.cells.reduce((a, b) => (b.score > a.score ? b : a));
}

describe('estimateBestTimes', () => {
  function plantedRun(seed: number) {
    const entries = postLog(seed, 60, [9, 12, 13, 18], (d, h) => (planted(d, h) ? 2 : 1));
    return estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
  }
  const planted = (day: number, hour: number) => (day === TUE || day === THU) && (hour === 12 || hour === 13);

  test('finds 2x engagement planted on Tuesday and Thursday 12:00-14:00 (60 posts, seeds 1-20: all)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const grid = plantedRun(seed);
      expect(grid.totalPosts).toBe(60);
      expect(grid.trust).toBe('solid');
      // Distinct choices: the two best are Tuesday and Thursday noon (one slot each, since 12:00
      // and 13:00 of one day are one choice); a third, if any hour above the median is a
      // different choice, is another day or block.
      expect(grid.nextBest.length, `seed ${seed}`).toBeGreaterThanOrEqual(2);
      const [a, b, c] = grid.nextBest;
      for (const s of [a, b]) expect(planted(s.day, s.hour), `seed ${seed}: ${s.day} ${s.hour}`).toBe(true);
      expect(new Set([a.day, b.day])).toEqual(new Set([TUE, THU]));
      if (c) expect(planted(c.day, c.hour), `seed ${seed}: ${c.day} ${c.hour}`).toBe(false);
      for (const s of grid.nextBest) {
        expect(s.start).toBeGreaterThanOrEqual(NOW);
        expect(s.start).toBeLessThan(NOW + 7 * 24 * 3_600_000);
      }
      expect(a.score).toBeGreaterThanOrEqual(grid.nextBest[grid.nextBest.length - 1].score);
      // why: the best cell's own posts, which were planted at 2x.
      expect(grid.why?.kind, `seed ${seed}`).toBe('data');
      const why = grid.why as Extract<BestTimeWhy, { kind: 'data' }>;
      expect(planted(why.day, why.hour)).toBe(true);
      expect(why.posts).toBeGreaterThanOrEqual(MIN_POSTS_TO_RISE);
      expect(why.ratio).toBeGreaterThan(1.3);
    }
  });

  test('planted pattern over 300 seeds: the rate is recorded (noise can truly hide a planted hour)', () => {
    // σ = 0.3 lognormal noise on ~2 posts per hour: in a few seeds an unplanted hour's two posts
    // come out as high as a planted hour's (e.g. seed 33: Thursday 12:00's two planted posts drew
    // 86 and 160, Sunday 12:00's three ordinary ones 208, 102, 210). No estimator can tell those
    // apart; the rate keeps us honest. Passing = the two best slots are Tuesday and Thursday noon.
    const missed: number[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const [a, b] = plantedRun(seed).nextBest;
      if (!(a && b && planted(a.day, a.hour) && planted(b.day, b.hour) && a.day !== b.day)) missed.push(seed);
    }
    console.log(`planted: the two best slots are the planted days for ${300 - missed.length}/300 seeds; missed: ${missed.join(', ')}`);
    expect(missed.length).toBeLessThanOrEqual(4);
  });

  test('nextBest can keep slots apart', () => {
    const entries = postLog(3, 60, [9, 12, 13, 18], (d, h) => ((d === TUE || d === THU) && (h === 12 || h === 13) ? 2 : 1));
    const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW, nextBestMinGapHours: 2 });
    const starts = grid.nextBest.map((s) => s.start).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(2 * 3_600_000);
  });

  test('with 5 posts or fewer every cell stays within 10% of the prior', () => {
    const rand = seededRandom(42);
    const priors = [FLAT_PRIOR, SPROUT_FB, ...TIMING_PRIORS.map(priorGrid)];
    const extremes = [0, 1, 3, 100, 100, 100, 5000, 1_000_000];
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rand() * 5);
      // Worst cases on purpose: posts often share one hour, engagement from extreme values.
      const day = Math.floor(rand() * 7);
      const hour = Math.floor(rand() * 24);
      const entries = Array.from({ length: n }, () => {
        const same = rand() < 0.6;
        const at = romeTime(2026, 5, 4 + (same ? day : Math.floor(rand() * 7)), same ? hour : Math.floor(rand() * 24), 5, 2);
        return post(at, extremes[Math.floor(rand() * extremes.length)]);
      });
      for (const prior of priors) {
        const grid = estimateBestTimes(entries, { timeZone: ROME, prior, now: NOW });
        expect(grid.trust).toBe('thin');
        grid.cells.forEach((c, i) => {
          expect(c.score / prior[i]).toBeGreaterThanOrEqual(0.9);
          expect(c.score / prior[i]).toBeLessThanOrEqual(1.1);
        });
      }
    }
  }, 60_000);

  test('with no posts the grid is the prior and nothing is claimed', () => {
    for (const prior of [FLAT_PRIOR, SPROUT_FB]) {
      const grid = estimateBestTimes([], { timeZone: ROME, prior, now: NOW });
      expect(grid.trust).toBe('none');
      expect(grid.totalPosts).toBe(0);
      expect(grid.why?.kind ?? null).toBe(prior === FLAT_PRIOR ? null : 'prior');
      grid.cells.forEach((c, i) => expect(c.score).toBeCloseTo(prior[i], 12));
    }
    expect(estimateBestTimes([], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW }).nextBest).toEqual([]);
    // With the Sprout Social prior the next best slots are its best slots.
    const sprout = estimateBestTimes([], { timeZone: ROME, prior: SPROUT_FB, now: NOW });
    expect(sprout.nextBest).toHaveLength(3);
    for (const s of sprout.nextBest) expect(s.score).toBeGreaterThan(1);
  });

  test('one post with 50x engagement, alone in its hour, never becomes the best slot (100 seeds)', () => {
    const outlierAt = romeTime(2026, 4, 18, 21, 10, 2); // Saturday 21:10, nobody else posts then
    for (let seed = 1; seed <= 100; seed++) {
      const entries = [...postLog(seed + 100, 40, [9, 12, 13, 18]), post(outlierAt, 5000)];
      const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
      const best = bestCell(grid);
      expect(best.day === 5 && best.hour === 21, `seed ${seed}`).toBe(false);
      // One post of its own: its hour may not rise above the prior, nor may its empty neighbours.
      for (const h of [20, 21, 22]) expect(grid.cells[5 * 24 + h].score).toBeLessThanOrEqual(1 + 1e-12);
      for (const s of grid.nextBest) expect(s.day === 5 && s.hour >= 20 && s.hour <= 22).toBe(false);
    }
  });

  test('one post with 50x engagement in a busy hour: bounded, and the rate it tops the grid is recorded (100 seeds)', () => {
    // Wednesday 18:20; the account posts at 18:00 every day.
    const outlierAt = romeTime(2026, 4, 22, 18, 20, 2);
    const cell = 2 * 24 + 18;
    let bestWith = 0;
    let bestWithout = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const ordinary = postLog(seed + 1000, 40, [9, 12, 13, 18]);
      const without = estimateBestTimes(ordinary, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
      const withIt = estimateBestTimes([...ordinary, post(outlierAt, 5000)], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
      // Bounded: the 50x post enters as the account's 95th-percentile post at most, and its
      // hour is scored without it (the "no rise on one post" rule).
      expect(withIt.cells[cell].score, `seed ${seed}`).toBeLessThan(1.5);
      const b1 = bestCell(withIt);
      const b0 = bestCell(without);
      if (b1.day === 2 && b1.hour === 18) bestWith++;
      if (b0.day === 2 && b0.hour === 18) bestWithout++;
    }
    // Recorded, not hidden: every rising hour is measured without its own best post, and here
    // that post is the outlier, so its hour keeps all its ordinary posts while the others lose
    // their best one. It can tip an hour that is already good to the top.
    console.log(`outlier in a busy hour: that hour was the best in ${bestWith}/100 seeds with it, ${bestWithout}/100 without`);
    expect(bestWith).toBeLessThanOrEqual(30);
  });

  test('the outlier does not beat a real, repeated lift', () => {
    const entries = [
      ...postLog(7, 40, [9, 12, 13, 18], (_d, h) => (h === 9 ? 1.5 : 1)),
      post(romeTime(2026, 4, 18, 21, 10, 2), 5000),
    ];
    const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    const best = bestCell(grid);
    expect(best.hour).toBe(9);
  });

  test('null metrics count as 0; posts with no engagement data are skipped', () => {
    const at = romeTime(2026, 5, 5, 10, 0, 2);
    const grid = estimateBestTimes([post(at, 10), post(at, null)], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(grid.totalPosts).toBe(1);
    expect(grid.skippedPosts).toBe(1);
    expect(grid.cells[1 * 24 + 10].posts).toBe(1);
  });

  test('rejects a prior that is not 168 positive cells', () => {
    expect(() => estimateBestTimes([], { timeZone: ROME, prior: [1, 2, 3], now: NOW })).toThrow(RangeError);
  });

  test('SHRINK_K is the documented value, and k falls as posts accumulate', () => {
    expect(SHRINK_K).toBe(40);
    expect(shrinkK(0)).toBe(40);
    expect(shrinkK(5)).toBe(40);
    expect(shrinkK(60)).toBeCloseTo(6.2, 2);
    expect(shrinkK(120)).toBe(4);
    expect(shrinkK(100_000)).toBe(4);
    for (let n = 6; n < 500; n++) expect(shrinkK(n)).toBeLessThanOrEqual(shrinkK(n - 1));
  });

  test('120 posts with one hour at 2x: that hour beats the prior\'s best hours', () => {
    // 8 weeks in April-May 2026: every day at 09:00 and 18:00 (about 100), Wednesday 15:00 (200).
    const entries = [];
    for (let w = 0; w < 8; w++) {
      for (let d = 0; d < 7; d++) for (const h of [9, 18]) entries.push(post(romeTime(2026, 4, 6 + 7 * w + d, h, 5, 2), 95 + ((w + d + h) % 11)));
      entries.push(post(romeTime(2026, 4, 8 + 7 * w, 15, 5, 2), 200));
    }
    const prior = priorGrid(priorById('sprout-social-instagram-2023')!);
    const grid = estimateBestTimes(entries, { timeZone: ROME, prior, now: NOW });
    expect(grid.nextBest[0]).toMatchObject({ day: 2, hour: 15 });
    expect(grid.why).toMatchObject({ kind: 'data', day: 2, hour: 15, posts: 8 });
  });
});

describe('the account\'s own posts overtake the prior (issue 11)', () => {
  // plantedHabitLog: one post a day; Monday and Wednesday in the evening (19:00 or 20:00) at 2x,
  // other days at 09:00, 13:00, 19:00 or 20:00 at 1x. NOW: after the 120th day (all CEST).
  const HABIT_NOW = romeTime(2026, 8, 10, 8, 0, 2);
  const SEEDS = 100;
  const ALL_PRIORS: [string, readonly number[]][] = [
    ['flat', FLAT_PRIOR],
    ...TIMING_PRIORS.map((p) => [p.id, priorGrid(p)] as [string, number[]]),
  ];

  /** The pattern reaches the top three: Monday evening and Wednesday evening are both among
   * the three next best slots. */
  function reachesTopThree(seed: number, posts: number, prior: readonly number[]): boolean {
    const grid = estimateBestTimes(plantedHabitLog(seed, posts), { timeZone: ROME, prior, now: HABIT_NOW });
    const top = grid.nextBest;
    return top.some((s) => s.day === 0 && isPlanted(s.day, s.hour)) && top.some((s) => s.day === 2 && isPlanted(s.day, s.hour));
  }

  // Before this change (prior centre fixed at the prior, k = 40·√(5/posts), nextBest not
  // distinct) the same measure, seeds 1-100, Monday AND Wednesday evening in the three best
  // distinct cells: 60 posts: flat 100, Sprout FB 2025 17, Sprout IG 2023 10, Later 2023 8,
  // Later 2021 8, Hootsuite FB/IG 100 (their single best hour is one choice); 120 posts: flat
  // 100, Sprout FB 99, Sprout IG 99, Later 2023 97, Later 2021 97, Hootsuite 100.
  test.each([60, 120])('a 2x habit reaches the top three in at least 90%% of seeds with every prior (%i posts)', (posts) => {
    const counts: string[] = [];
    for (const [id, prior] of ALL_PRIORS) {
      let passed = 0;
      for (let seed = 1; seed <= SEEDS; seed++) if (reachesTopThree(seed, posts, prior)) passed++;
      counts.push(`${id} ${passed}/${SEEDS}`);
      expect(passed, `${id} at ${posts} posts`).toBeGreaterThanOrEqual(0.9 * SEEDS);
    }
    console.log(`habit at ${posts} posts: ${counts.join(', ')}`);
  });

  test('the prior\'s shape fades as the account\'s posts accumulate, and is whole with 5 posts or fewer', () => {
    expect(PRIOR_POSTS).toBe(20);
    for (let n = 0; n <= 5; n++) expect(priorWeight(n)).toBe(1);
    expect(priorWeight(25)).toBeCloseTo(0.5, 12); // the account's posts weigh as much as the prior
    expect(priorWeight(65)).toBeCloseTo(0.25, 12);
    for (let n = 6; n < 500; n++) expect(priorWeight(n)).toBeLessThan(priorWeight(n - 1));
    // An hour the account never uses drifts from the prior's level toward the typical one.
    const grid = estimateBestTimes(plantedHabitLog(1, 65), { timeZone: ROME, prior: SPROUT_FB, now: NOW });
    const monday10 = grid.cells[10];
    expect(monday10.posts).toBe(0);
    expect(monday10.score).toBeCloseTo(SPROUT_FB[10] ** 0.25, 12);
    expect(monday10.centre).toBeCloseTo(SPROUT_FB[10] ** 0.25, 12);
    expect(monday10.prior).toBe(SPROUT_FB[10]);
  });

  test('a single viral post never tops the grid, with any prior (100 seeds, 60 posts)', () => {
    const outlierAt = romeTime(2026, 5, 2, 22, 10, 2); // a Saturday 22:10: the account never posts then
    for (const [id, prior] of ALL_PRIORS) {
      for (let seed = 1; seed <= 100; seed++) {
        const grid = estimateBestTimes([...plantedHabitLog(seed, 60), post(outlierAt, 50_000)], { timeZone: ROME, prior, now: HABIT_NOW });
        const best = bestCell(grid);
        expect(best.day === 5 && best.hour === 22, `${id} seed ${seed}`).toBe(false);
        expect(grid.nextBest.some((s) => s.day === 5 && s.hour === 22), `${id} seed ${seed}`).toBe(false);
      }
    }
  });

  test('next best slots are distinct choices: never one day\'s same 3-hour block or adjacent hours', () => {
    for (const [id, prior] of ALL_PRIORS) {
      for (let seed = 1; seed <= 30; seed++) {
        for (const posts of [0, 5, 60]) {
          const { nextBest } = estimateBestTimes(plantedHabitLog(seed, posts), { timeZone: ROME, prior, now: HABIT_NOW });
          for (let i = 0; i < nextBest.length; i++) {
            for (let j = i + 1; j < nextBest.length; j++) {
              const [a, b] = [nextBest[i], nextBest[j]];
              expect(sameChoice(a, b), `${id} ${posts} posts seed ${seed}`).toBe(false);
              if (a.day === b.day && Math.abs(a.start - b.start) < 24 * 3_600_000) {
                expect(Math.abs(a.hour - b.hour)).toBeGreaterThan(1);
                expect(Math.floor(a.hour / 3)).not.toBe(Math.floor(b.hour / 3));
              }
            }
          }
        }
      }
    }
    // The rule itself: same day 19:00 and 20:00 (block 18-21) or 20:00 and 21:00 (adjacent) are one
    // choice; 17:00 and 19:00 are two (different blocks, not adjacent); so are Monday and Tuesday 19:00.
    const at = (day: number, hour: number) => ({ start: HABIT_NOW + (day * 24 + hour) * 3_600_000, day, hour, score: 1 });
    expect(sameChoice(at(0, 19), at(0, 20))).toBe(true);
    expect(sameChoice(at(0, 20), at(0, 21))).toBe(true);
    expect(sameChoice(at(0, 18), at(0, 20))).toBe(true);
    expect(sameChoice(at(0, 17), at(0, 19))).toBe(false);
    expect(sameChoice(at(0, 19), at(1, 19))).toBe(false);
    // The same weekday a week apart is not the same day.
    expect(sameChoice(at(0, 19), { ...at(0, 20), start: at(0, 20).start + 7 * 24 * 3_600_000 })).toBe(false);
  });
});

describe('trust', () => {
  const spread = (n: number, days: number) =>
    Array.from({ length: n }, (_, i) => post(romeTime(2026, 5, 4 + (i % days), 9 + (i % 10), 0, 2), 50 + (i % 7)));
  const trustOf = (entries: ReturnType<typeof spread>) =>
    estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW }).trust;

  test('thresholds', () => {
    expect(TRUST_SOLID_MIN_POSTS).toBe(30);
    expect(TRUST_SOLID_MIN_DAYS).toBe(4);
    expect(trustOf([])).toBe('none');
    expect(trustOf(spread(1, 1))).toBe('thin');
    expect(trustOf(spread(TRUST_SOLID_MIN_POSTS - 1, 7))).toBe('thin');
    expect(trustOf(spread(TRUST_SOLID_MIN_POSTS, 7))).toBe('solid');
    expect(trustOf(spread(TRUST_SOLID_MIN_POSTS, TRUST_SOLID_MIN_DAYS))).toBe('solid');
    expect(trustOf(spread(100, TRUST_SOLID_MIN_DAYS - 1))).toBe('thin');
  });
});

describe('rateNow', () => {
  test('flat grid: every hour is average', () => {
    const grid = estimateBestTimes([], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(rateNow(grid, NOW, ROME)).toBe('average');
  });

  test('prior only: a Sprout Social best slot is good, another hour average', () => {
    const grid = estimateBestTimes([], { timeZone: ROME, prior: SPROUT_FB, now: NOW });
    expect(rateNow(grid, romeTime(2026, 6, 1, 10, 15, 2), ROME)).toBe('good'); // Mon 10
    expect(rateNow(grid, romeTime(2026, 6, 1, 20, 15, 2), ROME)).toBe('average'); // Mon 20
  });

  test('planted lift is good, a weak hour is poor, in the audience time zone', () => {
    const entries = postLog(5, 60, [9, 12, 13, 18], (d, h) => {
      if ((d === TUE || d === THU) && (h === 12 || h === 13)) return 2;
      if (h === 18) return 0.4;
      return 1;
    });
    const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(rateNow(grid, romeTime(2026, 6, 2, 12, 30, 2), ROME)).toBe('good'); // Tue 12:30
    expect(rateNow(grid, romeTime(2026, 6, 3, 18, 30, 2), ROME)).toBe('poor'); // Wed 18:30
    // The same instant is Tue 03:30 in Los Angeles, a typical hour there.
    expect(rateNow(grid, romeTime(2026, 6, 2, 12, 30, 2), 'America/Los_Angeles')).toBe('average');
  });
});

describe('priors', () => {
  test('every priorGrid has mean 1 and its best slots above 1', () => {
    for (const prior of TIMING_PRIORS) {
      const grid = priorGrid(prior);
      expect(grid).toHaveLength(168);
      expect(grid.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 12);
      for (const slot of prior.bestSlots) {
        for (let h = slot.from; h < slot.to; h++) expect(grid[slot.day * 24 + h], prior.id).toBeGreaterThan(1);
      }
      expect(Math.min(...grid)).toBeLessThan(1);
      expect(prior.source.publisher).not.toBe('');
      expect(prior.method).not.toBe('');
      expect(prior.note).not.toBe('');
    }
    expect(FLAT_PRIOR).toHaveLength(168);
    expect(FLAT_PRIOR.every((v) => v === 1)).toBe(true);
  });

  test('Sprout Social Facebook 2025 slots as the file states them', () => {
    const p = priorById('sprout-social-facebook-2025')!;
    const hours = (day: number) => p.bestSlots.filter((s) => s.day === day).flatMap((s) => Array.from({ length: s.to - s.from }, (_, i) => s.from + i));
    expect(hours(0)).toEqual([9, 10, 11]);
    expect(hours(2)).toEqual([8, 9, 10, 15, 16]);
    expect(hours(4)).toEqual([9]);
    expect(hours(6)).toEqual([8, 9, 10, 11, 12]);
    expect(p.year).toBe(2025);
    expect(p.network).toBe('facebook');
    expect(TIMING_PRIORS.some((x) => x.source.publisher === 'Buffer')).toBe(false);
  });
});

describe('daylight-saving changes in Europe/Rome, 2026', () => {
  const hourOf = (ms: number) => localWallTime(ms, ROME);

  test('25 October: both instants of 02:30 local land in Sunday 02:00', () => {
    const first = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST
    const second = Date.UTC(2026, 9, 25, 1, 30); // 02:30 CET
    const grid = estimateBestTimes([post(first, 100), post(second, 120)], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(grid.cells[6 * 24 + 2].posts).toBe(2);
    expect(grid.cells.reduce((a, c) => a + c.posts, 0)).toBe(2);
  });

  test('29 March: 02:30 local does not exist; the instants around it land at 01:00 and 03:00', () => {
    const before = Date.UTC(2026, 2, 29, 0, 30); // 01:30 CET
    const after = Date.UTC(2026, 2, 29, 1, 30); // 03:30 CEST (what "02:30" becomes when read as local time)
    const grid = estimateBestTimes([post(before, 100), post(after, 100)], { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(grid.cells[6 * 24 + 1].posts).toBe(1);
    expect(grid.cells[6 * 24 + 2].posts).toBe(0);
    expect(grid.cells[6 * 24 + 3].posts).toBe(1);
  });

  /** An account whose Sunday 01:00-04:00 posts do well (posts in January-February, CET). */
  function sundayNightLog() {
    const entries = [];
    for (let w = 0; w < 8; w++) {
      for (const h of [1, 2, 3]) entries.push(post(Date.UTC(2026, 0, 4 + 7 * w, h - 1, 10), 300 + 10 * h)); // Sundays
      for (const d of [0, 1, 2, 3, 4]) entries.push(post(Date.UTC(2026, 0, 5 + 7 * w + d, 11, 0), 100 + ((w + d) % 5)));
    }
    return entries;
  }

  test('a week spanning 29 March: the next best slots are real local hours (no Sunday 02:00)', () => {
    const now = Date.UTC(2026, 2, 22, 23, 0); // Monday 23 March, 00:00 CET
    const grid = estimateBestTimes(sundayNightLog(), { timeZone: ROME, prior: FLAT_PRIOR, now });
    // Sunday 02:00 scores high, but that hour is skipped on 29 March: only 01:00 and 03:00 remain.
    expect(grid.cells[6 * 24 + 2].score).toBeGreaterThan(1);
    expect(grid.nextBest.map((s) => [s.day, s.hour])).toEqual(expect.arrayContaining([[6, 1], [6, 3]]));
    for (const s of grid.nextBest) {
      const w = hourOf(s.start);
      expect([w.day, w.hour, w.minute]).toEqual([s.day, s.hour, 0]);
      expect(s.day === 6 && s.hour === 2).toBe(false);
    }
  });

  test('a week spanning 25 October: Sunday 02:00 is offered once, at its first instant', () => {
    const now = Date.UTC(2026, 9, 18, 22, 0); // Monday 19 October, 00:00 CEST
    const grid = estimateBestTimes(sundayNightLog(), { timeZone: ROME, prior: FLAT_PRIOR, now });
    const sundayTwo = grid.nextBest.filter((s) => s.day === 6 && s.hour === 2);
    expect(sundayTwo).toHaveLength(1);
    expect(sundayTwo[0].start).toBe(Date.UTC(2026, 9, 25, 0, 0)); // 02:00 CEST
    for (const s of grid.nextBest) {
      const w = hourOf(s.start);
      expect([w.day, w.hour, w.minute]).toEqual([s.day, s.hour, 0]);
    }
  });
});

describe('days with no data', () => {
  test('postsPerDay says which weekdays have no posts', () => {
    const entries = [post(romeTime(2026, 5, 4, 9, 0, 2), 10), post(romeTime(2026, 5, 6, 9, 0, 2), 10)]; // Mon, Wed
    const grid = estimateBestTimes(entries, { timeZone: ROME, prior: FLAT_PRIOR, now: NOW });
    expect(grid.postsPerDay).toEqual([1, 0, 1, 0, 0, 0, 0]);
  });
});
