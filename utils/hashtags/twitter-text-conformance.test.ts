/**
 * twitter-text's conformance cases for hashtags, run against our extractor.
 *
 * The cases are twitter-text's own (github.com/twitter/twitter-text, commit
 * 30e2430d90cff3b46393ea54caf511441983c260, conformance/extract.yml and
 * conformance/validate.yml), kept unchanged in tests/data/twitter-text/. Every case must
 * pass unless it is listed in KNOWN_DIFFERENCES with its reason (also in
 * docs/hashtags.md); a listed case must really differ, so the list stays true.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractHashtags, isValidHashtag } from './extract';

interface Case<T> {
  description: string;
  text: string;
  expected: T;
}

interface Conformance {
  extract: {
    hashtags: Case<string[]>[];
    hashtags_from_astral: Case<string[]>[];
    hashtags_with_indices: Case<{ hashtag: string; indices: [number, number] }[]>[];
  };
  validate: { hashtags: Case<boolean>[] };
}

const suite = JSON.parse(
  readFileSync(new URL('../../tests/data/twitter-text/hashtags-conformance.json', import.meta.url), 'utf8'),
) as Conformance;

/** Case description → why we differ from twitter-text there. Empty: we agree on all. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

const extractCases: Case<string[]>[] = [
  ...suite.extract.hashtags,
  ...suite.extract.hashtags_from_astral,
  // We extract tags without their positions: the tags themselves must match.
  ...suite.extract.hashtags_with_indices.map((c) => ({ ...c, expected: c.expected.map((e) => e.hashtag) })),
];

describe('twitter-text conformance: extract', () => {
  test.each(extractCases.map((c) => [c.description, c] as const))('%s', (description, c) => {
    const got = extractHashtags(c.text);
    if (description in KNOWN_DIFFERENCES) expect(got).not.toEqual(c.expected);
    else expect(got).toEqual(c.expected);
  });
});

describe('twitter-text conformance: validate', () => {
  test.each(suite.validate.hashtags.map((c) => [c.description, c] as const))('%s', (description, c) => {
    // twitter-text validates "#tag"; isValidHashtag takes the tag without its "#".
    const got = c.text.startsWith('#') && isValidHashtag(c.text.slice(1));
    if (description in KNOWN_DIFFERENCES) expect(got).not.toBe(c.expected);
    else expect(got).toBe(c.expected);
  });
});

test('the suite is the full set of hashtag cases', () => {
  expect(extractCases.length).toBe(76);
  expect(suite.validate.hashtags.length).toBe(7);
});
