// The sync server against real Hocuspocus clients over WebSocket on 127.0.0.1 (issue #15).
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { readVarInt, readVarString, readVarUint } from 'lib0/decoding';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { run } from './cli.ts';
import { startSyncServer, type SyncServer } from './index.ts';
import { SyncStore, hashToken } from './store.ts';

/** Hocuspocus's message type for "your update was (not) applied" (packages/server/src/types.ts). */
const SYNC_STATUS = 8;
const BRAND = '3f1c2b8e-brand-a';
const OTHER_BRAND = '9d0e4a71-brand-b';

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** 'read-write' | 'readonly' once the server accepted the token. */
  scope: string | null;
  refused: string | null;
  closedReasons: string[];
  /** The server's answers to this client's updates: true applied, false refused. */
  statuses: boolean[];
}

let dataDir: string;
let servers: SyncServer[];
let clients: Client[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'spalla-sync-'));
  servers = [];
  clients = [];
});

afterEach(async () => {
  for (const client of clients) {
    client.provider.destroy();
    client.socket.destroy();
  }
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port = 0): Promise<SyncServer> {
  const server = await startSyncServer({ port, dataDir, quiet: true });
  servers.push(server);
  return server;
}

function connect(url: string, name: string, token: string): Client {
  const doc = new Y.Doc();
  // Quick retries, so that a restarted server is found again within the test's time.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 300, jitter: false });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  const client: Client = { doc, provider, socket, scope: null, refused: null, closedReasons: [], statuses: [] };
  provider.on('authenticated', ({ scope }: { scope: string }) => (client.scope = scope));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => (client.refused = reason));
  provider.on('close', ({ event }: { event: { reason: string } }) => client.closedReasons.push(event.reason));
  provider.on('message', ({ message }: { message: { decoder: Parameters<typeof readVarUint>[0] } }) => {
    readVarString(message.decoder);
    if (readVarUint(message.decoder) === SYNC_STATUS) client.statuses.push(readVarInt(message.decoder) === 1);
  });
  provider.attach();
  clients.push(client);
  return client;
}

const replies = (doc: Y.Doc) => doc.getMap<string>('savedReplies');
const repliesOf = (doc: Y.Doc | undefined) => (doc ? replies(doc).toJSON() : undefined);
const until = (check: () => void, timeout = 5000) => vi.waitFor(check, { timeout, interval: 20 });
const synced = (client: Client) => until(() => expect(client.provider.isSynced).toBe(true));
/** Closes the client's WebSocket and opens a new one, as after a network change. */
async function reconnect(client: Client) {
  client.socket.disconnect();
  await until(() => expect(client.socket.status).toBe('disconnected'));
  await client.socket.connect();
}

describe('sync server', () => {
  it("carries an editor's edits to the other editor, both ways", async () => {
    const server = await start();
    const token = await server.addToken({ role: 'editor', document: '*' });
    const a = connect(server.url, BRAND, token);
    const b = connect(server.url, BRAND, token);
    await Promise.all([synced(a), synced(b)]);
    expect(a.scope).toBe('read-write');

    replies(a.doc).set('r1', 'Thanks for writing!');
    await until(() => expect(repliesOf(b.doc)).toEqual({ r1: 'Thanks for writing!' }));
    replies(b.doc).set('r2', 'We open at 9.');
    await until(() => expect(repliesOf(a.doc)).toEqual({ r1: 'Thanks for writing!', r2: 'We open at 9.' }));
    expect(server.documentsInMemory()).toBe(1);
  });

  it('refuses an unknown token: no data either way', async () => {
    const server = await start();
    const good = await server.addToken({ role: 'editor', document: BRAND });
    const editor = connect(server.url, BRAND, good);
    replies(editor.doc).set('r1', 'secret');
    await until(() => expect(repliesOf(server.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'secret' }));

    const intruder = connect(server.url, BRAND, 'not-a-token');
    replies(intruder.doc).set('spam', 'spam');
    await until(() => expect(intruder.refused).toBe('token-refused'));
    expect(intruder.scope).toBeNull();
    expect(repliesOf(intruder.doc)).toEqual({ spam: 'spam' });
    expect(repliesOf(server.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'secret' });
  });

  it("refuses a token on another brand's document", async () => {
    const server = await start();
    const token = await server.addToken({ role: 'editor', document: BRAND });
    const other = connect(server.url, OTHER_BRAND, token);
    await until(() => expect(other.refused).toBe('server-refused'));
    expect(server.documentsInMemory()).toBe(0);
    // The same token on its own brand is fine.
    const own = connect(server.url, BRAND, token);
    await synced(own);
    expect(own.scope).toBe('read-write');
  });

  it("drops a read-only client's changes on the server: neither the server's document nor the other client gets them", async () => {
    const server = await start();
    const editorToken = await server.addToken({ role: 'editor', document: BRAND });
    const readerToken = await server.addToken({ role: 'read-only', document: BRAND, label: 'Client' });
    const editor = connect(server.url, BRAND, editorToken);
    replies(editor.doc).set('r1', 'Hello');
    const reader = connect(server.url, BRAND, readerToken);
    await synced(reader);
    expect(reader.scope).toBe('readonly');
    await until(() => expect(repliesOf(reader.doc)).toEqual({ r1: 'Hello' }));

    // The first sync's exchange was accepted (the reader had nothing new).
    await until(() => expect(reader.statuses).toEqual([true]));

    // A change made on the read-only computer (as a modified extension could send it).
    const before = reader.statuses.length;
    replies(reader.doc).set('r1', 'Hacked');
    replies(reader.doc).set('r2', 'Injected');
    // The server answered "not applied" to each update…
    await until(() => expect(reader.statuses.slice(before)).toEqual([false, false]));
    // …and the reader still receives the editors' changes.
    replies(editor.doc).set('r3', 'Later');
    await until(() => expect(replies(reader.doc).get('r3')).toBe('Later'));

    const onServer = server.hocuspocus.documents.get(BRAND);
    expect(repliesOf(onServer)).toEqual({ r1: 'Hello', r3: 'Later' });
    expect(repliesOf(editor.doc)).toEqual({ r1: 'Hello', r3: 'Later' });
    // Reconnecting does not smuggle the changes in through the sync exchange either.
    const beforeReconnect = reader.statuses.length;
    await reconnect(reader);
    await synced(reader);
    await until(() => expect(reader.statuses.slice(beforeReconnect)).toEqual([false]));
    expect(repliesOf(server.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'Hello', r3: 'Later' });
  });

  it("revoking a token closes its connections at once; the token is refused afterwards", async () => {
    const server = await start();
    const keep = await server.addToken({ role: 'editor', document: '*' });
    const leaving = await server.addToken({ role: 'editor', document: BRAND, label: 'Former colleague' });
    const a = connect(server.url, BRAND, keep);
    const b = connect(server.url, BRAND, leaving);
    await Promise.all([synced(a), synced(b)]);

    const id = server.listTokens().find((t) => t.label === 'Former colleague')!.id;
    const revoked = await server.revokeToken(id);
    expect(revoked?.revokedAt).toEqual(expect.any(Number));
    await until(() => expect(b.closedReasons).toContain('token-refused'));

    replies(a.doc).set('r1', 'After the revocation');
    await until(() => expect(repliesOf(server.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'After the revocation' }));
    // The change the server now holds does not reach the revoked client.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(repliesOf(b.doc)).toEqual({});

    await reconnect(b);
    await until(() => expect(b.refused).toBe('token-refused'));
    expect(repliesOf(b.doc)).toEqual({});
    // Revoking by the token's value works too (and revoking twice keeps the first time).
    expect((await server.revokeToken(leaving))?.revokedAt).toBe(revoked?.revokedAt);
  });

  it('keeps documents and tokens across a stop and a start', async () => {
    const first = await start();
    const token = await first.addToken({ role: 'editor', document: BRAND });
    const writer = connect(first.url, BRAND, token);
    replies(writer.doc).set('r1', 'Kept');
    await until(() => expect(repliesOf(first.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'Kept' }));
    // Still connected, within Hocuspocus's store debounce: stop() must write it anyway.
    await first.stop();

    const second = await start();
    const reader = connect(second.url, BRAND, token);
    await synced(reader);
    expect(repliesOf(reader.doc)).toEqual({ r1: 'Kept' });
    expect(second.listTokens()).toHaveLength(1);
  });

  it('stores a document and frees its memory when its last client leaves', async () => {
    const server = await start();
    const token = await server.addToken({ role: 'editor', document: BRAND });
    const writer = connect(server.url, BRAND, token);
    replies(writer.doc).set('r1', 'Stored on leaving');
    await until(() => expect(repliesOf(server.hocuspocus.documents.get(BRAND))).toEqual({ r1: 'Stored on leaving' }));
    writer.provider.destroy();
    writer.socket.destroy();
    await until(() => expect(server.documentsInMemory()).toBe(0));

    const reader = connect(server.url, BRAND, token);
    await synced(reader);
    expect(repliesOf(reader.doc)).toEqual({ r1: 'Stored on leaving' });
  });

  it("after a crash (kill) and a restart, the clients' re-sync brings back what the server lost", async () => {
    const first = await start();
    const token = await first.addToken({ role: 'editor', document: BRAND });
    const a = connect(first.url, BRAND, token);
    const b = connect(first.url, BRAND, token);
    await Promise.all([synced(a), synced(b)]);
    // A burst of edits from both, then a crash before the server wrote them.
    for (let i = 0; i < 20; i++) replies(i % 2 ? a.doc : b.doc).set(`r${i}`, `Reply ${i}`);
    await until(() => expect(Object.keys(repliesOf(first.hocuspocus.documents.get(BRAND))!)).toHaveLength(20));
    await first.kill();

    // The crash lost the burst: the file on disk does not have it.
    const onDisk = await SyncStore.open(dataDir);
    const lost = new Y.Doc();
    const state = onDisk.getDocument(BRAND);
    if (state) Y.applyUpdate(lost, state);
    expect(Object.keys(replies(lost).toJSON()).length).toBeLessThan(20);
    onDisk.abandon();

    // Restarted on the same port, the clients reconnect and send what the server lacks.
    const second = await start(first.port);
    await until(() => expect(Object.keys(repliesOf(second.hocuspocus.documents.get(BRAND)) ?? {})).toHaveLength(20), 10_000);
    const late = connect(second.url, BRAND, token);
    await synced(late);
    expect(repliesOf(late.doc)).toEqual(repliesOf(a.doc));
    expect(Object.keys(repliesOf(late.doc)!)).toHaveLength(20);
  });
});

describe('the database file', () => {
  it('holds only the hash of each token, and is replaced whole (no temporary file left)', async () => {
    const store = await SyncStore.open(dataDir);
    const { token, info } = await store.addToken({ role: 'read-only', document: BRAND, label: 'Client' });
    store.putDocument(BRAND, Y.encodeStateAsUpdate(new Y.Doc()));
    await store.close();

    const bytes = readFileSync(store.file).toString('latin1');
    expect(bytes).not.toContain(token);
    expect(bytes).toContain(hashToken(token));
    expect(existsSync(`${store.file}.tmp`)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o777).toBe(0o600);

    const reopened = await SyncStore.open(dataDir);
    expect(reopened.findToken(token)).toEqual(info);
    expect(reopened.findToken(`${token}x`)).toBeNull();
    expect(reopened.documentNames()).toEqual([BRAND]);
    await reopened.close();
  });

  it('belongs to one server at a time: a second server on the same data directory does not start', async () => {
    const first = await start();
    await expect(startSyncServer({ port: 0, dataDir, quiet: true })).rejects.toThrow(/already runs/);
    // The first one still works.
    const token = await first.addToken({ role: 'editor', document: BRAND });
    await synced(connect(first.url, BRAND, token));
  });
});

describe('npm run sync-server', () => {
  it('creates an editor token on first start only, and prints it once', async () => {
    const lines: string[] = [];
    const first = await run(['--port', '0', '--data', dataDir], (line) => lines.push(line));
    servers.push(first!);
    const output = lines.join('\n');
    const token = first!.listTokens()[0];
    expect(token).toMatchObject({ role: 'editor', document: '*' });
    const printed = output.match(/^ {4}([A-Za-z0-9_-]{43})$/m)?.[1];
    expect(printed).toBeDefined();
    expect(output).toContain(first!.url);
    await first!.stop();

    lines.length = 0;
    const second = await run(['--port', '0', '--data', dataDir], (line) => lines.push(line));
    servers.push(second!);
    expect(lines.join('\n')).not.toContain(printed);
    expect(second!.listTokens()).toHaveLength(1);
    const client = connect(second!.url, BRAND, printed!);
    await synced(client);
  });

  it('token add, list and revoke act on the running server (and on the file when none runs)', async () => {
    const print = (into: string[]) => (line: string) => into.push(line);
    // No server running: written to the database file.
    const offline: string[] = [];
    await run(['token', 'add', '--role', 'editor', '--document', BRAND, '--label', 'Anna', '--data', dataDir], print(offline));
    const editorToken = offline.join('\n').match(/^ {4}([A-Za-z0-9_-]{43})$/m)![1];

    const server = await start();
    expect(server.listTokens().map((t) => t.label)).toEqual(['Anna']);
    const added: string[] = [];
    await run(['token', 'add', '--role', 'read-only', '--document', BRAND, '--label', 'Client', '--data', dataDir], print(added));
    const readerToken = added.join('\n').match(/^ {4}([A-Za-z0-9_-]{43})$/m)![1];
    const reader = connect(server.url, BRAND, readerToken);
    const editor = connect(server.url, BRAND, editorToken);
    await Promise.all([synced(reader), synced(editor)]);
    expect(reader.scope).toBe('readonly');

    const listed: string[] = [];
    await run(['token', 'list', '--data', dataDir], print(listed));
    expect(listed.join('\n')).toMatch(/read-only .*Client/);
    const id = server.listTokens().find((t) => t.label === 'Client')!.id;
    const revoked: string[] = [];
    await run(['token', 'revoke', id, '--data', dataDir], print(revoked));
    expect(revoked.join('\n')).toContain(id);
    await until(() => expect(reader.closedReasons).toContain('token-refused'));
    expect(server.listTokens().find((t) => t.id === id)?.revokedAt).toEqual(expect.any(Number));
  });
});
