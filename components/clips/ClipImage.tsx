import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredImage } from '@/utils/db/clips';
import { getDb } from '@/utils/db/app-db';
import { useObjectUrl } from './useObjectUrl';

/** The image a card shows: the thumbnail, else a video's poster, else the full image. */
export function pickThumbnail(images: readonly StoredImage[]): StoredImage | null {
  for (const role of ['thumbnail', 'poster', 'full'] as const) {
    const found = images.find((image) => image.role === role);
    if (found) return found;
  }
  return null;
}

/** A clip's images in the clip's own order (`imageIds`); strays last. */
export function orderImages(images: StoredImage[], imageIds: readonly string[]): StoredImage[] {
  const order = new Map(imageIds.map((id, index) => [id, index]));
  return images.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
}

/** The stored images of a clip, in the clip's order (live: a re-clip updates them). */
export function useClipImages(clipId: string, imageIds: readonly string[]): StoredImage[] | undefined {
  return useLiveQuery(async () => {
    if (imageIds.length === 0) return [];
    return orderImages(await getDb().images.where('clipId').equals(clipId).toArray(), imageIds);
  }, [clipId, imageIds.join(',')]);
}

/** One stored image, from its Blob (never from its source address, which expires). The
 * alt text is the page's own, shown as text by the browser. */
export function BlobImage({ image, alt, className, testId }: { image: StoredImage; alt: string; className?: string; testId?: string }) {
  const url = useObjectUrl(image.blob);
  if (!url) return null;
  return <img src={url} alt={alt} className={className} data-testid={testId} data-role={image.role} draggable={false} />;
}
