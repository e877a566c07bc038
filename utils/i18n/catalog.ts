import { browser } from '#imports';
import { languageItem } from '../settings/items';
import { translateMessage, type MessageCatalog } from './format';
import { resolveLanguage, type UiLanguage } from './language';

const loaded = new Map<UiLanguage, Promise<MessageCatalog>>();

/** Reads `_locales/<lang>/messages.json` from the extension package. Works in
 * extension pages and the background (same origin), not in content scripts. */
export function loadCatalog(language: UiLanguage): Promise<MessageCatalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    catalog = fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`)).then((r) => r.json());
    loaded.set(language, catalog);
  }
  return catalog;
}

export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

/** A translator over the chosen catalog, falling back to English, then to the key
 * itself (so a missing string is visible, never blank). Counts choose their plural form and
 * numbers are written the language's way (see `translateMessage`). */
export function makeTranslator(catalog: MessageCatalog, fallback: MessageCatalog, language: UiLanguage = 'en'): Translate {
  return (key, ...substitutions) =>
    translateMessage(catalog, language, key, substitutions) ?? translateMessage(fallback, 'en', key, substitutions) ?? key;
}

export async function currentLanguage(): Promise<UiLanguage> {
  return resolveLanguage(await languageItem.getValue(), browser.i18n.getUILanguage());
}

export async function loadTranslator(language?: UiLanguage): Promise<{ language: UiLanguage; t: Translate }> {
  const lang = language ?? (await currentLanguage());
  const [catalog, english] = await Promise.all([loadCatalog(lang), loadCatalog('en')]);
  return { language: lang, t: makeTranslator(catalog, english, lang) };
}
