import { describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import type { HashtagSet } from '../db/hashtags';
import { checkSetName, checkSetTags, listHashtagSets, saveNewHashtagSet, setsFor, splitTagsInput } from './sets';

describe('checkSetTags', () => {
  test.each<[string, string[], ReturnType<typeof checkSetTags>]>([
    ['"#" optional, order kept', ['#pizza', 'napoli', '＃vino'], { ok: true, tags: ['pizza', 'napoli', 'vino'] }],
    ['repeats by counting key dropped (first spelling kept)', ['Pizza', 'pizza', 'PIZZA', 'caffè', 'caffe'], { ok: true, tags: ['Pizza', 'caffè', 'caffe'] }],
    ['blank items ignored', [' ', '', 'pizza'], { ok: true, tags: ['pizza'] }],
    ['nothing left', ['#', ' '], { ok: false, error: 'no-tags' }],
    ['not hashtags are named', ['ok', '#2024', 'caffè-bar', "l'amore"], { ok: false, error: 'invalid-tags', invalid: ['#2024', 'caffè-bar', "l'amore"] }],
  ])('%s', (_name, input, expected) => {
    expect(checkSetTags(input)).toEqual(expected);
  });

  test('at most 60', () => {
    expect(checkSetTags(Array.from({ length: 61 }, (_, i) => `tag${i}x`))).toEqual({ ok: false, error: 'too-many-tags' });
  });
});

test.each([
  ['  Ristorante   Roma ', { ok: true, name: 'Ristorante Roma' }],
  ['   ', { ok: false, error: 'name-missing' }],
  ['x'.repeat(81), { ok: false, error: 'name-too-long' }],
])('checkSetName(%j)', (input, expected) => {
  expect(checkSetName(input)).toEqual(expected);
});

test('splitTagsInput: spaces, commas, semicolons, new lines', () => {
  expect(splitTagsInput('#a b,c;\n#d  ')).toEqual(['#a', 'b', 'c', '#d']);
});

describe('saveNewHashtagSet', () => {
  test('stores a stamped record; bad input stores nothing', async () => {
    const db = new AppDB(`sets-${crypto.randomUUID()}`);
    const saved = await saveNewHashtagSet(db, { name: 'Ristorante', tags: ['#pizza', 'napoli'], network: 'instagram' });
    expect(saved.ok).toBe(true);
    const bad = await saveNewHashtagSet(db, { name: '', tags: ['pizza'], network: null });
    expect(bad).toEqual({ ok: false, error: 'name-missing' });
    // A message from an extension page may carry anything: it is checked, not trusted.
    const junk = await saveNewHashtagSet(db, { name: 'X', tags: [42, 'ok'] as unknown as string[], network: 'myspace' as never });
    expect(junk.ok && junk.set).toMatchObject({ tags: ['ok'], network: null });
    const all = await listHashtagSets(db);
    expect(all.map((s) => [s.name, s.tags, s.network, s.brandId])).toEqual([
      ['Ristorante', ['pizza', 'napoli'], 'instagram', null],
      ['X', ['ok'], null, null],
    ]);
    expect(all[0].createdAt).toBeGreaterThan(0);
    expect(all[0].updatedAt).toBe(all[0].createdAt);
    db.close();
  });
});

test('setsFor: a set for any network fits both', () => {
  const set = (name: string, network: HashtagSet['network']) => ({ name, network }) as HashtagSet;
  const sets = [set('a', null), set('b', 'instagram'), set('c', 'facebook')];
  expect(setsFor(sets, 'instagram').map((s) => s.name)).toEqual(['a', 'b']);
  expect(setsFor(sets, 'facebook').map((s) => s.name)).toEqual(['a', 'c']);
});

describe('sets and brands (issue #13)', () => {
  test('a set is filed under the brand given (the brand in view), else shared', async () => {
    const db = new AppDB(`sets-${crypto.randomUUID()}`);
    const gino = await saveNewHashtagSet(db, { name: 'Pizza', tags: ['pizza'], network: null }, 'gino');
    const shared = await saveNewHashtagSet(db, { name: 'Bologna', tags: ['bologna'], network: null });
    expect(gino.ok && gino.set.brandId).toBe('gino');
    expect(shared.ok && shared.set.brandId).toBe(null);
    db.close();
  });

  test("listHashtagSets: the brand's own sets, then the shared ones, never another brand's; all brands: every set by name", async () => {
    const db = new AppDB(`sets-${crypto.randomUUID()}`);
    await saveNewHashtagSet(db, { name: 'Zuppe', tags: ['zuppa'], network: null }, 'gino');
    await saveNewHashtagSet(db, { name: 'Bologna', tags: ['bologna'], network: null });
    await saveNewHashtagSet(db, { name: 'Fiori', tags: ['fiori'], network: null }, 'lucia');
    await saveNewHashtagSet(db, { name: 'Antipasti', tags: ['antipasti'], network: null }, 'gino');
    const names = async (brandId: string | null) => (await listHashtagSets(db, brandId)).map((s) => s.name);
    expect(await names('gino')).toEqual(['Antipasti', 'Zuppe', 'Bologna']);
    expect(await names('lucia')).toEqual(['Fiori', 'Bologna']);
    expect(await names(null)).toEqual(['Antipasti', 'Bologna', 'Fiori', 'Zuppe']);
    db.close();
  });
});
