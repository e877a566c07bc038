import type { Table } from 'dexie';
import type { AppDB } from './app-db';
import type { TableName } from './schema';

/** The record type of each table, read off `AppDB` so that it cannot drift from it. */
export type TableRecords = {
  [K in TableName]: AppDB[K] extends Table<infer R, any, any> ? R : never;
};

/** Rows for every table, e.g. a backup's content or a test's fixtures. */
export type RowsByTable = { [K in TableName]: TableRecords[K][] };
