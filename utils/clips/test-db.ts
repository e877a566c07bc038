import { AppDB } from '../db/app-db';
import type { Clip, StoredImage } from '../db/clips';

/** Test helpers for the library: fresh databases, clips and images made to order. */

const opened: AppDB[] = [];

export function freshDb(): AppDB {
  const db = new AppDB(`clips-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

export async function closeDbs(): Promise<void> {
  for (const db of opened.splice(0)) await db.delete();
}

const t0 = Date.UTC(2026, 9, 1, 8, 0);

export function makeClip(id: string, fields: Partial<Clip> = {}): Clip {
  return {
    id,
    createdAt: t0,
    updatedAt: t0,
    network: 'instagram',
    permalink: `https://www.instagram.com/p/${id}/`,
    authorName: 'Nonna Pina',
    authorHandle: 'nonnapina',
    text: 'Lasagne della domenica',
    hashtags: [],
    imageIds: [],
    postedAt: null,
    counts: { reactions: null, comments: null, shares: null },
    note: '',
    tags: [],
    status: 'idea',
    scheduledAt: null,
    brandId: null,
    clippedAt: t0,
    ...fields,
  };
}

export function makeImage(id: string, clipId: string, role: StoredImage['role'], bytes = 16): StoredImage {
  return {
    id,
    createdAt: t0,
    updatedAt: t0,
    clipId,
    role,
    brandId: null,
    mimeType: 'image/jpeg',
    width: 10,
    height: 10,
    sourceUrl: null,
    blob: new Blob([new Uint8Array(bytes).fill(id.length)], { type: 'image/jpeg' }),
  };
}

/** A clip with a thumbnail and a full image, as the capture stores it. */
export function clipWithImages(id: string, fields: Partial<Clip> = {}): { clip: Clip; images: StoredImage[] } {
  const images = [makeImage(`${id}-full`, id, 'full', 64), makeImage(`${id}-thumb`, id, 'thumbnail', 8)];
  return { clip: makeClip(id, { imageIds: images.map((image) => image.id), ...fields }), images };
}

/** Makes every write to `table` fail the way a full disk does. Call before the first query. */
export function failWritesWithQuota(db: AppDB, table: string): void {
  db.use({
    stack: 'dbcore',
    name: 'forcedQuota',
    create(down) {
      return {
        ...down,
        table(name) {
          const inner = down.table(name);
          if (name !== table) return inner;
          return {
            ...inner,
            mutate: async () => {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            },
          };
        },
      };
    },
  });
}
