import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadTranslator, type Translate } from '@/utils/i18n/catalog';
import type { UiLanguage } from '@/utils/i18n/language';
import { languageItem } from '@/utils/settings/items';

interface I18n {
  t: Translate;
  language: UiLanguage;
}

const I18nContext = createContext<I18n | null>(null);

/** Loads the interface language's messages (and reloads them when the choice
 * changes); renders nothing until they are there, so no key flashes on screen. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [i18n, setI18n] = useState<I18n | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      loadTranslator().then((next) => {
        if (!live) return;
        document.documentElement.lang = next.language;
        setI18n(next);
      });
    void load();
    const unwatch = languageItem.watch(() => void load());
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  if (!i18n) return null;
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Dates and times in the interface language. */
/** One formatter per language: making an Intl.DateTimeFormat costs far more than
 * formatting with it, and the library formats two dates per card. */
const dateFormats = new Map<UiLanguage, Intl.DateTimeFormat>();

export function useFormatDate() {
  const { language } = useI18n();
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(language, format);
  }
  return format.format;
}
