import type { ClipInput } from './capture-input';
import type { PreparedImage } from './capture-save';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIZE = 320;
/** No image bigger than this is downloaded at all. */
const MAX_DOWNLOAD_BYTES = 30_000_000;

/**
 * Fetches a post's images from the background (the sites' CDN addresses expire, so the
 * bytes are kept) and prepares a thumbnail and the full image within `fullLimit` bytes
 * (scaled down when bigger; 0 = thumbnails only). For a video, the poster frame.
 * An image that cannot be fetched or decoded is left out, never fatal.
 * Works in Chromium's service worker and Firefox's background page alike:
 * `createImageBitmap` and `OffscreenCanvas` exist in both.
 */
export async function prepareImages(
  images: ClipInput['images'],
  fullLimit: number,
  fetchImpl: typeof fetch = fetch,
): Promise<{ prepared: PreparedImage[]; failed: number }> {
  const results = await Promise.all(images.map((image) => prepareOne(image, fullLimit, fetchImpl).catch(() => null)));
  const prepared = results.filter((r): r is PreparedImage => r !== null);
  return { prepared, failed: images.length - prepared.length };
}

async function prepareOne(image: ClipInput['images'][number], fullLimit: number, fetchImpl: typeof fetch): Promise<PreparedImage | null> {
  // No cookies: the CDNs serve the signed address as it is, and the user's session
  // has no business in our request.
  const response = await fetchImpl(image.url, { credentials: 'omit', redirect: 'follow' });
  if (!response.ok) return null;
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!type.startsWith('image/')) return null;
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_DOWNLOAD_BYTES) return null;
  const blob = await response.blob();
  if (blob.size > MAX_DOWNLOAD_BYTES || blob.size === 0) return null;

  const role = image.kind === 'video-poster' ? 'poster' : 'full';
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    bitmap = null; // e.g. SVG in a worker: keep the bytes, no thumbnail
  }
  const width = bitmap?.width ?? null;
  const height = bitmap?.height ?? null;
  const thumbnail = bitmap ? await scaled(bitmap, THUMBNAIL_SIZE, 'image/webp', 0.8) : null;

  let full: PreparedImage['full'] = null;
  if (fullLimit > 0) {
    if (blob.size <= fullLimit) full = { blob: new Blob([blob], { type }), width, height, role };
    else if (bitmap) full = await shrinkToFit(bitmap, fullLimit, role);
  }
  bitmap?.close();
  if (!thumbnail && !full) return null;
  return { sourceUrl: image.url, thumbnail, full };
}

async function scaled(bitmap: ImageBitmap, maxSide: number, type: string, quality: number) {
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(bitmap, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type, quality });
  return { blob, width, height };
}

/** A bigger image, scaled down (as JPEG) until it fits the limit; null when it never does. */
async function shrinkToFit(bitmap: ImageBitmap, limit: number, role: 'full' | 'poster') {
  let side = Math.max(bitmap.width, bitmap.height);
  for (let attempt = 0; attempt < 5 && side >= 64; attempt++) {
    const result = await scaled(bitmap, side, 'image/jpeg', 0.85);
    if (result && result.blob.size <= limit) return { ...result, role };
    side = Math.round(side * 0.7);
  }
  return null;
}

/** Bytes as a `data:` URL: runtime messages carry JSON, so a thumbnail crosses to the
 * sidebar (which cannot open the database) this way, deliberately and small. */
export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'application/octet-stream'};base64,${btoa(binary)}`;
}
