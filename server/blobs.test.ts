// Thumbnail blobs over HTTP on the sync server (issue #15), with Node's fetch on 127.0.0.1.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABSENT, MAX_BATCH_BODY, MAX_BATCH_HASHES, MAX_BLOB_BYTES } from './blobs.ts';
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

  describe('batches: POST missing and fetch', () => {
    function batch(server: SyncServer, token: string | null, route: 'missing' | 'fetch', body: unknown, code = BRAND) {
      return fetch(`http://127.0.0.1:${server.port}/blobs/${code}/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    }

    /** A `fetch` answer read back: [hash, type, bytes | null (absent)] in order. */
    function entries(data: Buffer): [string, string, Buffer | null][] {
      const out: [string, string, Buffer | null][] = [];
      let at = 0;
      while (at < data.length) {
        const hash = data.subarray(at, at + 32).toString('hex');
        const size = data.readUInt32BE(at + 32);
        const typeLength = data.readUInt16BE(at + 36);
        const type = data.subarray(at + 38, at + 38 + typeLength).toString('ascii');
        at += 38 + typeLength;
        if (size === ABSENT) out.push([hash, type, null]);
        else {
          out.push([hash, type, data.subarray(at, at + size)]);
          at += size;
        }
      }
      return out;
    }

    it('names the blobs the server lacks, for any valid token of the brand', async () => {
      const server = await start();
      const editor = await server.addToken({ role: 'editor', document: BRAND });
      const reader = await server.addToken({ role: 'read-only', document: BRAND });
      const [one, two, three] = [webp(100, 1), webp(200, 2), webp(300, 3)];
      expect((await put(server, editor, one)).status).toBe(201);
      expect((await put(server, editor, three)).status).toBe(201);
      const response = await batch(server, reader, 'missing', [sha256(one), sha256(two), sha256(three)]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual([sha256(two)]);
      // Another brand's store is another directory.
      const anyBrand = await server.addToken({ role: 'editor', document: '*' });
      expect(await (await batch(server, anyBrand, 'missing', [sha256(one)], OTHER_BRAND)).json()).toEqual([sha256(one)]);
    });

    it('streams the blobs asked for, in order, with their types; an absent one says so', async () => {
      const server = await start();
      const editor = await server.addToken({ role: 'editor', document: BRAND });
      const reader = await server.addToken({ role: 'read-only', document: BRAND });
      const big = webp(MAX_BLOB_BYTES, 4); // larger than a read stream's chunk
      const small = webp(1_000, 5);
      const absent = webp(10, 6);
      expect((await put(server, editor, big)).status).toBe(201);
      expect((await put(server, editor, small, { type: 'image/jpeg' })).status).toBe(201);
      const response = await batch(server, reader, 'fetch', [sha256(small), sha256(absent), sha256(big), sha256(small)]);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const got = entries(Buffer.from(await response.arrayBuffer()));
      expect(got.map(([hash, type]) => [hash, type])).toEqual([
        [sha256(small), 'image/jpeg'],
        [sha256(absent), ''],
        [sha256(big), 'image/webp'],
        [sha256(small), 'image/jpeg'],
      ]);
      expect(got[1]![2]).toBeNull();
      expect(sha256(got[0]![2]!)).toBe(sha256(small));
      expect(sha256(got[2]![2]!)).toBe(sha256(big));
      expect(sha256(got[3]![2]!)).toBe(sha256(small));
    });

    it('checks the token as the other routes do', async () => {
      const server = await start();
      const editor = await server.addToken({ role: 'editor', document: BRAND });
      const other = await server.addToken({ role: 'editor', document: OTHER_BRAND });
      const hashes = [sha256(webp(10))];
      for (const route of ['missing', 'fetch'] as const) {
        expect(await answer(await batch(server, null, route, hashes))).toEqual([401, 'token-refused']);
        expect(await answer(await batch(server, 'not-a-token', route, hashes))).toEqual([401, 'token-refused']);
        expect(await answer(await batch(server, other, route, hashes))).toEqual([403, 'server-refused']);
      }
      await server.revokeToken(editor);
      expect(await answer(await batch(server, editor, 'missing', hashes))).toEqual([401, 'token-refused']);
    });

    it('refuses a body that is not an array of hashes, too many hashes, a body too large, other methods', async () => {
      const server = await start();
      const editor = await server.addToken({ role: 'editor', document: BRAND });
      const hash = sha256(webp(10));
      for (const body of ['not json', '{"a":1}', [hash.toUpperCase()], [hash, 42], Array(MAX_BATCH_HASHES + 1).fill(hash)]) {
        expect(await answer(await batch(server, editor, 'missing', body))).toEqual([400, 'bad-request']);
      }
      expect(await answer(await batch(server, editor, 'fetch', ' '.repeat(MAX_BATCH_BODY + 1)))).toEqual([413, 'too-large']);
      expect(await answer(await batch(server, editor, 'missing', Array(MAX_BATCH_HASHES).fill(hash)))).toEqual([200, JSON.stringify(Array(MAX_BATCH_HASHES).fill(hash))]);
      const getting = await fetch(`http://127.0.0.1:${server.port}/blobs/${BRAND}/missing`, { headers: { Authorization: `Bearer ${editor}` } });
      expect(getting.status).toBe(405);
      expect(getting.headers.get('allow')).toBe('POST, OPTIONS');
      const preflight = await fetch(`http://127.0.0.1:${server.port}/blobs/${BRAND}/fetch`, { method: 'OPTIONS' });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    });
  });
});
