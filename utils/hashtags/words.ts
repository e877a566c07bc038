/**
 * The words of a caption, as the suggestion sources read them: the language guessed from
 * the text, stopwords dropped (the `stopword` package's Italian and English lists),
 * each word with its accent-free form and its Snowball stem (`snowball-stemmers`).
 *
 * Plain TypeScript: no browser API.
 */
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { eng, ita } from 'stopword';
import { hashtagKeys, looseKey } from './keys';

export type Language = 'it' | 'en';
export const LANGUAGES: readonly Language[] = ['it', 'en'];

const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  it: new Set(ita.map((w) => looseKey(w))),
  en: new Set(eng.map((w) => looseKey(w))),
};

const STEMMER_NAMES: Record<Language, string> = { it: 'italian', en: 'english' };
const stemmers: Partial<Record<Language, Stemmer>> = {};

/** Snowball stemming is the slow step of a suggestion (tens of microseconds a word):
 * words repeat as the user types, so stems are remembered, up to a bound. */
const STEM_CACHE_LIMIT = 20_000;
const stemCache: Record<Language, Map<string, string>> = { it: new Map(), en: new Map() };

export function stem(word: string, language: Language): string {
  const cache = stemCache[language];
  let out = cache.get(word);
  if (out === undefined) {
    const stemmer = (stemmers[language] ??= newStemmer(STEMMER_NAMES[language]));
    out = stemmer.stem(word);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

export function isStopword(looseWord: string, language: Language): boolean {
  return STOPWORDS[language].has(looseWord);
}

export interface TextWord {
  /** Lower case, as written (accents kept): what a hashtag made of it looks like. */
  word: string;
  /** Accent-free, case-folded: what it is matched by. */
  loose: string;
}

/** Links, mentions and hashtags are not words of the text (hashtags are read apart). */
const NOT_WORDS = /(?:https?:\/\/|www\.)\S+|[@#\uff03][\p{L}\p{M}\p{Nd}_.]*/gu;
const WORD = /[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}\p{Nd}]+)*/gu;

/** Every word of the text in order, stopwords included, elisions split (`l'aperitivo`
 * gives `l`, `aperitivo`). */
export function readWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  for (const match of text.replace(NOT_WORDS, ' ').matchAll(WORD)) {
    for (const part of match[0].split(/['’]/u)) {
      if (!part) continue;
      const { key, looseKey: loose } = hashtagKeys(part);
      out.push({ word: key, loose });
    }
  }
  return out;
}

/** The language with more of its stopwords in the text; `fallback` on a tie. */
export function guessLanguage(words: readonly TextWord[], fallback: Language = 'it'): Language {
  let it = 0;
  let en = 0;
  for (const { loose } of words) {
    if (STOPWORDS.it.has(loose)) it++;
    if (STOPWORDS.en.has(loose)) en++;
  }
  return it > en ? 'it' : en > it ? 'en' : fallback;
}

/** A word that can carry meaning: at least three characters, not a number, and not a
 * stopword of either language (captions mix them: "Good vibes" in an Italian post; a
 * stopword never makes a good hashtag anyway). `language` decides nothing today and is
 * kept for languages whose stopwords are words elsewhere. */
export function isContentWord(word: TextWord, _language: Language): boolean {
  return word.loose.length >= 3 && !/^\p{Nd}+$/u.test(word.loose) && !STOPWORDS.it.has(word.loose) && !STOPWORDS.en.has(word.loose);
}
