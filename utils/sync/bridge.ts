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
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type * as Y from 'yjs';
import type { AppDB } from '../db/app-db';
import type { Brand } from '../db/brands';
import { tombstoneId, type Tombstone } from '../db/tombstones';
import { postsOfBrand } from '../brands/ops';
import type { SyncRole } from '../messaging/features/sync';
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
  withBytes,
  type LocalRow,
  type SharedKind,
  type SharedRow,
} from './doc-layout';

/** The origin of the bridge's own document transactions. */
export const LOCAL_ORIGIN = 'local';

/** Dexie reports exact keys for requests of fewer rows than this (observability middleware). */
const WRITE_CHUNK = 40;

export interface BridgeOptions {
  db: AppDB;
  doc: Y.Doc;
  brandId: string;
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
    const theirs = remote ? sharedOfY(remote) : undefined;
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
    const rows = rowsOf(this.doc, kind);
    if (plan.push.size > 0 || plan.dropFromDoc.size > 0) {
      const pushed = kind === 'thumbnails' ? await Promise.all([...plan.push.values()].map(withBytes)) : [...plan.push.values()];
      this.doc.transact(() => {
        for (const shared of pushed) {
          const row = rows.get(shared.id);
          if (row) applyRowToY(kind, row, shared);
          else rows.set(shared.id, rowToY(kind, shared));
        }
        for (const id of plan.dropFromDoc) rows.delete(id);
      }, LOCAL_ORIGIN);
    }
    if (plan.write.size === 0 && plan.remove.size === 0) return;
    const table = this.db.table<LocalRow, string>(TABLE_OF[kind]);
    await this.db.transaction('rw', table, this.db.brands, async () => {
      // The brand deleted meanwhile (delete all data): write nothing back.
      if (!(await this.db.brands.get(this.brandId))) return;
      // Only over the version read above: a row changed here meanwhile is left for the
      // reconcile its own change brings (and wins then, as the newer local change).
      const ids = [...plan.write.keys(), ...plan.remove.keys()];
      const now = new Map<string, string>();
      (await table.bulkGet(ids)).forEach((row, i) => now.set(ids[i], row ? fingerprint(row) : ''));
      const writes = [...plan.write].filter(([id, { was }]) => now.get(id) === was).map(([, { row }]) => row);
      const removals = [...plan.remove].filter(([id, was]) => now.get(id) === was).map(([id]) => id);
      for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
        try {
          await table.bulkPut(writes.slice(i, i + WRITE_CHUNK));
        } catch (error) {
          // A teammate's clip of a post also clipped here under another id (clips' permalink
          // is unique): the local one stays; the rest of the chunk is written.
          if (!(error instanceof Dexie.BulkError)) throw error;
          console.warn('[Spalla] sync: rows not written', error.failures);
        }
      }
      for (let i = 0; i < removals.length; i += WRITE_CHUNK) await table.bulkDelete(removals.slice(i, i + WRITE_CHUNK));
    });
  }
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
