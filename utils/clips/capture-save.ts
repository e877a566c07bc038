import type { AppDB } from '../db/app-db';
import type { Clip, StoredImage } from '../db/clips';
import { newId, type BrandRef } from '../db/record';
import type { ClipInput } from './capture-input';

/** One image of the post, fetched and made ready to store (before the transaction:
 * IndexedDB transactions cannot wait on the network). */
export interface PreparedImage {
  sourceUrl: string;
  thumbnail: { blob: Blob; width: number; height: number } | null;
  /** The full image (or the video's poster frame), within the user's size limit. */
  full: { blob: Blob; width: number | null; height: number | null; role: 'full' | 'poster' } | null;
}

export interface SaveOutcome {
  clip: Clip;
  /** The permalink was clipped before: that clip was updated. */
  updated: boolean;
  /** Images kept from the earlier clip because none could be fetched this time. */
  keptOldImages: boolean;
  /** The permalink was clipped before under a brand shared read-only: nothing changed. */
  readOnly: boolean;
}

/** Raised (inside the transaction) by the test hook that simulates a full disk. */
export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded (forced by a test hook).', 'QuotaExceededError');
}

/** True for a full disk, however IndexedDB or Dexie wraps it. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Saves a capture and its images in ONE transaction: a failed write (a full disk) leaves
 * neither a clip without images nor images without a clip. The same permalink clipped
 * again updates that clip: its note, tags, status, schedule and brand stay; its text,
 * counts and images are replaced (the old images stay when none could be fetched now,
 * since the sites' image addresses expire). A clip of a brand shared read-only is not updated.
 */
export async function saveCapture(
  db: AppDB,
  input: ClipInput,
  images: PreparedImage[],
  options: {
    now?: number;
    userFields?: Partial<Pick<Clip, 'note' | 'tags' | 'status'>>;
    /** The brand a new clip is filed under (the brand in view); a clip clipped again keeps its own. */
    brandId?: BrandRef;
    /** Brands shared with this computer read-only (issue #15): a post already clipped under
     * one of them is left as it is (the team's copy would undo the update anyway). */
    readOnlyBrands?: ReadonlySet<string>;
    beforeCommit?: () => void;
  } = {},
): Promise<SaveOutcome> {
  const now = options.now ?? Date.now();
  return db.transaction('rw', db.clips, db.images, async () => {
    const existing = input.permalink ? await db.clips.where('permalink').equals(input.permalink).first() : undefined;
    if (existing?.brandId && options.readOnlyBrands?.has(existing.brandId)) return { clip: existing, updated: false, keptOldImages: true, readOnly: true };
    const clipId = existing?.id ?? newId();
    const brandId = existing ? existing.brandId : (options.brandId ?? null);

    const rows: StoredImage[] = [];
    for (const image of images) {
      if (image.thumbnail) {
        rows.push({
          id: newId(), createdAt: now, updatedAt: now, clipId, role: 'thumbnail', mimeType: image.thumbnail.blob.type || 'image/png',
          width: image.thumbnail.width, height: image.thumbnail.height, sourceUrl: image.sourceUrl, blob: image.thumbnail.blob, brandId,
        });
      }
      if (image.full) {
        rows.push({
          id: newId(), createdAt: now, updatedAt: now, clipId, role: image.full.role, mimeType: image.full.blob.type || 'application/octet-stream',
          width: image.full.width, height: image.full.height, sourceUrl: image.sourceUrl, blob: image.full.blob, brandId,
        });
      }
    }
    const keptOldImages = !!existing && rows.length === 0 && existing.imageIds.length > 0;
    if (existing && !keptOldImages) await db.images.where('clipId').equals(clipId).delete();
    if (rows.length) await db.images.bulkAdd(rows);

    const clip: Clip = {
      id: clipId,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      network: input.network,
      permalink: input.permalink,
      authorName: input.authorName,
      authorHandle: input.authorHandle,
      text: input.text,
      hashtags: input.hashtags,
      imageIds: keptOldImages ? existing!.imageIds : rows.map((row) => row.id),
      postedAt: input.postedAt,
      counts: input.counts,
      note: existing?.note ?? options.userFields?.note ?? '',
      tags: existing?.tags ?? options.userFields?.tags ?? [],
      status: existing?.status ?? options.userFields?.status ?? 'idea',
      scheduledAt: existing?.scheduledAt ?? null,
      brandId,
      clippedAt: now,
    };
    await db.clips.put(clip);
    options.beforeCommit?.();
    return { clip, updated: !!existing, keptOldImages, readOnly: false };
  });
}
