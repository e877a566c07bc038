import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AppDB } from '../db/app-db';
import { createHashtagModel } from '../hashtags/model';
import { hashtagsLearnFromFeedItem } from '../settings/items';
import { CLIP_SOURCE, clearLearnedHashtags, hashtagModelInfo, learnClipHashtags, suggestForText } from '../background/features/hashtags';
import type { ClipInput } from './capture-input';
import { clipLesson, teachFromClip, type ClipLesson } from './capture-learn';
import { saveCapture } from './capture-save';

const opened: AppDB[] = [];
beforeEach(async () => {
  await clearLearnedHashtags();
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function freshDb() {
  const db = new AppDB(`capture-learn-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const input = (over: Partial<ClipInput> = {}): ClipInput => ({
  network: 'instagram',
  permalink: 'https://www.instagram.com/p/CODE/',
  authorName: 'trattoria.da.gino',
  authorHandle: 'trattoria.da.gino',
  text: 'Ragù della domenica #Bologna #tagliatelle #pastafresca',
  hashtags: ['Bologna', 'tagliatelle', 'pastafresca'],
  images: [],
  postedAt: null,
  counts: { reactions: null, comments: null, shares: null },
  ...over,
});

/** A model of our own, taught the way the background teaches it, to read the counts. */
function countingLearner() {
  const model = createHashtagModel();
  const learn = vi.fn(async (lesson: ClipLesson) => ({
    learned: model.learn(lesson.tags, { network: lesson.network, brand: lesson.brandId, source: CLIP_SOURCE }),
  }));
  const counts = (key: string) => {
    const entry = model.scope('instagram', null)?.byKey.get(key);
    return entry ? { own: entry.ownCount, seen: entry.seenCount, cooccurs: Object.fromEntries(model.cooccurrences(entry)) } : null;
  };
  return { learn, counts };
}

describe('a saved clip teaches the hashtag model', () => {
  test('a new clip: its hashtags and their co-occurrence are learned, none of them "yours", whatever the harvest setting', async () => {
    await hashtagsLearnFromFeedItem.setValue(false); // the harvest (posts scrolled past) is off
    const outcome = await saveCapture(freshDb(), input(), []);
    expect(await teachFromClip(outcome, learnClipHashtags)).toBe(3);
    expect(await hashtagModelInfo()).toEqual({ hashtags: 3, ownHashtags: 0, pairs: 3 });

    const suggestions = await suggestForText({ text: 'Oggi #tagliatelle', network: 'instagram', limit: 10 });
    const bologna = suggestions.find((s) => s.tag === 'Bologna');
    expect(bologna?.reasons).toContainEqual({ code: 'cooccurs', with: '#tagliatelle' });
    expect(suggestions.flatMap((s) => s.reasons).filter((r) => r.code === 'yours' || r.code === 'used-before')).toEqual([]);
  });

  test('clipping the same permalink again updates the clip and counts nothing twice', async () => {
    const db = freshDb();
    const { learn, counts } = countingLearner();
    expect(await teachFromClip(await saveCapture(db, input(), []), learn)).toBe(3);
    const again = await saveCapture(db, input({ text: 'Ragù della domenica (modificato) #Bologna #tagliatelle #pastafresca' }), []);
    expect(again.updated).toBe(true);
    expect(await teachFromClip(again, learn)).toBe(0);
    expect(learn).toHaveBeenCalledTimes(1);
    expect(learn).toHaveBeenCalledWith({ tags: ['Bologna', 'tagliatelle', 'pastafresca'], network: 'instagram', brandId: null });
    expect(counts('bologna')).toEqual({ own: 0, seen: 1, cooccurs: { tagliatelle: 1, pastafresca: 1 } });

    // Another post with the same tags is news: it counts.
    expect(await teachFromClip(await saveCapture(db, input({ permalink: 'https://www.instagram.com/p/OTHER/' }), []), learn)).toBe(3);
    expect(counts('bologna')).toEqual({ own: 0, seen: 2, cooccurs: { tagliatelle: 2, pastafresca: 2 } });
  });

  test('a failure to learn is logged and the clip stays saved', async () => {
    const db = freshDb();
    const log = vi.fn();
    const outcome = await saveCapture(db, input(), []);
    const learned = await teachFromClip(outcome, () => Promise.reject(new Error('model unreadable')), log);
    expect(learned).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('the clip is saved'), expect.objectContaining({ message: 'model unreadable' }));
    expect((await db.clips.toArray()).map((c) => c.id)).toEqual([outcome.clip.id]);
  });

  test('web clips and clips without hashtags teach nothing', async () => {
    const db = freshDb();
    const web = await saveCapture(db, input({ network: 'web', permalink: 'https://example.org/#:~:text=x' }), []);
    const plain = await saveCapture(db, input({ permalink: 'https://www.instagram.com/p/PLAIN/', text: 'Nessun hashtag', hashtags: [] }), []);
    expect(clipLesson(web)).toBeNull();
    expect(clipLesson(plain)).toBeNull();
  });
});
