import { describe, expect, test } from 'vitest';
import { findKey, narrowUints, packedScopeId, packedScopeProblem, packHashtags, type PackedScope, type UnpackedHashtag } from './packed';

const row = (fields: Partial<UnpackedHashtag> & Pick<UnpackedHashtag, 'key'>): UnpackedHashtag => ({
  tag: fields.key, network: 'instagram', brandId: null, ownCount: 0, seenCount: 0, cooccurs: {}, lastSeenAt: 10, ...fields,
});

describe('packHashtags (the rows of database version 1)', () => {
  test('one scope per network and brand, each pair kept in both directions, ownPosts from the most used own tag', () => {
    const [instagram, facebook] = packHashtags([
      row({ key: 'pizza', tag: 'Pizza', ownCount: 5, seenCount: 2, cooccurs: { napoli: 3 }, lastSeenAt: 20 }),
      row({ key: 'napoli', ownCount: 1, cooccurs: { pizza: 3 } }),
      row({ key: 'pizza', network: 'facebook', brandId: 'b1', seenCount: 1 }),
    ]);
    expect(instagram).toEqual({
      network: 'instagram', brandId: null, ownPosts: 5,
      keys: ['napoli', 'pizza'], tags: ['', 'Pizza'],
      ownCounts: Uint8Array.of(1, 5), seenCounts: Uint8Array.of(0, 2), lastSeenAt: Float64Array.of(10, 20),
      partnerStarts: Uint8Array.of(0, 1, 2), partners: Uint8Array.of(1, 0), partnerCounts: Uint8Array.of(3, 3),
    } satisfies PackedScope);
    expect(facebook).toMatchObject({ network: 'facebook', brandId: 'b1', keys: ['pizza'], seenCounts: Uint8Array.of(1), partners: Uint8Array.of() });
  });

  test('a partner without a row of its own gets an entry with no counts, so the pair is kept', () => {
    const [scope] = packHashtags([row({ key: 'caffè', cooccurs: { torino: 2 }, lastSeenAt: 7 })]);
    expect(scope).toMatchObject({ keys: ['caffè', 'torino'], ownCounts: Uint8Array.of(0, 0), lastSeenAt: Float64Array.of(7, 7), partners: Uint8Array.of(1) });
    expect(packedScopeProblem(scope, 100)).toBeNull();
  });
});

test('packedScopeId: one id per network and brand, within the backup format\'s id characters', () => {
  expect(packedScopeId('instagram', null)).toBe('instagram-shared');
  expect(packedScopeId('facebook', 'b-1')).toBe('facebook-brand-b-1');
});

test('narrowUints: the narrowest unsigned array that holds the largest value', () => {
  expect(narrowUints([0, 255])).toEqual(Uint8Array.of(0, 255));
  expect(narrowUints([256])).toEqual(Uint16Array.of(256));
  expect(narrowUints([65_536])).toEqual(Uint32Array.of(65_536));
  expect(narrowUints([])).toEqual(Uint8Array.of());
});

test('findKey: binary search in ascending keys', () => {
  const keys = ['bicerin', 'caffè', 'torino'];
  expect(keys.map((key) => findKey(keys, key))).toEqual([0, 1, 2]);
  expect(['a', 'caffe', 'zz'].map((key) => findKey(keys, key))).toEqual([-1, -1, -1]);
});

describe('packedScopeProblem', () => {
  const good = (): PackedScope => packHashtags([row({ key: 'a1', cooccurs: { b1: 1, c1: 2 } }), row({ key: 'b1', cooccurs: { a1: 1 } }), row({ key: 'c1', cooccurs: { a1: 2 } })])[0];
  test.each<[string, (s: PackedScope) => void, (string | number)[]]>([
    ['fewer spellings than keys', (s) => s.tags.pop(), ['tags']],
    ['a key twice', (s) => (s.keys[2] = 'b1'), ['keys', 2]],
    ['keys out of order', (s) => (s.keys[0] = 'z1'), ['keys', 1]],
    ['one offset too few', (s) => (s.partnerStarts = s.partnerStarts.subarray(1)), ['partnerStarts']],
    ['offsets that do not end at the partners', (s) => (s.partnerStarts[3] = 3), ['partnerStarts']],
    ['offsets going down', (s) => ((s.partnerStarts[1] = 1), (s.partnerStarts[2] = 0)), ['partnerStarts', 2]],
    ['a partner past the last hashtag', (s) => (s.partners[0] = 3), ['partners', 0]],
    ['a hashtag its own partner', (s) => (s.partners[0] = 0), ['partners', 0]],
    ['counts and partners of different lengths', (s) => (s.partnerCounts = s.partnerCounts.subarray(1)), ['partnerCounts']],
  ])('%s', (_name, spoil, path) => {
    const scope = good();
    expect(packedScopeProblem(scope, 100)).toBeNull();
    spoil(scope);
    expect(packedScopeProblem(scope, 100)?.path).toEqual(path);
  });

  test('more partners than allowed for one hashtag', () => {
    expect(packedScopeProblem(good(), 1)?.path).toEqual(['partnerStarts', 1]);
  });
});
