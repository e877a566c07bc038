import { describe, expect, test } from 'vitest';
import { formatMessage } from './format';
import { resolveLanguage } from './language';

describe('formatMessage', () => {
  test.each([
    [{ message: 'Ciao' }, [], 'Ciao'],
    [{ message: '$1 elementi' }, [3], '3 elementi'],
    [{ message: 'Costa $$5' }, [], 'Costa $5'],
    [{ message: '$COUNT$ added', placeholders: { count: { content: '$1' } } }, [7], '7 added'],
    [{ message: '$Who$ e $what$', placeholders: { who: { content: '$2' }, WHAT: { content: '$1' } } }, ['b', 'a'], 'a e b'],
    [{ message: 'missing $2' }, ['x'], 'missing '],
    [{ message: '$unknown$ stays' }, [], '$unknown$ stays'],
  ])('%j with %j gives %s', (entry, subs, expected) => {
    expect(formatMessage(entry, subs)).toBe(expected);
  });
});

describe('resolveLanguage', () => {
  test.each([
    ['auto', 'it-IT', 'it'],
    ['auto', 'it', 'it'],
    ['auto', 'en-US', 'en'],
    ['auto', 'de-DE', 'en'],
    ['it', 'en-US', 'it'],
    ['en', 'it-IT', 'en'],
  ] as const)('choice %s with browser %s gives %s', (choice, browserLang, expected) => {
    expect(resolveLanguage(choice, browserLang)).toBe(expected);
  });
});
