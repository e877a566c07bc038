import type { StoredImage } from '../db/clips';

/**
 * Whether a clip's full-size images are on another computer: the clip lists image rows
 * (`imageIds`) that this computer does not hold, none of the rows it holds is a full
 * image, and a thumbnail (or a video's poster) is here to show instead. Team sharing
 * (#15, docs/sync.md) sends a clip's thumbnails and posters, not its full images, so a
 * clip clipped by a teammate reads this way; the library says so beside the thumbnail.
 */
export function fullImageElsewhere(imageIds: readonly string[], images: readonly Pick<StoredImage, 'id' | 'role'>[]): boolean {
  const here = new Set(images.map((image) => image.id));
  const missing = imageIds.some((id) => !here.has(id));
  return missing && !images.some((image) => image.role === 'full') && images.some((image) => image.role !== 'full');
}
