import { describe, expect, test } from 'vitest';
import { fullImageElsewhere } from './clip-images';

const thumb = { id: 't1', role: 'thumbnail' as const };
const full = { id: 'f1', role: 'full' as const };
const poster = { id: 'p1', role: 'poster' as const };

describe('a clip whose full-size image stayed on the teammate’s computer', () => {
  test('a teammate’s clip: the thumbnail is here, the full image is not', () => {
    expect(fullImageElsewhere(['t1', 'f1'], [thumb])).toBe(true);
  });

  test('a clip made here, with its full image', () => {
    expect(fullImageElsewhere(['t1', 'f1'], [thumb, full])).toBe(false);
  });

  test('a video shared whole: thumbnail and poster both travel', () => {
    expect(fullImageElsewhere(['t1', 'p1'], [thumb, poster])).toBe(false);
  });

  test('nothing to show instead (still reading, or no image arrived): say nothing', () => {
    expect(fullImageElsewhere(['t1', 'f1'], [])).toBe(false);
  });

  test('a clip without images', () => {
    expect(fullImageElsewhere([], [])).toBe(false);
  });

  test('one of two full images here is still a full image here', () => {
    expect(fullImageElsewhere(['t1', 'f1', 't2', 'f2'], [thumb, full, { id: 't2', role: 'thumbnail' }])).toBe(false);
  });
});
