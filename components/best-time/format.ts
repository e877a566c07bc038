import type { Translate } from '@/utils/i18n/catalog';
import { formatHour, formatSlot, formatWeekday } from '@/utils/i18n/dates';
import { formatDecimal } from '@/utils/i18n/format';
import type { UiLanguage } from '@/utils/i18n/language';
import type { BestTimeWhy, NowRating, Trust } from '@/utils/timing/estimate';

/** Day and time words in the interface language (day 0 = Monday), from the one date helper. */
export { dateLocale as locale } from '@/utils/i18n/dates';

export function dayName(day: number, language: UiLanguage, width: 'long' | 'short' = 'long'): string {
  return formatWeekday(day, language, width);
}

export function hourLabel(hour: number, language: UiLanguage): string {
  return formatHour(hour, language);
}

/** A coming slot: weekday, date and time, in the account's zone. */
export function slotLabel(start: number, timeZone: string, language: UiLanguage): string {
  return formatSlot(start, language, timeZone);
}

export const TRUST_KEY: Record<Trust, string> = { none: 'bestTimeTrustNone', thin: 'bestTimeTrustThin', solid: 'bestTimeTrustSolid' };
export const NOW_KEY: Record<NowRating, string> = { good: 'bestTimeNowGood', average: 'bestTimeNowAverage', poor: 'bestTimeNowPoor' };

/** The one-line why, put into words. */
export function whyLine(t: Translate, why: BestTimeWhy | null, language: UiLanguage, priorName: string | null): string {
  if (!why) return t('bestTimeWhyNothing');
  const when = `${dayName(why.day, language)} ${hourLabel(why.hour, language)}`;
  if (why.kind === 'data') return t('bestTimeWhyData', when, formatDecimal(why.ratio, language, 1), why.posts);
  return priorName ? t('bestTimeWhyPrior', when, priorName) : t('bestTimeWhyNothing');
}

/** Weekdays without any logged post, as a sentence, or null when every day has posts. */
export function daysWithoutData(t: Translate, postsPerDay: readonly number[], language: UiLanguage): string | null {
  const empty = postsPerDay.map((n, day) => (n === 0 ? day : -1)).filter((d) => d >= 0);
  if (empty.length === 0) return null;
  if (empty.length === 7) return t('bestTimeNoDaysHaveData');
  return t('bestTimeDaysWithoutData', empty.map((d) => dayName(d, language)).join(', '));
}
