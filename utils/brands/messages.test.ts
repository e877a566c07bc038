import { describe, expect, test } from 'vitest';
import { translator } from '../../tests/e2e/support/extension-pages';
import { brandContentsSummary } from './messages';

const none = { accounts: 0, savedReplies: 0, hashtagSets: 0, hashtagStats: 0, clips: 0, images: 0, postLog: 0 };

describe('what goes with a deleted brand', () => {
  test('in English and Italian, each count with its own plural', () => {
    const many = { accounts: 2, savedReplies: 3, hashtagSets: 1, hashtagStats: 0, clips: 12, images: 20, postLog: 40 };
    expect(brandContentsSummary(translator('en'), many)).toBe('2 accounts, 3 saved replies, 1 hashtag set, 12 ideas with 20 images, 40 logged posts');
    expect(brandContentsSummary(translator('it'), many)).toBe('2 account, 3 risposte salvate, 1 set di hashtag, 12 idee con 20 immagini, 40 post registrati');
    const one = { accounts: 1, savedReplies: 1, hashtagSets: 2, hashtagStats: 1, clips: 1, images: 1, postLog: 1 };
    expect(brandContentsSummary(translator('en'), one)).toBe('1 account, 1 saved reply, 2 hashtag sets, 1 learned hashtag, 1 idea with 1 image, 1 logged post');
    expect(brandContentsSummary(translator('it'), one)).toBe('1 account, 1 risposta salvata, 2 set di hashtag, 1 hashtag imparato, 1 idea con 1 immagine, 1 post registrato');
  });

  test('ideas without images say no images; big numbers the language\'s way; nothing is empty', () => {
    expect(brandContentsSummary(translator('en'), { ...none, clips: 3, postLog: 12345 })).toBe('3 ideas, 12,345 logged posts');
    expect(brandContentsSummary(translator('it'), { ...none, clips: 3, postLog: 12345 })).toBe('3 idee, 12.345 post registrati');
    expect(brandContentsSummary(translator('en'), none)).toBe('');
  });
});
