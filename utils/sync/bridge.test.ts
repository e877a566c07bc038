import { afterEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { deleteBrand, moveItems, updateBrand } from '../brands/ops';
import { updateClipNotes } from '../clips/store';
import type { ClipInput } from '../clips/capture-input';
import { saveCapture, type PreparedImage } from '../clips/capture-save';
import type { AppDB } from '../db/app-db';
import { fillDatabase } from '../db/fixtures';
import { deleteReply, recordReplyUse, restoreReply, saveReply, draftOf } from '../replies/store';
import { exactKeys } from './bridge';
import { docToJSON, rowsOf } from './doc-layout';
import { sha256Hex } from './blob-client';
import type { ThumbnailStore } from './bridge';
import { closeComputers, computer, memoryThumbnails, settle, sharedThumbnails, wire, type Computer } from './test-pair';

const GINO = 'brand-trattoria-gino';

afterEach(closeComputers);

/** A shares the fixture brand, B starts empty; both linked. */
async function sharedPair(roleOfB: 'editor' | 'read-only' = 'editor') {
  const a = computer('a', GINO);
  const b = computer('b', GINO, roleOfB);
  await fillDatabase(a.db);
  await a.bridge.start();
  const link = wire(a.doc, b.doc);
  await b.join();
  await settle(a, b);
  return { a, b, link };
}

async function rowsOfBrand(db: AppDB, table: string) {
  return (await db.table(table).where('brandId').equals(GINO).toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
}

async function editBody(c: Computer, id: string, body: string, now = Date.now()) {
  const reply = (await c.db.savedReplies.get(id))!;
  const result = await saveReply(c.db, { ...draftOf(reply), shortcut: 'grazie', body }, now);
  expect(result.ok).toBe(true);
}

describe('one brand, two computers', () => {
  test('joining brings the brand and its rows; other brands, learned hashtags and full-size images stay home', async () => {
    const { a, b } = await sharedPair();
    expect(await b.db.brands.get(GINO)).toEqual(await a.db.brands.get(GINO));
    expect(await b.db.brands.count()).toBe(1);
    for (const table of ['accounts', 'savedReplies', 'hashtagSets', 'clips', 'postLog']) {
      const theirs = await rowsOfBrand(a.db, table);
      expect(theirs.length).toBeGreaterThan(0);
      // A reply's uses are personal: a teammate's copy starts at none.
      const expected = table === 'savedReplies' ? theirs.map(({ lastAnswers: _a, ...row }) => ({ ...row, useCount: 0, lastUsedAt: null })) : theirs;
      expect(await rowsOfBrand(b.db, table)).toEqual(expected);
    }
    expect(await b.db.hashtagStats.count()).toBe(0);
    const images = await b.db.images.toArray();
    expect(images.map((i) => i.role)).toEqual(['thumbnail']);
    const original = (await a.db.images.get(images[0].id))!;
    expect(new Uint8Array(await images[0].blob.arrayBuffer())).toEqual(new Uint8Array(await original.blob.arrayBuffer()));
    expect(images[0].blob.type).toBe(original.blob.type);
    // Rows of every brand (null) are not in the document.
    expect(Object.keys(docToJSON(a.doc).savedReplies as object)).toEqual(['reply-grazie']);
  });

  test('new, edited and deleted replies, sets, clips with their thumbnail and logged posts reach the other side', async () => {
    const { a, b } = await sharedPair();
    const created = await saveReply(a.db, { title: 'Prenotazioni', body: 'Chiamate lo 06 123456', shortcut: 'pren', tags: [], networks: [], language: 'it', brandId: GINO });
    expect(created.ok).toBe(true);
    await a.db.hashtagSets.put({ id: 'set-new', createdAt: 1, updatedAt: 1, name: 'Pizza', tags: ['pizza', 'forno'], network: null, brandId: GINO });
    await a.db.clips.put({ ...(await a.db.clips.get('clip-lasagne'))!, id: 'clip-new', permalink: 'https://www.instagram.com/p/new/', imageIds: ['img-new'], updatedAt: 5 });
    await a.db.images.put({ id: 'img-new', createdAt: 5, updatedAt: 5, clipId: 'clip-new', role: 'thumbnail', mimeType: 'image/jpeg', width: 2, height: 2, sourceUrl: null, blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), brandId: GINO });
    await a.db.postLog.put({ ...(await a.db.postLog.get('post-gino-1'))!, id: 'post-new', permalink: 'https://www.instagram.com/p/post-new/' });
    await settle(a, b);
    expect(await b.db.savedReplies.get(created.ok ? created.reply.id : '')).toMatchObject({ body: 'Chiamate lo 06 123456', brandId: GINO, useCount: 0 });
    expect(await b.db.hashtagSets.get('set-new')).toMatchObject({ name: 'Pizza', tags: ['pizza', 'forno'] });
    expect(await b.db.clips.get('clip-new')).toMatchObject({ imageIds: ['img-new'], brandId: GINO });
    expect(await b.db.images.get('img-new')).toMatchObject({ role: 'thumbnail', brandId: GINO });
    expect(await b.db.postLog.get('post-new')).toMatchObject({ brandId: GINO });

    // And back: B edits a clip's note and a set, deletes a logged post.
    await updateClipNotes(b.db, 'clip-new', { note: 'Da provare a novembre', tags: ['autunno'] });
    await b.db.hashtagSets.update('set-new', { tags: ['pizza'], updatedAt: 9 });
    await b.db.postLog.delete('post-new');
    await settle(a, b);
    expect(await a.db.clips.get('clip-new')).toMatchObject({ note: 'Da provare a novembre', tags: ['autunno'] });
    expect(await a.db.hashtagSets.get('set-new')).toMatchObject({ tags: ['pizza'] });
    expect(await a.db.postLog.get('post-new')).toBeUndefined();
    expect(rowsOf(a.doc, 'postLog').has('post-new')).toBe(false);
  });

  test('a thumbnail travels as a blob: the document names it by hash; one not moved now comes at the next reconcile', async () => {
    const { a, b } = await sharedPair();
    const original = (await a.db.images.get('image-lasagne-thumb'))!;
    const hash = await sha256Hex(original.blob);
    expect(docToJSON(a.doc).thumbnails).toEqual({
      'image-lasagne-thumb': { id: original.id, createdAt: original.createdAt, updatedAt: original.updatedAt, clipId: 'clip-lasagne', role: 'thumbnail', mimeType: original.mimeType, width: original.width, height: original.height, sourceUrl: original.sourceUrl, hash, size: original.blob.size },
    });
    expect([...sharedThumbnails.blobs.keys()]).toEqual([hash]);
    expect(sharedThumbnails).toMatchObject({ uploads: 1, downloads: 1 });

    // A teammate out of reach of the blobs: the clip arrives, its thumbnail not yet.
    const thumbnail = (bytes: number[]) => new Blob([new Uint8Array(bytes)], { type: 'image/webp' });
    sharedThumbnails.downloadsFail = true;
    await a.db.clips.put({ ...(await a.db.clips.get('clip-lasagne'))!, id: 'clip-new', permalink: 'https://www.instagram.com/p/new/', imageIds: ['img-new'], updatedAt: 5 });
    await a.db.images.put({ id: 'img-new', createdAt: 5, updatedAt: 5, clipId: 'clip-new', role: 'thumbnail', mimeType: 'image/webp', width: 320, height: 400, sourceUrl: null, blob: thumbnail([1, 2, 3]), brandId: GINO });
    await settle(a, b);
    expect(rowsOf(a.doc, 'thumbnails').get('img-new')?.get('hash')).toBe(await sha256Hex(thumbnail([1, 2, 3])));
    expect(await b.db.clips.get('clip-new')).toBeDefined();
    expect(await b.db.images.get('img-new')).toBeUndefined();
    sharedThumbnails.downloadsFail = false;
    await b.bridge.reconcile(); // as after a reconnection
    await settle(a, b);
    const arrived = (await b.db.images.get('img-new'))!;
    expect(arrived).toMatchObject({ role: 'thumbnail', mimeType: 'image/webp', width: 320, brandId: GINO });
    expect(new Uint8Array(await arrived.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(arrived.blob.type).toBe('image/webp');

    // The uploader out of reach: the row waits outside the document, then joins it.
    sharedThumbnails.unreachable = true;
    await a.db.images.update('img-new', { blob: thumbnail([4, 5, 6, 7]), updatedAt: 6 });
    await settle(a, b);
    expect(rowsOf(a.doc, 'thumbnails').get('img-new')?.get('size')).toBe(3);
    sharedThumbnails.unreachable = false;
    await a.bridge.reconcile();
    await settle(a, b);
    expect(rowsOf(a.doc, 'thumbnails').get('img-new')?.get('size')).toBe(4);
    expect(new Uint8Array(await (await b.db.images.get('img-new'))!.blob.arrayBuffer())).toEqual(new Uint8Array([4, 5, 6, 7]));

    // A change of the row only (same bytes): nothing downloaded, the local bytes kept.
    const downloads = sharedThumbnails.downloads;
    await a.db.images.update('img-new', { width: 300, updatedAt: 7 });
    await settle(a, b);
    expect(await b.db.images.get('img-new')).toMatchObject({ width: 300 });
    expect(sharedThumbnails.downloads).toBe(downloads);
  });

  test('thumbnails move a batch at a time: one question and one download per 200, one upload per distinct blob', async () => {
    const calls = { missing: 0, put: 0, getMany: 0 };
    const counting: ThumbnailStore = {
      missing: (hashes) => (calls.missing++, memoryThumbnails.missing(hashes)),
      put: (hash, blob) => (calls.put++, memoryThumbnails.put(hash, blob)),
      getMany: (hashes) => (calls.getMany++, memoryThumbnails.getMany(hashes)),
    };
    const a = computer('a', GINO, 'editor', counting);
    const b = computer('b', GINO, 'editor', counting);
    await fillDatabase(a.db);
    const clip = (await a.db.clips.get('clip-lasagne'))!;
    // 249 more thumbnails (250 with the fixture's): 50 distinct images, each on 5 rows.
    const ids = Array.from({ length: 249 }, (_, i) => `img-batch-${String(i).padStart(3, '0')}`);
    await a.db.images.bulkPut(
      ids.map((id, i) => ({ id, createdAt: 5, updatedAt: 5, clipId: clip.id, role: 'thumbnail' as const, mimeType: 'image/webp', width: 320, height: 400, sourceUrl: null, blob: new Blob([new Uint8Array([i % 50, 1, 2])], { type: 'image/webp' }), brandId: GINO })),
    );
    await a.db.clips.update(clip.id, { imageIds: [...clip.imageIds, ...ids] });
    await a.bridge.start();
    await settle(a);
    expect(calls).toEqual({ missing: 2, put: 51, getMany: 0 });
    wire(a.doc, b.doc);
    await b.join();
    await settle(a, b);
    expect(calls.getMany).toBe(2);
    expect(await b.db.images.where('clipId').equals(clip.id).count()).toBe(250);
    const sample = (await b.db.images.get('img-batch-057'))!;
    expect(new Uint8Array(await sample.blob.arrayBuffer())).toEqual(new Uint8Array([7, 1, 2]));
  });

  test("joining does not wait for the thumbnails' bytes: the rows first, each thumbnail when it arrives", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: ThumbnailStore = {
      missing: (hashes) => memoryThumbnails.missing(hashes),
      put: (hash, blob) => memoryThumbnails.put(hash, blob),
      getMany: async (hashes) => {
        await gate;
        return memoryThumbnails.getMany(hashes);
      },
    };
    const a = computer('a', GINO);
    const b = computer('b', GINO, 'editor', slow);
    await fillDatabase(a.db);
    await a.bridge.start();
    await settle(a);
    wire(a.doc, b.doc);
    await b.join(); // resolves after the bridge's first reconcile
    expect(await b.db.clips.get('clip-lasagne')).toMatchObject({ imageIds: ['image-lasagne-full', 'image-lasagne-thumb'] });
    expect(await b.db.images.get('image-lasagne-thumb')).toBeUndefined();
    release();
    await settle(a, b);
    expect(await b.db.images.get('image-lasagne-thumb')).toMatchObject({ clipId: 'clip-lasagne', role: 'thumbnail' });
  });

  test('a deletion reaches the other side, and so does its undo', async () => {
    const { a, b } = await sharedPair();
    const removed = (await deleteReply(a.db, 'reply-grazie'))!;
    await settle(a, b);
    expect(await b.db.savedReplies.get('reply-grazie')).toBeUndefined();
    await restoreReply(a.db, removed);
    await settle(a, b);
    const back = await b.db.savedReplies.get('reply-grazie');
    expect(back).toMatchObject({ title: removed.title, body: removed.body });
  });

  test('two people editing the same reply body while apart end with the same text, both edits kept', async () => {
    const { a, b, link } = await sharedPair();
    const body = (await a.db.savedReplies.get('reply-grazie'))!.body;
    link.cut();
    await editBody(a, 'reply-grazie', `Ciao! ${body}`);
    await editBody(b, 'reply-grazie', `${body} — Gino`);
    await b.db.hashtagSets.update('set-cucina', { tags: ['offline'], updatedAt: Date.now() });
    await settle(a, b);
    link.mend();
    await settle(a, b);
    const merged = `Ciao! ${body} — Gino`;
    expect((await a.db.savedReplies.get('reply-grazie'))!.body).toBe(merged);
    expect((await b.db.savedReplies.get('reply-grazie'))!.body).toBe(merged);
    expect((await a.db.hashtagSets.get('set-cucina'))!.tags).toEqual(['offline']);
  });

  test("a teammate's edit arriving while mine waits to be sent: both kept", async () => {
    const { a, b, link } = await sharedPair();
    const body = (await a.db.savedReplies.get('reply-grazie'))!.body;
    link.cut();
    await editBody(b, 'reply-grazie', `${body} — Gino`);
    await settle(b);
    // A saves, and B's edit reaches A's document before A's change is sent (~100 ms later).
    await editBody(a, 'reply-grazie', `Ciao! ${body}`);
    link.mend();
    await settle(a, b);
    const merged = `Ciao! ${body} — Gino`;
    expect((await a.db.savedReplies.get('reply-grazie'))!.body).toBe(merged);
    expect((await b.db.savedReplies.get('reply-grazie'))!.body).toBe(merged);
  });

  test('how often I used a reply stays mine', async () => {
    const { a, b } = await sharedPair();
    const before = (await a.db.savedReplies.get('reply-grazie'))!;
    await recordReplyUse(b.db, 'reply-grazie');
    await settle(a, b);
    expect((await a.db.savedReplies.get('reply-grazie'))!.useCount).toBe(before.useCount);
    await editBody(a, 'reply-grazie', 'Grazie di cuore!');
    await settle(a, b);
    const mine = (await b.db.savedReplies.get('reply-grazie'))!;
    expect(mine.body).toBe('Grazie di cuore!');
    expect(mine.useCount).toBe(1);
    expect(mine.lastUsedAt).not.toBeNull();
  });

  test('rows moved to another brand leave the document; rows moved in join it', async () => {
    const { a, b } = await sharedPair();
    await moveItems(a.db, 'savedReplies', ['reply-grazie'], 'brand-cafe-muller');
    await moveItems(a.db, 'clips', ['clip-kaffee'], GINO);
    await settle(a, b);
    expect(rowsOf(a.doc, 'savedReplies').has('reply-grazie')).toBe(false);
    expect(await b.db.savedReplies.get('reply-grazie')).toBeUndefined();
    expect(await b.db.clips.get('clip-kaffee')).toMatchObject({ brandId: GINO });
  });

  test("the brand's name, colour and time zone follow", async () => {
    const { a, b } = await sharedPair();
    await updateBrand(b.db, GINO, { name: 'Da Gino', color: '#2563eb', timeZone: 'Europe/Berlin' });
    await settle(a, b);
    expect(await a.db.brands.get(GINO)).toMatchObject({ name: 'Da Gino', color: '#2563eb', timeZone: 'Europe/Berlin' });
  });

  test('deleting the shared brand here stops the bridge and leaves the document alone', async () => {
    const { a, b } = await sharedPair();
    const before = docToJSON(a.doc);
    await deleteBrand(b.db, GINO);
    await settle(a, b);
    expect(b.brandDeleted).toBe(true);
    expect(docToJSON(a.doc)).toEqual(before);
    expect(await a.db.savedReplies.get('reply-grazie')).toBeDefined();
  });
});

describe('after a restart', () => {
  test('a row deleted here while the bridge was stopped goes from the document; one the team changed later comes back', async () => {
    const { a, b } = await sharedPair();
    b.bridge.stop();
    await deleteReply(b.db, 'reply-grazie');
    await b.db.hashtagSets.delete('set-cucina');
    // A teammate changes the set after B deleted it: their change wins.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.db.hashtagSets.update('set-cucina', { tags: ['nuovo'], updatedAt: Date.now() + 1000 });
    await settle(a);
    await b.restart();
    await settle(a, b);
    expect(rowsOf(a.doc, 'savedReplies').has('reply-grazie')).toBe(false);
    expect(await a.db.savedReplies.get('reply-grazie')).toBeUndefined();
    expect(await b.db.hashtagSets.get('set-cucina')).toMatchObject({ tags: ['nuovo'] });
  });

  test('a row the team added is written here (never had it); one added here while stopped joins', async () => {
    const { a, b, link } = await sharedPair();
    b.bridge.stop();
    link.cut();
    await a.db.hashtagSets.put({ id: 'set-a', createdAt: 1, updatedAt: 1, name: 'A', tags: ['a'], network: null, brandId: GINO });
    await b.db.hashtagSets.put({ id: 'set-b', createdAt: 1, updatedAt: 1, name: 'B', tags: ['b'], network: null, brandId: GINO });
    await settle(a);
    link.mend();
    await b.restart();
    await settle(a, b);
    expect(await b.db.hashtagSets.get('set-a')).toBeDefined();
    expect(await a.db.hashtagSets.get('set-b')).toBeDefined();
  });
});

describe('a read-only token', () => {
  test('local changes are not sent: the document’s version is put back', async () => {
    const { a, b } = await sharedPair('read-only');
    const before = docToJSON(a.doc);
    await editBody(b, 'reply-grazie', 'Modificato');
    await b.db.hashtagSets.delete('set-cucina');
    await b.db.hashtagSets.put({ id: 'set-mine', createdAt: 1, updatedAt: 1, name: 'Mio', tags: [], network: null, brandId: GINO });
    await settle(a, b);
    expect(b.refused).toBeGreaterThan(0);
    expect(docToJSON(a.doc)).toEqual(before);
    expect((await b.db.savedReplies.get('reply-grazie'))!.body).toBe((await a.db.savedReplies.get('reply-grazie'))!.body);
    expect(await b.db.hashtagSets.get('set-cucina')).toBeDefined();
    expect(await b.db.hashtagSets.get('set-mine')).toBeUndefined();
    // The team's changes still arrive.
    await editBody(a, 'reply-grazie', 'Dal team');
    await settle(a, b);
    expect((await b.db.savedReplies.get('reply-grazie'))!.body).toBe('Dal team');
  });
});

describe("Dexie's changed keys", () => {
  test('exact keys, or null for a range', () => {
    expect(exactKeys({ d: 0 })).toEqual([]);
    expect(exactKeys({ from: 'b', to: 'b', l: { from: 'a', to: 'a' }, r: { d: 0 } })!.sort()).toEqual(['a', 'b']);
    expect(exactKeys({ from: 'a', to: 'c' })).toBeNull();
    expect(exactKeys({ from: -Infinity, to: [[]] })).toBeNull();
  });

  test('a bulk write of many rows is reconciled as a whole table', async () => {
    const { a, b } = await sharedPair();
    const sets = Array.from({ length: 120 }, (_, i) => ({ id: `bulk-${i}`, createdAt: 1, updatedAt: 1, name: `S${i}`, tags: [], network: null, brandId: GINO }));
    await a.db.hashtagSets.bulkPut(sets);
    await settle(a, b);
    expect(await b.db.hashtagSets.where('brandId').equals(GINO).count()).toBe(121);
    expect(Y.encodeStateAsUpdate(a.doc).byteLength).toBeGreaterThan(0);
  });
});

describe('the same post clipped on two computers while apart', () => {
  const POST = 'https://www.instagram.com/p/TWIN/';
  const input = (text: string): ClipInput => ({
    network: 'instagram', permalink: POST, authorName: 'Trattoria Gino', authorHandle: 'trattoriagino', text, hashtags: [], images: [], postedAt: null,
    counts: { reactions: null, comments: null, shares: null },
  });
  const picture = (name: string): PreparedImage => ({
    sourceUrl: `https://cdn.example/${name}.jpg`,
    thumbnail: { blob: new Blob([`thumb-${name}`], { type: 'image/webp' }), width: 4, height: 4 },
    full: { blob: new Blob([`full-${name}`], { type: 'image/jpeg' }), width: 40, height: 40, role: 'full' },
  });
  async function clipsOfPost(c: Computer) {
    return c.db.clips.where('permalink').equals(POST).toArray();
  }

  test('both end with ONE clip, the first id, with both notes and all tags; the other’s full image moves to it', async () => {
    const { a, b, link } = await sharedPair();
    link.cut();
    const onA = await saveCapture(a.db, input('Lasagne del giovedì'), [picture('a')], { brandId: GINO, userFields: { note: 'Per aprile', tags: ['pasta'] } });
    const onB = await saveCapture(b.db, input('Lasagne del giovedì!'), [picture('b')], { brandId: GINO, userFields: { note: 'Chiedere a Gino', tags: ['pasta', 'giovedì'] } });
    await settle(a, b);
    const [first, second] = [onA.clip, onB.clip].sort((x, y) => (x.id < y.id ? -1 : 1));
    link.mend();
    await settle(a, b);

    for (const c of [a, b]) {
      const clips = await clipsOfPost(c);
      expect(clips.map((clip) => clip.id)).toEqual([first.id]);
      expect(clips[0].note).toBe(`${first.note}\n\n${second.note}`);
      expect([...clips[0].tags].sort()).toEqual(['giovedì', 'pasta']);
      expect(clips[0]).toMatchObject({ text: first.text, brandId: GINO, imageIds: first.imageIds });
      expect(await c.db.clips.get(second.id)).toBeUndefined();
    }
    // The documents agree: one clip of the post, the winner as both computers hold it.
    for (const c of [a, b]) {
      const rows = rowsOf(c.doc, 'clips');
      expect(rows.has(second.id)).toBe(false);
      expect(String(rows.get(first.id)!.get('note'))).toBe(`${first.note}\n\n${second.note}`);
    }
    // The loser's computer keeps its full-size image, now the winner's; its thumbnail went
    // (the winner has its own, from the document).
    const loserHere = first.id === onA.clip.id ? b : a;
    const images = await loserHere.db.images.where('clipId').equals(first.id).toArray();
    expect(images.filter((i) => i.role === 'full').map((i) => i.sourceUrl)).toEqual([`https://cdn.example/${loserHere === a ? 'a' : 'b'}.jpg`]);
    expect(images.filter((i) => i.role === 'thumbnail').map((i) => i.sourceUrl)).toEqual([`https://cdn.example/${loserHere === a ? 'b' : 'a'}.jpg`]);
    expect(await loserHere.db.images.where('clipId').equals(second.id).count()).toBe(0);
    expect(a.refused + b.refused).toBe(0);

    // Settled once: a restart (a full reconcile) changes nothing more.
    await a.restart();
    await b.restart();
    await settle(a, b);
    for (const c of [a, b]) expect((await clipsOfPost(c)).map((clip) => clip.note)).toEqual([`${first.note}\n\n${second.note}`]);
  });

  test("the loser's computer taking a teammate's settlement keeps its full image, on the winner", async () => {
    const { a, b, link } = await sharedPair();
    link.cut();
    const template = (await a.db.clips.get('clip-lasagne'))!;
    const now = Date.now();
    await a.db.clips.put({ ...template, id: 'clip-twin-1', permalink: POST, note: 'Per aprile', tags: ['pasta'], imageIds: [], updatedAt: now });
    const image = (id: string, role: 'thumbnail' | 'full') => ({
      id, createdAt: now, updatedAt: now, clipId: 'clip-twin-2', role, mimeType: 'image/jpeg', width: 2, height: 2, sourceUrl: null,
      blob: new Blob([new Uint8Array([role === 'full' ? 9 : 1, 2, 3])], { type: 'image/jpeg' }), brandId: GINO,
    });
    await b.db.images.bulkPut([image('img-twin-2-thumb', 'thumbnail'), image('img-twin-2-full', 'full')]);
    await b.db.clips.put({ ...template, id: 'clip-twin-2', permalink: POST, note: 'Chiedere a Gino', tags: ['giovedì'], imageIds: ['img-twin-2-thumb', 'img-twin-2-full'], updatedAt: now });
    await settle(a, b);
    // B's clip reaches A alone (A's does not reach B): A settles.
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    await settle(a, b);
    expect((await clipsOfPost(a)).map((clip) => [clip.id, clip.note])).toEqual([['clip-twin-1', 'Per aprile\n\nChiedere a Gino']]);
    // The winner had no images: it shows the loser's (its thumbnail, in the document too).
    expect(rowsOf(a.doc, 'clips').has('clip-twin-2')).toBe(false);
    expect(rowsOf(a.doc, 'thumbnails').get('img-twin-2-thumb')?.get('clipId')).toBe('clip-twin-1');
    link.mend();
    await settle(a, b);
    const onB = await clipsOfPost(b);
    expect(onB.map((clip) => [clip.id, clip.note, clip.tags, clip.imageIds])).toEqual([['clip-twin-1', 'Per aprile\n\nChiedere a Gino', ['pasta', 'giovedì'], ['img-twin-2-thumb', 'img-twin-2-full']]]);
    expect((await b.db.images.where('clipId').equals('clip-twin-1').toArray()).map((i) => i.id).sort()).toEqual(['img-twin-2-full', 'img-twin-2-thumb']);
    expect(await b.db.images.where('clipId').equals('clip-twin-2').count()).toBe(0);
    expect(a.refused + b.refused).toBe(0);
  });

  test('a read-only computer keeps its copy and takes the editors’ settlement', async () => {
    const a = computer('a', GINO);
    const b = computer('b', GINO);
    const c = computer('c', GINO, 'read-only');
    await fillDatabase(a.db);
    await a.bridge.start();
    const ab = wire(a.doc, b.doc);
    const ac = wire(a.doc, c.doc);
    await b.join();
    await c.join();
    await settle(a, b, c);
    ab.cut();
    ac.cut();
    const onA = await saveCapture(a.db, input('Uno'), [], { brandId: GINO, userFields: { note: 'Nota A', tags: ['a'] } });
    await settle(a);
    // C gets A's clip first; B clips the same post meanwhile.
    ac.mend();
    await settle(a, c);
    const onB = await saveCapture(b.db, input('Due'), [], { brandId: GINO, userFields: { note: 'Nota B', tags: ['b'] } });
    await settle(b);
    ab.mend();
    await settle(a, b, c);
    const winner = [onA.clip, onB.clip].sort((x, y) => (x.id < y.id ? -1 : 1))[0];
    for (const x of [a, b, c]) {
      const clips = await clipsOfPost(x);
      expect(clips.map((clip) => clip.id)).toEqual([winner.id]);
      expect([...clips[0].tags].sort()).toEqual(['a', 'b']);
      expect(clips[0].note).toContain('Nota A');
      expect(clips[0].note).toContain('Nota B');
    }
    expect(c.refused).toBe(0);
  });
});
