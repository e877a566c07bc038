import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { loadTranslator, type Translate } from '@/utils/i18n/catalog';
import { formatDateTime } from '@/utils/i18n/dates';
import type { UiLanguage } from '@/utils/i18n/language';
import { languageItem } from '@/utils/settings/items';

interface I18n {
  t: Translate;
  language: UiLanguage;
}

/** Exported for component tests, which give it a translator over the real catalogs. */
export const I18nContext = createContext<I18n | null>(null);

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

/** Date and time in the interface language, in the browser's zone (`formatDateTime`). */
export function useFormatDate(): (ms: number) => string {
  const { language } = useI18n();
  return (ms) => formatDateTime(ms, language);
}
