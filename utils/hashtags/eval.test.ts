import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evalFileSchema, evaluate, recallAt, wordsAsHashtags } from './eval';

const shipped = evalFileSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/data/hashtag-eval.json'), 'utf8')),
);

describe('recallAt', () => {
  test.each([
    [['a1', 'b1', 'c1'], ['a1', 'c1'], 2, 0.5],
    [['a1', 'b1', 'c1'], ['a1', 'c1'], 3, 1],
    [['Caffè', 'b1'], ['caffe'], 1, 1],
    [[], ['a1'], 5, 0],
    [['a1'], ['a1', 'a1', 'A1'], 5, 1],
  ])('%j against %j at %i: %d', (ranked, wanted, k, expected) => {
    expect(recallAt(ranked, wanted, k)).toBe(expected);
  });
});

test('the baseline turns content words into tags, in order, once each', () => {
  expect(wordsAsHashtags('La pizza della casa, pizza fritta e caffè', 10)).toEqual(['pizza', 'casa', 'fritta', 'caffè']);
  expect(wordsAsHashtags('La pizza della casa, pizza fritta e caffè', 2)).toEqual(['pizza', 'casa']);
});

describe('the shipped eval file', () => {
  test('has at least 12 accounts in Italian and English, 12 history and 6 test posts each', () => {
    expect(shipped.accounts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(shipped.accounts.map((a) => a.lang))).toEqual(new Set(['it', 'en']));
    for (const account of shipped.accounts) {
      expect(account.history.length, account.id).toBeGreaterThanOrEqual(12);
      expect(account.test.length, account.id).toBeGreaterThanOrEqual(6);
      for (const post of account.test) expect(post.text, account.id).not.toMatch(/#\p{L}/u);
      for (const post of account.history) expect(post.text, account.id).toMatch(/#\p{L}/u);
    }
  });

  test('suggestions reach at least twice the recall@10 of the words-as-hashtags baseline', () => {
    const result = evaluate(shipped);
    expect(result.posts).toBe(shipped.accounts.reduce((n, a) => n + a.test.length, 0));
    expect(result.baseline.at10).toBeGreaterThan(0);
    expect(result.model.at10).toBeGreaterThanOrEqual(2 * result.baseline.at10);
  });
});
