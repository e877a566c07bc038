/**
 * The app's own data layer, bundled for an extension page (the library) so that a test
 * can change data there exactly as the library's screens do: through `getDb()` (the same
 * Dexie database, with its deletion log and change clock) and the same store functions.
 * The background sees these writes as it sees the library's: through Dexie's
 * `storagemutated` event, which Dexie carries across contexts on a BroadcastChannel.
 * Installed as `window.__spallaApp` by `installAppDriver` (../app-driver.ts).
 */
import { getDb } from '../../../../utils/db/app-db';
import { createBrand } from '../../../../utils/brands/ops';
import { deleteReply, restoreReply, saveReply, type ReplyDraft } from '../../../../utils/replies/store';
import type { SavedReply } from '../../../../utils/db/saved-replies';
import { saveNewHashtagSet } from '../../../../utils/hashtags/sets';
import { deleteClips, setStatus, updateClipNotes } from '../../../../utils/clips/store';
import type { Clip, ClipStatus, StoredImage } from '../../../../utils/db/clips';
import type { HashtagSet } from '../../../../utils/db/hashtags';
import type { Network } from '../../../../utils/db/record';

/** Plain JSON for `page.evaluate`: Blobs as `{ blobType, size }`, typed arrays as their length. */
function plain(value: unknown): unknown {
  if (value instanceof Blob) return { blobType: value.type, size: value.size };
  if (ArrayBuffer.isView(value)) return { byteLength: value.byteLength };
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

const app = {
  async createBrand(name: string): Promise<string> {
    return (await createBrand(getDb(), { name })).id;
  },
  async saveReply(draft: Partial<ReplyDraft> & { title: string; body: string }) {
    const result = await saveReply(getDb(), { shortcut: null, tags: [], networks: [], language: 'it', ...draft });
    if (!result.ok) throw new Error(`reply refused: ${JSON.stringify(result.problems)}`);
    return result.reply.id;
  },
  /** Deletes a reply; answers the record, which `restoreReply` (the library's Undo) takes. */
  async deleteReply(id: string) {
    return deleteReply(getDb(), id);
  },
  async restoreReply(reply: SavedReply) {
    await restoreReply(getDb(), reply);
  },
  async createSet(brandId: string, name: string, tags: string[], network: Network | null = null) {
    const result = await saveNewHashtagSet(getDb(), { name, tags, network }, brandId);
    if (!result.ok) throw new Error(`set refused: ${result.error}`);
    return result.set.id;
  },
  /** As the library's set editor does (entrypoints/library/HashtagSetsEditor.tsx). */
  async updateSet(id: string, change: Partial<Pick<HashtagSet, 'name' | 'tags' | 'network'>>) {
    await getDb().hashtagSets.update(id, { ...change, updatedAt: Date.now() });
  },
  async deleteSet(id: string) {
    await getDb().hashtagSets.delete(id);
  },
  /** A clip as a capture saves it: the clip and its thumbnail in one transaction. */
  async addClip(clip: Clip, thumbnail: { id: string; bytes: number[]; mimeType: string } | null) {
    const db = getDb();
    await db.transaction('rw', db.clips, db.images, async () => {
      await db.clips.add(clip);
      if (thumbnail) {
        const image: StoredImage = {
          id: thumbnail.id,
          createdAt: clip.createdAt,
          updatedAt: clip.updatedAt,
          clipId: clip.id,
          brandId: clip.brandId,
          role: 'thumbnail',
          mimeType: thumbnail.mimeType,
          width: 2,
          height: 2,
          sourceUrl: null,
          blob: new Blob([new Uint8Array(thumbnail.bytes)], { type: thumbnail.mimeType }),
        };
        await db.images.add(image);
      }
    });
  },
  async updateClipNotes(id: string, note: string, tags: string[]) {
    await updateClipNotes(getDb(), id, { note, tags });
  },
  async setClipStatus(id: string, status: ClipStatus) {
    await setStatus(getDb(), [id], status);
  },
  async deleteClip(id: string) {
    return (await deleteClips(getDb(), [id])).clips.length;
  },
  /** One row as stored (Blobs as their type and size), or null. */
  async get(table: string, id: string) {
    const row = await getDb().table(table).get(id);
    return row === undefined ? null : plain(row);
  },
  /** Every row of `table` filed under `brandId`. */
  async rowsOf(table: string, brandId: string) {
    return plain(await getDb().table(table).where('brandId').equals(brandId).toArray());
  },
};

(globalThis as unknown as { __spallaApp: typeof app }).__spallaApp = app;
export type AppDriver = typeof app;
