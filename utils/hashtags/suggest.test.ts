import { describe, expect, test } from 'vitest';
import { createHashtagModel, type HashtagModel } from './model';
import type { SuggestionReason } from './rank';
import { suggestHashtags, type SuggestOptions } from './suggest';
import { indexVocabulary } from './vocabulary';

/** A small vocabulary, so that the cases do not move when the shipped one grows. */
const vocabulary = indexVocabulary([
  {
    topic: 'pizza',
    it: { triggers: ['pizza', 'forno', 'impasto'], hashtags: ['pizzanapoletana', 'fornoalegna', 'pizzeria'] },
    en: { triggers: ['pizza', 'dough'], hashtags: ['pizzalover', 'pizzatime'] },
  },
  {
    topic: 'coffee',
    it: { triggers: ['caffè', 'colazione'], hashtags: ['colazione', 'caffè'] },
    en: { triggers: ['coffee'], hashtags: ['coffee', 'coffeetime'] },
  },
]);

function pizzeria(): HashtagModel {
  const model = createHashtagModel();
  const own = { network: 'instagram', source: 'own' } as const;
  model.learn('Margherita #DaGennaro #napoli #pizza', own);
  model.learn('Fritti #DaGennaro #napoli #frittatina', own);
  model.learn('Forno #DaGennaro #pizza #vomero', own);
  model.learn('Pizza fritta #DaGennaro #pizza #pizzafritta', own);
  return model;
}

const base: SuggestOptions = { network: 'instagram', limit: 20, vocabulary };

function reasonsOf(model: HashtagModel, text: string, tag: string, options: Partial<SuggestOptions> = {}): SuggestionReason[] | undefined {
  return suggestHashtags(model, text, { ...base, ...options }).find((s) => s.tag === tag)?.reasons;
}

describe('suggestHashtags: where a suggestion comes from', () => {
  test.each<[string, string, string, SuggestionReason]>([
    ['a word of the text that is a known tag', 'Che pizza stasera', 'pizza', { code: 'word-in-text', word: 'pizza' }],
    ['words run together into a known tag', 'Il forno a legna è acceso', 'fornoalegna', { code: 'word-in-text', word: 'fornoalegna' }],
    ['any content word, as the baseline does', 'Provate la nostra bufala', 'bufala', { code: 'word-in-text', word: 'bufala' }],
    ['a tag often used with a tag of the text', 'Stasera #pizza', 'pizzafritta', { code: 'cooccurs', with: '#pizza' }],
    ['a tag often used with a tag a word names', 'Stasera pizza', 'vomero', { code: 'cooccurs', with: '#pizza' }],
    ['the user\'s frequent tag, however unrelated', 'Buona domenica', 'DaGennaro', { code: 'yours', count: 4 }],
    ['a tag used less often', 'Buona domenica', 'vomero', { code: 'used-before', count: 1 }],
    ['a topic the text is about', "L'impasto riposa 48 ore", 'pizzanapoletana', { code: 'topic', topic: 'pizza' }],
    ["a topic's tags in the other language", "L'impasto riposa 48 ore", 'pizzalover', { code: 'topic', topic: 'pizza' }],
  ])('%s', (_name, text, tag, reason) => {
    expect(reasonsOf(pizzeria(), text, tag)).toContainEqual(reason);
  });

  test('a hashtag set the text touches (by a tag, or a word of its name)', () => {
    const sets = [
      { name: 'Fritti', tags: ['frittatina', 'crocchè', 'streetfoodnapoli'] },
      { name: 'Natale', tags: ['natale', 'panettone'] },
    ];
    const model = createHashtagModel();
    expect(reasonsOf(model, 'Stasera #frittatina', 'streetfoodnapoli', { sets })).toContainEqual({ code: 'set', name: 'Fritti' });
    expect(reasonsOf(model, 'I nostri fritti del venerdì', 'crocchè', { sets })).toContainEqual({ code: 'set', name: 'Fritti' });
    expect(reasonsOf(model, 'I nostri fritti del venerdì', 'panettone', { sets })).toBeUndefined();
  });
});

describe('suggestHashtags: what never comes out', () => {
  test('tags already in the text, in any case or accent', () => {
    const tags = suggestHashtags(pizzeria(), 'Pizza! #PIZZA #dagennaro #Nàpoli', base).map((s) => s.tag.toLowerCase());
    expect(tags).not.toContain('pizza');
    expect(tags).not.toContain('dagennaro');
    expect(tags).not.toContain('napoli');
    expect(tags).toContain('frittatina');
  });

  test('tags on the avoid list, with or without "#", in any case or accent', () => {
    const tags = suggestHashtags(pizzeria(), 'Che pizza a Napoli', { ...base, avoid: ['#NAPOLI', 'pizzà'] }).map((s) => s.tag);
    expect(tags).not.toContain('napoli');
    expect(tags).not.toContain('pizza');
    expect(tags).toContain('DaGennaro');
  });

  test('more than the limit, or words that cannot be tags', () => {
    expect(suggestHashtags(pizzeria(), 'Che pizza a Napoli', { ...base, limit: 3 })).toHaveLength(3);
    expect(suggestHashtags(createHashtagModel(), 'Dalle 19:00 alle 23:00, 2024!', base)).toEqual([]);
  });

  test('an empty text and an empty model give nothing', () => {
    expect(suggestHashtags(createHashtagModel(), '', base)).toEqual([]);
  });
});

describe('suggestHashtags: ranking', () => {
  test('the brand tag and the tags paired with the text rank above a bare word', () => {
    const ranked = suggestHashtags(pizzeria(), 'Stasera pizza con la bufala', base).map((s) => s.tag);
    expect(ranked.indexOf('DaGennaro')).toBeLessThan(ranked.indexOf('bufala'));
    expect(ranked.indexOf('pizza')).toBeLessThan(ranked.indexOf('bufala'));
    expect(ranked.indexOf('pizzafritta')).toBeLessThan(ranked.indexOf('bufala'));
  });

  test('scores are in decreasing order, and the same input gives the same list', () => {
    const a = suggestHashtags(pizzeria(), 'Stasera pizza e caffè', base);
    expect(a.map((s) => s.score)).toEqual([...a.map((s) => s.score)].sort((x, y) => y - x));
    expect(suggestHashtags(pizzeria(), 'Stasera pizza e caffè', base)).toEqual(a);
  });

  test("the user's own spelling is the one suggested", () => {
    const model = createHashtagModel();
    model.learn('#CaffèCentrale', { network: 'facebook', source: 'own' });
    const [first] = suggestHashtags(model, 'Buongiorno dal caffè centrale', { ...base, network: 'facebook' });
    expect(first.tag).toBe('CaffèCentrale');
  });

  test('what was learned on the other network counts at half weight', () => {
    const model = pizzeria();
    const same = suggestHashtags(model, 'Buona domenica', base).find((s) => s.tag === 'DaGennaro')!;
    const other = suggestHashtags(model, 'Buona domenica', { ...base, network: 'facebook' }).find((s) => s.tag === 'DaGennaro')!;
    expect(other.score).toBeCloseTo(same.score / 2, 3);
  });

  test("another brand's tags stay out when a brand is given", () => {
    const model = createHashtagModel();
    model.learn('#trattoriagino', { network: 'instagram', source: 'own', brand: 'gino' });
    model.learn('#barmario', { network: 'instagram', source: 'own', brand: 'mario' });
    expect(suggestHashtags(model, '', { ...base, brand: 'gino' }).map((s) => s.tag)).toEqual(['trattoriagino']);
    expect(suggestHashtags(model, '', base).map((s) => s.tag).sort()).toEqual(['barmario', 'trattoriagino']);
  });
});
