import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { AppDB } from './app-db';
import { tombstoneId, type Tombstone } from './tombstones';

export const TOMBSTONES_TABLE = 'tombstones';

/**
 * Makes every deletion in `tables` leave a tombstone (`tombstones.ts`) in the same
 * transaction, whoever deletes (the library, the background, a backup restore), and makes a
 * write of a row remove that row's tombstone (it exists again). A middleware rather than a
 * call in each store, so that no code path can forget it.
 *
 * The pattern is Dexie Cloud's own mutation log: a DBCore middleware that adds its log table
 * to every read-write transaction's scope and writes to it beside each mutation
 * (dexie/Dexie.js, addons/dexie-cloud/src/middlewares/createMutationTrackingMiddleware.ts).
 *
 * Upgrades (the `versionchange` transaction) are not logged: they rewrite rows, they do not
 * delete the user's data. `wipe.ts` clears the tombstones with everything else.
 */
export function logDeletions(db: AppDB, tables: readonly string[], now: () => number = Date.now): void {
  const tracked = new Set(tables);
  db.use({
    stack: 'dbcore',
    name: 'deletionLog',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope = mode === 'readwrite' && stores.some((s) => tracked.has(s)) && !stores.includes(TOMBSTONES_TABLE) ? [...stores, TOMBSTONES_TABLE] : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!tracked.has(name)) return table;
          // Looked up per call: while an upgrade runs, the stack is built before the table exists.
          return { ...table, mutate: (req) => mutateLogged(name, table, () => down.table(TOMBSTONES_TABLE), req, now) };
        },
      };
    },
  });
}

function isUpgrade(trans: DBCoreTransaction): boolean {
  return (trans as Partial<IDBTransaction>).mode === 'versionchange';
}

async function mutateLogged(name: string, table: DBCoreTable, logTable: () => DBCoreTable, req: DBCoreMutateRequest, now: () => number) {
  if (isUpgrade(req.trans)) return table.mutate(req);
  const trans = req.trans;
  const log = logTable();
  if (req.type === 'delete' || req.type === 'deleteRange') {
    const gone: { id: string; brandId?: string | null }[] =
      req.type === 'delete'
        ? ((await table.getMany({ trans, keys: req.keys })).filter(Boolean) as { id: string }[])
        : ((await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result as { id: string }[]);
    const result = await table.mutate(req);
    if (gone.length > 0) {
      const at = now();
      const values: Tombstone[] = gone.map((row) => ({
        id: tombstoneId(name, row.id),
        table: name,
        rowId: row.id,
        brandId: name === 'brands' ? row.id : (row.brandId ?? null),
        deletedAt: at,
      }));
      await log.mutate({ type: 'put', trans, values });
    }
    return result;
  }
  const result = await table.mutate(req);
  const ids = req.values.map((row) => (row as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
  const stale = await tombstonesOf(log, trans, name, ids);
  if (stale.length > 0) await log.mutate({ type: 'delete', trans, keys: stale });
  return result;
}

/** Writes of more rows than this look up which of them have a tombstone first. */
const LOOK_UP_FROM = 100;

/**
 * The tombstone keys of `ids` (rows of `table` being written) that may exist. A few rows:
 * all their keys (deleting a missing key costs nothing). Many (an import of 20,000 clips):
 * one read of the table's tombstone keys, and only those that exist are deleted, instead
 * of one delete request per row.
 */
async function tombstonesOf(log: DBCoreTable, trans: DBCoreTransaction, table: string, ids: string[]): Promise<string[]> {
  const keys = ids.map((id) => tombstoneId(table, id));
  if (keys.length <= LOOK_UP_FROM) return keys;
  // Every key `table:…`: from "table:" up to "table;" (";" follows ":").
  const range = { type: 2 /* DBCoreRangeType.Range */, lower: tombstoneId(table, ''), upper: `${table};`, lowerOpen: false, upperOpen: true } as const;
  const { result } = await log.query({ trans, values: false, query: { index: log.schema.primaryKey, range } });
  const existing = new Set(result as string[]);
  return keys.filter((key) => existing.has(key));
}
