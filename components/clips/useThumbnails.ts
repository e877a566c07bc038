import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Clip, StoredImage } from '@/utils/db/clips';
import { getDb } from '@/utils/db/app-db';
import { orderImages, pickThumbnail } from './ClipImage';
import { ThumbnailUrls, type CardThumbnail } from './thumbnail-urls';

/** Thumbnails remembered for clips no longer on screen (a record holds a Blob handle,
 * not the bytes), so that searching back to them shows them at once. */
const REMEMBERED_CLIPS = 2000;

/** While the cards change faster than this (someone typing), new thumbnails wait: each
 * read and its images decoded took a good part of a keystroke's time. */
export const THUMBNAILS_AFTER_MS = 150;

/**
 * The thumbnails of the cards on screen, by clip id: one live query for all of them
 * (a re-clip that replaces an image shows the new one), not one per card, and object
 * URLs reused across renders (`ThumbnailUrls`). A clip seen before shows its thumbnail
 * on the first render; a new one once the cards have stayed the same for
 * THUMBNAILS_AFTER_MS and the query has answered.
 */
export function useThumbnails(clips: readonly Clip[]): ReadonlyMap<string, CardThumbnail> {
  const urls = useRef<ThumbnailUrls | null>(null);
  urls.current ??= new ThumbnailUrls();
  const known = useRef(new Map<string, StoredImage | null>());
  const withImages = clips.filter((clip) => clip.imageIds.length > 0);
  const key = withImages.map((clip) => `${clip.id}:${clip.imageIds.join(',')}`).join('|');
  // The cards the read is for: those of the moment the cards stopped changing.
  const latest = useRef(withImages);
  latest.current = withImages;
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    if (settled === key) return;
    const timer = setTimeout(() => setSettled(key), THUMBNAILS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [key, settled]);

  const answer = useLiveQuery(async () => {
    const wanted = latest.current;
    if (wanted.length === 0) return { clips: wanted, images: [] as StoredImage[] };
    const images = await getDb().images.where('clipId').anyOf(wanted.map((clip) => clip.id)).toArray();
    return { clips: wanted, images };
  }, [settled]);

  const thumbnails = useMemo(() => {
    const remembered = known.current;
    if (answer) {
      const byClip = new Map<string, StoredImage[]>();
      for (const image of answer.images) byClip.set(image.clipId, [...(byClip.get(image.clipId) ?? []), image]);
      for (const clip of answer.clips) {
        remembered.delete(clip.id);
        remembered.set(clip.id, pickThumbnail(orderImages(byClip.get(clip.id) ?? [], clip.imageIds)));
      }
      for (const id of remembered.keys()) {
        if (remembered.size <= REMEMBERED_CLIPS) break;
        remembered.delete(id);
      }
    }
    const shown = new Map<string, CardThumbnail>();
    for (const clip of withImages) {
      const image = remembered.get(clip.id);
      if (image) shown.set(clip.id, urls.current!.thumbnailOf(image));
    }
    return { shown, imageIds: new Set([...withImages].map((clip) => remembered.get(clip.id)?.id).filter((id): id is string => !!id)) };
  }, [answer, key]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => urls.current!.trim(thumbnails.imageIds), [thumbnails]);
  useEffect(() => () => urls.current!.clear(), []);
  return thumbnails.shown;
}
