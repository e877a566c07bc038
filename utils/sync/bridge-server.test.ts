import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type SyncServer } from '../../server/index';
import { fillDatabase } from '../db/fixtures';
import { serverThumbnails, sha256Hex } from './blob-client';
import { rowsOf } from './doc-layout';
import { closeComputers, computer, settle, type Computer } from './test-pair';

/** Two bridges sharing a brand through the project's sync server (server/index.ts) on
 * 127.0.0.1: the document over Hocuspocus's WebSocket, the thumbnails' bytes over its blob
 * requests (server/blobs.ts). */

const GINO = 'brand-trattoria-gino';
let dataDir: string;
let server: SyncServer;
const providers: { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket }[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'spalla-bridge-server-'));
  server = await startSyncServer({ port: 0, dataDir, quiet: true });
});

afterEach(async () => {
  for (const { provider, socket } of providers.splice(0)) {
    provider.destroy();
    socket.destroy();
  }
  await closeComputers();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function connect(c: Computer, token: string): HocuspocusProvider {
  const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: GINO, token, document: c.doc });
  // A provider given its own socket connects once attached (@hocuspocus/provider 3).
  provider.attach();
  providers.push({ provider, socket });
  return provider;
}

async function until(ok: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('a thumbnail goes from one bridge to the other through the server, outside the document', async () => {
  const editorToken = await server.addToken({ role: 'editor', document: GINO });
  const readerToken = await server.addToken({ role: 'read-only', document: GINO });
  const a = computer('a', GINO, 'editor', serverThumbnails(() => ({ server: server.url, code: GINO, token: editorToken })));
  const b = computer('b', GINO, 'read-only', serverThumbnails(() => ({ server: server.url, code: GINO, token: readerToken })));
  await fillDatabase(a.db);
  const fromA = connect(a, editorToken);
  await a.bridge.start();
  await until(() => fromA.isSynced && !fromA.hasUnsyncedChanges);
  // The thumbnails' uploads are jobs of their own, queued after the reconcile that found them.
  await settle(a);

  // On the server: the bytes as a file named by their sha256, the document with the name only.
  const original = (await a.db.images.get('image-lasagne-thumb'))!;
  const hash = await sha256Hex(original.blob);
  expect(existsSync(join(dataDir, 'blobs', GINO, hash))).toBe(true);
  const onServer = new Y.Doc();
  const direct = await server.hocuspocus.openDirectConnection(GINO);
  await direct.transact((doc) => Y.applyUpdate(onServer, Y.encodeStateAsUpdate(doc)));
  await direct.disconnect();
  expect(rowsOf(onServer, 'thumbnails').get('image-lasagne-thumb')?.toJSON()).toMatchObject({ hash, size: original.blob.size });
  expect(rowsOf(onServer, 'thumbnails').get('image-lasagne-thumb')?.has('blob')).toBe(false);

  // A teammate (read-only) joins: the clip and its thumbnail's bytes arrive.
  connect(b, readerToken);
  await until(() => rowsOf(b.doc, 'thumbnails').size > 0);
  await b.join();
  await settle(a, b);
  const arrived = (await b.db.images.get('image-lasagne-thumb'))!;
  expect(new Uint8Array(await arrived.blob.arrayBuffer())).toEqual(new Uint8Array(await original.blob.arrayBuffer()));
  expect(arrived.blob.type).toBe(original.blob.type);

  // A new thumbnail in A reaches B while both are connected; B's read-only token never uploads.
  const webp = new Blob([Uint8Array.from({ length: 12_000 }, (_, i) => i % 251)], { type: 'image/webp' });
  await a.db.images.put({ ...original, id: 'img-new', blob: webp, mimeType: 'image/webp', updatedAt: original.updatedAt + 1 });
  await until(async () => (await b.db.images.get('img-new')) !== undefined);
  expect(new Uint8Array(await (await b.db.images.get('img-new'))!.blob.arrayBuffer())).toEqual(new Uint8Array(await webp.arrayBuffer()));
  await b.db.images.update('image-lasagne-thumb', { blob: new Blob([new Uint8Array([9, 9, 9])], { type: 'image/gif' }), updatedAt: Date.now() });
  await settle(a, b);
  expect(b.refused).toBeGreaterThan(0);
  expect(readdirSync(join(dataDir, 'blobs', GINO)).filter((name) => !name.endsWith('.type')).sort()).toEqual([hash, await sha256Hex(webp)].sort());
  expect((await b.db.images.get('image-lasagne-thumb'))!.blob.size).toBe(original.blob.size);
});
