import { describe, expect, test } from 'vitest';
import { ClipSearch } from './search';
import { foldText } from './fold';
import { makeClip } from './test-db';

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

  test('builds in slices, yielding between them', async () => {
    const many = Array.from({ length: 25 }, (_, i) => makeClip(`m${i}`, { text: `idea numero ${i}` }));
    let yields = 0;
    const search = new ClipSearch();
    await search.sync(many, { chunk: 10, yieldTo: async () => void yields++ });
    expect(yields).toBe(2);
    expect(search.search('numero')?.length).toBe(25);
  });
});
