import type { AppDB } from '../db/app-db';

/**
 * How much room the library takes and how much is left.
 *
 * The browser's `navigator.storage.estimate()` is for the whole extension (database,
 * settings, caches) and is rounded on purpose (to hide other sites' data); the sum of
 * the image blobs is exact and is most of a library's size.
 */
export interface StorageFigures {
  /** Bytes the extension's origin uses, as the browser estimates it; null if unknown. */
  usage: number | null;
  /** Bytes it may use in total; null if unknown. */
  quota: number | null;
  /** Exact sum of the stored image blobs. */
  imageBytes: number;
  images: number;
  clips: number;
}

/** Warn when less than this share of the quota is left… */
export const LOW_SPACE_SHARE = 0.1;
/** …or less than this many bytes (a few hundred full-size images). */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;

export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

export async function measureStorage(db: AppDB, estimate: StorageEstimator | undefined = defaultEstimator()): Promise<StorageFigures> {
  let imageBytes = 0;
  let images = 0;
  // Blob.size is known without reading the bytes.
  await db.images.each((image) => {
    images++;
    imageBytes += image.blob instanceof Blob ? image.blob.size : 0;
  });
  const clips = await db.clips.count();
  const estimated = estimate ? await estimate().catch(() => ({}) as { usage?: number; quota?: number }) : {};
  return {
    usage: Number.isFinite(estimated.usage) ? estimated.usage! : null,
    quota: Number.isFinite(estimated.quota) && estimated.quota! > 0 ? estimated.quota! : null,
    imageBytes,
    images,
    clips,
  };
}

/** Bytes left, or null when the browser does not say. */
export function spaceLeft(figures: StorageFigures): number | null {
  if (figures.quota === null || figures.usage === null) return null;
  return Math.max(0, figures.quota - figures.usage);
}

/** True when the disk (the quota the browser allows) is close to full: under
 * LOW_SPACE_SHARE of the quota or under LOW_SPACE_BYTES left, whichever comes first. */
export function isLowOnSpace(figures: StorageFigures): boolean {
  const left = spaceLeft(figures);
  if (left === null || figures.quota === null) return false;
  return left < figures.quota * LOW_SPACE_SHARE || left < LOW_SPACE_BYTES;
}

export type PersistState = 'persistent' | 'best-effort' | 'unsupported';

interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

function manager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined);
}

function defaultEstimator(): StorageEstimator | undefined {
  const storage = manager();
  return storage?.estimate ? () => storage.estimate!() : undefined;
}

export async function persistState(storage: StorageManagerLike | undefined = manager()): Promise<PersistState> {
  if (!storage?.persisted) return 'unsupported';
  return (await storage.persisted().catch(() => false)) ? 'persistent' : 'best-effort';
}

/** Asks the browser not to evict the data under storage pressure. Chromium grants it
 * to extensions with "unlimitedStorage"; Firefox may ask the user. */
export async function requestPersistence(storage: StorageManagerLike | undefined = manager()): Promise<PersistState> {
  if (!storage?.persist) return 'unsupported';
  return (await storage.persist().catch(() => false)) ? 'persistent' : 'best-effort';
}

/** Why a library write failed, for the message. Dexie wraps the DOMException
 * (`error.inner`); an aborted transaction carries the cause of the abort. */
export type WriteFailure = 'quota' | 'other';

export function writeFailureOf(error: unknown): WriteFailure {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const named = e as { name?: string; inner?: unknown; cause?: unknown };
    if (named.name === 'QuotaExceededError' || named.name === 'QuotaExceeded') return 'quota';
    e = named.inner ?? named.cause;
  }
  return 'other';
}

export const WRITE_FAILURE_KEYS: Record<WriteFailure, string> = {
  quota: 'clipsErrorQuota',
  other: 'clipsErrorWrite',
};
