import { describe, expect, test } from 'vitest';
import { isFromExtensionPage, isFromPageAgent, isFromSidebar } from './sender';

const ID = 'abcdefgh';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 7 } as chrome.tabs.Tab;

describe('sender checks', () => {
  test.each([
    ['our sidebar in a tab', { id: ID, url: `${ORIGIN}sidebar.html?site=facebook`, tab, frameId: 3 }, true],
    ['our popup (no tab)', { id: ID, url: `${ORIGIN}popup.html` }, false],
    ['another extension', { id: 'zzz', url: `chrome-extension://zzz/sidebar.html`, tab, frameId: 3 }, false],
    ['a page pretending', { id: ID, url: 'https://www.facebook.com/sidebar.html', tab, frameId: 0 }, false],
  ])('isFromSidebar: %s', (_name, sender, expected) => {
    expect(isFromSidebar(sender, ID, ORIGIN)).toBe(expected);
  });

  test.each([
    ['facebook top frame', { id: ID, url: 'https://www.facebook.com/', tab, frameId: 0 }, true],
    ['business suite', { id: ID, url: 'https://business.facebook.com/latest/inbox/all', tab, frameId: 0 }, true],
    ['instagram', { id: ID, url: 'https://www.instagram.com/p/x/', tab, frameId: 0 }, true],
    ['x', { id: ID, url: 'https://x.com/home', tab, frameId: 0 }, true],
    ['twitter.com', { id: ID, url: 'https://twitter.com/spalla', tab, frameId: 0 }, true],
    ['threads.com', { id: ID, url: 'https://www.threads.com/@spalla', tab, frameId: 0 }, true],
    ['threads.net', { id: ID, url: 'https://www.threads.net/', tab, frameId: 0 }, true],
    ['linkedin', { id: ID, url: 'https://www.linkedin.com/feed/', tab, frameId: 0 }, true],
    ['x image CDN', { id: ID, url: 'https://pbs.twimg.com/media/a.jpg', tab, frameId: 0 }, false],
    ['x look-alike', { id: ID, url: 'https://x.com.evil.example/', tab, frameId: 0 }, false],
    ['a sub-frame', { id: ID, url: 'https://www.facebook.com/', tab, frameId: 2 }, false],
    ['another site', { id: ID, url: 'https://evil.example/', tab, frameId: 0 }, false],
    ['look-alike host', { id: ID, url: 'https://www.facebook.com.evil.example/', tab, frameId: 0 }, false],
    ['no tab', { id: ID, url: 'https://www.facebook.com/', frameId: 0 }, false],
    ['other extension', { id: 'zzz', url: 'https://www.facebook.com/', tab, frameId: 0 }, false],
  ])('isFromPageAgent: %s', (_name, sender, expected) => {
    expect(isFromPageAgent(sender, ID)).toBe(expected);
  });

  test('isFromExtensionPage accepts the popup and refuses web pages', () => {
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: 'https://www.facebook.com/' }, ID, ORIGIN)).toBe(false);
  });
});
