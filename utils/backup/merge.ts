import type { Table } from 'dexie';
import type { AppDB } from '../db/app-db';
import { TABLE_NAMES, type TableName } from '../db/schema';
import type { RowsByTable } from '../db/table-records';
import { itemsIn } from '../db/counts';
import { uniqueFields } from '../db/unique-indexes';
import { causeOf, type BackupFailure } from './errors';
import type { ParsedBackup } from './read';

/** Per table, records, but hashtags for the learned hashtags (`itemsIn`). */
export interface TableCounts {
  added: number;
  updated: number;
  /** Already here with the same or a newer `updatedAt`, or clashing with a record here
   * on a unique field (a clip of the same permalink under another id). */
  skipped: number;
}

export type ImportReport = Record<TableName, TableCounts>;

export type ImportResult = { ok: true; report: ImportReport } | BackupFailure;

/** What `applyImport` would do, without writing. */
export async function planImport(db: AppDB, backup: ParsedBackup): Promise<ImportResult> {
  try {
    const { report } = await db.transaction('r', db.allTables(), () => plan(db, backup));
    return { ok: true, report };
  } catch (error) {
    return { ok: false, error: { code: 'database-failed', detail: { cause: causeOf(error) } } };
  }
}

/** Merges the backup into the database in one transaction (re-planned inside it, so
 * the report is what was written): all of it lands, or none of it. */
export async function applyImport(db: AppDB, backup: ParsedBackup): Promise<ImportResult> {
  try {
    const report = await db.transaction('rw', db.allTables(), async () => {
      const { report, writes } = await plan(db, backup);
      for (const name of TABLE_NAMES) {
        if (writes[name].length > 0) await db.table(name).bulkPut(writes[name]);
      }
      return report;
    });
    return { ok: true, report };
  } catch (error) {
    return { ok: false, error: { code: 'database-failed', detail: { cause: causeOf(error) } } };
  }
}

export function totalCounts(report: ImportReport): TableCounts {
  const total = { added: 0, updated: 0, skipped: 0 };
  for (const name of TABLE_NAMES) {
    total.added += report[name].added;
    total.updated += report[name].updated;
    total.skipped += report[name].skipped;
  }
  return total;
}

type Row = { id: string; updatedAt: number } & Record<string, unknown>;

/** The merge rule: a record whose id is new is added; one whose id is here replaces
 * ours only when its `updatedAt` is newer; otherwise ours stays. */
async function plan(db: AppDB, backup: ParsedBackup): Promise<{ report: ImportReport; writes: RowsByTable }> {
  const report = {} as ImportReport;
  const writes = {} as Record<TableName, Row[]>;
  const clashingClips = new Set<string>();
  // What is here, read for every table at once: each read is a round trip to the browser's
  // database, and on a busy machine each waits its turn, so one after another they added
  // up (a clips-only file: 8 tables, 2 to 4 reads each, most of them for empty tables).
  // A table the file has no rows of is not read at all.
  const here = await Promise.all(
    TABLE_NAMES.map((name) => {
      const rows = backup.tables[name] as unknown as Row[];
      if (rows.length === 0) return null;
      return Promise.all([rowsHere(db.table<Row, string>(name), rows.map((row) => row.id)), uniqueOwners(db, name, rows)]);
    }),
  );
  for (const [tableIndex, name] of TABLE_NAMES.entries()) {
    const rows = backup.tables[name] as unknown as Row[];
    const counts = { added: 0, updated: 0, skipped: 0 };
    report[name] = counts;
    writes[name] = [];
    if (!here[tableIndex]) continue;
    const [current, owners] = here[tableIndex];
    rows.forEach((row, index) => {
      const ours = current[index];
      const items = itemsIn(name, row);
      if (ours && row.updatedAt <= ours.updatedAt) return void (counts.skipped += items);
      // The images of a clip we skipped for a clash would belong to no clip.
      const orphan = name === 'images' && !ours && clashingClips.has(row.clipId as string);
      if (orphan || !owners.claim(row, ours)) {
        if (name === 'clips') clashingClips.add(row.id);
        return void (counts.skipped += items);
      }
      writes[name].push(row);
      counts[ours ? 'updated' : 'added'] += items;
    });
  }
  return { report, writes: writes as unknown as RowsByTable };
}

/**
 * The rows of `table` with these ids, in their order (undefined: not here). `bulkGet` is
 * one request per id; into a table holding fewer rows than the file (20,000 clips into a
 * library of a few), the table's keys are read first (one request) and only the ids it
 * holds are fetched.
 */
function rowsHere(table: Table<Row, string>, ids: string[]): PromiseLike<(Row | undefined)[]> {
  // Chained on Dexie's own promises, not `await`ed in an async function of its own: in
  // the read transaction of `planImport`, that lost the transaction (PrematureCommitError).
  return table.count().then((count) => {
    if (count >= ids.length) return table.bulkGet(ids);
    return table
      .toCollection()
      .primaryKeys()
      .then((keys) => {
        const here = new Set(keys);
        const wanted = ids.filter((id) => here.has(id));
        return table.bulkGet(wanted).then((rows) => {
          const byId = new Map(wanted.map((id, index) => [id, rows[index]]));
          return ids.map((id) => byId.get(id));
        });
      });
  });
}

/** Who holds each value of the table's unique fields, as rows are planned in. */
async function uniqueOwners(db: AppDB, name: TableName, rows: Row[]) {
  const fields = uniqueFields(name);
  const owners = new Map<string, Map<unknown, string>>();
  for (const field of fields) {
    const values = rows.map((row) => row[field]).filter((value) => value != null) as string[];
    const holders = values.length ? await db.table<Row, string>(name).where(field).anyOf(values).toArray() : [];
    owners.set(field, new Map(holders.map((holder) => [holder[field], holder.id])));
  }
  return {
    /** Takes the row's unique values, unless another record holds one of them. */
    claim(row: Row, ours: Row | undefined): boolean {
      const clash = fields.some((field) => {
        const holder = row[field] == null ? undefined : owners.get(field)!.get(row[field]);
        return holder !== undefined && holder !== row.id;
      });
      if (clash) return false;
      for (const field of fields) {
        const held = owners.get(field)!;
        if (ours?.[field] != null && held.get(ours[field]) === row.id) held.delete(ours[field]);
        if (row[field] != null) held.set(row[field], row.id);
      }
      return true;
    },
  };
}
