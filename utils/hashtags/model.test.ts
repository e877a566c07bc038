import { describe, expect, test } from 'vitest';
import { createHashtagModel, MAX_COOCCURS_PER_TAG, MAX_TAGS_PER_POST, TOP_PARTNERS, type LearnedHashtag } from './model';

const ig = { network: 'instagram', source: 'own', at: 1000 } as const;

describe('learn', () => {
  test.each([
    ['tags read from the text', 'Margherita! #Pizza #napoli', ['pizza', 'napoli']],
    ['tags given without "#"', ['Pizza', 'napoli'], ['pizza', 'napoli']],
    ['tags given with "#"', ['#Pizza', '＃napoli'], ['pizza', 'napoli']],
    ['a repeat in one post counts once', '#pizza #PIZZA #pizza', ['pizza']],
    ['invalid tags are skipped', ['2024', 'ok tag', '', 'caffè'], ['caffè']],
    ['a text without tags learns nothing', 'Buona serata a tutti', []],
  ])('%s', (_name, input, keys) => {
    const model = createHashtagModel();
    expect(model.learn(input, ig)).toBe(keys.length);
    expect([...model.entries()].map((e) => e.key)).toEqual(keys);
  });

  test('counts own and seen posts apart, and co-occurrence both ways', () => {
    const model = createHashtagModel();
    model.learn('#pizza #napoli', ig);
    model.learn('#pizza #napoli #vesuvio', { ...ig, source: 'seen', at: 2000 });
    const scope = model.scope('instagram', null)!;
    expect(scope.byKey.get('pizza')).toMatchObject({ ownCount: 1, seenCount: 1, cooccurs: { napoli: 2, vesuvio: 1 }, lastSeenAt: 2000 });
    expect(scope.byKey.get('vesuvio')).toMatchObject({ ownCount: 0, seenCount: 1, cooccurs: { pizza: 1, napoli: 1 } });
    expect(scope.ownPosts).toBe(1);
    expect(model.info()).toEqual({ hashtags: 3, ownHashtags: 2, pairs: 3 });
  });

  test('keeps networks and brands apart', () => {
    const model = createHashtagModel();
    model.learn('#pizza', ig);
    model.learn('#pizza', { ...ig, network: 'facebook' });
    model.learn('#pizza', { ...ig, brand: 'b1' });
    expect([...model.scopes()].map((s) => [s.network, s.brandId])).toEqual([
      ['instagram', null],
      ['facebook', null],
      ['instagram', 'b1'],
    ]);
  });

  test("the user's own spelling wins over one seen in the feed", () => {
    const model = createHashtagModel();
    model.learn('#CucinaItaliana', { ...ig, source: 'seen' });
    model.learn('#cucinaitaliana', { ...ig, source: 'seen' });
    expect(model.scope('instagram', null)!.byKey.get('cucinaitaliana')!.tag).toBe('CucinaItaliana');
    model.learn('#cucinaItaliana', ig);
    expect(model.scope('instagram', null)!.byKey.get('cucinaitaliana')!.tag).toBe('cucinaItaliana');
  });

  test(`learns the first ${MAX_TAGS_PER_POST} tags of a post`, () => {
    const model = createHashtagModel();
    const tags = Array.from({ length: 40 }, (_, i) => `tag${i}x`);
    expect(model.learn(tags, ig)).toBe(MAX_TAGS_PER_POST);
  });

  test(`forgets the rarest pairs of a tag past ${MAX_COOCCURS_PER_TAG}`, () => {
    const model = createHashtagModel();
    for (let i = 0; i < 5; i++) model.learn(['food', 'pizza'], ig);
    for (let i = 0; i <= MAX_COOCCURS_PER_TAG; i++) model.learn(['food', `t${i}x`], ig);
    const food = model.scope('instagram', null)!.byKey.get('food')!;
    const keys = Object.keys(food.cooccurs);
    expect(keys.length).toBeLessThanOrEqual(MAX_COOCCURS_PER_TAG);
    expect(food.cooccurs.pizza).toBe(5);
  });
});

describe('load and changes', () => {
  test('load keeps the stored objects and indexes them by key and accent-free key', () => {
    const row: LearnedHashtag = { key: 'caffè', tag: 'Caffè', network: 'facebook', brandId: null, ownCount: 4, seenCount: 0, cooccurs: { torino: 2 }, lastSeenAt: 5 };
    const model = createHashtagModel();
    model.load([row]);
    const scope = model.scope('facebook', null)!;
    expect(scope.byKey.get('caffè')).toBe(row);
    expect(scope.byLooseKey.get('caffe')).toEqual([row]);
    expect(scope.looseOf(row)).toBe('caffe');
    expect(scope.ownPosts).toBe(4);
    expect(model.takeChanged()).toEqual([]);
  });

  test('takeChanged gives each entry changed since the last call, once', () => {
    const model = createHashtagModel();
    model.learn('#a1 #b1', ig);
    model.learn('#b1 #c1', ig);
    expect(model.takeChanged().map((e) => e.key).sort()).toEqual(['a1', 'b1', 'c1']);
    expect(model.takeChanged()).toEqual([]);
    model.learn('#c1', ig);
    expect(model.takeChanged().map((e) => e.key)).toEqual(['c1']);
  });

  test('clear forgets everything and bumps the version', () => {
    const model = createHashtagModel();
    model.learn('#a1 #b1', ig);
    const version = model.version;
    model.clear();
    expect([...model.entries()]).toEqual([]);
    expect(model.info()).toEqual({ hashtags: 0, ownHashtags: 0, pairs: 0 });
    expect(model.version).toBeGreaterThan(version);
  });
});

describe('partnersOf', () => {
  test('the strongest partners first, at most TOP_PARTNERS, and fresh after the entry learns', () => {
    const model = createHashtagModel();
    model.learn(['pizza', 'napoli'], ig);
    model.learn(['pizza', 'napoli', 'vomero'], ig);
    const pizza = () => model.scope('instagram', null)!.byKey.get('pizza')!;
    expect(model.partnersOf(pizza())).toEqual([{ key: 'napoli', count: 2 }, { key: 'vomero', count: 1 }]);
    model.learn(['pizza', 'vomero'], ig);
    model.learn(['pizza', 'vomero'], ig);
    expect(model.partnersOf(pizza())[0]).toEqual({ key: 'vomero', count: 3 });
    for (let i = 0; i < TOP_PARTNERS + 10; i++) model.learn(['pizza', `t${i}x`], ig);
    expect(model.partnersOf(pizza())).toHaveLength(TOP_PARTNERS);
  });
});
