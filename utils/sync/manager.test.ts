import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fillDatabase } from '../db/fixtures';
import { deleteReply, draftOf, restoreReply, saveReply } from '../replies/store';
import { createBlobHandler } from '../../server/blobs';
import { managerComputers, untilWithin } from './test-managers';

/**
 * Two computers (each its own database, storage and document copy) sharing a brand through a
 * real Hocuspocus 3.4.4 server on 127.0.0.1, as the background runs them. The server here is
 * a bare one with tokens in memory; the project's own (server/index.ts) has its tests.
 */

const GINO = 'brand-trattoria-gino';
const TOKENS: Record<string, 'editor' | 'read-only'> = { 'editor-token': 'editor', 'reader-token': 'read-only' };

let server: Server;
let url: string;
let blobDir: string;
const { computer, stopManagers, deleteDatabases } = managerComputers();

beforeEach(async () => {
  // Thumbnails' bytes: the project server's blob requests (server/blobs.ts), with these tokens.
  blobDir = mkdtempSync(join(tmpdir(), 'spalla-manager-blobs-'));
  const answerBlob = createBlobHandler({
    dataDir: blobDir,
    store: { findToken: (token) => (TOKENS[token] ? { id: token, role: TOKENS[token], document: '*', label: null, createdAt: 0, revokedAt: null } : null) },
    log: () => {},
  });
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, connectionConfig }) {
      const role = TOKENS[token];
      if (!role) throw { reason: 'token-refused' };
      connectionConfig.readOnly = role === 'read-only';
    },
    async onRequest({ request, response }) {
      if (await answerBlob(request, response)) throw null;
    },
  });
  await server.listen();
  url = `ws://127.0.0.1:${server.address.port}`;
});

afterEach(async () => {
  await stopManagers();
  await server.destroy();
  rmSync(blobDir, { recursive: true, force: true });
  await deleteDatabases();
});

const until = untilWithin(3000);

describe('sharing a brand through a Hocuspocus server', () => {
  test('share in A, join in B with the code: rows both ways within seconds, deletions and their undo too', async () => {
    const a = computer('a');
    const b = computer('b');
    await fillDatabase(a.db);
    const shared = await a.manager.share({ brandId: GINO, server: `${url}/`, token: 'editor-token' });
    expect(shared).toMatchObject({ ok: true, status: { phase: 'connected', role: 'editor', code: GINO, server: url, error: null } });
    expect(Object.keys(await a.shares.getValue())).toEqual([GINO]);
    expect((await a.shares.getValue())[GINO]).toMatchObject({ token: 'editor-token', role: 'editor' });

    const joined = await b.manager.join({ server: url, code: GINO, token: 'editor-token' });
    expect(joined).toMatchObject({ ok: true, brandId: GINO });
    expect(await b.db.brands.get(GINO)).toMatchObject({ name: 'Trattoria Da Gino 🍝' });
    expect(await b.db.savedReplies.get('reply-grazie')).toMatchObject({ brandId: GINO, useCount: 0 });
    // The thumbnail's bytes follow the rows (a transfer of their own, server/blobs.ts).
    expect(await until(() => b.db.images.where('clipId').equals('clip-lasagne').count(), (n) => n === 1)).toBe(1);

    const reply = (await a.db.savedReplies.get('reply-grazie'))!;
    await saveReply(a.db, { ...draftOf(reply), shortcut: 'grazie', body: 'Grazie, a presto!' });
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === 'Grazie, a presto!', 2000)).toMatchObject({ body: 'Grazie, a presto!' });

    await b.db.hashtagSets.delete('set-cucina');
    expect(await until(() => a.db.hashtagSets.get('set-cucina'), (s) => s === undefined, 2000)).toBeUndefined();

    const removed = (await deleteReply(b.db, 'reply-grazie'))!;
    await until(() => a.db.savedReplies.get('reply-grazie'), (r) => r === undefined, 2000);
    await restoreReply(b.db, removed);
    expect(await until(() => a.db.savedReplies.get('reply-grazie'), (r) => r !== undefined, 2000)).toMatchObject({ body: 'Grazie, a presto!' });

    await a.manager.statusWritten();
    expect((await a.status.getValue())[GINO]).toMatchObject({ phase: 'connected', role: 'editor' });
  });

  test('a wrong token: a clear error, no data, nothing kept', async () => {
    const b = computer('b');
    expect(await b.manager.join({ server: url, code: GINO, token: 'wrong' })).toEqual({ ok: false, error: 'token-refused' });
    expect(await b.db.brands.count()).toBe(0);
    expect(await b.shares.getValue()).toEqual({});
    expect(b.manager.statusList()).toEqual([]);
  });

  test('addresses: wss://, or ws:// on this computer only', async () => {
    const a = computer('a');
    await fillDatabase(a.db);
    for (const server of ['ws://192.168.1.20:1234', 'http://127.0.0.1:1234', 'ws://localhost.example.com', 'nonsense']) {
      expect(await a.manager.share({ brandId: GINO, server, token: 'editor-token' })).toEqual({ ok: false, error: 'bad-address' });
    }
    expect(a.manager.statusList()).toEqual([]);
  });

  test('nothing answers: unreachable', async () => {
    const a = computer('a');
    await fillDatabase(a.db);
    const port = server.address.port;
    await server.destroy();
  rmSync(blobDir, { recursive: true, force: true });
    expect(await a.manager.share({ brandId: GINO, server: `ws://127.0.0.1:${port}`, token: 'editor-token' })).toEqual({ ok: false, error: 'unreachable' });
    server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
    await server.listen();
  });

  test('a read-only token: local changes are put back, and the server refuses changes sent anyway', async () => {
    const a = computer('a');
    const b = computer('b');
    await fillDatabase(a.db);
    expect((await a.manager.share({ brandId: GINO, server: url, token: 'editor-token' })).ok).toBe(true);
    const joined = await b.manager.join({ server: url, code: GINO, token: 'reader-token' });
    expect(joined).toMatchObject({ ok: true, status: { role: 'read-only' } });
    const original = (await b.db.savedReplies.get('reply-grazie'))!;

    await b.db.savedReplies.update('reply-grazie', { body: 'Cambiato da chi non può', updatedAt: Date.now() });
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === original.body)).toMatchObject({ body: original.body });
    expect(b.manager.statusList()[0]).toMatchObject({ error: 'read-only-change', role: 'read-only' });

    // The team's changes still reach the read-only computer.
    await a.db.savedReplies.update('reply-grazie', { body: 'Dal team', updatedAt: Date.now() });
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === 'Dal team', 2000)).toMatchObject({ body: 'Dal team' });

    // Past the bridge, straight into the document: the server does not take it.
    expect(b.manager.forceRemoteEdit(GINO, 'reply-grazie', 'Forzato')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const onServer = (await b.manager.serverState(GINO)) as { savedReplies: Record<string, { body: string }> };
    expect(onServer.savedReplies['reply-grazie'].body).toBe('Dal team');
    expect((await a.db.savedReplies.get('reply-grazie'))!.body).toBe('Dal team');
    // B's own copy is downloaded again: its rows show the team's text, not the refused one.
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === 'Dal team')).toMatchObject({ body: 'Dal team' });
    expect(await until(() => b.manager.docJSON(GINO), (d) => (d?.savedReplies as Record<string, { body: string }>)?.['reply-grazie']?.body === 'Dal team')).toMatchObject({
      savedReplies: { 'reply-grazie': { body: 'Dal team' } },
    });
    expect(b.manager.statusList()[0]).toMatchObject({ error: 'read-only-change', role: 'read-only' });
  });

  test('stop sharing keeps the rows, forgets the token and closes the connection', async () => {
    const a = computer('a');
    await fillDatabase(a.db);
    expect((await a.manager.share({ brandId: GINO, server: url, token: 'editor-token' })).ok).toBe(true);
    await a.manager.stop(GINO);
    expect(await a.shares.getValue()).toEqual({});
    expect(a.manager.statusList()).toEqual([]);
    expect(await a.db.savedReplies.get('reply-grazie')).toBeDefined();
    expect(await until(() => server.hocuspocus.getConnectionsCount(), (n) => n === 0)).toBe(0);
  });
});
