/** One entry of a `_locales/<lang>/messages.json` file (Chrome's format). */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageCatalog = Record<string, MessageEntry>;

/** Formats a catalog entry the way `browser.i18n.getMessage` does: named placeholders
 * (`$COUNT$`) resolve through `placeholders` to `$1`…`$9`, which take the
 * substitutions; `$$` is a literal dollar. Implemented here because an explicit
 * language choice must override the browser's, which `browser.i18n` cannot do. */
export function formatMessage(entry: MessageEntry, substitutions: readonly (string | number)[] = []): string {
  const subs = substitutions.map(String);
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = placeholders[name.toLowerCase()];
    return content === undefined ? whole : positional(content);
  });
  return positional(named);
}

/**
 * Plural forms. A message that takes a count is stored once per plural category of the
 * language, as `key_one`, `key_other` (and `key_many`, … where a language has them; a missing
 * category falls back to `key_other`), never as a plain `key`. The category comes from
 * `Intl.PluralRules` for the interface language, so "1 idea", "2 ideas", "1 idea", "2 idee".
 * Which substitution is the count: the one the placeholder named COUNT stands for
 * (`"placeholders": { "count": { "content": "$2" } }`), else the first ($1).
 * Callers do not change: `t('clipsCount', 3)` finds `clipsCount_other`.
 */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralCategory(language: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** A number as the interface language writes it: 1,234 in English, 1.234 in Italian. */
export function formatNumber(value: number, language: string): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** The 0-based index of the substitution that decides the plural form of `entry`. */
export function countIndex(entry: MessageEntry): number {
  const count = Object.entries(entry.placeholders ?? {}).find(([name]) => name.toLowerCase() === 'count');
  const match = count && /^\$([1-9])$/.exec(count[1].content.trim());
  return match ? Number(match[1]) - 1 : 0;
}

/** True when `key` is stored as plural forms in `catalog`. */
export function isPluralKey(catalog: MessageCatalog, key: string): boolean {
  return `${key}_other` in catalog;
}

/**
 * The message `key` of `catalog` with its substitutions, or null when the catalog has neither
 * `key` nor its plural forms. Number substitutions are written the language's way
 * (Intl.NumberFormat); for a plural message the count chooses the form.
 */
export function translateMessage(
  catalog: MessageCatalog,
  language: string,
  key: string,
  substitutions: readonly (string | number)[] = [],
): string | null {
  const subs = substitutions.map((s) => (typeof s === 'number' ? formatNumber(s, language) : s));
  const plain = catalog[key];
  if (plain) return formatMessage(plain, subs);
  const other = catalog[`${key}_other`];
  if (!other) return null;
  const count = Number(substitutions[countIndex(other)]);
  const form = Number.isFinite(count) ? catalog[`${key}_${pluralCategory(language, count)}`] : undefined;
  return formatMessage(form ?? other, subs);
}

/** A decimal with a fixed number of digits, the language's way: 1.8 / 1,8. */
export function formatDecimal(value: number, language: string, digits: number): string {
  const key = `${language} ${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
