/**
 * Team sharing in the background (issue #15; docs/sync.md): one Hocuspocus connection per
 * shared brand, its Yjs document kept on this computer by y-indexeddb, its rows bridged to
 * Dexie by `BrandBridge`, and its status written to `syncStatusItem` for the library and the
 * sidebar. A brand that is not shared opens nothing: no document, no socket, no request.
 *
 * Hocuspocus provider API: https://tiptap.dev/docs/hocuspocus/provider/configuration and
 * ueberdosis/hocuspocus packages/provider/src (3.4.4): one HocuspocusProviderWebsocket per
 * share (its own server and token), `attach()`ed to the provider.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { AppDB } from '../db/app-db';
import type { SyncError, SyncJoinResult, SyncRole, SyncShareResult, SyncStatus } from '../messaging/features/sync';
import { checkServerAddress, isBrandCode } from './address';
import { adoptBrand, BrandBridge } from './bridge';
import { applyTextDiff, docToJSON, metaOf, metaOfY, rowsOf } from './doc-layout';
import { syncSharesItem, syncStatusItem, type SyncShare } from './items';
import { syncDbName } from './local-copies';

/** How often the provider asks the server for what it missed; the messages also keep a
 * Chromium service worker alive while a brand is shared (a WebSocket message resets its idle
 * timer since Chrome 116: developer.chrome.com/docs/extensions/how-to/web-platform/websockets). */
export const FORCE_SYNC_MS = 20_000;
/** How long "Share" and "Join" wait for the server to answer the token before saying it is
 * unreachable. */
export const FIRST_SYNC_TIMEOUT_MS = 15_000;
/** Once the token is accepted, how long the first exchange may take: a big brand's first
 * upload or download is one message of many megabytes. */
export const FIRST_TRANSFER_TIMEOUT_MS = 5 * 60_000;
/** `lastSyncedAt` alone is written at most this often. */
const LAST_SYNCED_WRITE_MS = 5_000;

export interface ManagerOptions {
  db: () => AppDB;
  /** Node's `ws` in tests; the browser's WebSocket otherwise. */
  WebSocketPolyfill?: unknown;
  now?: () => number;
  firstSyncTimeoutMs?: number;
  /** Where shares and statuses are kept (tests give each computer its own). */
  items?: { shares: typeof syncSharesItem; status: typeof syncStatusItem };
  /** The IndexedDB name of a document's local copy (tests give each computer its own). */
  docStoreName?: (code: string) => string;
}

interface Session {
  share: SyncShare;
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  bridge: BrandBridge | null;
  status: SyncStatus;
  /** The socket opened since the last connection attempt began. */
  opened: boolean;
  /** Authenticated and synced since the session (or the last retry) began. */
  upToDate: boolean;
  /** Calls waiting for the first outcome (share, join, retry). */
  waiting: ((outcome: SyncError | null) => void)[];
  /** A read-only copy that changed here is being downloaded again. */
  reloading: boolean;
  /** The token was accepted: the wait for the first exchange gets longer. */
  onAccepted: (() => void) | null;
  /** Joining: the brand is filed here from the document once it arrives. */
  joining: boolean;
  /** Resolves when the session is closed (a load under way stops waiting). */
  closed: Promise<void>;
  close: () => void;
}

export class SyncManager {
  private readonly sessions = new Map<string, Session>();
  private readonly options: ManagerOptions;
  private statusWrite: Promise<void> = Promise.resolve();
  private lastSyncedWrittenAt = 0;

  private readonly shares: typeof syncSharesItem;
  private readonly statuses: typeof syncStatusItem;

  constructor(options: ManagerOptions) {
    this.options = options;
    this.shares = options.items?.shares ?? syncSharesItem;
    this.statuses = options.items?.status ?? syncStatusItem;
  }

  private now() {
    return (this.options.now ?? Date.now)();
  }

  /** Opens every share not yet open (at background start, and on the wake-up alarm). */
  async startAll(): Promise<void> {
    const shares = await this.shares.getValue();
    for (const share of Object.values(shares)) {
      if (!this.sessions.has(share.brandId)) await this.open(share);
    }
  }

  hasShares(): boolean {
    return this.sessions.size > 0;
  }

  statusList(): SyncStatus[] {
    return [...this.sessions.values()].map((s) => ({ ...s.status }));
  }

  // ---------------------------------------------------------------- the messages

  async share(data: { brandId: string; server: string; token: string }): Promise<SyncShareResult> {
    const server = checkServerAddress(String(data?.server ?? ''));
    if (!server) return { ok: false, error: 'bad-address' };
    if (!isBrandCode(data.brandId) || typeof data.token !== 'string' || !data.token) return { ok: false, error: 'no-brand' };
    if (this.sessions.has(data.brandId)) return { ok: false, error: 'already-shared' };
    if (!(await this.options.db().brands.get(data.brandId))) return { ok: false, error: 'no-brand' };
    const share: SyncShare = { brandId: data.brandId, server, code: data.brandId, token: data.token, role: null, sharedAt: this.now() };
    return this.begin(share, (status) => ({ ok: true, status }));
  }

  async join(data: { server: string; code: string; token: string }): Promise<SyncJoinResult> {
    const server = checkServerAddress(String(data?.server ?? ''));
    if (!server) return { ok: false, error: 'bad-address' };
    const code = String(data.code ?? '').trim();
    if (!isBrandCode(code) || typeof data.token !== 'string' || !data.token) return { ok: false, error: 'server-refused' };
    if (this.sessions.has(code)) return { ok: false, error: 'already-shared' };
    const share: SyncShare = { brandId: code, server, code, token: data.token, role: null, sharedAt: this.now() };
    return this.begin(share, (status) => ({ ok: true, brandId: code, status }), { joining: true });
  }

  /** Opens a new share and waits for the server; keeps it only if the brand is up to date. */
  private async begin<R>(share: SyncShare, done: (status: SyncStatus) => R, { joining = false } = {}): Promise<R | { ok: false; error: SyncError }> {
    const session = await this.open(share, { joining });
    const error = await this.firstOutcome(session);
    if (error === null && session.bridge) {
      await session.bridge.idle();
      await this.waitSent(session);
      await this.shares.setValue({ ...(await this.shares.getValue()), [share.brandId]: session.share });
      return done({ ...session.status });
    }
    await this.close(share.brandId, { forget: true });
    // Joined an empty document: no brand of that code on the server.
    return { ok: false, error: error ?? 'server-refused' };
  }

  /** "Stop sharing": closes the connection, deletes the local copy of the document, forgets
   * the token. The brand's rows stay. */
  async stop(brandId: string): Promise<void> {
    await this.close(brandId, { forget: true });
  }

  /** Stops every share (delete all data). */
  async stopAll(): Promise<void> {
    for (const brandId of [...this.sessions.keys()]) await this.close(brandId, { forget: true });
    await this.shares.setValue({});
    await this.writeStatus(true);
  }

  /** Closes every connection but keeps the shares and the local copies, as a stopped worker
   * does (tests). */
  async suspendAll(): Promise<void> {
    for (const brandId of [...this.sessions.keys()]) await this.close(brandId, { forget: false });
  }

  async retry(brandId: string): Promise<SyncStatus | null> {
    const session = this.sessions.get(brandId);
    if (!session) {
      const share = (await this.shares.getValue())[brandId];
      if (!share) return null;
      return { ...(await this.open(share)).status };
    }
    session.upToDate = false;
    this.setStatus(session, { phase: 'connecting', error: null });
    session.socket.disconnect();
    void session.socket.connect();
    return { ...session.status };
  }

  // ---------------------------------------------------------------- a session

  private async open(share: SyncShare, { joining = false } = {}): Promise<Session> {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence((this.options.docStoreName ?? syncDbName)(share.code), doc);
    const socket = new HocuspocusProviderWebsocket({
      url: share.server,
      WebSocketPolyfill: this.options.WebSocketPolyfill,
      autoConnect: false,
    });
    const status: SyncStatus = {
      brandId: share.brandId,
      server: share.server,
      code: share.code,
      role: share.role,
      phase: 'connecting',
      offlineSince: null,
      lastSyncedAt: null,
      error: null,
    };
    const session: Session = {
      share,
      doc,
      persistence,
      socket,
      provider: undefined as unknown as HocuspocusProvider,
      bridge: null,
      status,
      opened: false,
      upToDate: false,
      waiting: [],
      reloading: false,
      onAccepted: null,
      joining,
      closed: Promise.resolve(),
      close: () => {},
    };
    session.closed = new Promise((resolve) => {
      session.close = resolve;
    });
    session.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: share.code,
      document: doc,
      token: share.token,
      // No presence (who is online, cursors): nothing to send about it.
      awareness: null,
      forceSyncInterval: FORCE_SYNC_MS,
      onAuthenticated: ({ scope }) => this.authenticated(session, scope === 'readonly' ? 'read-only' : 'editor'),
      onAuthenticationFailed: ({ reason }) => this.refused(session, reason === 'server-refused' ? 'server-refused' : 'token-refused'),
      onSynced: ({ state }) => {
        if (state) void this.synced(session);
      },
      onUnsyncedChanges: ({ number }) => this.unsynced(session, number),
      onClose: ({ event }) => this.closed(session, event as { code?: number; reason?: string }),
    });
    socket.on('status', ({ status: socketStatus }: { status: WebSocketStatus }) => this.socketStatus(session, socketStatus));
    socket.on('open', () => {
      session.opened = true;
    });
    // A read-only token's document changed here by anything but the server (the bridge never
    // writes it then): the server refuses the change, so this copy no longer matches the
    // team's. It is downloaded again and put back over the rows.
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (session.status.role === 'read-only' && origin !== session.provider && origin !== persistence) this.reloadSoon(session);
    });
    // Known at once, so that a second start (the alarm, a message) does not open it twice; the
    // provider sends nothing before `attach()`.
    this.sessions.set(share.brandId, session);
    void this.writeStatus(true);
    await Promise.race([persistence.whenSynced, session.closed]);
    if (this.sessions.get(share.brandId) !== session) return session;
    // The bridge before the connection: the brand's rows are in the document before the
    // first exchange (sharing), and a restarted background sends what changed meanwhile.
    await this.ensureBridge(session);
    if (this.sessions.get(share.brandId) !== session) return session;
    session.provider.attach();
    void socket.connect();
    return session;
  }

  private async close(brandId: string, { forget, dropCopy = forget }: { forget: boolean; dropCopy?: boolean }) {
    const session = this.sessions.get(brandId);
    this.sessions.delete(brandId);
    if (session) {
      session.close();
      session.bridge?.stop();
      // Let a reconcile under way finish before the document goes.
      await session.bridge?.idle();
      for (const resolve of session.waiting.splice(0)) resolve('server-refused');
      session.provider.destroy();
      session.socket.destroy();
      if (dropCopy) await session.persistence.clearData();
      else await session.persistence.destroy();
      session.doc.destroy();
    }
    if (forget) {
      const shares = { ...(await this.shares.getValue()) };
      if (brandId in shares) {
        delete shares[brandId];
        await this.shares.setValue(shares);
      }
    }
    await this.writeStatus(true);
  }

  private reloadSoon(session: Session) {
    if (session.reloading) return;
    session.reloading = true;
    // After the provider has sent it (the server's refusal is what the end-to-end test checks).
    setTimeout(() => void this.reload(session), 300);
  }

  private async reload(session: Session) {
    const { brandId } = session.share;
    if (this.sessions.get(brandId) !== session) return;
    await this.close(brandId, { forget: false, dropCopy: true });
    const again = await this.open(session.share);
    this.setStatus(again, { error: 'read-only-change' });
  }

  /** Starts the bridge once there is a brand to bridge: here already (shared from this
   * computer, or joined before), or described by the document's `meta` (joining). */
  private async ensureBridge(session: Session) {
    if (session.bridge) return;
    const db = this.options.db();
    if (!(await db.brands.get(session.share.brandId))) {
      // Deleted here while the background was stopped: sharing it ends (the team keeps it).
      if (!session.joining) return this.stop(session.share.brandId);
      if (!metaOfY(metaOf(session.doc))) return;
      await adoptBrand(db, session.doc, session.share.brandId);
    }
    if (session.bridge || !this.sessions.has(session.share.brandId)) return;
    session.bridge = new BrandBridge({
      db,
      doc: session.doc,
      brandId: session.share.brandId,
      role: () => session.status.role ?? session.share.role,
      onReadOnlyChange: () => this.setStatus(session, { error: 'read-only-change' }),
      onBrandDeleted: () => void this.stop(session.share.brandId),
    });
    await session.bridge.start();
  }

  private authenticated(session: Session, role: SyncRole) {
    session.onAccepted?.();
    if (session.share.role !== role) {
      session.share = { ...session.share, role };
      void this.saveShare(session.share);
    }
    this.setStatus(session, { role, phase: 'syncing', error: session.status.error === 'read-only-change' && role === 'read-only' ? 'read-only-change' : null });
  }

  private refused(session: Session, error: SyncError) {
    // Nothing more is sent until the user acts (a new token, or Retry).
    session.socket.disconnect();
    this.setStatus(session, { phase: 'error', error, offlineSince: null });
    this.settle(session, error);
  }

  private async synced(session: Session) {
    await this.ensureBridge(session);
    if (!this.sessions.has(session.share.brandId)) return;
    session.upToDate = true;
    this.setStatus(session, {
      phase: session.provider.hasUnsyncedChanges && session.status.role !== 'read-only' ? 'syncing' : 'connected',
      offlineSince: null,
      lastSyncedAt: this.now(),
    });
    // After each (re)connection: both sides may have changed meanwhile.
    await session.bridge?.reconcile();
    this.settle(session, null);
  }

  private unsynced(session: Session, count: number) {
    if (!session.upToDate || session.status.phase === 'error') return;
    if (count > 0 && session.status.role !== 'read-only') this.setStatus(session, { phase: 'syncing' });
    else this.setStatus(session, { phase: 'connected', lastSyncedAt: this.now() });
  }

  private closed(session: Session, event: { code?: number; reason?: string }) {
    const reason = event?.reason ?? '';
    if (reason === 'token-refused' || reason === 'server-refused') this.refused(session, reason);
    else if (reason && (event.code ?? 0) >= 4000) this.refused(session, 'server-refused');
  }

  private socketStatus(session: Session, status: WebSocketStatus) {
    if (session.status.phase === 'error') return;
    if (status === WebSocketStatus.Connecting) {
      session.opened = false;
      if (session.status.phase !== 'offline') this.setStatus(session, { phase: 'connecting' });
    } else if (status === WebSocketStatus.Connected) {
      this.setStatus(session, { phase: 'syncing' });
    } else if (status === WebSocketStatus.Disconnected) {
      session.upToDate = false;
      // Never opened: nothing answers at the address (or the network is down). The provider
      // keeps trying (backoff up to 30 s); work goes on and merges when it is back.
      const error: SyncError | null = session.opened ? null : 'unreachable';
      this.setStatus(session, { phase: 'offline', offlineSince: session.status.offlineSince ?? this.now(), error });
      if (error) this.settle(session, error);
    }
  }

  // ---------------------------------------------------------------- waiting

  private firstOutcome(session: Session): Promise<SyncError | null> {
    if (session.upToDate) return Promise.resolve(null);
    return new Promise((resolve) => {
      let timer = setTimeout(() => finish('unreachable'), this.options.firstSyncTimeoutMs ?? FIRST_SYNC_TIMEOUT_MS);
      const finish = (outcome: SyncError | null) => {
        clearTimeout(timer);
        session.waiting = session.waiting.filter((w) => w !== finish);
        session.onAccepted = null;
        resolve(outcome);
      };
      session.onAccepted = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish('unreachable'), FIRST_TRANSFER_TIMEOUT_MS);
      };
      session.waiting.push(finish);
    });
  }

  private settle(session: Session, outcome: SyncError | null) {
    for (const resolve of session.waiting.slice()) resolve(outcome);
  }

  /** Until the server acknowledged every change sent (or the read-only server refused them). */
  private async waitSent(session: Session) {
    const until = this.now() + FIRST_TRANSFER_TIMEOUT_MS;
    while (session.provider.hasUnsyncedChanges && session.status.role !== 'read-only' && this.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // ---------------------------------------------------------------- status

  private setStatus(session: Session, changes: Partial<SyncStatus>) {
    const before = session.status;
    const next = { ...before, ...changes };
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    session.status = next;
    const onlyTime = Object.keys(changes).every((k) => k === 'lastSyncedAt' || (changes as Record<string, unknown>)[k] === (before as unknown as Record<string, unknown>)[k]);
    void this.writeStatus(!onlyTime);
  }

  /** Writes every status, one write after another; `lastSyncedAt` alone at most every few
   * seconds (the library shows minutes). */
  private writeStatus(force: boolean): Promise<void> {
    const now = this.now();
    if (!force && now - this.lastSyncedWrittenAt < LAST_SYNCED_WRITE_MS) return this.statusWrite;
    this.lastSyncedWrittenAt = now;
    this.statusWrite = this.statusWrite
      .then(() => this.statuses.setValue(Object.fromEntries([...this.sessions].map(([id, s]) => [id, { ...s.status }]))))
      .catch((error) => console.error('[Spalla] sync status', error));
    return this.statusWrite;
  }

  private async saveShare(share: SyncShare) {
    const shares = await this.shares.getValue();
    if (shares[share.brandId]) await this.shares.setValue({ ...shares, [share.brandId]: share });
  }

  /** Resolves once the status storage has every change so far (tests). */
  statusWritten(): Promise<void> {
    return this.writeStatus(true);
  }

  // ---------------------------------------------------------------- for tests

  /** The brand's document as JSON, null when it is not shared. */
  docJSON(brandId: string): Record<string, unknown> | null {
    const session = this.sessions.get(brandId);
    return session ? docToJSON(session.doc) : null;
  }

  /** Waits for the bridge (tests). */
  async idle(brandId: string): Promise<void> {
    await this.sessions.get(brandId)?.bridge?.idle();
  }

  /** Changes a reply's body in the document directly, past the bridge's read-only guard, and
   * lets the provider send it: to prove that the SERVER refuses a read-only token's change. */
  forceRemoteEdit(brandId: string, replyId: string, text: string): boolean {
    const session = this.sessions.get(brandId);
    const body = session && rowsOf(session.doc, 'savedReplies').get(replyId)?.get('body');
    if (!(body instanceof Y.Text)) return false;
    session!.doc.transact(() => applyTextDiff(body, text), 'test-force');
    return true;
  }

  /** The document as the server has it now, read through a second connection with the same
   * token (tests: what a teammate would download). */
  async serverState(brandId: string): Promise<Record<string, unknown> | null> {
    const share = this.sessions.get(brandId)?.share ?? (await this.shares.getValue())[brandId];
    if (!share) return null;
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: share.server, WebSocketPolyfill: this.options.WebSocketPolyfill });
    try {
      const synced = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), this.options.firstSyncTimeoutMs ?? FIRST_SYNC_TIMEOUT_MS);
        const provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: share.code,
          document: doc,
          token: share.token,
          awareness: null,
          onSynced: () => {
            clearTimeout(timer);
            resolve(true);
            provider.destroy();
          },
          onAuthenticationFailed: () => {
            clearTimeout(timer);
            resolve(false);
            provider.destroy();
          },
        });
        provider.attach();
      });
      return synced ? docToJSON(doc) : null;
    } finally {
      socket.destroy();
      doc.destroy();
    }
  }
}
