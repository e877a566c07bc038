import { describe, expect, test } from 'vitest';
import { textLength } from './length';

describe('textLength', () => {
  test('counts each way', () => {
    const text = 'Ciao 👍🏽 日本';
    expect(textLength(text, 'utf16')).toBe(text.length);
    expect(textLength(text, 'code-points')).toBe(Array.from(text).length);
    // twitter-text v3: 5 for "Ciao ", the emoji sequence 2, the space 1, each CJK letter 2.
    expect(textLength(text, 'twitter-text')).toBe(5 + 2 + 1 + 4);
    expect(textLength('see https://example.com/a/very/long/path/indeed', 'twitter-text')).toBe(4 + 23);
  });
});
