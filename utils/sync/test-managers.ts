import Dexie from 'dexie';
import { storage } from 'wxt/utils/storage';
import WebSocket from 'ws';
import { AppDB } from '../db/app-db';
import type { SyncStatus } from '../messaging/features/sync';
import type { SyncShare } from './items';
import { SyncManager } from './manager';

/** Test helpers for the sync manager (manager.test.ts against a bare Hocuspocus server,
 * manager-server.test.ts against the project's own): computers, each its own database,
 * storage items and document copies, as the background runs them. */
export function managerComputers() {
  const dbs: AppDB[] = [];
  const managers: SyncManager[] = [];

  /** A computer named `name`; `db` and `id` again make a restarted background of one. */
  function computer(name: string, db = new AppDB(`manager-${name}-${crypto.randomUUID()}`), id = crypto.randomUUID()) {
    if (!dbs.includes(db)) dbs.push(db);
    const shares = storage.defineItem<Record<string, SyncShare>>(`local:shares-${id}`, { fallback: {} });
    const status = storage.defineItem<Record<string, SyncStatus>>(`local:status-${id}`, { fallback: {} });
    const manager = new SyncManager({
      db: () => db,
      WebSocketPolyfill: WebSocket,
      items: { shares, status },
      docStoreName: (code) => `spalla-sync-${name}-${id}-${code}`,
      firstSyncTimeoutMs: 5000,
    });
    managers.push(manager);
    return { db, manager, shares, status, id, name };
  }

  return {
    computer,
    /** Stops every manager made (their providers and document copies). */
    async stopManagers() {
      for (const manager of managers.splice(0)) await manager.stopAll();
    },
    /** Closes and deletes every database made. */
    async deleteDatabases() {
      for (const db of dbs.splice(0)) {
        db.close();
        await Dexie.delete(db.name);
      }
    },
  };
}

/** `until(read, ok, ms)`: reads until `ok` holds or `ms` (default `defaultMs`) have passed, and
 * answers the last value read (the test's own assertion then says what was wrong). */
export function untilWithin(defaultMs: number) {
  return async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, ms = defaultMs): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
}
