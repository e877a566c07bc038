import { describe, expect, test } from 'vitest';
import { createHashtagModel, MAX_COOCCURS_PER_TAG, MAX_TAGS_PER_POST, TOP_PARTNERS } from './model';
import type { PackedScope } from './packed';

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
    const pizza = scope.byKey.get('pizza')!;
    const vesuvio = scope.byKey.get('vesuvio')!;
    expect(pizza).toMatchObject({ ownCount: 1, seenCount: 1, lastSeenAt: 2000 });
    expect(model.cooccurrences(pizza)).toEqual(new Map([['napoli', 2], ['vesuvio', 1]]));
    expect(vesuvio).toMatchObject({ ownCount: 0, seenCount: 1 });
    expect(model.cooccurrences(vesuvio)).toEqual(new Map([['pizza', 1], ['napoli', 1]]));
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
    const partners = model.cooccurrences(food);
    expect(partners.size).toBeLessThanOrEqual(MAX_COOCCURS_PER_TAG);
    expect(partners.get('pizza')).toBe(5);
  });
});

describe('load, pack and changes', () => {
  const packed = (): PackedScope => ({
    network: 'facebook',
    brandId: null,
    ownPosts: 6,
    keys: ['bicerin', 'caffè', 'torino'],
    tags: ['', 'Caffè', 'Torino'],
    ownCounts: Uint8Array.of(0, 4, 2),
    seenCounts: Uint8Array.of(3, 0, 1),
    lastSeenAt: Float64Array.of(7, 5, 6),
    partnerStarts: Uint8Array.of(0, 1, 2, 4),
    partners: Uint8Array.of(2, 2, 1, 0),
    partnerCounts: Uint8Array.of(1, 2, 2, 1),
  });

  test('load finds the packed entries by key and accent-free key, and reads partners from the arrays', () => {
    const model = createHashtagModel();
    model.load([packed()]);
    const scope = model.scope('facebook', null)!;
    const caffe = scope.byKey.get('caffè')!;
    expect(caffe).toMatchObject({ key: 'caffè', tag: 'Caffè', ownCount: 4, seenCount: 0, lastSeenAt: 5 });
    expect(scope.byKey.get('bicerin')).toMatchObject({ tag: 'bicerin', seenCount: 3 });
    expect(scope.byKey.get('caffè')).toBe(caffe);
    expect(scope.byKey.get('cappuccino')).toBeUndefined();
    expect(scope.byLooseKey.get('caffe')).toEqual([caffe]);
    expect(scope.looseOf(caffe)).toBe('caffe');
    expect(scope.ownPosts).toBe(6);
    expect(scope.size).toBe(3);
    expect(scope.mostUsedOwn(5).map((e) => e.key)).toEqual(['caffè', 'torino']);
    expect(model.partnersOf(scope.byKey.get('torino')!)).toEqual([{ key: 'caffè', count: 2 }, { key: 'bicerin', count: 1 }]);
    expect(model.info()).toEqual({ hashtags: 3, ownHashtags: 2, pairs: 2 });
    expect(model.takeChanged()).toEqual([]);
  });

  test('a loaded scope packs back to the same arrays; learning on top of it sorts new keys in and keeps every count', () => {
    const model = createHashtagModel();
    model.load([packed()]);
    const scope = model.scope('facebook', null)!;
    expect(model.pack(scope)).toEqual(packed());
    model.learn(['Torino', 'gianduiotto'], { network: 'facebook', source: 'own', at: 9 });
    expect(scope.byLooseKey.get('gianduiotto')?.map((e) => e.key)).toEqual(['gianduiotto']);
    const [changed] = model.takeChanged();
    expect(changed).toEqual({
      ...packed(),
      ownPosts: 7,
      keys: ['bicerin', 'caffè', 'gianduiotto', 'torino'],
      tags: ['', 'Caffè', '', 'Torino'],
      ownCounts: Uint8Array.of(0, 4, 1, 3),
      seenCounts: Uint8Array.of(3, 0, 0, 1),
      lastSeenAt: Float64Array.of(7, 5, 9, 9),
      partnerStarts: Uint8Array.of(0, 1, 2, 3, 6),
      partners: Uint8Array.of(3, 3, 3, 1, 0, 2),
      partnerCounts: Uint8Array.of(1, 2, 1, 2, 1, 1),
    });
    // A second model loads what the first wrote and knows the same.
    const again = createHashtagModel();
    again.load([changed]);
    const torino = again.scope('facebook', null)!.byKey.get('torino')!;
    expect(again.cooccurrences(torino)).toEqual(new Map([['caffè', 2], ['bicerin', 1], ['gianduiotto', 1]]));
    expect(again.info()).toEqual({ hashtags: 4, ownHashtags: 3, pairs: 3 });
  });

  test('counts past 255 and 65,535 are packed in wider arrays', () => {
    const model = createHashtagModel();
    for (let i = 0; i < 300; i++) model.learn(['pizza', 'napoli'], ig);
    const [scope] = model.takeChanged();
    expect(scope.ownCounts).toEqual(Uint16Array.of(300, 300));
    expect(scope.partnerCounts).toEqual(Uint16Array.of(300, 300));
    expect(scope.partners).toBeInstanceOf(Uint8Array);
  });

  test('a scope cannot be loaded twice, and only this model\'s entries are answered', () => {
    const model = createHashtagModel();
    model.load([packed()]);
    expect(() => model.load([packed()])).toThrow(/loaded already/);
    const other = createHashtagModel();
    other.load([packed()]);
    expect(() => model.partnersOf(other.scope('facebook', null)!.byKey.get('torino')!)).toThrow(/not an entry/);
  });

  test('takeChanged packs each scope changed since the last call, once', () => {
    const model = createHashtagModel();
    model.learn('#a1 #b1', ig);
    model.learn('#b1 #c1', { ...ig, network: 'facebook' });
    expect(model.takeChanged().map((s) => [s.network, s.keys])).toEqual([
      ['instagram', ['a1', 'b1']],
      ['facebook', ['b1', 'c1']],
    ]);
    expect(model.takeChanged()).toEqual([]);
    model.learn('#c1', ig);
    expect(model.takeChanged().map((s) => s.keys)).toEqual([['a1', 'b1', 'c1']]);
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
