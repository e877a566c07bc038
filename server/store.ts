/** The sync server's one file: a SQLite database (through sql.js, SQLite compiled to WASM,
 * https://github.com/sql-js/sql.js) holding each brand document's Yjs state and the access
 * tokens. sql.js keeps the whole database in memory and hands back the file's bytes on
 * `export()`; this module writes those bytes to disk atomically (a temporary file, then a
 * rename), at most once per WRITE_INTERVAL_MS while documents change, at once when tokens
 * change, and on close.
 *
 * What a crash can lose: the document changes of the last write window, that is Hocuspocus's
 * store debounce (server/index.ts) plus the write interval: a few seconds (longer for a very
 * big database, see WRITE_TIME_SHARE). Nothing is lost for good: every Spalla keeps its own
 * copy of the document (y-indexeddb) and sends what the server lacks when it reconnects (the
 * Yjs sync protocol's step 1/step 2 exchange). */
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';

/** What a token lets its holder do (the same words as the extension's SyncRole). */
export type TokenRole = 'editor' | 'read-only';

/** A token as listed: never the token itself, which is stored only as its sha256. */
export interface TokenInfo {
  id: string;
  role: TokenRole;
  /** '*' (every document) or one document name (a brand's code). */
  document: string;
  label: string | null;
  createdAt: number;
  revokedAt: number | null;
}

export interface NewToken {
  role: TokenRole;
  document: string;
  label?: string | null;
}

/** The database file's name inside the data directory. */
export const DATABASE_FILE = 'spalla-sync.sqlite';
/** At most one write of the file per this many ms while documents change… */
export const WRITE_INTERVAL_MS = 1000;
/** …or, for a big database, at most one write per this many times the last write's duration,
 * so that writing (sql.js exports the whole file each time: ~0.4 s for 100 brands, 113 MB,
 * measured by server/measure.ts) never takes more than a fifth of the server's time. */
const WRITE_TIME_SHARE = 5;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updatedAt INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('editor', 'read-only')),
  document TEXT NOT NULL,
  label TEXT,
  createdAt INTEGER NOT NULL,
  revokedAt INTEGER
);
PRAGMA user_version = 1;
`;

let sqlJs: Promise<SqlJsStatic> | null = null;

/** A token's stored form. sha256 is enough for 32 random bytes: there is nothing to guess
 * (unlike a password), and the database never holds a usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isTokenRole(value: unknown): value is TokenRole {
  return value === 'editor' || value === 'read-only';
}

export class SyncStore {
  readonly file: string;
  private db: Database;
  private dirty = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;
  private lastWriteMs = 0;
  /** Writes run one after another: each exports the database as it is when it starts. */
  private writes: Promise<void> = Promise.resolve();

  private constructor(file: string, db: Database) {
    this.file = file;
    this.db = db;
  }

  /** Opens (or creates) the database in `dataDir`. */
  static async open(dataDir: string): Promise<SyncStore> {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = join(dataDir, DATABASE_FILE);
    const SQL = await (sqlJs ??= initSqlJs());
    const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    db.exec(SCHEMA);
    const store = new SyncStore(file, db);
    if (!existsSync(file)) await store.flush(true);
    return store;
  }

  // Documents

  getDocument(name: string): Uint8Array | null {
    const rows = this.db.exec('SELECT state FROM documents WHERE name = ?', [name]);
    const state = rows[0]?.values[0]?.[0];
    return state instanceof Uint8Array ? state : null;
  }

  /** Keeps a document's whole state (Y.encodeStateAsUpdate); written to disk within
   * WRITE_INTERVAL_MS. Ignored once the store is closed or abandoned. */
  putDocument(name: string, state: Uint8Array): void {
    if (this.closed) return;
    this.db.run(
      'INSERT INTO documents (name, state, updatedAt) VALUES (?, ?, ?) ' +
        'ON CONFLICT(name) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt',
      [name, state, Date.now()],
    );
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush().catch((error) => console.error('Could not write the sync database:', error));
    }, Math.max(WRITE_INTERVAL_MS, WRITE_TIME_SHARE * this.lastWriteMs));
  }

  documentNames(): string[] {
    const rows = this.db.exec('SELECT name FROM documents ORDER BY name');
    return (rows[0]?.values ?? []).map((row) => String(row[0]));
  }

  // Tokens

  /** Creates a token; returns the token itself (shown once) and its listing. */
  async addToken({ role, document, label = null }: NewToken): Promise<{ token: string; info: TokenInfo }> {
    if (!isTokenRole(role)) throw new Error(`Unknown role "${String(role)}": use editor or read-only.`);
    if (!document) throw new Error('A token needs a document: a brand code, or * for every brand.');
    const token = randomBytes(32).toString('base64url');
    const info: TokenInfo = { id: randomBytes(5).toString('hex'), role, document, label: label || null, createdAt: Date.now(), revokedAt: null };
    this.db.run('INSERT INTO tokens (id, hash, role, document, label, createdAt, revokedAt) VALUES (?, ?, ?, ?, ?, ?, NULL)', [
      info.id,
      hashToken(token),
      info.role,
      info.document,
      info.label,
      info.createdAt,
    ]);
    await this.flush(true);
    return { token, info };
  }

  /** The token (not revoked or revoked) whose plain value is `token`. */
  findToken(token: string): TokenInfo | null {
    return this.tokenWhere('hash = ?', hashToken(token));
  }

  findTokenById(id: string): TokenInfo | null {
    return this.tokenWhere('id = ?', id);
  }

  /** A token by its id, or by its plain value. */
  findTokenByIdOrValue(idOrToken: string): TokenInfo | null {
    return this.findTokenById(idOrToken) ?? this.findToken(idOrToken);
  }

  listTokens(): TokenInfo[] {
    return this.tokensWhere('1 = 1');
  }

  /** Marks a token revoked (kept in the list, with the time). Returns it, or null if unknown. */
  async revokeToken(idOrToken: string): Promise<TokenInfo | null> {
    const found = this.findTokenByIdOrValue(idOrToken);
    if (!found) return null;
    if (found.revokedAt === null) {
      found.revokedAt = Date.now();
      this.db.run('UPDATE tokens SET revokedAt = ? WHERE id = ?', [found.revokedAt, found.id]);
      await this.flush(true);
    }
    return found;
  }

  private tokenWhere(where: string, value: string): TokenInfo | null {
    return this.tokensWhere(where, value)[0] ?? null;
  }

  private tokensWhere(where: string, value?: string): TokenInfo[] {
    const rows = this.db.exec(
      `SELECT id, role, document, label, createdAt, revokedAt FROM tokens WHERE ${where} ORDER BY createdAt, id`,
      value === undefined ? undefined : [value],
    );
    return (rows[0]?.values ?? []).map(([id, role, document, label, createdAt, revokedAt]) => ({
      id: String(id),
      role: role as TokenRole,
      document: String(document),
      label: label === null ? null : String(label),
      createdAt: Number(createdAt),
      revokedAt: revokedAt === null ? null : Number(revokedAt),
    }));
  }

  // Writing the file

  /** Writes the file now if anything changed since the last write (or if `force`). */
  flush(force = false): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (force) this.dirty = true;
    const write = this.writes.then(() => this.writeIfDirty());
    // A failed write leaves `dirty` set, so the next one retries; the chain goes on.
    this.writes = write.catch(() => {});
    return write;
  }

  /** Writes what is pending and frees the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.db.close();
  }

  /** Drops what is not yet written, as a crash would (tests imitate a crash with it). */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writes.finally(() => this.db.close());
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    const started = performance.now();
    let bytes: Uint8Array;
    try {
      // sql.js's export() closes and reopens its database: no prepared statement may be
      // kept across it (this module prepares none).
      bytes = this.db.export();
    } catch (error) {
      this.dirty = true;
      throw error;
    }
    // Atomic replace: readers and a crash see either the old file or the new one, never
    // half of one (rename(2) within a directory is atomic on POSIX file systems).
    const temporary = `${this.file}.tmp`;
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
      this.lastWriteMs = performance.now() - started;
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }
}
