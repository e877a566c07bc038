import Dexie from 'dexie';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { AppDB } from '../db/app-db';
import type { SyncRole } from '../messaging/features/sync';
import { adoptBrand, BrandBridge } from './bridge';

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

export function computer(name: string, brandId: string, role: SyncRole | null = 'editor'): Computer {
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
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** Carries each document's updates to the other while connected; `cut()` stops it and keeps
 * what each side does; `mend()` exchanges what was missed, as a reconnecting provider does. */
export function wire(a: Y.Doc, b: Y.Doc) {
  let connected = true;
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== 'from-b') Y.applyUpdate(b, update, 'from-a');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== 'from-a') Y.applyUpdate(a, update, 'from-b');
  });
  const exchange = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'from-a');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'from-b');
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
