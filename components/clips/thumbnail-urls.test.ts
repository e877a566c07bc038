import { afterEach, expect, test, vi } from 'vitest';
import type { StoredImage } from '@/utils/db/clips';
import { ThumbnailUrls } from './thumbnail-urls';

const image = (id: string, blob = new Blob([id], { type: 'image/jpeg' })): StoredImage => ({
  id,
  createdAt: 0,
  updatedAt: 0,
  clipId: `clip-${id}`,
  brandId: null,
  role: 'thumbnail',
  mimeType: 'image/jpeg',
  width: 1,
  height: 1,
  sourceUrl: null,
  blob,
});

afterEach(() => vi.restoreAllMocks());

test('the same Blob keeps its URL and object; a new Blob gets a new URL and the old one is revoked', () => {
  const revoke = vi.spyOn(URL, 'revokeObjectURL');
  const urls = new ThumbnailUrls();
  const first = image('a');
  const shown = urls.thumbnailOf(first);
  expect(shown.url).toMatch(/^blob:/);
  expect(urls.thumbnailOf({ ...first })).toBe(shown);
  const replaced = urls.thumbnailOf(image('a', new Blob(['new'])));
  expect(replaced.url).not.toBe(shown.url);
  expect(revoke).toHaveBeenCalledWith(shown.url);
  expect(urls.size).toBe(1);
});

test('trim revokes the least recently used beyond the limit, never one on screen; clear revokes all', () => {
  const revoke = vi.spyOn(URL, 'revokeObjectURL');
  const urls = new ThumbnailUrls(2);
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => image(id));
  const made = [a, b, c, d].map((each) => urls.thumbnailOf(each));
  urls.thumbnailOf(a); // used again: now the newest
  urls.trim(new Set(['b']));
  expect(urls.size).toBe(2);
  expect(revoke.mock.calls.map(([url]) => url)).toEqual([made[2].url, made[3].url]); // c and d; b is on screen, a was just used
  expect(urls.thumbnailOf(b)).toBe(made[1]);
  urls.clear();
  expect(urls.size).toBe(0);
  expect(revoke).toHaveBeenCalledWith(made[0].url);
});
