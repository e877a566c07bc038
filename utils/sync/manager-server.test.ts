import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/index';
import type { AppDB } from '../db/app-db';
import { fillDatabase } from '../db/fixtures';
import { draftOf, saveReply } from '../replies/store';
import { managerComputers, untilWithin } from './test-managers';

/** The manager against the project's own server (server/index.ts): crashes, restarts,
 * revoked tokens, a restarted background. */

const GINO = 'brand-trattoria-gino';

let dataDir: string;
let server: SyncServer;
const { computer, stopManagers, deleteDatabases } = managerComputers();

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'spalla-bridge-'));
  server = await startSyncServer({ port: 0, dataDir, quiet: true });
});

afterEach(async () => {
  await stopManagers();
  await server.stop();
  await deleteDatabases();
  rmSync(dataDir, { recursive: true, force: true });
});

const until = untilWithin(5000);

async function editBody(db: AppDB, body: (old: string) => string) {
  const reply = (await db.savedReplies.get('reply-grazie'))!;
  expect((await saveReply(db, { ...draftOf(reply), shortcut: 'grazie', body: body(reply.body) })).ok).toBe(true);
}

async function sharedPair(token: string) {
  const a = computer('a');
  const b = computer('b');
  await fillDatabase(a.db);
  expect((await a.manager.share({ brandId: GINO, server: server.url, token })).ok).toBe(true);
  expect((await b.manager.join({ server: server.url, code: GINO, token })).ok).toBe(true);
  return { a, b };
}

describe('through the project server', () => {
  test('both edit the same reply while the server is down: one text on both once it is back', async () => {
    const token = await server.addToken({ role: 'editor', document: '*' });
    const { a, b } = await sharedPair(token);
    const port = server.port;
    await server.kill();
    const offline = await until(() => a.manager.statusList()[0], (s) => s.phase === 'offline');
    expect(offline).toMatchObject({ phase: 'offline' });
    expect(offline.offlineSince).toEqual(expect.any(Number));

    const body = (await a.db.savedReplies.get('reply-grazie'))!.body;
    await editBody(a.db, (old) => `Ciao! ${old}`);
    await editBody(b.db, (old) => `${old} Gino`);
    await a.manager.idle(GINO);
    await b.manager.idle(GINO);

    server = await startSyncServer({ port, dataDir, quiet: true });
    const merged = `Ciao! ${body} Gino`;
    expect(await until(() => a.db.savedReplies.get('reply-grazie'), (r) => r?.body === merged, 15_000)).toMatchObject({ body: merged });
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === merged, 5000)).toMatchObject({ body: merged });
    expect(await until(() => a.manager.statusList()[0], (s) => s.phase === 'connected')).toMatchObject({ phase: 'connected', offlineSince: null, error: null });
  }, 30_000);

  test('Retry connects again at once once the server is back, without waiting for the back-off', async () => {
    const token = await server.addToken({ role: 'editor', document: '*' });
    const { a } = await sharedPair(token);
    const port = server.port;
    await server.kill();
    // Several failed attempts: the provider's back-off has grown.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(a.manager.statusList()[0]).toMatchObject({ phase: 'offline', error: 'unreachable' });
    server = await startSyncServer({ port, dataDir, quiet: true });
    const retried = await a.manager.retry(GINO);
    expect(retried).toMatchObject({ brandId: GINO });
    expect(await until(() => a.manager.statusList()[0], (s) => s.phase === 'connected', 2000)).toMatchObject({ phase: 'connected', error: null });
  }, 20_000);

  test('a revoked token stops receiving changes, with the reason', async () => {
    const token = await server.addToken({ role: 'editor', document: GINO });
    const other = await server.addToken({ role: 'editor', document: GINO });
    const a = computer('a');
    const b = computer('b');
    await fillDatabase(a.db);
    expect((await a.manager.share({ brandId: GINO, server: server.url, token: other })).ok).toBe(true);
    expect((await b.manager.join({ server: server.url, code: GINO, token })).ok).toBe(true);
    await server.revokeToken(token);
    expect(await until(() => b.manager.statusList()[0], (s) => s.phase === 'error')).toMatchObject({ phase: 'error', error: 'token-refused' });
    await editBody(a.db, () => 'Dopo la revoca');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await b.db.savedReplies.get('reply-grazie'))!.body).not.toBe('Dopo la revoca');
  });

  test('a restarted background opens its shares from the local copy and sends what changed meanwhile', async () => {
    const token = await server.addToken({ role: 'editor', document: '*' });
    const { a, b } = await sharedPair(token);
    await b.manager.suspendAll();
    // While B's background is stopped: the library on B edits, A edits.
    await b.db.hashtagSets.update('set-cucina', { tags: ['da-b'], updatedAt: Date.now() });
    await editBody(a.db, () => 'Da A, mentre B dormiva');
    const restarted = computer('b', b.db, b.id);
    // The start and the wake-up alarm at once: one connection.
    await Promise.all([restarted.manager.startAll(), restarted.manager.startAll()]);
    expect(restarted.manager.statusList()).toHaveLength(1);
    expect(await until(() => b.db.savedReplies.get('reply-grazie'), (r) => r?.body === 'Da A, mentre B dormiva')).toMatchObject({ body: 'Da A, mentre B dormiva' });
    expect(await until(() => a.db.hashtagSets.get('set-cucina'), (s) => s?.tags[0] === 'da-b')).toMatchObject({ tags: ['da-b'] });
  });

  test('a shared brand deleted while the background was stopped is not brought back: its sharing ends', async () => {
    const token = await server.addToken({ role: 'editor', document: '*' });
    const { a, b } = await sharedPair(token);
    await b.manager.suspendAll();
    await b.db.brands.delete(GINO);
    const restarted = computer('b', b.db, b.id);
    await restarted.manager.startAll();
    expect(restarted.manager.statusList()).toEqual([]);
    expect(await restarted.shares.getValue()).toEqual({});
    expect(await b.db.brands.get(GINO)).toBeUndefined();
    expect(await a.db.savedReplies.get('reply-grazie')).toBeDefined();
  });
});
