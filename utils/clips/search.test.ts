import { describe, expect, test } from 'vitest';
import { ClipSearch } from './search';
import { foldText } from './fold';
import { makeClip } from './test-db';
import type { Clip } from '../db/clips';

const clips = [
  makeClip('a', { text: 'Perché la città è più bella di sera', authorName: 'Luca' }),
  makeClip('b', { text: 'Lasagne della domenica', hashtags: ['cucinaitaliana'], authorName: 'Nonna Pina' }),
  makeClip('c', { text: 'Coffee and cake', note: 'tono giusto per il brunch', tags: ['tone'], authorName: 'Café Müller', authorHandle: 'cafemuller' }),
  makeClip('d', { text: 'Pasta fresca fatta in casa', tags: ['ricette'], authorName: 'Gino' }),
];

async function indexed() {
  const search = new ClipSearch();
  await search.sync(clips);
  return search;
}

test('folds accents, case and compatibility forms', () => {
  expect(foldText('Perché CITTÀ ｆｕｌｌ Müller')).toBe('perche citta full muller');
});

describe('search', () => {
  test.each([
    ['perche', ['a']],
    ['CITTA', ['a']],
    ['città', ['a']],
    ['lasa', ['b']], // prefix, as the user types
    ['#cucinaitaliana', ['b']], // hashtags
    ['cucinaital', ['b']],
    ['brunch', ['c']], // notes
    ['muller', ['c']], // author name, accents folded
    ['cafemuller', ['c']], // handle
    ['ricette', ['d']], // tags
    ['lasagna', ['b']], // a typo in a longer word
    ['pasta casa', ['d']], // every word must match
    ['pasta sera', []],
  ])('%j finds %j', async (query, expected) => {
    expect((await indexed()).search(query)?.sort()).toEqual(expected);
  });

  test('an empty or punctuation-only query is no search', async () => {
    const search = await indexed();
    expect(search.search('')).toBeNull();
    expect(search.search('  #  ')).toBeNull();
  });

  test('short words do not match fuzzily', async () => {
    expect((await indexed()).search('pa')?.sort()).toEqual(['d']); // "pasta", not "più"/"per"
  });
});

// Words one typo apart from each other's prefixes, so that narrowing must give up.
const library = [
  ...clips,
  makeClip('e', { text: 'Casagne? No: lasagna, lasagnette e casa' }),
  makeClip('f', { text: 'Lasciate ogni speranza', note: 'casatiello' }),
  makeClip('g', { text: 'pasta e patate, pastiera' }),
];

describe('as the user types', () => {
  const typed = ['lasagne', 'casagn', 'pasta pat', 'lasagna casa', 'perche citta', 'pastx'];

  test('each keystroke, forward and back, answers as a fresh index would', async () => {
    const typing = new ClipSearch();
    await typing.sync(library);
    const steps: string[] = [];
    for (const query of typed) {
      for (let i = 1; i <= query.length; i++) steps.push(query.slice(0, i));
      for (let i = query.length - 1; i >= 1; i--) steps.push(query.slice(0, i));
    }
    for (const step of steps) {
      const fresh = new ClipSearch();
      await fresh.sync(library);
      expect(typing.search(step), step).toEqual(fresh.search(step));
    }
  });

  test('the same words give the same answer until a clip changes', async () => {
    const search = new ClipSearch();
    await search.sync(library);
    const first = search.search('pasta');
    expect(search.search('  PASTA ')).toBe(first);
    await search.sync([...library, makeClip('h', { text: 'pasta al forno' })]);
    expect(search.search('pasta')).not.toBe(first);
    expect(search.search('pasta')).toContain('h');
  });
});

describe('sync', () => {
  test('adds, replaces and removes only what changed', async () => {
    const search = await indexed();
    expect(search.size).toBe(4);
    expect(await search.sync(clips)).toBe(0);

    const edited = { ...clips[1], text: 'Tiramisù della nonna', updatedAt: clips[1].updatedAt + 1 };
    const added = makeClip('e', { text: 'Bruschette al pomodoro' });
    const next = [clips[0], edited, clips[3], added]; // "c" is gone
    expect(await search.sync(next)).toBe(3);
    expect(search.size).toBe(4);
    expect(search.search('lasagne')).toEqual([]);
    expect(search.search('tiramisu')).toEqual(['b']);
    expect(search.search('brunch')).toEqual([]);
    expect(search.search('bruschette')).toEqual(['e']);
  });

  test('after most clips are gone, the rest are still found (and nothing of the gone ones)', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => makeClip(`m${i}`, { text: i % 2 ? `pasta numero ${i}` : `vino ${i}` }));
    const search = new ClipSearch();
    await search.sync(many, { yieldTo: async () => {} });
    expect(search.search('pasta')?.length).toBe(750);
    const kept = [many[1], many[2], { ...many[3], text: 'vino rosso', updatedAt: many[3].updatedAt + 1 }];
    expect(await search.sync(kept)).toBe(1498);
    expect(search.size).toBe(3);
    expect(search.search('pasta')).toEqual(['m1']);
    expect(search.search('vino')).toEqual(['m2', 'm3']);
    expect(search.search('numero 1')).toEqual(['m1']);
    expect(search.search('numero 15')).toEqual([]);
  });

  test('builds in slices, yielding between them', async () => {
    const many = Array.from({ length: 25 }, (_, i) => makeClip(`m${i}`, { text: `idea numero ${i}` }));
    let yields = 0;
    const search = new ClipSearch();
    await search.sync(many, { chunk: 10, yieldTo: async () => void yields++ });
    expect(yields).toBe(2);
    expect(search.search('numero')?.length).toBe(25);
  });
});

describe('snapshot and restore (the index kept between visits)', () => {
  const queries = ['perche', 'lasa', 'lasagna', 'pasta casa', 'cafemuller', 'c', 'pastx', 'numero'];

  async function built(rows: Clip[]) {
    const search = new ClipSearch();
    await search.sync(rows);
    return search;
  }

  test('a restored index answers as the one it was taken of', async () => {
    const original = await built(library);
    // Through structured cloning, as the cache stores it.
    const restored = ClipSearch.restore(structuredClone(original.snapshot()))!;
    expect(restored.size).toBe(library.length);
    for (const query of queries) expect(restored.search(query), query).toEqual(original.search(query));
    expect(await restored.sync(library)).toBe(0); // nothing to index again
  });

  test('restored after removals, then synced with changes, it answers as a fresh index', async () => {
    const original = await built(library);
    await original.sync(library.filter((clip) => clip.id !== 'b' && clip.id !== 'f')); // slots left empty
    const restored = ClipSearch.restore(original.snapshot())!;
    const now = [
      ...library.filter((clip) => !['a', 'b', 'd'].includes(clip.id)),
      { ...library[3], text: 'Pasta numero uno', updatedAt: library[3].updatedAt + 1 },
      makeClip('h', { text: 'lasagne al forno, numero due' }),
    ];
    expect(await restored.sync(now)).toBe(4); // f comes back, a goes, d changed, h is new
    const fresh = await built(now);
    for (const query of queries) expect(restored.search(query)?.sort(), query).toEqual(fresh.search(query)?.sort());
  });

  test('restored, then most clips gone (the index compacts), then changed, it still answers right', async () => {
    const many = Array.from({ length: 1500 }, (_, i) => makeClip(`m${i}`, { text: i % 2 ? `pasta numero ${i}` : `vino ${i}` }));
    const restored = ClipSearch.restore((await built(many)).snapshot())!;
    const kept = [many[1], many[2], { ...many[3], text: 'vino rosso', updatedAt: many[3].updatedAt + 1 }];
    expect(await restored.sync(kept)).toBe(1498);
    expect(restored.search('pasta')).toEqual(['m1']);
    expect(restored.search('vino')).toEqual(['m2', 'm3']);
    expect(await restored.sync([...kept, makeClip('n', { text: 'pasta e vino' })])).toBe(1);
    expect(restored.search('pasta vino')).toEqual(['n']);
    expect(ClipSearch.restore(restored.snapshot())!.search('pasta')?.sort()).toEqual(['m1', 'n']);
  });

  test('a snapshot of another version, or one that does not hold together, is not restored', async () => {
    const snapshot = (await built(library)).snapshot();
    expect(ClipSearch.restore({ ...snapshot, version: snapshot.version + 1 })).toBeNull();
    expect(ClipSearch.restore({ ...snapshot, ids: snapshot.ids.slice(1) })).toBeNull();
  });
});
