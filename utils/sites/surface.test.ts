import { describe, expect, test } from 'vitest';
import { business } from './business';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { siteForHost } from './site-key';

// Surfaces are decided from the address first (markers come second), so they can be
// checked without a page. Each row is a real kind of address on that site.
const doc = {} as Document;
const surfaceOf = (adapter: typeof facebook, url: string) => adapter.surface(new URL(url), doc);

describe('facebook surfaces', () => {
  test.each([
    ['https://www.facebook.com/', 'feed'],
    ['https://www.facebook.com/home.php', 'feed'],
    ['https://www.facebook.com/messages/t/100', 'messages'],
    ['https://www.facebook.com/messages/', 'messages'],
    ['https://www.facebook.com/spallademo/posts/pfbid0abc', 'post'],
    ['https://www.facebook.com/permalink.php?story_fbid=123&id=4', 'post'],
    ['https://www.facebook.com/groups/123/permalink/456/', 'post'],
    ['https://www.facebook.com/reel/987', 'post'],
    ['https://www.facebook.com/watch/?v=1', 'post'],
    ['https://www.facebook.com/photo/?fbid=1', 'post'],
    ['https://www.facebook.com/spallademo', 'profile'],
    ['https://www.facebook.com/spallademo/', 'profile'],
    ['https://www.facebook.com/profile.php?id=100', 'profile'],
    ['https://www.facebook.com/groups/123/', 'other'],
    ['https://www.facebook.com/marketplace/item/1', 'other'],
  ])('%s is %s', (url, surface) => {
    expect(surfaceOf(facebook, url)).toBe(surface);
  });
});

describe('instagram surfaces', () => {
  test.each([
    ['https://www.instagram.com/', 'feed'],
    ['https://www.instagram.com/p/CxY12aBcD3e/', 'post'],
    ['https://www.instagram.com/reel/CxY12aBcD3e/', 'post'],
    ['https://www.instagram.com/spallademo/p/CxY12aBcD3e/', 'post'],
    ['https://www.instagram.com/direct/t/200/', 'messages'],
    ['https://www.instagram.com/direct/inbox/', 'messages'],
    ['https://www.instagram.com/spallademo/', 'profile'],
    ['https://www.instagram.com/explore/', 'other'],
    ['https://www.instagram.com/explore/tags/caffe/', 'other'],
    ['https://www.instagram.com/accounts/edit/', 'other'],
  ])('%s is %s', (url, surface) => {
    expect(surfaceOf(instagram, url)).toBe(surface);
  });
});

describe('business suite surfaces', () => {
  test.each([
    ['https://business.facebook.com/latest/inbox/all', 'inbox'],
    ['https://business.facebook.com/latest/inbox/instagram?asset_id=1', 'inbox'],
    ['https://business.facebook.com/latest/composer', 'composer'],
    ['https://business.facebook.com/latest/content_calendar', 'composer'],
    ['https://business.facebook.com/latest/home', 'other'],
  ])('%s is %s', (url, surface) => {
    expect(surfaceOf(business, url)).toBe(surface);
  });
});

describe('siteForHost', () => {
  test.each([
    ['www.facebook.com', 'facebook'],
    ['web.facebook.com', 'facebook'],
    ['business.facebook.com', 'business'],
    ['www.instagram.com', 'instagram'],
    ['x.com', 'x'],
    ['twitter.com', 'x'],
    ['www.threads.com', 'threads'],
    ['www.threads.net', 'threads'],
    ['www.linkedin.com', 'linkedin'],
    ['pbs.twimg.com', null],
    ['linkedin.com.evil.example', null],
    ['facebook.com.evil.example', null],
    ['l.facebook.com', null],
    ['example.org', null],
  ])('%s is %s', (host, site) => {
    expect(siteForHost(host)).toBe(site);
  });
});
