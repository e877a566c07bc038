/**
 * Thumbnails to and from the sync server's blob store (issue #15; server/blobs.ts). A shared
 * brand's document names each thumbnail by the sha256 of its bytes; the bytes travel over
 * HTTP, on the same server and port as the document's WebSocket, with the same token:
 *
 *   PUT|GET|HEAD <server as http(s)>/blobs/<code>/<sha256hex>, Authorization: Bearer <token>
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

function blobUrl(access: BlobAccess, hash: string): string {
  return `${blobEndpoint(access.server)}/blobs/${encodeURIComponent(access.code)}/${hash}`;
}

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
  if (bytes.byteLength > MAX_BLOB_BYTES) throw new BlobError('server-refused', 413, `${bytes.byteLength} bytes, over ${MAX_BLOB_BYTES}`);
  if (await hasBlob(access, hash)) return hash;
  const response = await request(access, hash, {
    method: 'PUT',
    headers: { 'Content-Type': blob.type || 'application/octet-stream' },
    body: bytes,
  });
  if (!response.ok) throw await refusal(response);
  return hash;
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
export function serverThumbnails(access: () => BlobAccess): { put(blob: Blob): Promise<string>; get(hash: string): Promise<Blob> } {
  return {
    put: (blob) => putBlob(access(), blob),
    get: (hash) => getBlob(access(), hash),
  };
}
