/** Thumbnails as content-addressed blobs over HTTP, on the sync server's own port (issue #15).
 *
 * A shared clip's thumbnail (a 320 px WebP of 10-25 KB) does not travel inside the brand's
 * Yjs document: 20,000 clips would make a document of hundreds of MB that the server and every
 * browser hold whole in memory and send as one message. The document keeps each thumbnail's
 * metadata and sha256 (utils/sync/doc-layout.ts); the bytes go through these requests:
 *
 *   PUT  /blobs/<code>/<sha256hex>   body = the bytes, Content-Type kept; editor tokens only
 *   GET  /blobs/<code>/<sha256hex>   any valid token of the document
 *   HEAD /blobs/<code>/<sha256hex>   the same, without the body (does the server have it?)
 *   POST /blobs/<code>/missing       body = JSON array of up to 1,000 sha256s; answer = JSON
 *                                    array of those the server lacks; any valid token
 *   POST /blobs/<code>/fetch         body = the same; answer (application/octet-stream), for
 *                                    each hash in order: its 32 raw bytes, a uint32 big-endian
 *                                    length (0xFFFFFFFF: absent), a uint16 big-endian length and
 *                                    the Content-Type in ASCII, then the bytes; any valid token
 *
 * The two POSTs let a first sync of thousands of thumbnails take one request per batch instead
 * of one (or two) per thumbnail: a browser sends at most six requests at once to one server
 * over HTTP/1.1, and each costs milliseconds whatever its size.
 *
 * with `Authorization: Bearer <token>`, the token of the document's WebSocket connection.
 * Answers that refuse carry one word as their body, the extension's SyncError words where
 * they exist: 401 `token-refused` (unknown or revoked token), 403 `server-refused` (a token
 * for another brand), 403 `read-only` (a read-only token's PUT), 400 `hash-mismatch`,
 * 413 `too-large`, 404 `not-found`, 400 `bad-request` (a POST's body is not such an array).
 *
 * On disk: `<dataDir>/blobs/<code>/<sha256>` (mode 0600) and beside it `<sha256>.type`, the
 * Content-Type it was uploaded with. A blob is written once, to a temporary file renamed into
 * place (atomic), and never rewritten: its name is its content's hash. Bodies are streamed to
 * disk and from disk, so the server's memory does not grow with the blobs' number or size.
 *
 * CORS: `Access-Control-Allow-Origin: *`, since the token travels in a header, never in a
 * cookie (https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS); an extension page's
 * requests with an Authorization header are preflighted with OPTIONS. */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SyncStore } from './store.ts';

/** The largest blob accepted: a thumbnail is 10-25 KB, a video's poster a little more. */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;
/** The path prefix of blob requests; every other path is Hocuspocus's. */
export const BLOB_PATH = '/blobs/';
/** The most hashes one `missing` or `fetch` request names. */
export const MAX_BATCH_HASHES = 1000;
/** The largest body of a `missing` or `fetch` request: 1,000 quoted hashes are about 67 KB. */
export const MAX_BATCH_BODY = 128 * 1024;
/** The length written in a `fetch` answer for a blob the server does not have. */
export const ABSENT = 0xffffffff;

/** The one-word bodies of refusals (the first three are SyncError words of the extension). */
export const BLOB_REFUSED = {
  token: 'token-refused',
  document: 'server-refused',
  readOnly: 'read-only',
  hash: 'hash-mismatch',
  size: 'too-large',
  missing: 'not-found',
  request: 'bad-request',
  method: 'method-not-allowed',
  failed: 'server-error',
} as const;

/** Brand codes are uuids (the extension accepts letters, digits, '_' and '-': isBrandCode in
 * utils/sync/address.ts). A code becomes a directory's name, so nothing else is accepted: no
 * dot, no slash, and the path stays inside blobs/. */
const CODE = /^[A-Za-z0-9_-]{1,200}$/;
const HASH = /^[0-9a-f]{64}$/;
/** A media type as sent, e.g. image/webp; anything else is kept as application/octet-stream. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;
const DEFAULT_TYPE = 'application/octet-stream';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '86400',
};

/** A blob's name never changes what it holds: caches may keep it for a year. `private`: a
 * shared cache must not hand it to someone without the token. */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface BlobHandlerOptions {
  dataDir: string;
  /** Where tokens are looked up (the server's database). */
  store: Pick<SyncStore, 'findToken'>;
  log: (line: string) => void;
}

/** Answers blob requests; resolves true when it answered (the path was a blob path), false
 * for every other request. Never rejects: a failure is answered with 500. */
export type BlobHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

export function blobDirectory(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/** Deletes the temporary files uploads interrupted by a crash left behind (call before the
 * server listens: no upload is under way then). Resolves with how many it deleted. */
export async function removeLeftovers(dataDir: string): Promise<number> {
  const root = blobDirectory(dataDir);
  let removed = 0;
  const codes = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const code of codes) {
    if (!code.isDirectory()) continue;
    for (const name of await readdir(join(root, code.name))) {
      if (!name.startsWith('.') || !name.includes('.tmp')) continue;
      await rm(join(root, code.name, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export function createBlobHandler({ dataDir, store, log }: BlobHandlerOptions): BlobHandler {
  const root = blobDirectory(dataDir);

  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(BLOB_PATH)) return false;
    try {
      await answer(request, response, url.pathname.slice(BLOB_PATH.length));
    } catch (error) {
      log(`blob request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) send(response, 500, BLOB_REFUSED.failed);
      else response.destroy();
    }
    return true;
  };

  async function answer(request: IncomingMessage, response: ServerResponse, rest: string): Promise<void> {
    const [code, hash, ...extra] = rest.split('/');
    const batch = hash === 'missing' || hash === 'fetch' ? hash : null;
    if (extra.length > 0 || !code || !hash || !CODE.test(code) || !(batch || HASH.test(hash))) {
      return send(response, 404, BLOB_REFUSED.missing);
    }
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') return send(response, 204);
    const allowed = batch ? ['POST'] : ['GET', 'HEAD', 'PUT'];
    if (!allowed.includes(method)) return send(response, 405, BLOB_REFUSED.method, { Allow: [...allowed, 'OPTIONS'].join(', ') });

    // The same checks as the WebSocket's onAuthenticate (server/index.ts).
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const found = token ? store.findToken(token) : null;
    if (!found || found.revokedAt !== null) {
      return send(response, 401, BLOB_REFUSED.token, { 'WWW-Authenticate': 'Bearer' });
    }
    if (found.document !== '*' && found.document !== code) return send(response, 403, BLOB_REFUSED.document);

    if (batch) {
      const hashes = await readHashes(request);
      if (hashes === 'too-large') return send(response, 413, BLOB_REFUSED.size);
      if (!hashes) return send(response, 400, BLOB_REFUSED.request);
      return batch === 'missing' ? missing(response, code, hashes) : fetchMany(response, code, hashes);
    }
    const file = join(root, code, hash);
    if (method === 'PUT') {
      if (found.role !== 'editor') return send(response, 403, BLOB_REFUSED.readOnly);
      return put(request, response, code, hash, file);
    }
    return get(request, response, method === 'HEAD', hash, file);
  }

  async function get(request: IncomingMessage, response: ServerResponse, headOnly: boolean, hash: string, file: string): Promise<void> {
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) return send(response, 404, BLOB_REFUSED.missing);
    const type = await readFile(`${file}.type`, 'utf8').catch(() => DEFAULT_TYPE);
    const etag = `"${hash}"`;
    const headers = { ...CORS_HEADERS, 'Cache-Control': CACHE_CONTROL, ETag: etag };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': MEDIA_TYPE.test(type) ? type : DEFAULT_TYPE, 'Content-Length': found.size });
    if (headOnly) {
      response.end();
      return;
    }
    await pipeline(createReadStream(file), response);
  }

  async function missing(response: ServerResponse, code: string, hashes: string[]): Promise<void> {
    const lacking: string[] = [];
    for (const hash of hashes) {
      if (!(await stat(join(root, code, hash)).catch(() => null))?.isFile()) lacking.push(hash);
    }
    const body = JSON.stringify(lacking);
    response.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    response.end(body);
  }

  /** The blobs one after another, each read from its file as the response drains: memory holds
   * one file's chunks at most, whatever the number of blobs. */
  async function fetchMany(response: ServerResponse, code: string, hashes: string[]): Promise<void> {
    async function* entries(): AsyncGenerator<Buffer> {
      for (const hash of hashes) {
        const file = join(root, code, hash);
        const found = await stat(file).catch(() => null);
        const stored = await readFile(`${file}.type`, 'utf8').catch(() => DEFAULT_TYPE);
        const type = found?.isFile() && MEDIA_TYPE.test(stored) ? stored : found?.isFile() ? DEFAULT_TYPE : '';
        const header = Buffer.alloc(32 + 4 + 2 + type.length);
        header.write(hash, 0, 'hex');
        header.writeUInt32BE(found?.isFile() ? found.size : ABSENT, 32);
        header.writeUInt16BE(type.length, 36);
        header.write(type, 38, 'ascii');
        yield header;
        if (!found?.isFile()) continue;
        // A blob is never rewritten (its name is its hash), so its size read above holds.
        let sent = 0;
        for await (const chunk of createReadStream(file, { end: found.size - 1 }) as AsyncIterable<Buffer>) {
          sent += chunk.length;
          yield chunk;
        }
        if (sent !== found.size) throw new Error(`blob ${hash}: ${sent} bytes read, ${found.size} expected`);
      }
    }
    response.writeHead(200, { ...CORS_HEADERS, 'Content-Type': DEFAULT_TYPE, 'Cache-Control': 'no-store' });
    await pipeline(Readable.from(entries()), response);
  }

  async function put(request: IncomingMessage, response: ServerResponse, code: string, hash: string, file: string): Promise<void> {
    // Refused before reading: Node's HTTP server reads and drops the rest of the body after
    // the answer (so the client, still sending, gets the answer and the connection stays).
    const declared = Number(request.headers['content-length']);
    if (declared > MAX_BLOB_BYTES) return send(response, 413, BLOB_REFUSED.size);

    const directory = join(root, code);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    // A temporary name in the same directory, so that the rename below is atomic (rename(2)).
    const temporary = join(directory, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
    const check = new HashingLimit(MAX_BLOB_BYTES);
    try {
      await pipeline(request, check, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      // On disk before it is renamed into place (fsync reaches the file through any descriptor).
      const handle = await open(temporary, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    if (check.tooLarge) {
      await rm(temporary, { force: true });
      return send(response, 413, BLOB_REFUSED.size);
    }
    if (check.digest() !== hash) {
      await rm(temporary, { force: true });
      return send(response, 400, BLOB_REFUSED.hash);
    }
    if (await stat(file).catch(() => null)) {
      // Already here: the same hash is the same content. Never rewritten.
      await rm(temporary, { force: true });
      return send(response, 200, 'exists');
    }
    // The type first: a blob is never visible without it.
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim();
    const typeTemporary = `${temporary}.type`;
    await writeFile(typeTemporary, MEDIA_TYPE.test(type) ? type : DEFAULT_TYPE, { mode: 0o600 });
    await rename(typeTemporary, `${file}.type`);
    await rename(temporary, file);
    send(response, 201, 'stored');
  }
}

/** A `missing` or `fetch` request's hashes: a JSON array of up to MAX_BATCH_HASHES sha256s;
 * null when the body is not one, 'too-large' past MAX_BATCH_BODY bytes (not read further). */
async function readHashes(request: IncomingMessage): Promise<string[] | null | 'too-large'> {
  if (Number(request.headers['content-length']) > MAX_BATCH_BODY) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the cap (dropping it), so the connection stays usable.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BATCH_BODY) chunks.push(chunk);
  }
  if (size > MAX_BATCH_BODY) return 'too-large';
  let hashes: unknown;
  try {
    hashes = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(hashes) || hashes.length > MAX_BATCH_HASHES) return null;
  return hashes.every((hash) => typeof hash === 'string' && HASH.test(hash)) ? hashes : null;
}

function send(response: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...CORS_HEADERS,
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

/** Passes bytes through, hashing them (sha256). Past `limit` bytes (a body sent without
 * Content-Length) it passes nothing more and drops the rest: memory stays flat. */
class HashingLimit extends Transform {
  tooLarge = false;
  private readonly hash = createHash('sha256');
  private size = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.tooLarge = true;
      callback();
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
