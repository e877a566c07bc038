import { describe, expect, test } from 'vitest';
import { effectivePrefix, prefixProblem, shortcutBeforeCaret } from './shortcut';

describe('shortcut prefix', () => {
  test.each([
    [';', null],
    ['//', null],
    ['!!!', null],
    ['', 'empty'],
    [';;;;', 'too-long'],
    [' ', 'space'],
    ['; ', 'space'],
    ['a', 'word-character'],
    [';1', 'word-character'],
    ['-', 'word-character'],
  ])('%j -> %s', (prefix, problem) => {
    expect(prefixProblem(prefix)).toBe(problem);
  });

  test('an invalid or missing stored prefix falls back to ";"', () => {
    expect(effectivePrefix('')).toBe(';');
    expect(effectivePrefix(undefined)).toBe(';');
    expect(effectivePrefix('x')).toBe(';');
    expect(effectivePrefix('//')).toBe('//');
  });
});

describe('the shortcut before the caret', () => {
  test.each([
    [';ciao', ';', { shortcut: 'ciao', length: 5 }],
    ['Buongiorno ;prezzi', ';', { shortcut: 'prezzi', length: 7 }],
    ['riga\n;orari', ';', { shortcut: 'orari', length: 6 }],
    ['(;caffè', ';', { shortcut: 'caffè', length: 6 }],
    ['//grazie_mille', '//', { shortcut: 'grazie_mille', length: 14 }],
    ['ciao', ';', null],
    ['a;ciao', ';', null],
    [';', ';', null],
    [';ciao ', ';', null],
    ['ciao', '', null],
  ])('%j with %j', (text, prefix, expected) => {
    expect(shortcutBeforeCaret(text, prefix)).toEqual(expected);
  });
});
