import type { AppDB } from '../db/app-db';
import type { Clip, ClipStatus, StoredImage } from '../db/clips';
import type { HashtagSet } from '../db/hashtags';
import { stampNew, type BrandRef } from '../db/record';
import { draftToInsertItem, type DraftToInsert } from '../settings/items';

/**
 * The sidebar's recent ideas with `brandId` in view: that brand's clips, newest first, then
 * the shared ones (another brand's never: they are that client's ideas); with all brands
 * in view (null), every clip, newest first. At most `limit`.
 */
export async function recentClips(db: AppDB, brandId: BrandRef, limit: number): Promise<Clip[]> {
  const newest = () => db.clips.orderBy('clippedAt').reverse();
  if (brandId === null) return newest().limit(limit).toArray();
  // Shared clips (null) are in no index (IndexedDB keys cannot be null): both read by date.
  const [own, shared] = await Promise.all([
    newest().filter((clip) => clip.brandId === brandId).limit(limit).toArray(),
    newest().filter((clip) => clip.brandId === null).limit(limit).toArray(),
  ]);
  return [...own, ...shared].slice(0, limit);
}

/**
 * The library's writes. Each is one transaction: it lands whole or not at all (a
 * QuotaExceededError aborts it and the promise rejects; see `storage.ts` for the
 * message).
 */

/** Sets the status of every clip in `ids`. "scheduled" needs `scheduledAt`; any other
 * status keeps the clip's date (it is still the plan if the idea goes back to
 * "scheduled") except that an explicit `scheduledAt` replaces it. */
export async function setStatus(
  db: AppDB,
  ids: readonly string[],
  status: ClipStatus,
  scheduledAt?: number | null,
  now = Date.now(),
): Promise<number> {
  if (status === 'scheduled' && (scheduledAt === undefined || scheduledAt === null)) {
    throw new RangeError('a scheduled idea needs a date and time');
  }
  return db.transaction('rw', db.clips, async () => {
    const clips = (await db.clips.bulkGet([...ids])).filter((clip): clip is Clip => !!clip);
    const changed = clips.map((clip) => ({
      ...clip,
      status,
      scheduledAt: scheduledAt === undefined ? clip.scheduledAt : scheduledAt,
      updatedAt: now,
    }));
    await db.clips.bulkPut(changed);
    return changed.length;
  });
}

/** The user's own fields of a clip: note and tags. */
export async function updateClipNotes(db: AppDB, id: string, fields: { note: string; tags: string[] }, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.clips, async () => {
    const clip = await db.clips.get(id);
    if (!clip) throw new Error('clip not found');
    await db.clips.put({ ...clip, note: fields.note, tags: normalizeTags(fields.tags), updatedAt: now });
  });
}

/** Tags as typed: trimmed, without a leading "#", no empties, no duplicates (the same
 * tag in another case is the same tag), in the user's order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').slice(0, 200);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** What a delete took away, so that "undo" can put it back exactly. */
export interface RemovedClips {
  clips: Clip[];
  images: StoredImage[];
}

/** Deletes the clips and every image of theirs, in one transaction. */
export async function deleteClips(db: AppDB, ids: readonly string[]): Promise<RemovedClips> {
  return db.transaction('rw', db.clips, db.images, async () => {
    const clips = (await db.clips.bulkGet([...ids])).filter((clip): clip is Clip => !!clip);
    const images = await db.images.where('clipId').anyOf(clips.map((clip) => clip.id)).toArray();
    await db.images.bulkDelete(images.map((image) => image.id));
    await db.clips.bulkDelete(clips.map((clip) => clip.id));
    return { clips, images };
  });
}

/** Undo of `deleteClips`: the same rows, unchanged (their ids, dates and blobs). A clip
 * of the same permalink clipped again meanwhile wins: the old one is not restored over
 * it (the unique index would refuse it), and the count of restored clips says so. */
export async function restoreClips(db: AppDB, removed: RemovedClips): Promise<number> {
  return db.transaction('rw', db.clips, db.images, async () => {
    const permalinks = removed.clips.map((clip) => clip.permalink).filter((p): p is string => p !== null);
    const taken = new Set(
      (await db.clips.where('permalink').anyOf(permalinks).toArray()).map((clip) => clip.permalink),
    );
    const clips = removed.clips.filter((clip) => clip.permalink === null || !taken.has(clip.permalink));
    const kept = new Set(clips.map((clip) => clip.id));
    await db.clips.bulkPut(clips);
    await db.images.bulkPut(removed.images.filter((image) => kept.has(image.clipId)));
    return clips.length;
  });
}

/** "Use as draft": the sidebar offers the text, with its hashtags, ready to insert. */
export async function useAsDraft(clip: Clip, now = Date.now()): Promise<DraftToInsert> {
  const draft: DraftToInsert = { text: clip.text, hashtags: [...clip.hashtags], sourceId: clip.id, createdAt: now };
  await draftToInsertItem.setValue(draft);
  return draft;
}

/** Saves the clip's hashtags as a hashtag set of its network and brand. */
export async function saveHashtagSet(db: AppDB, clip: Clip, name: string, now = Date.now()): Promise<HashtagSet> {
  const set = stampNew<Omit<HashtagSet, 'id' | 'createdAt' | 'updatedAt'>>(
    {
      name: name.trim().slice(0, 300),
      tags: [...new Set(clip.hashtags.map((tag) => tag.replace(/^#+/, '')).filter(Boolean))],
      network: clip.network === 'web' ? null : clip.network,
      brandId: clip.brandId,
    },
    now,
  );
  await db.hashtagSets.add(set);
  return set;
}
