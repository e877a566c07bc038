import type { Page } from 'playwright-core';
import { dumpRows } from '../../../utils/db/dump';
import { CURRENT_DB_VERSION } from '../../../utils/db/schema';
import type { RowsByTable } from '../../../utils/db/table-records';

/**
 * The app's IndexedDB database ("spalla", made by Dexie), read and written with the raw
 * IndexedDB API from inside an extension page, so that no app code stands between the
 * test and the data. Blobs cross `page.evaluate` as `{ blobType, bytes }` and typed
 * arrays as `{ arrayType, values }` (the shapes of utils/db/dump.ts).
 */

/** Every row of every object store, in primary-key order, Blobs as bytes. */
export type Dump = Record<string, unknown[]>;

type Action = { kind: 'dump' } | { kind: 'clear' } | { kind: 'write'; rows: Dump };

/** Runs in the page. Self-contained: it is sent to the browser as source text. */
async function inPage(action: Action): Promise<{ version: number; tables: Dump }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('spalla');
    // Not made by the app yet: create nothing (the app owns the schema).
    request.onupgradeneeded = () => request.transaction!.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`cannot open the "spalla" database: ${request.error?.name}`));
  });
  try {
    const names = [...db.objectStoreNames];
    if (action.kind === 'write') {
      const unknown = Object.keys(action.rows).filter((name) => !names.includes(name));
      if (unknown.length) throw new Error(`no such object store: ${unknown.join(', ')}`);
    }
    const revive = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(revive);
      if (value === null || typeof value !== 'object') return value;
      const object = value as Record<string, unknown>;
      if (Array.isArray(object.bytes) && typeof object.blobType === 'string') {
        return new Blob([new Uint8Array(object.bytes as number[])], { type: object.blobType });
      }
      const typed = { Uint8Array, Uint16Array, Uint32Array, Float64Array } as const;
      if (Array.isArray(object.values) && typeof object.arrayType === 'string' && object.arrayType in typed) {
        return typed[object.arrayType as keyof typeof typed].from(object.values as number[]);
      }
      return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, revive(v)]));
    };
    const tx = db.transaction(names, action.kind === 'dump' ? 'readonly' : 'readwrite');
    const raw: Dump = {};
    for (const name of names) {
      const store = tx.objectStore(name);
      if (action.kind === 'clear') store.clear();
      if (action.kind === 'write') for (const row of action.rows[name] ?? []) store.add(revive(row));
      if (action.kind === 'dump') {
        const request = store.getAll();
        request.onsuccess = () => (raw[name] = request.result);
      }
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onabort = () => reject(new Error(`transaction aborted: ${tx.error?.name} ${tx.error?.message}`));
    });
    const flatten = async (value: unknown): Promise<unknown> => {
      if (value instanceof Blob) return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
      if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        return { arrayType: value.constructor.name, values: Array.from(value as unknown as ArrayLike<number>) };
      }
      if (Array.isArray(value)) return Promise.all(value.map(flatten));
      if (value === null || typeof value !== 'object') return value;
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await flatten(v)]));
      return Object.fromEntries(entries);
    };
    const tables: Dump = {};
    for (const name of Object.keys(raw)) tables[name] = (await flatten(raw[name])) as unknown[];
    return { version: db.version, tables };
  } finally {
    db.close();
  }
}

/** Dexie stores its schema version ×10: Dexie version 2 is IndexedDB version 20. */
const IDB_VERSION = CURRENT_DB_VERSION * 10;

/** The user's data: every table a backup holds (not the database's record of deletions,
 * `tombstones`: `dumpDatabaseAt` has it). */
export async function dumpDatabase(page: Page): Promise<Dump> {
  const { version, tables } = await page.evaluate(inPage, { kind: 'dump' } as Action);
  if (version !== IDB_VERSION) throw new Error(`database at version ${version}, expected ${IDB_VERSION}`);
  const { tombstones: _, ...data } = tables;
  return data;
}

/** The database at whatever version it is (an older build's, before an upgrade). */
export async function dumpDatabaseAt(page: Page): Promise<{ version: number; tables: Dump }> {
  return page.evaluate(inPage, { kind: 'dump' } as Action);
}

export async function clearDatabase(page: Page): Promise<void> {
  await page.evaluate(inPage, { kind: 'clear' } as Action);
}

/** Adds rows (fails on an id that is already there, like Dexie's bulkAdd). */
export async function writeRows(page: Page, rows: RowsByTable): Promise<void> {
  await page.evaluate(inPage, { kind: 'write', rows: await toDump(rows) } as Action);
}

/** Rows as a dump of them would read: Blobs as bytes, each table in primary-key order. */
export async function toDump(rows: RowsByTable): Promise<Dump> {
  const dump: Dump = {};
  for (const [name, tableRows] of Object.entries(rows)) {
    const sorted = [...tableRows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    dump[name] = await dumpRows(sorted);
  }
  return dump;
}
