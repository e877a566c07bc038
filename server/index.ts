/** Spalla's sync server (issue #15): Hocuspocus 3 (https://github.com/ueberdosis/hocuspocus,
 * MIT) serving one Yjs document per shared brand, named by the brand's code, with
 * - persistence in SQLite through sql.js (server/store.ts), via Hocuspocus's database
 *   extension (@hocuspocus/extension-database: fetch/store of each document's Yjs state);
 * - access tokens, each with a role ('editor' or 'read-only') and a document ('*' or one
 *   brand code), stored hashed; read-only is enforced by Hocuspocus itself: a connection whose
 *   `connectionConfig.readOnly` is set in onAuthenticate never has its updates applied
 *   (packages/server/src/MessageReceiver.ts: sync step 2 and update messages from a read-only
 *   connection are answered with a "not applied" sync status and dropped);
 * - revocation that closes the token's open connections at once.
 * TLS is left to a reverse proxy (docs/sync.md). `npm run sync-server` runs it (server/cli.ts). */
import type { Server as NetServer } from 'node:net';
import { Database } from '@hocuspocus/extension-database';
import { Server, type Connection, type Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { listenControl, type ControlReply, type ControlRequest } from './control.ts';
import { SyncStore, type NewToken, type TokenInfo } from './store.ts';

export type { TokenInfo, TokenRole, NewToken } from './store.ts';

/** Why the server refused or closed a document's connection: the reason the client receives
 * (HocuspocusProvider's `authenticationFailed` event's `reason`, or its `close` event's
 * `event.reason`). The words are the extension's SyncError names
 * (utils/messaging/features/sync.ts), so the client can show them as they are. */
export const REFUSED = {
  /** Unknown token (mistyped), or a revoked one. */
  token: 'token-refused',
  /** A known token, but for another brand; or a document name the server does not accept. */
  document: 'server-refused',
} as const;

/** Hocuspocus stores a changed document after this much quiet (ms), and at least this
 * often while changes keep coming (maxDebounce). Together with the store's write interval
 * this is what a crash can lose (see server/store.ts): clients send it again on reconnect. */
const STORE_DEBOUNCE_MS = 1000;
const STORE_MAX_DEBOUNCE_MS = 3000;
/** The largest WebSocket message the server accepts (ws's own default is 100 MiB). A client's
 * first upload of a brand is one message holding the whole brand (Yjs sync step 2), and
 * thumbnails make a big brand big: 20,000 clips with 8 KB thumbnails are ~180 MB. ws reads a
 * message whole before Hocuspocus sees it, even before the token is checked, so this is also
 * how much memory one connection can make the server hold: keep the port behind the proxy. */
const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;
/** Brand codes are uuids; anything far longer is not a Spalla document. */
const MAX_DOCUMENT_NAME = 200;

export interface SyncServerOptions {
  /** 1234 by default; 0 = any free port. */
  port?: number;
  /** 127.0.0.1 by default: put a TLS reverse proxy in front to reach it from other computers. */
  host?: string;
  /** The directory of the database file (created if missing). */
  dataDir: string;
  /** No log lines (tests, bench). */
  quiet?: boolean;
  /** Where log lines go; console.log with the time by default. */
  log?: (line: string) => void;
}

export interface SyncServer {
  /** ws://host:port */
  url: string;
  port: number;
  dataDir: string;
  /** The database file. */
  file: string;
  /** Creates a token; resolves with the token itself, to hand over once (only its hash is kept). */
  addToken(token: NewToken): Promise<string>;
  listTokens(): TokenInfo[];
  /** Revokes a token (by id, or by its value) and closes its open connections. Resolves with
   * the token's listing, or null if no token matches. */
  revokeToken(idOrToken: string): Promise<TokenInfo | null>;
  /** Stores every document, writes the database file, closes every connection (clients
   * reconnect when a server is back) and the port. */
  stop(): Promise<void>;
  /** Closes every socket and the port at once WITHOUT writing what is pending: a crash, for
   * tests. Resolves once the port is free. */
  kill(): Promise<void>;
  /** Documents loaded now (a document is unloaded when its last client leaves). */
  documentsInMemory(): number;
  memory(): NodeJS.MemoryUsage;
  /** The Hocuspocus instance (tests and the bench read documents and open direct connections). */
  hocuspocus: Hocuspocus;
}

/** A document name as logged: the client chose it, so quoted and cut short. */
const shown = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** What onAuthenticate adds to a connection's context. */
interface AuthContext {
  tokenId: string;
  role: TokenInfo['role'];
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { port = 1234, host = '127.0.0.1', dataDir, quiet = false } = options;
  const log = quiet ? () => {} : (options.log ?? ((line: string) => console.log(`${new Date().toISOString()} ${line}`)));
  const store = await SyncStore.open(dataDir);
  /** Each token's open document connections, to close them when it is revoked. */
  const connectionsByToken = new Map<string, Set<Connection>>();

  const server = new Server(
    {
      port,
      address: host,
      // We print our own lines (server/cli.ts) and handle signals ourselves (stop() flushes).
      quiet: true,
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      extensions: [
        new Database({
          fetch: async ({ documentName }) => store.getDocument(documentName),
          store: async ({ documentName, state }) => store.putDocument(documentName, state),
        }),
      ],

      async onAuthenticate({ token, documentName, connectionConfig }): Promise<AuthContext> {
        const found = token ? store.findToken(token) : null;
        if (!found || found.revokedAt !== null) {
          log(`refused a connection to ${shown(documentName)}: unknown or revoked token`);
          // Thrown without a message, Hocuspocus logs nothing and sends `reason` to the client
          // as a permission-denied message (packages/server/src/ClientConnection.ts).
          throw { reason: REFUSED.token };
        }
        if (documentName.length === 0 || documentName.length > MAX_DOCUMENT_NAME || (found.document !== '*' && found.document !== documentName)) {
          log(`refused token ${found.id} on ${shown(documentName)}: it is for ${shown(found.document)}`);
          throw { reason: REFUSED.document };
        }
        connectionConfig.readOnly = found.role === 'read-only';
        return { tokenId: found.id, role: found.role };
      },

      async connected({ connection, context, documentName }) {
        const { tokenId, role } = context as AuthContext;
        // Revoked between onAuthenticate and now: close at once.
        if (store.findTokenById(tokenId)?.revokedAt !== null) {
          connection.close({ code: 4401, reason: REFUSED.token });
          return;
        }
        let connections = connectionsByToken.get(tokenId);
        if (!connections) connectionsByToken.set(tokenId, (connections = new Set()));
        connections.add(connection);
        connection.onClose(() => {
          connections.delete(connection);
          if (connections.size === 0) connectionsByToken.delete(tokenId);
        });
        log(`token ${tokenId} (${role}) connected to ${shown(documentName)}`);
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );

  async function revokeToken(idOrToken: string): Promise<TokenInfo | null> {
    const revoked = await store.revokeToken(idOrToken);
    if (!revoked) return null;
    const open = [...(connectionsByToken.get(revoked.id) ?? [])];
    // Connection.close removes the connection from its document (no more changes reach it)
    // and sends the client a close message with this reason; the client's next
    // authentication with the token is refused.
    for (const connection of open) connection.close({ code: 4401, reason: REFUSED.token });
    connectionsByToken.delete(revoked.id);
    log(`revoked token ${revoked.id}${open.length ? `, closed ${open.length} connection(s)` : ''}`);
    return revoked;
  }

  async function addToken(token: NewToken): Promise<{ token: string; info: TokenInfo }> {
    const added = await store.addToken(token);
    log(`added token ${added.info.id} (${added.info.role}, ${added.info.document === '*' ? 'every brand' : added.info.document})`);
    return added;
  }

  async function handleControl(request: ControlRequest): Promise<ControlReply> {
    switch (request.command) {
      case 'add':
        return { ok: true, ...(await addToken(request.token)) };
      case 'list':
        return { ok: true, tokens: store.listTokens() };
      case 'revoke':
        return { ok: true, info: await revokeToken(request.idOrToken) };
      default:
        return { ok: false, error: 'Unknown command.' };
    }
  }

  let control: NetServer | null = null;
  try {
    control = await listenControl(dataDir, handleControl);
    await server.listen();
  } catch (error) {
    control?.close();
    store.abandon();
    throw error;
  }
  const actualPort = server.address.port;
  const webSockets = server.webSocketServer;
  let ended = false;

  function closePort(): Promise<void> {
    control?.close();
    webSockets.close();
    return new Promise((resolve) => {
      server.httpServer.close(() => resolve());
      server.httpServer.closeAllConnections();
    });
  }

  return {
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    dataDir,
    file: store.file,
    hocuspocus: server.hocuspocus,
    addToken: async (token) => (await addToken(token)).token,
    listTokens: () => store.listTokens(),
    revokeToken,

    async stop() {
      if (ended) return;
      ended = true;
      // Stop taking messages first, then keep every loaded document's whole state: this
      // writes what Hocuspocus's store debounce still held back.
      for (const socket of webSockets.clients) socket.close(1001, 'Server stopping');
      for (const document of server.hocuspocus.documents.values()) {
        store.putDocument(document.name, Y.encodeStateAsUpdate(document));
      }
      await store.close();
      for (const socket of webSockets.clients) socket.terminate();
      await closePort();
      log('stopped; the database is written');
    },

    async kill() {
      if (ended) return;
      ended = true;
      store.abandon();
      for (const socket of webSockets.clients) socket.terminate();
      await closePort();
    },

    documentsInMemory: () => server.hocuspocus.getDocumentsCount(),
    memory: () => process.memoryUsage(),
  };
}
