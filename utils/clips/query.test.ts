import { describe, expect, test } from 'vitest';
import { NO_FILTERS, authorOf, filterChoices, selectClips, type ClipFilters, type ClipSort } from './query';
import { statusForKey } from './status';
import { safeHttpUrl } from './links';
import { makeClip } from './test-db';

const day = 86_400_000;
const clips = [
  makeClip('a', { network: 'facebook', status: 'draft', tags: ['ricette'], authorName: 'Zoe', clippedAt: 3 * day, postedAt: 1 * day }),
  makeClip('b', { network: 'instagram', status: 'idea', tags: ['ricette', 'weekend'], authorName: 'ádamo', clippedAt: 2 * day, postedAt: null }),
  makeClip('c', { network: 'web', status: 'archived', tags: [], authorName: null, authorHandle: 'bea', clippedAt: 1 * day, postedAt: 5 * day }),
  makeClip('d', { network: 'instagram', status: 'idea', tags: [], authorName: null, authorHandle: null, clippedAt: 4 * day, postedAt: 2 * day }),
];
const collator = new Intl.Collator('it', { sensitivity: 'base' });
const ids = (filters: Partial<ClipFilters>, sort: ClipSort = 'clipped', matches: string[] | null = null) =>
  selectClips(clips, { filters: { ...NO_FILTERS, ...filters }, sort, matches, collator }).map((c) => c.id);

describe('filters', () => {
  test.each([
    [{}, ['d', 'a', 'b', 'c']],
    [{ network: 'instagram' }, ['d', 'b']],
    [{ status: 'idea' }, ['d', 'b']],
    [{ tag: 'ricette' }, ['a', 'b']],
    [{ author: 'bea' }, ['c']],
    [{ clippedFrom: 2 * day, clippedTo: 3 * day }, ['a', 'b']],
    [{ network: 'instagram', tag: 'weekend' }, ['b']],
  ] as [Partial<ClipFilters>, string[]][])('%j → %j', (filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });

  test('a search narrows to its matches, sorted as chosen', () => {
    expect(ids({}, 'clipped', ['c', 'a'])).toEqual(['a', 'c']);
    expect(ids({ network: 'web' }, 'clipped', ['c', 'a'])).toEqual(['c']);
  });
});

describe('sorting', () => {
  test.each([
    ['clipped', ['d', 'a', 'b', 'c']],
    ['posted', ['c', 'd', 'a', 'b']], // no posted date last
    ['author', ['b', 'c', 'a', 'd']], // accents ignored, no author last
    ['status', ['d', 'b', 'a', 'c']], // the workflow's order
  ] as [ClipSort, string[]][])('%s', (sort, expected) => {
    expect(ids({}, sort)).toEqual(expected);
  });
});

test('filter choices and authors', () => {
  expect(filterChoices(clips, collator)).toEqual({ tags: ['ricette', 'weekend'], authors: ['ádamo', 'bea', 'Zoe'] });
  expect(authorOf(makeClip('x', { authorName: '  ', authorHandle: 'h' }))).toBe('h');
});

test('status keys 1–5 follow the workflow', () => {
  expect(['1', '2', '3', '4', '5', '6', 'a'].map(statusForKey)).toEqual(['idea', 'draft', 'scheduled', 'published', 'archived', null, null]);
});

test.each([
  ['https://www.instagram.com/p/x/', 'https://www.instagram.com/p/x/'],
  ['http://example.org', 'http://example.org/'],
  ['javascript:alert(1)', null],
  [' JavaScript:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['/relative', null],
  ['', null],
  [null, null],
])('safeHttpUrl(%j) = %j', (address, expected) => {
  expect(safeHttpUrl(address)).toBe(expected);
});
