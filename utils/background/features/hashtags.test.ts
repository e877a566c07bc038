import { describe, expect, test } from 'vitest';
import { hashtagsLearnFromFeedItem } from '../../settings/items';
import { checkLearnRequest, learnHashtags, mayAsk } from './hashtags';

const ID = 'abcdefgh';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 7 } as chrome.tabs.Tab;
const sidebar = { id: ID, url: `${ORIGIN}sidebar.html?site=instagram`, tab, frameId: 3 };
const library = { id: ID, url: `${ORIGIN}library.html` };
const agent = { id: ID, url: 'https://www.instagram.com/', tab, frameId: 0 };
const subFrame = { id: ID, url: 'https://www.instagram.com/', tab, frameId: 2 };
const web = { id: ID, url: 'https://evil.example/', tab, frameId: 0 };
const other = { id: 'zzz', url: 'chrome-extension://zzz/sidebar.html', tab, frameId: 3 };

describe('mayAsk', () => {
  test.each([
    ['suggestHashtags', sidebar, undefined, true],
    ['suggestHashtags', library, undefined, true],
    ['suggestHashtags', agent, undefined, false],
    ['suggestHashtags', other, undefined, false],
    ['getHashtagModelInfo', library, undefined, true],
    ['getHashtagModelInfo', web, undefined, false],
    ['clearLearnedHashtags', library, undefined, true],
    ['clearLearnedHashtags', sidebar, undefined, true],
    ['clearLearnedHashtags', agent, undefined, false],
    ['learnHashtags', agent, { source: 'seen' }, true],
    ['learnHashtags', agent, { source: 'own' }, true],
    ['learnHashtags', subFrame, { source: 'seen' }, false],
    ['learnHashtags', web, { source: 'seen' }, false],
    ['learnHashtags', library, { source: 'own' }, true],
    ['learnHashtags', library, { source: 'seen' }, false],
    ['learnHashtags', other, { source: 'own' }, false],
  ] as const)('%s from %j (%j): %s', (message, sender, data, expected) => {
    expect(mayAsk(message, sender, data, ID, ORIGIN)).toBe(expected);
  });
});

describe('checkLearnRequest', () => {
  test.each([
    [{ text: '#a1', network: 'instagram', source: 'own' }, true],
    [{ tags: ['a1'], network: 'facebook', source: 'seen', brandId: 'b1' }, true],
    [{ tags: ['a1'], network: 'twitter', source: 'seen' }, false],
    [{ tags: ['a1'], network: 'facebook', source: 'stolen' }, false],
    [{ tags: [1], network: 'facebook', source: 'seen' }, false],
    [{ network: 'facebook', source: 'seen' }, false],
    [{ text: 42, network: 'facebook', source: 'seen' }, false],
    [null, false],
  ])('%j: %s', (data, ok) => {
    if (ok) expect(checkLearnRequest(data)).toBe(data);
    else expect(() => checkLearnRequest(data)).toThrow('bad request');
  });
});

test('posts scrolled past are learned only while the setting allows it', async () => {
  await hashtagsLearnFromFeedItem.setValue(false);
  expect(await learnHashtags({ tags: ['pizza', 'napoli'], network: 'instagram', source: 'seen' })).toEqual({ learned: 0 });
  expect(await learnHashtags({ tags: ['pizza', 'napoli'], network: 'instagram', source: 'own' })).toEqual({ learned: 2 });
  await hashtagsLearnFromFeedItem.setValue(true);
  expect(await learnHashtags({ tags: ['pizza', 'napoli'], network: 'instagram', source: 'seen' })).toEqual({ learned: 2 });
});
