import { describe, expect, test } from 'vitest';
import type { Clip } from '../db/clips';
import { mergeTwinClips } from './twin-clips';

const clip = (id: string, over: Partial<Clip> = {}): Clip => ({
  id, createdAt: 1, updatedAt: 1, network: 'instagram', permalink: 'https://www.instagram.com/p/CODE/', authorName: null, authorHandle: null, text: 'Tulipani',
  hashtags: [], imageIds: [], postedAt: null, counts: { reactions: null, comments: null, shares: null }, note: '', tags: [], status: 'idea', scheduledAt: null,
  brandId: 'gino', clippedAt: 1, ...over,
});

describe('the same post clipped twice (issue #15)', () => {
  test('the id that sorts first wins, whatever the order given; notes joined once, tags together', () => {
    const a = clip('a-1', { note: 'Per aprile', tags: ['fiori'], status: 'draft', updatedAt: 5, imageIds: ['img-a'] });
    const b = clip('b-2', { note: 'Chiedere a Lucia', tags: ['fiori', 'primavera'], status: 'idea', updatedAt: 9, imageIds: ['img-b'] });
    for (const twins of [[a, b], [b, a]]) {
      const { winner, losers } = mergeTwinClips(twins);
      expect(winner).toEqual({ ...a, note: 'Per aprile\n\nChiedere a Lucia', tags: ['fiori', 'primavera'], updatedAt: 9 });
      expect(losers.map((c) => c.id)).toEqual(['b-2']);
    }
  });

  test('merging again changes nothing; an empty or equal note adds nothing; images of the other when the winner has none', () => {
    const a = clip('a', { note: 'Per aprile' });
    const b = clip('b', { note: 'Per aprile', imageIds: ['img-b'] });
    const once = mergeTwinClips([a, b]).winner;
    expect(once).toMatchObject({ note: 'Per aprile', imageIds: ['img-b'] });
    expect(mergeTwinClips([once, clip('c', { note: '  ' })]).winner.note).toBe('Per aprile');
    expect(mergeTwinClips([clip('a'), clip('b', { note: 'Solo qui' })]).winner.note).toBe('Solo qui');
  });
});
