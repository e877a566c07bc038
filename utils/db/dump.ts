import type { AppDB } from './app-db';
import { TABLE_NAMES, type TableName } from './schema';

/** A Blob as plain data, so that `toEqual` compares its bytes and type (two Blobs
 * with different bytes are otherwise "equal": they have no own properties). */
export interface BlobDump {
  blobType: string;
  bytes: number[];
}

/** Rows with every Blob (at any depth) replaced by its bytes, and every typed array by
 * its kind and values. */
export async function dumpRows(rows: readonly unknown[]): Promise<unknown[]> {
  return Promise.all(rows.map(dumpValue));
}

/** Every row of every table, in primary-key order, Blobs as bytes: for tests that
 * check a database is exactly as expected (or untouched). */
export async function dumpDatabase(db: AppDB): Promise<Record<TableName, unknown[]>> {
  const dump = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) dump[name] = await dumpRows(await db.table(name).toArray());
  return dump;
}

async function dumpValue(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { arrayType: value.constructor.name, values: Array.from(value as unknown as ArrayLike<number>) };
  }
  if (Array.isArray(value)) return Promise.all(value.map(dumpValue));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await dumpValue(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
