import type { StoredImage } from '@/utils/db/clips';

/** What a card needs of its thumbnail. */
export interface CardThumbnail {
  url: string;
  role: StoredImage['role'];
}

/**
 * Object URLs of the thumbnails the library shows, one per stored image, made once and
 * reused while its Blob is the same (a card that scrolls or is searched back into view
 * gets the same URL, so React sees the same props and the browser the same decoded
 * image). Each URL pins its Blob in memory: `trim` revokes the oldest ones not on screen
 * once more than `keep` are held, and `clear` all of them when the library goes away.
 */
export class ThumbnailUrls {
  /** Image id → its Blob and what cards get; in the order last used. */
  private readonly made = new Map<string, { blob: Blob; shown: CardThumbnail }>();

  constructor(private readonly keep = 400) {}

  get size(): number {
    return this.made.size;
  }

  /** The URL of `image`'s Blob: the same object while the Blob is the same. */
  thumbnailOf(image: StoredImage): CardThumbnail {
    const held = this.made.get(image.id);
    this.made.delete(image.id);
    if (held && held.blob === image.blob && held.shown.role === image.role) {
      this.made.set(image.id, held);
      return held.shown;
    }
    if (held) URL.revokeObjectURL(held.shown.url);
    const shown = { url: URL.createObjectURL(image.blob), role: image.role };
    this.made.set(image.id, { blob: image.blob, shown });
    return shown;
  }

  /** Revokes the least recently used URLs beyond `keep`, never one in `inUse`. */
  trim(inUse: ReadonlySet<string>): void {
    let excess = this.made.size - this.keep;
    for (const [id, held] of this.made) {
      if (excess <= 0) break;
      if (inUse.has(id)) continue;
      URL.revokeObjectURL(held.shown.url);
      this.made.delete(id);
      excess--;
    }
  }

  clear(): void {
    for (const held of this.made.values()) URL.revokeObjectURL(held.shown.url);
    this.made.clear();
  }
}
