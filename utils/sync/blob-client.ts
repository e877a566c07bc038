/**
 * Thumbnails to and from the sync server's blob store (issue #15; server/blobs.ts). A shared
 * brand's document names each thumbnail by the sha256 of its bytes; the bytes travel over
 * HTTP, on the same server and port as the document's WebSocket, with the same token:
 *
 *   PUT|GET|HEAD <server as http(s)>/blobs/<code>/<sha256hex>, Authorization: Bearer <token>
 *   POST <server as http(s)>/blobs/<code>/missing|fetch, a batch of hashes as a JSON array
 *
 * Browser code (fetch, crypto.subtle): it runs in the extension's background. The server
 * answers with CORS headers for any origin, so no host permission is needed for it.
 */
import type { SyncError } from '../messaging/features/sync';

/** Where and as whom: a share's server address (ws:// or wss://), brand code and token. */
export interface BlobAccess {
  server: string;
  code: string;
  token: string;
}

/** The server's largest blob (server/blobs.ts, MAX_BLOB_BYTES): larger ones are not sent. */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;

/** A blob request that failed, with the SyncError word it means for the user, and the HTTP
 * status (null: no answer at all). */
export class BlobError extends Error {
  constructor(
    readonly error: SyncError,
    readonly status: number | null,
    detail: string,
  ) {
    super(`${error}: ${detail}`);
    this.name = 'BlobError';
  }
}

/** The http(s) address of a sync server given by its ws(s) address: ws:// -> http://,
 * wss:// -> https://, the path kept (a reverse proxy may serve it under one), no slash at the
 * end. */
export function blobEndpoint(server: string): string {
  const url = new URL(server);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BlobError('bad-address', null, server);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The sha256 of `bytes` as 64 lowercase hex digits (crypto.subtle.digest, Web Crypto). */
export async function sha256Hex(bytes: Blob | ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const data = bytes instanceof Blob ? await bytes.arrayBuffer() : bytes;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The most hashes one `missing` or `fetch` request names (server/blobs.ts, MAX_BATCH_HASHES). */
export const MAX_BATCH_HASHES = 1000;
/** The length a `fetch` answer gives a blob the server does not have. */
const ABSENT = 0xffffffff;

function blobUrl(access: BlobAccess, name: string): string {
  return `${blobEndpoint(access.server)}/blobs/${encodeURIComponent(access.code)}/${name}`;
}

/** A request for the blob `hash`, or for the batch route `missing` or `fetch`. */
async function request(access: BlobAccess, hash: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${access.token}`);
  try {
    // No cookies. Not kept in the browser's HTTP cache either: the bytes go into Spalla's own
    // database, and a second copy of every thumbnail in the cache would only take room.
    return await fetch(blobUrl(access, hash), { ...init, headers, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    throw new BlobError('unreachable', null, error instanceof Error ? error.message : String(error));
  }
}

/** The SyncError of a refusal: the server says which in the body (server/blobs.ts). */
async function refusal(response: Response): Promise<BlobError> {
  const word = response.status === 404 ? '' : (await response.text().catch(() => '')).trim();
  const error: SyncError =
    response.status === 401 || word === 'token-refused' ? 'token-refused' : word === 'read-only' ? 'read-only-change' : 'server-refused';
  return new BlobError(error, response.status, word || `HTTP ${response.status}`);
}

/** Whether the server holds the blob `hash` of this brand. */
export async function hasBlob(access: BlobAccess, hash: string): Promise<boolean> {
  const response = await request(access, hash, { method: 'HEAD' });
  if (response.status === 404) return false;
  if (response.ok) return true;
  throw await refusal(response);
}

/** Uploads `blob` (unless the server has it already) and resolves with its sha256, the name the
 * document keeps. Needs an editor token. */
export async function putBlob(access: BlobAccess, blob: Blob): Promise<string> {
  const bytes = await blob.arrayBuffer();
  const hash = await sha256Hex(bytes);
  if (!(await hasBlob(access, hash))) await uploadBlob(access, hash, blob, bytes);
  return hash;
}

/** Uploads `blob`, whose sha256 is `hash`, without asking first whether the server has it
 * (`missingBlobs` asked for a whole batch). Needs an editor token. */
export async function uploadBlob(access: BlobAccess, hash: string, blob: Blob, bytes?: ArrayBuffer): Promise<void> {
  const body = bytes ?? (await blob.arrayBuffer());
  if (body.byteLength > MAX_BLOB_BYTES) throw new BlobError('server-refused', 413, `${body.byteLength} bytes, over ${MAX_BLOB_BYTES}`);
  const response = await request(access, hash, {
    method: 'PUT',
    headers: { 'Content-Type': blob.type || 'application/octet-stream' },
    body,
  });
  if (!response.ok) throw await refusal(response);
}

/** Of `hashes`, those the server lacks: one request per MAX_BATCH_HASHES. */
export async function missingBlobs(access: BlobAccess, hashes: readonly string[]): Promise<string[]> {
  const lacking: string[] = [];
  for (let i = 0; i < hashes.length; i += MAX_BATCH_HASHES) {
    const response = await postHashes(access, 'missing', hashes.slice(i, i + MAX_BATCH_HASHES));
    const answer: unknown = await response.json().catch(() => null);
    if (!Array.isArray(answer)) throw new BlobError('server-refused', response.status, 'the answer is not a list of hashes');
    lacking.push(...answer.filter((hash): hash is string => typeof hash === 'string'));
  }
  return lacking;
}

/** Downloads the blobs `hashes` of this brand, one request per MAX_BATCH_HASHES: those the
 * server has, each checked against its hash (a blob that does not match refuses the batch). */
export async function fetchBlobs(access: BlobAccess, hashes: readonly string[]): Promise<Map<string, Blob>> {
  const blobs = new Map<string, Blob>();
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += MAX_BATCH_HASHES) {
    const response = await postHashes(access, 'fetch', unique.slice(i, i + MAX_BATCH_HASHES));
    // One batch's bytes at once (the bridge asks for 200 thumbnails of 10-25 KB).
    const data = new Uint8Array(await response.arrayBuffer());
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let at = 0;
    while (at < data.length) {
      if (at + 38 > data.length) throw new BlobError('server-refused', response.status, 'the answer ends inside an entry');
      const hash = Array.from(data.subarray(at, at + 32), (byte) => byte.toString(16).padStart(2, '0')).join('');
      const size = view.getUint32(at + 32);
      const typeLength = view.getUint16(at + 36);
      const type = String.fromCharCode(...data.subarray(at + 38, at + 38 + typeLength));
      at += 38 + typeLength;
      if (size === ABSENT) continue;
      if (at + size > data.length) throw new BlobError('server-refused', response.status, 'the answer ends inside a blob');
      const bytes = data.slice(at, at + size);
      at += size;
      if ((await sha256Hex(bytes)) !== hash) throw new BlobError('server-refused', response.status, 'the bytes do not match their hash');
      blobs.set(hash, new Blob([bytes], { type }));
    }
  }
  return blobs;
}

async function postHashes(access: BlobAccess, route: 'missing' | 'fetch', hashes: string[]): Promise<Response> {
  const response = await request(access, route, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(hashes),
  });
  if (!response.ok) throw await refusal(response);
  return response;
}

/** Downloads the blob `hash` of this brand. Its bytes are checked against the hash. */
export async function getBlob(access: BlobAccess, hash: string): Promise<Blob> {
  const response = await request(access, hash, { method: 'GET' });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  if ((await sha256Hex(blob)) !== hash) throw new BlobError('server-refused', response.status, 'the bytes do not match their hash');
  return blob;
}

/** The bridge's thumbnail store (utils/sync/bridge.ts, ThumbnailStore) on a share's server;
 * `access` is read at each call, so a new token is used as soon as the share has it. */
export function serverThumbnails(access: () => BlobAccess): {
  missing(hashes: string[]): Promise<string[]>;
  put(hash: string, blob: Blob): Promise<void>;
  getMany(hashes: string[]): Promise<Map<string, Blob>>;
} {
  return {
    missing: (hashes) => missingBlobs(access(), hashes),
    put: (hash, blob) => uploadBlob(access(), hash, blob),
    getMany: (hashes) => fetchBlobs(access(), hashes),
  };
}
