/**
 * The planted-pattern account of issue 11 (test support, not shipped code): one post a day from
 * Monday 6 April 2026 (all CEST), at one of the account's usual hours. On Mondays and Wednesdays
 * it posts in the evening (19:00 or 20:00), and those posts get 2x; on the other days at 09:00,
 * 13:00, 19:00 or 20:00 at the usual level. Engagement = 100 · lognormal noise (σ = 0.3) · lift.
 */
import { gaussian, post, romeTime, seededRandom } from './test-helpers';

export const EVENING_HOURS = [19, 20] as const;
export const OTHER_DAY_HOURS = [9, 13, 19, 20] as const;
const MON = 0;
const WED = 2;

export const isPlanted = (day: number, hour: number) =>
  (day === MON || day === WED) && (EVENING_HOURS as readonly number[]).includes(hour);

export function plantedHabitLog(seed: number, posts: number, lift = 2, sigma = 0.3) {
  const rand = seededRandom(seed);
  return Array.from({ length: posts }, (_, i) => {
    const day = i % 7; // day 0 = Monday 6 April 2026
    const hours = day === MON || day === WED ? EVENING_HOURS : OTHER_DAY_HOURS;
    const hour = hours[Math.floor(rand() * hours.length)];
    const at = romeTime(2026, 4, 6 + i, hour, Math.floor(rand() * 60), 2);
    const level = isPlanted(day, hour) ? lift : 1;
    return post(at, Math.round(100 * Math.exp(sigma * gaussian(rand)) * level));
  });
}
