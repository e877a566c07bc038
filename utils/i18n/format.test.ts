import { describe, expect, test } from 'vitest';
import { formatDecimal, formatMessage, formatNumber } from './format';
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

describe('numbers in the interface language', () => {
  test('counts and decimals', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(12345, 'it')).toBe('12.345');
    expect(formatDecimal(1.8, 'en', 1)).toBe('1.8');
    expect(formatDecimal(1.8, 'it', 1)).toBe('1,8');
    expect(formatDecimal(2, 'en', 1)).toBe('2.0');
    expect(formatDecimal(0.975, 'it', 2)).toBe('0,98');
  });
});
