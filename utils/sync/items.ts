import { storage } from '#imports';
import type { SyncRole, SyncStatus } from '../messaging/features/sync';

/** One shared brand's connection settings. The token is a secret: it lives in the
 * extension's own storage, which pages cannot read, and is never shown again. */
export interface SyncShare {
  brandId: string;
  server: string;
  code: string;
  token: string;
  /** The role the server granted at the last connection; null before the first. */
  role: SyncRole | null;
  sharedAt: number;
}

/** The brands this computer shares, by brand id. Written by the background only. */
export const syncSharesItem = storage.defineItem<Record<string, SyncShare>>('local:syncShares', {
  fallback: {},
  version: 1,
});

/** Each shared brand's status, by brand id, for the library and the sidebar to watch.
 * Written by the background on each change of phase or error (and at most every few
 * seconds for `lastSyncedAt`). */
export const syncStatusItem = storage.defineItem<Record<string, SyncStatus>>('local:syncStatus', {
  fallback: {},
  version: 1,
});
