import type { Translate } from '@/utils/i18n/catalog';
import type { UiLanguage } from '@/utils/i18n/language';
import type { BestTimeWhy, NowRating, Trust } from '@/utils/timing/estimate';

/** Day and time words in the interface language (day 0 = Monday). */
export function locale(language: UiLanguage): string {
  return language === 'it' ? 'it-IT' : 'en-GB';
}

/** Formatters are costly to make (a heatmap labels 336 cells): one per locale and options. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: UiLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(language), options);
    formatters.set(key, f);
  }
  return f;
}

export function dayName(day: number, language: UiLanguage, width: 'long' | 'short' = 'long'): string {
  // 5 January 2026 is a Monday.
  return formatter(language, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + day, 12));
}

export function hourLabel(hour: number, language: UiLanguage): string {
  return formatter(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5, hour));
}

/** A coming slot: weekday, date and time, in the account's zone. */
export function slotLabel(start: number, timeZone: string, language: UiLanguage): string {
  return formatter(language, { weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(start);
}

export const TRUST_KEY: Record<Trust, string> = { none: 'bestTimeTrustNone', thin: 'bestTimeTrustThin', solid: 'bestTimeTrustSolid' };
export const NOW_KEY: Record<NowRating, string> = { good: 'bestTimeNowGood', average: 'bestTimeNowAverage', poor: 'bestTimeNowPoor' };

/** The one-line why, put into words. */
export function whyLine(t: Translate, why: BestTimeWhy | null, language: UiLanguage, priorName: string | null): string {
  if (!why) return t('bestTimeWhyNothing');
  const when = `${dayName(why.day, language)} ${hourLabel(why.hour, language)}`;
  if (why.kind === 'data') return t('bestTimeWhyData', when, why.ratio.toFixed(1), why.posts);
  return priorName ? t('bestTimeWhyPrior', when, priorName) : t('bestTimeWhyNothing');
}

/** Weekdays without any logged post, as a sentence, or null when every day has posts. */
export function daysWithoutData(t: Translate, postsPerDay: readonly number[], language: UiLanguage): string | null {
  const empty = postsPerDay.map((n, day) => (n === 0 ? day : -1)).filter((d) => d >= 0);
  if (empty.length === 0) return null;
  if (empty.length === 7) return t('bestTimeNoDaysHaveData');
  return t('bestTimeDaysWithoutData', empty.map((d) => dayName(d, language)).join(', '));
}
