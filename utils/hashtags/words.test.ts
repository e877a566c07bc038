import { describe, expect, test } from 'vitest';
import { guessLanguage, isContentWord, readWords, stem } from './words';

describe('readWords', () => {
  test.each([
    ['Ciao a tutti', ['ciao', 'a', 'tutti']],
    ["L'aperitivo è servito", ['l', 'aperitivo', 'è', 'servito']],
    ['Caffè Centrale, via Po!', ['caffè', 'centrale', 'via', 'po']],
    ['see www.example.com/menu and https://x.it/#a', ['see', 'and']],
    ['#pizza e @gennaro stasera', ['e', 'stasera']],
    ["don't stop", ['don', 't', 'stop']],
    ['48 ore 🍕', ['48', 'ore']],
  ])('%s', (text, words) => {
    expect(readWords(text).map((w) => w.word)).toEqual(words);
  });

  test('the loose form drops case and accents', () => {
    expect(readWords('PERCHÉ Caffè')).toEqual([
      { word: 'perché', loose: 'perche' },
      { word: 'caffè', loose: 'caffe' },
    ]);
  });
});

describe('guessLanguage', () => {
  test.each([
    ['Stasera siamo aperti fino a tardi, vi aspettiamo con la pizza', 'it'],
    ['We are open late tonight and the pizza is on us', 'en'],
    ['pizza', 'it'],
  ] as const)('%s -> %s', (text, language) => {
    expect(guessLanguage(readWords(text))).toBe(language);
  });

  test('a tie falls back to the given language', () => {
    expect(guessLanguage(readWords('pizza'), 'en')).toBe('en');
  });
});

describe('isContentWord', () => {
  test.each([
    ['pizza', 'it', true],
    ['della', 'it', false],
    ['the', 'en', false],
    ['with', 'it', false],
    ['con', 'en', false],
    ['2024', 'it', false],
    ['tè', 'it', false],
    ['negroni', 'en', true],
  ] as const)('%s (%s): %s', (word, language, expected) => {
    expect(isContentWord(readWords(word)[0], language)).toBe(expected);
  });
});

describe('stem', () => {
  test.each([
    ['pizze', 'it', 'pizz'],
    ['pizza', 'it', 'pizz'],
    ['matrimoni', 'it', 'matrimon'],
    ['roasting', 'en', 'roast'],
    ['weddings', 'en', 'wed'],
  ] as const)('%s (%s) -> %s', (word, language, expected) => {
    expect(stem(word, language)).toBe(expected);
  });
});
