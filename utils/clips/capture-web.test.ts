import { describe, expect, test } from 'vitest';
import { selectionLink, webClipInput } from './capture-web';

const page = 'https://example.org/story?utm_source=x&id=3';

describe('webClipInput', () => {
  test('a selection keeps the page, its title and a link to the words themselves', () => {
    const input = webClipInput({ menuItemId: 'clip-selection', pageUrl: page, selectionText: ' Caffè e sorrisi #bologna ', title: 'A quiet morning' });
    expect(input).toEqual({
      network: 'web',
      permalink: 'https://example.org/story?id=3#:~:text=Caff%C3%A8%20e%20sorrisi%20%23bologna',
      authorName: 'A quiet morning',
      authorHandle: 'example.org',
      text: 'Caffè e sorrisi #bologna',
      hashtags: ['bologna'],
      images: [],
      postedAt: null,
      counts: { reactions: null, comments: null, shares: null },
    });
  });

  test('a long selection links by its first and last words', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(selectionLink(page, words)).toBe('https://example.org/story?id=3#:~:text=w0%20w1%20w2%20w3%20w4%20w5%20w6%20w7,w22%20w23%20w24%20w25%20w26%20w27%20w28%20w29');
  });

  test('an image, a link and the page', () => {
    expect(webClipInput({ menuItemId: 'clip-image', pageUrl: page, srcUrl: '/img/a.png', title: 'T' })).toMatchObject({
      permalink: 'https://example.org/img/a.png',
      text: 'T',
      images: [{ url: 'https://example.org/img/a.png', alt: null, kind: 'image' }],
    });
    expect(
      webClipInput({ menuItemId: 'clip-link', pageUrl: page, linkUrl: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fa.it%2F', linkText: 'A' }),
    ).toMatchObject({ permalink: 'https://a.it/', text: 'A' });
    expect(webClipInput({ menuItemId: 'clip-page', pageUrl: page, title: 'Title' })).toMatchObject({
      permalink: 'https://example.org/story?id=3',
      text: 'Title',
    });
  });

  test('nothing to clip, or not a web address: no capture', () => {
    expect(webClipInput({ menuItemId: 'clip-selection', pageUrl: page, selectionText: '  ' })).toBeNull();
    expect(webClipInput({ menuItemId: 'clip-image', pageUrl: page, srcUrl: 'javascript:alert(1)' })).toBeNull();
    expect(webClipInput({ menuItemId: 'clip-page', pageUrl: 'chrome://settings' })).toBeNull();
    expect(webClipInput({ menuItemId: 'other', pageUrl: page })).toBeNull();
  });
});
