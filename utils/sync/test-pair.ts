import Dexie from 'dexie';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { AppDB } from '../db/app-db';
import type { SyncRole } from '../messaging/features/sync';
import { sha256Hex } from './blob-client';
import { adoptBrand, BrandBridge, type ThumbnailStore } from './bridge';

/** Test helpers for the sync bridge: computers (a database, a document, a bridge) and a wire
 * between two documents that can be cut and mended, as a network would. */

export interface Computer {
  db: AppDB;
  doc: Y.Doc;
  bridge: BrandBridge;
  role: SyncRole | null;
  refused: number;
  brandDeleted: boolean;
  /** Files the brand the document describes here, then starts the bridge (joining). */
  join(): Promise<void>;
  /** A new bridge on the same database and document (a restarted background). */
  restart(): Promise<void>;
}

const opened: AppDB[] = [];

/** The blobs the computers of a test share, as the sync server's blob store would keep them
 * (server/blobs.ts; a test with the real server: bridge-server.test.ts). */
export const sharedThumbnails = {
  blobs: new Map<string, Blob>(),
  /** Requests that fail until set back to false, as with a server out of reach. */
  unreachable: false,
  /** Only downloads fail (the uploader reached the server, the teammate does not). */
  downloadsFail: false,
  uploads: 0,
  downloads: 0,
};

export const memoryThumbnails: ThumbnailStore = {
  async missing(hashes) {
    if (sharedThumbnails.unreachable) throw new Error('unreachable');
    return hashes.filter((hash) => !sharedThumbnails.blobs.has(hash));
  },
  async put(hash, blob) {
    if (sharedThumbnails.unreachable) throw new Error('unreachable');
    if (hash !== (await sha256Hex(blob))) throw new Error('hash-mismatch');
    if (!sharedThumbnails.blobs.has(hash)) {
      sharedThumbnails.blobs.set(hash, blob);
      sharedThumbnails.uploads++;
    }
  },
  async getMany(hashes) {
    if (sharedThumbnails.unreachable || sharedThumbnails.downloadsFail) throw new Error('unreachable');
    const found = new Map<string, Blob>();
    for (const hash of hashes) {
      const blob = sharedThumbnails.blobs.get(hash);
      if (!blob) continue;
      found.set(hash, blob);
      sharedThumbnails.downloads++;
    }
    return found;
  },
};

export function computer(name: string, brandId: string, role: SyncRole | null = 'editor', thumbnails: ThumbnailStore = memoryThumbnails): Computer {
  const db = new AppDB(`sync-${name}-${crypto.randomUUID()}`);
  opened.push(db);
  const doc = new Y.Doc();
  const me: Computer = {
    db,
    doc,
    role,
    refused: 0,
    brandDeleted: false,
    bridge: undefined as unknown as BrandBridge,
    async join() {
      expect(await adoptBrand(db, doc, brandId)).toBe(true);
      await me.bridge.start();
    },
    async restart() {
      me.bridge.stop();
      me.bridge = makeBridge();
      await me.bridge.start();
    },
  };
  const makeBridge = () =>
    new BrandBridge({
      db,
      doc,
      brandId,
      thumbnails,
      role: () => me.role,
      onReadOnlyChange: () => me.refused++,
      onBrandDeleted: () => {
        me.brandDeleted = true;
      },
    });
  me.bridge = makeBridge();
  return me;
}

export async function closeComputers(): Promise<void> {
  Object.assign(sharedThumbnails, { blobs: new Map(), unreachable: false, downloadsFail: false, uploads: 0, downloads: 0 });
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** Carries each document's updates to the other while connected; `cut()` stops it and keeps
 * what each side does; `mend()` exchanges what was missed, as a reconnecting provider does.
 * Each wire marks what it carries with origins of its own, so a document wired to several
 * relays what it gets from one to the others, as the server does. */
export function wire(a: Y.Doc, b: Y.Doc) {
  let connected = true;
  const fromA = { wire: 'from-a' };
  const fromB = { wire: 'from-b' };
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== fromB) Y.applyUpdate(b, update, fromA);
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== fromA) Y.applyUpdate(a, update, fromB);
  });
  const exchange = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), fromA);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), fromB);
  };
  exchange();
  return {
    cut() {
      connected = false;
    },
    mend() {
      connected = true;
      exchange();
    },
  };
}

/** Waits until every bridge has nothing left to do (a change here wakes one there). */
export async function settle(...computers: Computer[]): Promise<void> {
  for (let round = 0; round < 4; round++) {
    for (const c of computers) await c.bridge.idle();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
