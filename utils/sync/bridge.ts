/**
 * The bridge between one shared brand's rows in Dexie (the store every screen reads) and its
 * Yjs document (what the team shares), in the background (issue #15; docs/sync.md).
 *
 * Both directions go through one reconcile of a set of rows, run one at a time:
 * - Y -> Dexie: the document's rows changed by anyone but this bridge (the server, the local
 *   y-indexeddb copy), seen with `observeDeep` (its events name the rows). Our own document
 *   writes carry the origin `LOCAL_ORIGIN` and are skipped, as y-dexie skips its provider's
 *   (dexie/Dexie.js, addons/y-dexie/src/observeYDocUpdates.ts).
 * - Dexie -> Y: Dexie's global `storagemutated` event (dexie/Dexie.js, src/live-query/
 *   enable-broadcast.ts: it also carries writes made in the library page, through a
 *   BroadcastChannel). It gives the changed primary keys of small writes (fewer than 50 rows
 *   per request: src/live-query/observability-middleware.ts) and a range otherwise: then the
 *   whole table is reconciled. Local changes wait ~100 ms and go into one Y transaction.
 *
 * Which side changed: for each row the bridge remembers the digest (`fingerprint`) of the
 * last version both sides agreed on. The side that still has it did not change; the other
 * did. Both changed (a teammate's edit arrived while mine waited to be sent): the newer
 * side's plain fields, and each text with both edits (`mergeRows`). Without an agreed
 * version (a start), the newer `updatedAt` wins. A row in the document but not here:
 * with a tombstone (`utils/db/deletion-log.ts`) newer than the row, it was deleted here and
 * goes from the document; without one, this computer never had it and it is written here. A
 * row here but not in the document: if both agreed on it before, a teammate deleted it;
 * otherwise it is new here (or put back by an undo) and joins the document. The bridge's own
 * writes to Dexie come back as `storagemutated` and find both sides equal: nothing to do.
 *
 * Thumbnails' bytes are not in the document (doc-layout.ts): a thumbnail's row goes into it
 * once its bytes are uploaded to the server, and is written here once they are downloaded,
 * in transfer jobs queued after the reconcile ("thumbnails' bytes" below).
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type * as Y from 'yjs';
import type { AppDB } from '../db/app-db';
import type { Brand } from '../db/brands';
import type { Clip } from '../db/clips';
import { tombstoneId, type Tombstone } from '../db/tombstones';
import { postsOfBrand } from '../brands/ops';
import type { SyncRole } from '../messaging/features/sync';
import { sha256Hex } from './blob-client';
import { mergeTwinClips } from './twin-clips';
import {
  applyBrandToMeta,
  applyRowToY,
  belongsToBrand,
  brandFromMeta,
  brandMetaOf,
  fingerprint,
  KIND_OF_TABLE,
  mergeRows,
  metaOf,
  metaOfY,
  rowFromShared,
  rowsOf,
  rowToY,
  SHARED_KINDS,
  sharedOf,
  sharedOfY,
  TABLE_OF,
  textsOf,
  thumbnailForDoc,
  BlobRef,
  type LocalRow,
  type SharedKind,
  type SharedRow,
} from './doc-layout';

/** The origin of the bridge's own document transactions. */
export const LOCAL_ORIGIN = 'local';

/** Dexie reports exact keys for requests of fewer rows than this (observability middleware). */
const WRITE_CHUNK = 40;
/** Thumbnails per transfer job (uploaded then put into the document, or downloaded then
 * written here): a joining brand's thousands are written as they arrive, not held. */
const THUMBNAIL_BATCH = 200;
/** Thumbnail uploads at once: a browser opens about six connections per server (HTTP/1.1). */
const THUMBNAIL_REQUESTS = 6;
/** Thumbnails read from the database and hashed at once: reading thousands of IndexedDB Blobs
 * at once fails in Chromium (NotReadableError). */
const THUMBNAIL_READS = 6;

/** Where thumbnails' bytes go and come from: the document names them by sha256 (see
 * doc-layout.ts); `serverThumbnails` (blob-client.ts) keeps them on the share's server. A
 * batch of thumbnails costs one `missing` request, a PUT per thumbnail the store lacks, and
 * one `getMany` request: not one request (or two) per thumbnail. */
export interface ThumbnailStore {
  /** Of these sha256s, those the store does not have. */
  missing(hashes: string[]): Promise<string[]>;
  /** Stores the bytes `blob`, whose sha256 is `hash`. */
  put(hash: string, blob: Blob): Promise<void>;
  /** The bytes of these sha256s: those the store has. */
  getMany(hashes: string[]): Promise<Map<string, Blob>>;
}

export interface BridgeOptions {
  db: AppDB;
  doc: Y.Doc;
  brandId: string;
  /** Thumbnails' bytes (uploaded before their row goes into the document, downloaded before
   * it is written here). */
  thumbnails: ThumbnailStore;
  /** The role the server granted (null: not known yet; changes are then sent). */
  role: () => SyncRole | null;
  /** A read-only token: a local change was undone (the document's version put back). */
  onReadOnlyChange?: () => void;
  /** The brand was deleted on this computer: the bridge stops touching the document. */
  onBrandDeleted?: () => void;
  /** How long local changes gather before they go into the document. */
  debounceMs?: number;
}

/** What one reconcile decided for a table. */
interface Plan {
  push: Map<string, SharedRow>;
  dropFromDoc: Set<string>;
  /** Rows to write here, with the digest of the local row they replace ('' = none). */
  write: Map<string, { row: LocalRow; was: string }>;
  remove: Map<string, string>;
}

export class BrandBridge {
  private readonly db: AppDB;
  private readonly doc: Y.Doc;
  private readonly brandId: string;
  private readonly options: BridgeOptions;
  /** `kind:id` (or 'meta') -> digest of the version both sides last agreed on; '' when
   * both agreed the row is gone. */
  private readonly agreed = new Map<string, string>();
  /** The texts (Y.Text fields) of the version agreed on, for a three-way merge when both
   * sides changed a text at once. */
  private readonly agreedTexts = new Map<string, Record<string, string>>();
  private queue: Promise<void> = Promise.resolve();
  private readonly remote = new Map<SharedKind, Set<string>>();
  private remoteMeta = false;
  private remoteTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly local = new Map<SharedKind, Set<string> | 'all'>();
  private localBrand = false;
  private localTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly teardown: (() => void)[] = [];
  /** Thumbnails' transfers queued ('up:id' / 'down:id' -> the row's digest). */
  private readonly transfers = new Map<string, string>();
  private stopped = false;

  constructor(options: BridgeOptions) {
    this.options = options;
    this.db = options.db;
    this.doc = options.doc;
    this.brandId = options.brandId;
  }

  /** Follows both sides and runs the first full reconcile (resolves when it is done). */
  async start(): Promise<void> {
    for (const kind of SHARED_KINDS) {
      const rows = rowsOf(this.doc, kind);
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tx: Y.Transaction) => {
        if (tx.origin === LOCAL_ORIGIN) return;
        const ids = this.remote.get(kind) ?? new Set<string>();
        for (const event of events) {
          if (event.target === rows) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
          else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
        }
        this.remote.set(kind, ids);
        this.scheduleRemote();
      };
      rows.observeDeep(observer);
      this.teardown.push(() => rows.unobserveDeep(observer));
    }
    const meta = metaOf(this.doc);
    const metaObserver = (_event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.origin === LOCAL_ORIGIN) return;
      this.remoteMeta = true;
      this.scheduleRemote();
    };
    meta.observe(metaObserver);
    this.teardown.push(() => meta.unobserve(metaObserver));

    const onMutated = (parts: ObservabilitySet) => this.noteLocalChanges(parts);
    Dexie.on('storagemutated', onMutated);
    this.teardown.push(() => Dexie.on.storagemutated.unsubscribe(onMutated));

    await this.reconcile();
  }

  /** Stops following; what is queued is dropped. */
  stop(): void {
    this.stopped = true;
    for (const undo of this.teardown.splice(0)) undo();
    if (this.remoteTimer) clearTimeout(this.remoteTimer);
    if (this.localTimer) clearTimeout(this.localTimer);
    this.remoteTimer = this.localTimer = null;
  }

  /** Compares every row of the brand on both sides (at start and after each reconnection). */
  reconcile(): Promise<void> {
    return this.enqueue(async () => {
      if (!(await this.reconcileBrand())) return;
      for (const kind of SHARED_KINDS) await this.reconcileRows(kind, 'all');
    });
  }

  /** Resolves once no change waits and no reconcile runs (for tests and the hooks). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.remoteTimer || this.localTimer) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const queued = this.queue;
      await queued;
      if (queued === this.queue && !this.remoteTimer && !this.localTimer) return;
    }
  }

  // ---------------------------------------------------------------- scheduling

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.queue.then(() => (this.stopped ? undefined : job()));
    this.queue = run.catch((error) => console.error('[Spalla] sync bridge', error));
    return this.queue;
  }

  private scheduleRemote() {
    if (this.remoteTimer || this.stopped) return;
    this.remoteTimer = setTimeout(() => {
      this.remoteTimer = null;
      const changes = new Map(this.remote);
      const meta = this.remoteMeta;
      this.remote.clear();
      this.remoteMeta = false;
      void this.enqueue(() => this.reconcileChanges(changes, meta));
    }, 0);
  }

  private noteLocalChanges(parts: ObservabilitySet) {
    if (this.stopped) return;
    let noted = false;
    const prefix = `idb://${this.db.name}/`;
    for (const [part, set] of Object.entries(parts)) {
      if (part === 'all') {
        for (const kind of SHARED_KINDS) this.local.set(kind, 'all');
        this.localBrand = noted = true;
        continue;
      }
      if (!part.startsWith(prefix)) continue;
      const [table, index] = part.slice(prefix.length).split('/');
      if (index !== '') continue; // The primary key's part names every changed row.
      const keys = exactKeys(set);
      if (table === 'brands') {
        if (keys === null || keys.includes(this.brandId)) this.localBrand = noted = true;
        continue;
      }
      const kind = KIND_OF_TABLE[table];
      if (!kind) continue;
      const known = this.local.get(kind);
      if (keys === null || known === 'all') this.local.set(kind, 'all');
      else this.local.set(kind, new Set([...(known ?? []), ...keys]));
      noted = true;
    }
    if (!noted || this.localTimer) return;
    this.localTimer = setTimeout(() => {
      this.localTimer = null;
      const changes = new Map(this.local);
      const brand = this.localBrand;
      this.local.clear();
      this.localBrand = false;
      void this.enqueue(() => this.reconcileChanges(changes, brand));
    }, this.options.debounceMs ?? 100);
  }

  private async reconcileChanges(changes: Map<SharedKind, Set<string> | 'all'>, brand: boolean) {
    if (brand || changes.size > 0) {
      if (!(await this.reconcileBrand())) return;
    }
    for (const kind of SHARED_KINDS) {
      const ids = changes.get(kind);
      if (ids) await this.reconcileRows(kind, ids === 'all' ? 'all' : [...ids]);
    }
  }

  private readOnly(): boolean {
    return this.options.role() === 'read-only';
  }

  // ---------------------------------------------------------------- the brand

  /** The brand row against the document's `meta`. False when the brand was deleted here. */
  private async reconcileBrand(): Promise<boolean> {
    const { db, brandId } = this;
    const meta = metaOf(this.doc);
    const remote = metaOfY(meta);
    const brand = await db.brands.get(brandId);
    if (!brand) {
      // Deleted here (or all data deleted): never by a teammate, who cannot delete my brand.
      // The manager stops sharing it; the document is left as it is for the team.
      this.stop();
      this.options.onBrandDeleted?.();
      return false;
    }
    const mine = brandMetaOf(brand);
    const fl = fingerprint(mine);
    if (!remote) {
      if (!this.readOnly()) this.doc.transact(() => applyBrandToMeta(meta, mine), LOCAL_ORIGIN);
      this.agreed.set('meta', fl);
      return true;
    }
    const fy = fingerprint(remote);
    const base = this.agreed.get('meta');
    if (fl === fy) {
      this.agreed.set('meta', fl);
      return true;
    }
    const localChanged = base === fl ? false : base === fy ? true : mine.updatedAt > remote.updatedAt;
    if (localChanged && !this.readOnly()) {
      this.doc.transact(() => applyBrandToMeta(meta, mine), LOCAL_ORIGIN);
      this.agreed.set('meta', fl);
    } else {
      if (localChanged) this.options.onReadOnlyChange?.();
      await db.brands.put(brandFromMeta(brandId, remote, brand as Brand));
      this.agreed.set('meta', fy);
    }
    return true;
  }

  // ---------------------------------------------------------------- rows

  private async reconcileRows(kind: SharedKind, only: string[] | 'all') {
    const { db, brandId } = this;
    const table = db.table<LocalRow, string>(TABLE_OF[kind]);
    const rows = rowsOf(this.doc, kind);
    const locals = new Map<string, LocalRow | undefined>();
    if (only === 'all') {
      const mine = kind === 'postLog' ? await postsOfBrand(db, brandId).toArray() : await table.where('brandId').equals(brandId).toArray();
      for (const row of mine as LocalRow[]) if (belongsToBrand(kind, row, brandId)) locals.set(row.id, row);
      const elsewhere = [...rows.keys()].filter((id) => !locals.has(id));
      (await table.bulkGet(elsewhere)).forEach((row, i) => locals.set(elsewhere[i], row));
    } else {
      (await table.bulkGet(only)).forEach((row, i) => locals.set(only[i], row));
    }
    const missing = [...locals].filter(([id, row]) => !belongsToBrand(kind, row, brandId) && rows.has(id)).map(([id]) => id);
    const stones = new Map<string, Tombstone>();
    (await db.tombstones.bulkGet(missing.map((id) => tombstoneId(TABLE_OF[kind], id)))).forEach((stone, i) => {
      if (stone) stones.set(missing[i], stone);
    });

    const plan: Plan = { push: new Map(), dropFromDoc: new Set(), write: new Map(), remove: new Map() };
    let refused = false;
    for (const [id, local] of locals) {
      refused = this.decide(kind, id, local, rows.get(id), stones.get(id), plan) || refused;
    }
    await this.carryOut(kind, plan);
    if (refused) this.options.onReadOnlyChange?.();
  }

  private agree(kind: SharedKind, key: string, digest: string, row?: SharedRow) {
    this.agreed.set(key, digest);
    const texts = row && textsOf(kind, row);
    if (texts) this.agreedTexts.set(key, texts);
    else this.agreedTexts.delete(key);
  }

  /** Decides one row. Returns true when a local change was refused (read-only token). */
  private decide(kind: SharedKind, id: string, local: LocalRow | undefined, remote: Y.Map<unknown> | undefined, stone: Tombstone | undefined, plan: Plan): boolean {
    const key = `${kind}:${id}`;
    const base = this.agreed.get(key);
    const readOnly = this.readOnly();
    const mine = belongsToBrand(kind, local, this.brandId) ? local! : undefined;
    const was = local ? fingerprint(local) : '';
    const shared = mine ? sharedOf(kind, mine) : undefined;
    const fl = shared ? fingerprint(shared) : undefined;
    const theirs = remote ? sharedOfY(remote, kind) : undefined;
    const fy = theirs ? fingerprint(theirs) : undefined;
    const writeHere = () => {
      plan.write.set(id, { row: rowFromShared(kind, theirs!, this.brandId, local), was });
      this.agree(kind, key, fy!, theirs);
    };

    if (shared && theirs) {
      if (fl === fy) {
        this.agree(kind, key, fl!, shared);
        return false;
      }
      if (base === fl) {
        writeHere();
        return false;
      }
      // Changed here: only here (the document still has what both agreed on), or on both
      // sides at once (or no agreement known yet: a start).
      const onlyHere = base === fy;
      if (readOnly) {
        writeHere();
        return onlyHere || shared.updatedAt > theirs.updatedAt;
      }
      if (onlyHere) {
        plan.push.set(id, shared);
        this.agree(kind, key, fl!, shared);
        return false;
      }
      const merged = mergeRows(kind, shared, theirs, base === undefined ? undefined : this.agreedTexts.get(key));
      const fm = fingerprint(merged);
      if (fm !== fy) plan.push.set(id, merged);
      if (fm !== fl) plan.write.set(id, { row: rowFromShared(kind, merged, this.brandId, local), was });
      this.agree(kind, key, fm, merged);
      return false;
    }
    if (shared) {
      // Here, not in the document.
      if (base === fl || readOnly) {
        plan.remove.set(id, was);
        this.agree(kind, key, '');
        return base !== fl;
      }
      plan.push.set(id, shared);
      this.agree(kind, key, fl!, shared);
      return false;
    }
    if (theirs) {
      // In the document, not here: moved to another brand, deleted, or never had. Gone from
      // both before, it was put back by a teammate (an undo keeps the old `updatedAt`).
      const goneHere =
        base === ''
          ? false
          : local
            ? base === fy || local.updatedAt >= theirs.updatedAt
            : stone !== undefined && (base === fy || stone.deletedAt >= theirs.updatedAt);
      if (goneHere && !readOnly) {
        plan.dropFromDoc.add(id);
        this.agree(kind, key, '');
        return false;
      }
      writeHere();
      return goneHere;
    }
    this.agree(kind, key, '');
    return false;
  }

  private async carryOut(kind: SharedKind, plan: Plan) {
    // Thumbnails whose bytes must move first leave the plan for jobs of their own.
    if (kind === 'thumbnails') this.scheduleThumbnails(plan);
    const rows = rowsOf(this.doc, kind);
    if (plan.push.size > 0 || plan.dropFromDoc.size > 0) {
      this.doc.transact(() => {
        for (const shared of plan.push.values()) {
          const row = rows.get(shared.id);
          if (row) applyRowToY(kind, row, shared);
          else rows.set(shared.id, rowToY(kind, shared));
        }
        for (const id of plan.dropFromDoc) rows.delete(id);
      }, LOCAL_ORIGIN);
    }
    await this.writeHere(kind, plan.write, plan.remove);
  }

  /** Writes and removes rows here, each only over the version the plan was made from. */
  private async writeHere(kind: SharedKind, write: Plan['write'], remove: Plan['remove']) {
    if (write.size === 0 && remove.size === 0) return;
    const table = this.db.table<LocalRow, string>(TABLE_OF[kind]);
    // Clips also touch their images (twins: `settleTwinClips`).
    const tables = kind === 'clips' ? [table, this.db.brands, this.db.images] : [table, this.db.brands];
    await this.db.transaction('rw', tables, async () => {
      // The brand deleted meanwhile (delete all data): write nothing back.
      if (!(await this.db.brands.get(this.brandId))) return;
      // Only over the version read above: a row changed here meanwhile is left for the
      // reconcile its own change brings (and wins then, as the newer local change).
      const ids = [...write.keys(), ...remove.keys()];
      const now = new Map<string, string>();
      (await table.bulkGet(ids)).forEach((row, i) => now.set(ids[i], row ? fingerprint(row) : ''));
      let writes = [...write].filter(([id, { was }]) => now.get(id) === was).map(([, { row }]) => row);
      const removals = [...remove].filter(([id, was]) => now.get(id) === was).map(([id]) => id);
      if (kind === 'clips') writes = await this.settleTwinClips(writes as unknown as Clip[], new Set(removals));
      // Removals first: a clip written may take the permalink of one removed.
      for (let i = 0; i < removals.length; i += WRITE_CHUNK) await table.bulkDelete(removals.slice(i, i + WRITE_CHUNK));
      for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
        try {
          await table.bulkPut(writes.slice(i, i + WRITE_CHUNK));
        } catch (error) {
          // A teammate's clip of a post this computer clipped under another brand (clips'
          // permalink is unique): that one stays; the rest of the chunk is written.
          if (!(error instanceof Dexie.BulkError)) throw error;
          console.warn('[Spalla] sync: rows not written', error.failures);
        }
      }
    });
  }

  /**
   * Teammates' clips about to be written here whose post is already clipped here under
   * another id, or twice among them: the same post clipped on two computers while apart
   * (the clips' `permalink` index is unique). Every computer keeps the one clip
   * `mergeTwinClips` picks (the first id, with the others' notes and tags), so all end
   * with the same clip whichever sees the twins first: the winner goes into the document
   * whole and the losers leave it with their thumbnails, in one transaction, so that no
   * computer sees a loser gone without its note in the winner. Two computers settling at
   * once write the same winner (the last write of the row wins, and it is equal). A
   * computer holding a loser moves its images to the winner (`moveTwinImages`), whether it
   * settles or a teammate's settlement reaches it. A read-only token cannot change the
   * document: its computer keeps what it has and waits for an editor's settlement. A post
   * clipped here under another brand or all brands is left alone (the teammate's clip is
   * not stored). Runs inside `writeHere`'s transaction; returns the rows to write.
   */
  private async settleTwinClips(writes: Clip[], removing: ReadonlySet<string>): Promise<LocalRow[]> {
    const byLink = new Map<string, Clip[]>();
    for (const clip of writes) if (clip.permalink) byLink.set(clip.permalink, [...(byLink.get(clip.permalink) ?? []), clip]);
    if (byLink.size === 0) return writes as unknown as LocalRow[];
    const here = new Map((await this.db.clips.where('permalink').anyOf([...byLink.keys()]).toArray()).map((clip) => [clip.permalink!, clip]));
    const skip = new Set<Clip>();
    const replace = new Map<Clip, Clip>();
    const extra: Clip[] = [];
    const losersHere: string[] = [];
    for (const [link, incoming] of byLink) {
      let mine = here.get(link);
      if (mine && incoming.some((clip) => clip.id === mine!.id)) mine = undefined; // an update of mine
      if (mine && removing.has(mine.id)) {
        // A teammate's settlement: mine left the document as the loser, the winner comes.
        const winner = byId(incoming)[0];
        if (mine.brandId === this.brandId && winner.id !== mine.id) await this.moveTwinImages([mine.id], winner);
        mine = undefined;
      }
      const twins = mine ? [...incoming, mine] : incoming;
      if (twins.length < 2) continue;
      if (mine && mine.brandId !== this.brandId) {
        for (const clip of incoming) skip.add(clip);
        console.warn('[Spalla] sync: a clip of a post clipped here under another brand was not stored', link);
        continue;
      }
      if (this.readOnly()) {
        // Mine stays, or the first incoming one when none is here.
        const kept = mine ?? byId(incoming)[0];
        for (const clip of incoming) if (clip !== kept) skip.add(clip);
        continue;
      }
      const { winner, losers } = mergeTwinClips(twins);
      this.settleInDocument(winner, losers);
      for (const clip of incoming) {
        if (clip.id === winner.id) replace.set(clip, winner);
        else skip.add(clip);
      }
      if (mine?.id === winner.id) extra.push(winner);
      else if (mine) losersHere.push(mine.id);
      await this.moveTwinImages(losers.map((clip) => clip.id), winner);
    }
    // The losers held here go first: the winner takes their permalink.
    if (losersHere.length > 0) await this.db.clips.bulkDelete(losersHere);
    return [...writes.filter((clip) => !skip.has(clip)).map((clip) => replace.get(clip) ?? clip), ...extra] as unknown as LocalRow[];
  }

  /** One settlement of twin clips in the document: the winner whole, the losers gone, their
   * thumbnails the winner's when it shows them (it had no images), gone otherwise. */
  private settleInDocument(winner: Clip, losers: Clip[]) {
    const clips = rowsOf(this.doc, 'clips');
    const thumbnails = rowsOf(this.doc, 'thumbnails');
    const losing = new Set(losers.map((clip) => clip.id));
    const theirThumbnails = [...thumbnails].filter(([, row]) => losing.has(row.get('clipId') as string));
    const shared = sharedOf('clips', winner as unknown as LocalRow);
    this.doc.transact(() => {
      clips.set(winner.id, rowToY('clips', shared));
      for (const id of losing) clips.delete(id);
      for (const [id, row] of theirThumbnails) {
        if (winner.imageIds.includes(id)) row.set('clipId', winner.id);
        else thumbnails.delete(id);
      }
    }, LOCAL_ORIGIN);
    this.agree('clips', `clips:${winner.id}`, fingerprint(shared), shared);
    for (const id of losing) this.agree('clips', `clips:${id}`, '');
    // Compared afresh at the next reconcile (the same change is made here).
    for (const [id] of theirThumbnails) this.forget('thumbnails', id);
  }

  /** The images of twin clips that lose, here: full-size images (which never leave a
   * computer) and the thumbnails the winner shows move to the winner; other thumbnails go
   * (the winner's own come from the document). */
  private async moveTwinImages(loserIds: string[], winner: Clip) {
    for (const image of await this.db.images.where('clipId').anyOf(loserIds).toArray()) {
      if (image.role === 'full' || winner.imageIds.includes(image.id)) await this.db.images.update(image.id, { clipId: winner.id });
      else await this.db.images.delete(image.id);
    }
  }

  // ---------------------------------------------------------------- thumbnails' bytes
  //
  // A thumbnail's row goes into the document only once its bytes are on the server, and is
  // written here only once its bytes are downloaded. These transfers run as jobs of their own,
  // a batch at a time, queued after the reconcile that found them: the rows of a big brand
  // (and Share, Join) do not wait for 20,000 thumbnails, and changes made meanwhile are
  // reconciled between batches. Until its job is done a row counts as not agreed on (a
  // reconcile meanwhile compares it afresh and finds its transfer already queued); one that
  // fails (offline, refused) stays so and is tried again at the next reconcile: each
  // reconnection runs one. The clip shows without its thumbnail meanwhile.

  /** Takes out of `plan` the thumbnails whose bytes must move, and queues their transfers. */
  private scheduleThumbnails(plan: Plan) {
    const uploads: SharedRow[] = [];
    for (const [id, shared] of plan.push) {
      // Already named (the document's own version, chosen by a merge): nothing to upload.
      if (shared.blob instanceof BlobRef) {
        plan.push.set(id, thumbnailForDoc(shared, shared.blob.hash));
        continue;
      }
      plan.push.delete(id);
      this.forget('thumbnails', id);
      if (this.queueTransfer(`up:${id}`, fingerprint(shared))) uploads.push(shared);
    }
    const downloads: [string, { row: LocalRow; was: string }][] = [];
    for (const [id, write] of plan.write) {
      plan.write.delete(id);
      this.forget('thumbnails', id);
      if (this.queueTransfer(`down:${id}`, fingerprint(sharedOf('thumbnails', write.row)))) downloads.push([id, write]);
    }
    for (let i = 0; i < uploads.length; i += THUMBNAIL_BATCH) {
      const batch = uploads.slice(i, i + THUMBNAIL_BATCH);
      void this.enqueue(() => this.uploadThumbnails(batch));
    }
    for (let i = 0; i < downloads.length; i += THUMBNAIL_BATCH) {
      const batch = new Map(downloads.slice(i, i + THUMBNAIL_BATCH));
      void this.enqueue(() => this.downloadThumbnails(batch));
    }
  }

  /** Notes a transfer as queued; false when the same one (same row, same version) already is. */
  private queueTransfer(key: string, digest: string): boolean {
    if (this.transfers.get(key) === digest) return false;
    this.transfers.set(key, digest);
    return true;
  }

  private transferDone(key: string, digest: string) {
    if (this.transfers.get(key) === digest) this.transfers.delete(key);
  }

  /** Forgets what both sides agreed on for a row, so that the next reconcile compares it
   * afresh. */
  private forget(kind: SharedKind, id: string) {
    this.agreed.delete(`${kind}:${id}`);
    this.agreedTexts.delete(`${kind}:${id}`);
  }

  /** Uploads a batch of thumbnails' bytes (those the server lacks), then puts their rows (hash
   * and size, no bytes) into the document: those still here as they were when planned. */
  private async uploadThumbnails(batch: SharedRow[]) {
    const digests = batch.map((shared) => fingerprint(shared));
    const hashes = await inParallel(batch, THUMBNAIL_READS, async (shared) => {
      try {
        if (!(shared.blob instanceof Blob)) throw new Error('no bytes');
        return await sha256Hex(shared.blob);
      } catch (error) {
        console.warn(`[Spalla] sync: thumbnail ${shared.id} not read`, error);
        return null;
      }
    });
    const stored = new Set<string>();
    try {
      const named = [...new Set(hashes.filter((hash) => hash !== null))];
      const lacking = new Set(named.length > 0 ? await this.options.thumbnails.missing(named) : []);
      for (const hash of named) if (!lacking.has(hash)) stored.add(hash);
      // One upload per distinct blob the server lacks (the same image on many clips: once).
      const uploads = new Map<string, Blob>();
      hashes.forEach((hash, i) => {
        if (hash && lacking.has(hash) && !uploads.has(hash)) uploads.set(hash, batch[i].blob as Blob);
      });
      await inParallel([...uploads], THUMBNAIL_REQUESTS, async ([hash, blob]) => {
        try {
          await this.options.thumbnails.put(hash, blob);
          stored.add(hash);
        } catch (error) {
          console.warn(`[Spalla] sync: thumbnail ${hash} not uploaded`, error);
        }
      });
    } catch (error) {
      console.warn(`[Spalla] sync: ${batch.length} thumbnails not uploaded`, error);
    }
    const uploaded = batch.map((shared, i) => {
      const hash = hashes[i];
      return hash && stored.has(hash) ? thumbnailForDoc(shared, hash) : null;
    });
    const now = await this.db.images.bulkGet(batch.map((shared) => shared.id));
    const rows = rowsOf(this.doc, 'thumbnails');
    const pushed: number[] = [];
    this.doc.transact(() => {
      uploaded.forEach((row, i) => {
        const local = now[i];
        if (!row || !local || !belongsToBrand('thumbnails', local, this.brandId) || fingerprint(sharedOf('thumbnails', local)) !== digests[i]) return;
        const current = rows.get(row.id);
        if (current) applyRowToY('thumbnails', current, row);
        else rows.set(row.id, rowToY('thumbnails', row));
        pushed.push(i);
      });
    }, LOCAL_ORIGIN);
    for (const i of pushed) this.agree('thumbnails', `thumbnails:${batch[i].id}`, digests[i]);
    batch.forEach((shared, i) => this.transferDone(`up:${shared.id}`, digests[i]));
  }

  /** Downloads a batch of thumbnails' bytes (or finds them in the local copy, when only the
   * row changed) and writes the rows here. */
  private async downloadThumbnails(batch: Plan['write']) {
    const ids = [...batch.keys()];
    const digests = new Map(ids.map((id) => [id, fingerprint(sharedOf('thumbnails', batch.get(id)!.row))]));
    const locals = await this.db.images.bulkGet(ids);
    // The bytes already here (only the row changed) need no download.
    const refOf = (id: string) => (batch.get(id)!.row as LocalRow & { blob: unknown }).blob;
    const here = await inParallel(ids, THUMBNAIL_READS, async (id, i) => {
      const ref = refOf(id);
      const mine = locals[i]?.blob;
      if (!(ref instanceof BlobRef) || !(mine instanceof Blob) || mine.size !== ref.size) return null;
      return (await sha256Hex(mine).catch(() => null)) === ref.hash ? mine : null;
    });
    const wanted = ids.flatMap((id, i) => {
      const ref = refOf(id);
      return ref instanceof BlobRef && !here[i] ? [ref.hash] : [];
    });
    let downloaded = new Map<string, Blob>();
    try {
      if (wanted.length > 0) downloaded = await this.options.thumbnails.getMany([...new Set(wanted)]);
    } catch (error) {
      console.warn(`[Spalla] sync: ${wanted.length} thumbnails not downloaded`, error);
    }
    ids.forEach((id, i) => {
      const row = batch.get(id)!.row as LocalRow & { blob: unknown; mimeType?: string };
      const ref = row.blob;
      if (!(ref instanceof BlobRef)) return;
      const blob = here[i] ?? downloaded.get(ref.hash);
      if (!blob) {
        batch.delete(id);
        return;
      }
      row.blob = blob.type === row.mimeType ? blob : new Blob([blob], { type: row.mimeType ?? blob.type });
    });
    if (!this.stopped) await this.writeHere('thumbnails', batch, new Map());
    // Agreed on: the rows written (one changed here meanwhile was left as it is).
    const written = await this.db.images.bulkGet([...batch.keys()]);
    for (const row of written) {
      if (row && fingerprint(sharedOf('thumbnails', row)) === digests.get(row.id)) this.agree('thumbnails', `thumbnails:${row.id}`, digests.get(row.id)!);
    }
    for (const id of ids) this.transferDone(`down:${id}`, digests.get(id)!);
  }
}

/** Clips in the order of their ids (the first wins among twins: `mergeTwinClips`). */
function byId(clips: readonly Clip[]): Clip[] {
  return [...clips].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** `work` on each item, at most `limit` at once; the results in the items' order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Files the brand a document describes on this computer before its bridge starts (joining):
 * a new brand under the document's code, or the local brand of that code updated. False when
 * the document has no brand yet (not downloaded). */
export async function adoptBrand(db: AppDB, doc: Y.Doc, brandId: string): Promise<boolean> {
  const remote = metaOfY(metaOf(doc));
  if (!remote) return false;
  const local = await db.brands.get(brandId);
  await db.brands.put(brandFromMeta(brandId, remote, local));
  return true;
}

/** The exact keys of one of Dexie's range sets (a tree of `{from, to, l, r}` nodes, also
 * after a BroadcastChannel copied it), or null when it holds a range. */
export function exactKeys(set: unknown): string[] | null {
  const keys: string[] = [];
  const stack = [set];
  while (stack.length > 0) {
    const node = stack.pop() as { from?: unknown; to?: unknown; l?: unknown; r?: unknown } | undefined;
    if (!node || typeof node !== 'object' || !('from' in node)) continue;
    if (typeof node.from !== 'string' || node.from !== node.to) return null;
    keys.push(node.from);
    stack.push(node.l, node.r);
  }
  return keys;
}
