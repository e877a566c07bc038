/**
 * Dates and times in the interface language, one format per language everywhere (sidebar,
 * library, popup). Every place that shows a date or time to the user goes through here, never
 * through `toLocaleString()` or its own `Intl.DateTimeFormat`, which follow the browser's
 * language and not the one chosen in Spalla.
 *
 * English: US style, "Nov 20, 2026, 12:34 PM" (12-hour clock, month first): the style of the
 *   Meta interfaces our English-speaking users see.
 * Italian: "20 nov 2026, 12:34" (24-hour clock, day first).
 * Both are `Intl.DateTimeFormat` with dateStyle 'medium' and timeStyle 'short' for the locales
 * below; the weekday forms add the weekday name ("Friday, Nov 20, 12:34 PM",
 * "venerdì 20 nov, 12:34").
 */
import type { UiLanguage } from './language';

/** The locale whose date and time conventions each interface language uses. */
export function dateLocale(language: UiLanguage): string {
  return language === 'it' ? 'it-IT' : 'en-US';
}

/** Formatters are costly to make (a heatmap labels 336 cells): one per language, zone, options. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateFormatter(language: UiLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocale(language), options);
    formatters.set(key, format);
  }
  return format;
}

/** `timeZone` undefined = the browser's own zone. */
type Zone = string | undefined;

/** "Nov 20, 2026, 12:34 PM" / "20 nov 2026, 12:34". */
export function formatDateTime(ms: number, language: UiLanguage, timeZone?: Zone): string {
  return dateFormatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}

/** "Nov 20, 2026" / "20 nov 2026". */
export function formatDate(ms: number, language: UiLanguage, timeZone?: Zone): string {
  return dateFormatter(language, { dateStyle: 'medium', timeZone }).format(ms);
}

/** "12:34 PM" / "12:34". */
export function formatTime(ms: number, language: UiLanguage, timeZone?: Zone): string {
  return dateFormatter(language, { timeStyle: 'short', timeZone }).format(ms);
}

/** A coming slot: "Friday, Nov 20, 12:34 PM" / "venerdì 20 nov, 12:34" ('short': "Fri, Nov 20,
 * 12:34 PM" / "ven 20 nov, 12:34"). */
export function formatSlot(ms: number, language: UiLanguage, timeZone?: Zone, weekday: 'long' | 'short' = 'long'): string {
  return dateFormatter(language, { weekday, day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(ms);
}

/** An hour of the day, without a date: "9:00 AM" / "9:00". */
export function formatHour(hour: number, language: UiLanguage): string {
  return dateFormatter(language, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5, hour));
}

/** A weekday name, day 0 = Monday: "Monday" / "lunedì" ('short': "Mon" / "lun"). */
export function formatWeekday(day: number, language: UiLanguage, width: 'long' | 'short' = 'long'): string {
  // 5 January 2026 is a Monday.
  return dateFormatter(language, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 0, 5 + day, 12));
}
