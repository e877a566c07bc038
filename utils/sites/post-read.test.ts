import { describe, expect, test } from 'vitest';
import { cleanUrl, parseCount, uniqueHashtags, unwrapRedirect } from './post-read';

describe('parseCount reads counts as the sites print them', () => {
  test.each([
    ['Like: 128 people', 128],
    ['Mi piace: 128 persone', 128],
    ['34 comments', 34],
    ['34 commenti', 34],
    ['Like: 1,234 people', 1234],
    ['Mi piace: 1.234 persone', 1234],
    ['1.2K', 1200],
    ['1,2K', 1200],
    ['12.3K likes', 12300],
    ['12,3 mila Mi piace', 12300],
    ['1,2 mila', 1200],
    ['3 Mln di visualizzazioni', 3_000_000],
    ['2.5M views', 2_500_000],
    ['128 Mi piace', 128],
    ['View all 12 comments', 12],
    ['1\u00a0234 commenti', 1234],
    ['no number here', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });
});

describe('cleanUrl drops tracking and unwraps redirects', () => {
  const base = 'https://www.facebook.com/';
  test.each([
    ['/spallademo/posts/pfbid123?__cft__[0]=AZXq9kT2mLw&__tn__=%2CO%2CP-R', 'https://www.facebook.com/spallademo/posts/pfbid123'],
    ['/permalink.php?story_fbid=42&id=7&__tn__=K-R', 'https://www.facebook.com/permalink.php?story_fbid=42&id=7'],
    ['https://www.instagram.com/p/CODE/?igsh=abc&utm_source=ig_web_copy_link', 'https://www.instagram.com/p/CODE/'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1&h=AT0abc', 'https://example.org/a?b=1'],
    ['/photo/?fbid=10123&set=pcb.123&__cft__[0]=x#top', 'https://www.facebook.com/photo/?fbid=10123&set=pcb.123'],
    ['javascript:alert(1)', null],
  ])('%s', (url, expected) => {
    expect(cleanUrl(url, base)).toBe(expected);
  });

  test('a redirect to something other than http(s) is not followed', () => {
    expect(unwrapRedirect('https://l.facebook.com/l.php?u=javascript%3Aalert(1)')).toBe(
      'https://l.facebook.com/l.php?u=javascript%3Aalert(1)',
    );
  });
});

test('uniqueHashtags keeps the first spelling of each tag, in order', () => {
  expect(uniqueHashtags('#Autunno e #spalla, ancora #autunno', ['spalla', 'extra'])).toEqual(['Autunno', 'spalla', 'extra']);
});
