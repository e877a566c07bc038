import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startSyncServer, type SyncServer } from '../../server/index';
import { blobEndpoint, BlobError, fetchBlobs, getBlob, hasBlob, MAX_BATCH_HASHES, MAX_BLOB_BYTES, missingBlobs, putBlob, sha256Hex, uploadBlob, type BlobAccess } from './blob-client';

/** The blob client against the project's sync server (server/index.ts) on 127.0.0.1. */

const GINO = 'brand-trattoria-gino';
let dataDir: string;
let server: SyncServer;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'spalla-blob-client-'));
  server = await startSyncServer({ port: 0, dataDir, quiet: true });
});

afterEach(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const webp = (size: number, seed = 7) => new Blob([Uint8Array.from({ length: size }, (_, i) => (i * 13 + seed) % 256)], { type: 'image/webp' });

async function access(role: 'editor' | 'read-only', document = GINO): Promise<BlobAccess> {
  return { server: server.url, code: GINO, token: await server.addToken({ role, document }) };
}

async function refusal(promise: Promise<unknown>): Promise<[string, number | null]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BlobError);
  return [(error as BlobError).error, (error as BlobError).status];
}

describe('blobEndpoint', () => {
  test('turns the WebSocket address into the HTTP one, keeping a path', () => {
    expect(blobEndpoint('ws://127.0.0.1:1234')).toBe('http://127.0.0.1:1234');
    expect(blobEndpoint('wss://sync.agency.example')).toBe('https://sync.agency.example');
    expect(blobEndpoint('wss://agency.example/spalla/')).toBe('https://agency.example/spalla');
    expect(() => blobEndpoint('ftp://agency.example')).toThrow(BlobError);
  });
});

describe('sha256Hex', () => {
  test('is the sha256 of the bytes, from a Blob or an array', async () => {
    const bytes = new TextEncoder().encode('Trattoria Gino');
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(await sha256Hex(bytes)).toBe(expected);
    expect(await sha256Hex(new Blob([bytes]))).toBe(expected);
  });
});

describe('putBlob / getBlob', () => {
  test('uploads once, downloads the same bytes and type; a read-only token reads', async () => {
    const editor = await access('editor');
    const thumbnail = webp(18_000);
    const hash = await putBlob(editor, thumbnail);
    expect(hash).toBe(await sha256Hex(thumbnail));
    expect(await hasBlob(editor, hash)).toBe(true);
    // The same bytes again: the HEAD finds them and no PUT is sent; a PUT would be refused to
    // a read-only token, which passes here.
    const reader = await access('read-only');
    expect(await putBlob(reader, thumbnail)).toBe(hash);

    const got = await getBlob(reader, hash);
    expect(got.type).toBe('image/webp');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(new Uint8Array(await thumbnail.arrayBuffer()));
  });

  test('names each refusal with the word the extension shows', async () => {
    const editor = await access('editor');
    const hash = await putBlob(editor, webp(100));
    expect(await refusal(putBlob({ ...editor, token: 'mistyped' }, webp(100, 1)))).toEqual(['token-refused', 401]);
    expect(await refusal(getBlob({ ...editor, token: 'mistyped' }, hash))).toEqual(['token-refused', 401]);
    expect(await refusal(putBlob(await access('editor', 'another-brand'), webp(100, 2)))).toEqual(['server-refused', 403]);
    expect(await refusal(putBlob(await access('read-only'), webp(100, 3)))).toEqual(['read-only-change', 403]);
    expect(await refusal(getBlob(editor, await sha256Hex(webp(100, 4))))).toEqual(['server-refused', 404]);
    expect(await hasBlob(editor, await sha256Hex(webp(100, 4)))).toBe(false);
    expect(await refusal(putBlob(editor, webp(MAX_BLOB_BYTES + 1)))).toEqual(['server-refused', 413]);
  });

  test('says unreachable when nothing answers', async () => {
    const editor = await access('editor');
    await server.stop();
    expect(await refusal(putBlob(editor, webp(100)))).toEqual(['unreachable', null]);
    expect(await refusal(getBlob(editor, await sha256Hex(webp(100))))).toEqual(['unreachable', null]);
  });
});

describe('missingBlobs / uploadBlob / fetchBlobs: a batch in one request', () => {
  test('names the blobs the server lacks; uploads them; downloads them all, checked, with their types', async () => {
    const editor = await access('editor');
    const reader = await access('read-only');
    const thumbnails = [webp(18_000, 1), webp(12_000, 2), new Blob([webp(20_000, 3)], { type: 'image/jpeg' })];
    const hashes = await Promise.all(thumbnails.map((blob) => sha256Hex(blob)));
    await putBlob(editor, thumbnails[1]!);
    expect(await missingBlobs(reader, hashes)).toEqual([hashes[0], hashes[2]]);
    await uploadBlob(editor, hashes[0]!, thumbnails[0]!);
    await uploadBlob(editor, hashes[2]!, thumbnails[2]!);
    expect(await missingBlobs(reader, hashes)).toEqual([]);

    const absent = await sha256Hex(webp(100, 9));
    const got = await fetchBlobs(reader, [...hashes, absent, hashes[0]!]);
    expect([...got.keys()]).toEqual(hashes);
    for (const [i, hash] of hashes.entries()) {
      const blob = got.get(hash)!;
      expect(blob.type).toBe(thumbnails[i]!.type);
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array(await thumbnails[i]!.arrayBuffer()));
    }
  });

  test(`splits more than ${MAX_BATCH_HASHES} hashes into several requests`, async () => {
    const editor = await access('editor');
    const stored = webp(50, 1);
    await putBlob(editor, stored);
    const hashes = await Promise.all(Array.from({ length: MAX_BATCH_HASHES + 5 }, (_, i) => sha256Hex(new TextEncoder().encode(`thumbnail ${i}`))));
    hashes.push(await sha256Hex(stored));
    expect(await missingBlobs(editor, hashes)).toEqual(hashes.slice(0, -1));
    expect([...(await fetchBlobs(editor, hashes)).keys()]).toEqual([hashes.at(-1)]);
  });

  test('names each refusal with the word the extension shows', async () => {
    const editor = await access('editor');
    const hash = await putBlob(editor, webp(100));
    expect(await refusal(missingBlobs({ ...editor, token: 'mistyped' }, [hash]))).toEqual(['token-refused', 401]);
    expect(await refusal(fetchBlobs({ ...editor, token: 'mistyped' }, [hash]))).toEqual(['token-refused', 401]);
    expect(await refusal(fetchBlobs(await access('editor', 'another-brand'), [hash]))).toEqual(['server-refused', 403]);
    expect(await refusal(uploadBlob(await access('read-only'), await sha256Hex(webp(100, 3)), webp(100, 3)))).toEqual(['read-only-change', 403]);
    await server.stop();
    expect(await refusal(fetchBlobs(editor, [hash]))).toEqual(['unreachable', null]);
  });
});
