/** Messages of team sharing (issue #15): a brand shared through the team's own Hocuspocus
 * server, one Yjs document per brand. Design and alternatives: docs/sync.md. */

/** What a token lets its holder do, as the server says when it accepts the token. */
export type SyncRole = 'editor' | 'read-only';

/** Where a shared brand's connection stands. */
export type SyncPhase =
  /** Opening the connection, or the server has not yet accepted the token. */
  | 'connecting'
  /** Connected; local or remote changes not yet exchanged. */
  | 'syncing'
  /** Connected and up to date both ways. */
  | 'connected'
  /** No connection (network down, server stopped); work goes on and merges later. */
  | 'offline'
  /** The server refused: see `error`. Nothing is sent until the user acts. */
  | 'error';

/** The last error, named so that the interface can say it in words (en, it). */
export type SyncError =
  /** The server does not know the token (mistyped, or revoked). */
  | 'token-refused'
  /** Nothing answers at the address (wrong address, server down, no network). */
  | 'unreachable'
  /** The server answered but refused the document or the request. */
  | 'server-refused'
  /** The address is not a ws:// (127.0.0.1 / localhost only) or wss:// address. */
  | 'bad-address'
  /** A read-only token: a local change was not sent and was put back. */
  | 'read-only-change';

/** One shared brand's sharing, as the library and the sidebar show it. */
export interface SyncStatus {
  brandId: string;
  /** The server address as the user typed it (normalised). */
  server: string;
  /** The brand's code on the server (the Yjs document name); teammates join with it. */
  code: string;
  /** null until the server has accepted the token. */
  role: SyncRole | null;
  phase: SyncPhase;
  /** When the connection was lost (phase 'offline'), epoch ms. */
  offlineSince: number | null;
  /** When the brand was last up to date with the server, epoch ms. */
  lastSyncedAt: number | null;
  error: SyncError | null;
}

export type SyncShareResult = { ok: true; status: SyncStatus } | { ok: false; error: SyncError | 'already-shared' | 'no-brand' };
export type SyncJoinResult = { ok: true; brandId: string; status: SyncStatus } | { ok: false; error: SyncError | 'already-shared' };

export interface SyncProtocol {
  // library page / sidebar -> background (extension pages only)
  /** Every shared brand's status. Live updates: `syncStatusItem` (utils/sync/items.ts). */
  syncStatusList(): SyncStatus[];
  /** "Share this brand": connects the brand's document on `server` with `token`; resolves
   * once the server accepted the token and the brand is uploaded, or with the error. */
  syncShare(data: { brandId: string; server: string; token: string }): SyncShareResult;
  /** "Join a shared brand": the brand's code (from a teammate) on `server` with `token`;
   * resolves once the brand is downloaded and stored locally (a new brand, or the local
   * copy of the same code, merged). */
  syncJoin(data: { server: string; code: string; token: string }): SyncJoinResult;
  /** "Stop sharing": disconnects and forgets the token; the local copy stays. */
  syncStop(data: { brandId: string }): void;
  /** Connects again now (after an error the user has fixed, e.g. a server restarted). */
  syncRetry(data: { brandId: string }): SyncStatus | null;
}
