import type { UiLanguage } from '../i18n/language';

/** "12.3 MB" / "12,3 MB": decimal units, as operating systems show disk space. */
export function formatBytes(bytes: number, language: UiLanguage): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const key = `${language} ${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', {
      style: 'unit',
      unit: units[unit],
      unitDisplay: 'short',
      maximumFractionDigits: unit === 0 ? 0 : 1,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** Made once per language and unit (making one costs more than formatting). */
const formats = new Map<string, Intl.NumberFormat>();
