import type { LanguageChoice } from '../settings/items';

export type UiLanguage = 'en' | 'it';
export const UI_LANGUAGES: readonly UiLanguage[] = ['en', 'it'];

/** The interface language: the user's explicit choice, else the browser's when we
 * speak it, else English. */
export function resolveLanguage(choice: LanguageChoice, browserLanguage: string): UiLanguage {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}
