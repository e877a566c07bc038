import { describe, expect, test } from 'vitest';
import { compareSuggestions, newCandidate, offer, offerCooccurrence, scoreCandidate, WEIGHTS } from './rank';

describe('scoreCandidate', () => {
  test('the score is the weighted sum of the signals, reasons strongest first', () => {
    const c = newCandidate('napoli');
    offer(c, 0.5, { code: 'yours', count: 6 });
    offer(c, 1, { code: 'word-in-text', word: 'napoli' });
    offer(c, 0.25, { code: 'topic', topic: 'pizza' });
    expect(scoreCandidate(c)).toEqual({
      tag: 'napoli',
      score: WEIGHTS.yours * 0.5 + WEIGHTS.word * 1 + WEIGHTS.topic * 0.25,
      reasons: [{ code: 'word-in-text', word: 'napoli' }, { code: 'yours', count: 6 }, { code: 'topic', topic: 'pizza' }],
    });
  });

  test('a signal keeps its strongest offer and never passes 1', () => {
    const c = newCandidate('pizza');
    offer(c, 0.3, { code: 'topic', topic: 'food' });
    offer(c, 2, { code: 'topic', topic: 'pizza' });
    offer(c, 0.5, { code: 'topic', topic: 'events' });
    expect(scoreCandidate(c)).toEqual({ tag: 'pizza', score: WEIGHTS.topic, reasons: [{ code: 'topic', topic: 'pizza' }] });
  });

  test('co-occurrence combines seeds as a noisy-or and names the strongest seed', () => {
    const c = newCandidate('vesuvio');
    offerCooccurrence(c, 0.5, 'napoli');
    offerCooccurrence(c, 0.8, 'pizza');
    offerCooccurrence(c, 0.1, 'sud');
    const expected = 1 - 0.5 * 0.2 * 0.9;
    expect(scoreCandidate(c).score).toBeCloseTo(WEIGHTS.cooccurs * expected, 3);
    expect(scoreCandidate(c).reasons).toEqual([{ code: 'cooccurs', with: '#pizza' }]);
  });

  test('a candidate with no signal scores 0 and has no reason', () => {
    expect(scoreCandidate(newCandidate('x1'))).toEqual({ tag: 'x1', score: 0, reasons: [] });
  });
});

test('compareSuggestions: higher score first, then by tag', () => {
  const list = [
    { tag: 'b', score: 1, reasons: [] },
    { tag: 'a', score: 1, reasons: [] },
    { tag: 'c', score: 2, reasons: [] },
  ];
  expect(list.sort(compareSuggestions).map((s) => s.tag)).toEqual(['c', 'a', 'b']);
});

test('compareSuggestions: a tag only a topic brings comes after the others, whatever its score', () => {
  const topic = { code: 'topic', topic: 'food' } as const;
  const list = [
    { tag: 'cibo', score: 1, reasons: [topic] },
    { tag: 'stasera', score: 0.7, reasons: [{ code: 'word-in-text', word: 'stasera' } as const] },
    { tag: 'pizza', score: 3, reasons: [{ code: 'word-in-text', word: 'pizza' } as const, topic] },
  ];
  expect(list.sort(compareSuggestions).map((s) => s.tag)).toEqual(['pizza', 'stasera', 'cibo']);
});
