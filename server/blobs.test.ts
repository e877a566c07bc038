// Thumbnail blobs over HTTP on the sync server (issue #15), with Node's fetch on 127.0.0.1.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BLOB_BYTES } from './blobs.ts';
import { startSyncServer, type SyncServer } from './index.ts';

const BRAND = '3f1c2b8e-0000-4000-8000-00000000000a';
const OTHER_BRAND = '9d0e4a71-0000-4000-8000-00000000000b';

let dataDir: string;
let servers: SyncServer[];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'spalla-blobs-'));
  servers = [];
});

afterEach(async () => {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SyncServer> {
  const server = await startSyncServer({ port: 0, dataDir, quiet: true });
  servers.push(server);
  return server;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const webp = (size: number, seed = 1): Uint8Array<ArrayBuffer> => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251);

function blobUrl(server: SyncServer, code: string, hash: string): string {
  return `http://127.0.0.1:${server.port}/blobs/${code}/${hash}`;
}

function put(server: SyncServer, token: string | null, bytes: Uint8Array<ArrayBuffer>, { code = BRAND, hash = sha256(bytes), type = 'image/webp' } = {}) {
  return fetch(blobUrl(server, code, hash), {
    method: 'PUT',
    headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: bytes,
  });
}

function get(server: SyncServer, token: string | null, hash: string, { code = BRAND, method = 'GET' } = {}) {
  return fetch(blobUrl(server, code, hash), { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}

async function answer(response: Response): Promise<[number, string]> {
  return [response.status, await response.text()];
}

describe('blobs', () => {
  it('stores a blob and serves it back with its type, for GET and HEAD, cacheable for good', async () => {
    const server = await start();
    const editor = await server.addToken({ role: 'editor', document: BRAND });
    const bytes = webp(15_000);
    const hash = sha256(bytes);

    expect(await answer(await get(server, editor, hash, { method: 'HEAD' }))).toEqual([404, '']);
    expect(await answer(await put(server, editor, bytes))).toEqual([201, 'stored']);

    const head = await get(server, editor, hash, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('15000');
    expect(head.headers.get('content-type')).toBe('image/webp');

    const got = await get(server, editor, hash);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(got.headers.get('etag')).toBe(`"${hash}"`);
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);

    // Content-addressed: the same bytes again are not written again.
    expect(await answer(await put(server, editor, bytes))).toEqual([200, 'exists']);
    const revalidated = await fetch(blobUrl(server, BRAND, hash), { headers: { Authorization: `Bearer ${editor}`, 'If-None-Match': `"${hash}"` } });
    expect(revalidated.status).toBe(304);

    // On disk: blobs/<code>/<sha256> (0600) and its type; no temporary file left.
    const file = join(dataDir, 'blobs', BRAND, hash);
    expect(readFileSync(file)).toEqual(Buffer.from(bytes));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${file}.type`, 'utf8')).toBe('image/webp');
    expect(readdirSync(join(dataDir, 'blobs', BRAND)).sort()).toEqual([hash, `${hash}.type`]);
  });

  it('answers 404 for a blob it does not have, and leaves other paths to Hocuspocus', async () => {
    const server = await start();
    const editor = await server.addToken({ role: 'editor', document: '*' });
    expect(await answer(await get(server, editor, sha256(webp(10))))).toEqual([404, 'not-found']);
    expect(await answer(await get(server, editor, 'not-a-hash'))).toEqual([404, 'not-found']);
    expect(await answer(await get(server, editor, sha256(webp(10)), { code: 'a%2F..%2Fb' }))).toEqual([404, 'not-found']);
    expect(await answer(await fetch(`http://127.0.0.1:${server.port}/`))).toEqual([200, 'Welcome to Hocuspocus!']);
  });

  it('refuses a body whose sha256 is not the one in the address', async () => {
    const server = await start();
    const editor = await server.addToken({ role: 'editor', document: BRAND });
    const bytes = webp(1000);
    const wrong = sha256(webp(1000, 2));
    expect(await answer(await put(server, editor, bytes, { hash: wrong }))).toEqual([400, 'hash-mismatch']);
    expect((await get(server, editor, wrong, { method: 'HEAD' })).status).toBe(404);
    expect(readdirSync(join(dataDir, 'blobs', BRAND))).toEqual([]);
  });

  it('checks the token as the WebSocket does: unknown or revoked, another brand, read-only', async () => {
    const server = await start();
    const editor = await server.addToken({ role: 'editor', document: BRAND });
    const everyBrand = await server.addToken({ role: 'editor', document: '*' });
    const otherBrand = await server.addToken({ role: 'editor', document: OTHER_BRAND });
    const readOnly = await server.addToken({ role: 'read-only', document: BRAND });
    const bytes = webp(2000);
    const hash = sha256(bytes);

    expect(await answer(await put(server, null, bytes))).toEqual([401, 'token-refused']);
    expect(await answer(await put(server, 'mistyped', bytes))).toEqual([401, 'token-refused']);
    expect(await answer(await put(server, otherBrand, bytes))).toEqual([403, 'server-refused']);
    expect(await answer(await put(server, readOnly, bytes))).toEqual([403, 'read-only']);
    expect((await get(server, readOnly, hash, { method: 'HEAD' })).status).toBe(404);

    expect((await put(server, everyBrand, bytes)).status).toBe(201);
    // Reading: any valid token of the document, read-only included.
    for (const token of [editor, everyBrand, readOnly]) expect((await get(server, token, hash)).status).toBe(200);
    expect(await answer(await get(server, otherBrand, hash))).toEqual([403, 'server-refused']);
    expect(await answer(await get(server, null, hash))).toEqual([401, 'token-refused']);

    await server.revokeToken(editor);
    expect(await answer(await get(server, editor, hash))).toEqual([401, 'token-refused']);
    expect(await answer(await put(server, editor, webp(10)))).toEqual([401, 'token-refused']);
  });

  it(`refuses a blob over ${MAX_BLOB_BYTES} bytes, with or without its length announced`, async () => {
    const server = await start();
    const editor = await server.addToken({ role: 'editor', document: BRAND });
    const big = webp(MAX_BLOB_BYTES + 1);
    expect(await answer(await put(server, editor, big))).toEqual([413, 'too-large']);

    // Streamed without Content-Length (chunked): read to the end, then refused.
    const chunks = [big.subarray(0, 1_000_000), big.subarray(1_000_000, 2_000_000), big.subarray(2_000_000)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await fetch(blobUrl(server, BRAND, sha256(big)), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'image/webp' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await answer(streamed)).toEqual([413, 'too-large']);

    // The connection still serves the next request, and the largest allowed blob goes in.
    const largest = webp(MAX_BLOB_BYTES);
    expect((await put(server, editor, largest)).status).toBe(201);
    expect(readdirSync(join(dataDir, 'blobs', BRAND))).toEqual([sha256(largest), `${sha256(largest)}.type`].sort());
  });

  it('answers the CORS preflight of an extension page', async () => {
    const server = await start();
    const preflight = await fetch(blobUrl(server, BRAND, sha256(webp(10))), {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    // Refusals carry it too, so that the page can read why.
    const refused = await get(server, null, sha256(webp(10)));
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps blobs across a restart, and keeps an unknown type as octet-stream', async () => {
    const first = await start();
    const editor = await first.addToken({ role: 'editor', document: BRAND });
    const bytes = webp(4000);
    expect((await put(first, editor, bytes, { type: 'not a type' })).status).toBe(201);
    await first.stop();

    // An upload a crash cut short leaves a temporary file: gone at the next start.
    const leftover = join(dataDir, 'blobs', BRAND, `.${sha256(bytes)}.0123456789ab.tmp`);
    writeFileSync(leftover, 'half');
    const second = await start();
    expect(existsSync(leftover)).toBe(false);
    const got = await get(second, editor, sha256(bytes));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
  });
});
