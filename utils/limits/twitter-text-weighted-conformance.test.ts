/**
 * X's counter (`textLength(text, 'twitter-text')` and the linter's `too-long` at 280) against
 * twitter-text's own conformance cases for the weighted count: the configuration v3 X uses
 * (emoji discounted), from github.com/twitter/twitter-text, commit
 * 30e2430d90cff3b46393ea54caf511441983c260, conformance/validate.yml, kept unchanged in
 * tests/data/twitter-text/weighted-conformance.json. Every case must pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lintCaption } from '../hashtags/lint';
import { rulesFor } from '../hashtags/limits';
import { textLength } from './length';

interface Case {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean };
}

const suite = JSON.parse(readFileSync(new URL('../../tests/data/twitter-text/weighted-conformance.json', import.meta.url), 'utf8')) as {
  WeightedTweetsWithDiscountedEmojiCounterTest: Case[];
  UnicodeDirectionalMarkerCounterTest: Case[];
};
const cases = [...suite.WeightedTweetsWithDiscountedEmojiCounterTest, ...suite.UnicodeDirectionalMarkerCounterTest];

describe("X's weighted count, twitter-text's conformance cases", () => {
  test('there are cases', () => expect(cases.length).toBeGreaterThan(20));

  test.each(cases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
    expect(textLength(c.text, 'twitter-text')).toBe(c.expected.weightedLength);
    // The linter says "too long" exactly where X's weighted count passes 280 (a text
    // twitter-text finds invalid for other reasons, e.g. empty, is not a length matter).
    const tooLong = lintCaption(c.text, rulesFor('x')).issues.some((issue) => issue.code === 'too-long');
    expect(tooLong).toBe(c.expected.weightedLength > 280);
  });
});
