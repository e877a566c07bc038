import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { feedLearningAllowed, hashtagsLearnFromFeedItem } from '../../settings/items';
import { getDb } from '../../db/app-db';
import { saveNewHashtagSet } from '../../hashtags/sets';
import { checkLearnRequest, clearLearnedHashtags, learnHashtags, mayAsk, suggestForText } from './hashtags';

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
    ['reloadLearnedHashtags', library, undefined, true],
    ['reloadLearnedHashtags', agent, undefined, false],
    ['reloadLearnedHashtags', web, undefined, false],
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

describe('learning from the feed asks first (issue #12)', () => {
  const seen = { tags: ['pizza', 'napoli'], network: 'instagram' as const, source: 'seen' as const };

  test('a fresh install has no answer, and learns nothing from the feed', async () => {
    expect(await hashtagsLearnFromFeedItem.getValue()).toBe(null);
    expect(feedLearningAllowed(await hashtagsLearnFromFeedItem.getValue())).toBe(false);
    expect(await learnHashtags(seen)).toEqual({ learned: 0 });
  });

  test('an existing user who only dismissed the old notice is asked again, and nothing is learned meanwhile', async () => {
    // What the old version left behind: the notice dismissed, the switch never moved
    // (the old fallback, true, was never written).
    await fakeBrowser.storage.local.set({ hashtagHarvestNoticeSeen: true });
    expect(await hashtagsLearnFromFeedItem.getValue()).toBe(null);
    expect(await learnHashtags(seen)).toEqual({ learned: 0 });
  });

  test.each([
    [true, 2],
    [false, 0],
  ])('an existing user who moved the switch to %s keeps that answer', async (answer, learned) => {
    await fakeBrowser.storage.local.set({ hashtagsLearnFromFeed: answer });
    expect(await hashtagsLearnFromFeedItem.getValue()).toBe(answer);
    expect(await learnHashtags(seen)).toEqual({ learned });
  });

  test('only a yes allows it', () => {
    expect([true, false, null, undefined].map(feedLearningAllowed)).toEqual([true, false, false, false]);
  });
});

describe('suggestions follow the brand in view (issue #13)', () => {
  const tagsFor = async (brandId: string | null) =>
    (await suggestForText({ text: 'Stasera #pizza', network: 'instagram', limit: 30, brandId })).map((s) => s.tag);

  test("a brand's learning and its sets plus the shared ones; never another brand's; all brands: everything", async () => {
    await clearLearnedHashtags();
    await getDb().hashtagSets.clear();
    for (let i = 0; i < 2; i++) {
      await learnHashtags({ tags: ['pizza', 'ginoforno', 'ginonapoli'], network: 'instagram', source: 'own', brandId: 'gino' });
      await learnHashtags({ tags: ['pizza', 'luciaricette', 'luciamazzi'], network: 'instagram', source: 'own', brandId: 'lucia' });
    }
    await saveNewHashtagSet(getDb(), { name: 'Gino', tags: ['pizza', 'pizzeriadagino'], network: null }, 'gino');
    await saveNewHashtagSet(getDb(), { name: 'Lucia', tags: ['pizza', 'fioridilucia'], network: null }, 'lucia');
    await saveNewHashtagSet(getDb(), { name: 'Città', tags: ['pizza', 'bolognacentro'], network: null });

    const gino = await tagsFor('gino');
    expect(gino).toEqual(expect.arrayContaining(['ginoforno', 'ginonapoli', 'pizzeriadagino', 'bolognacentro']));
    expect(gino.filter((t) => ['luciaricette', 'luciamazzi', 'fioridilucia'].includes(t))).toEqual([]);

    const lucia = await tagsFor('lucia');
    expect(lucia).toEqual(expect.arrayContaining(['luciaricette', 'luciamazzi', 'fioridilucia', 'bolognacentro']));
    expect(lucia.filter((t) => ['ginoforno', 'ginonapoli', 'pizzeriadagino'].includes(t))).toEqual([]);

    expect(await tagsFor(null)).toEqual(
      expect.arrayContaining(['ginoforno', 'ginonapoli', 'luciaricette', 'luciamazzi', 'pizzeriadagino', 'fioridilucia', 'bolognacentro']),
    );
  });
});
