import type { DBCoreMutateRequest, DBCoreTransaction } from 'dexie';
import type { BackupStatus } from '../settings/items';
import type { AppDB } from './app-db';

/** How old the last backup may get before the popup reminds the user. */
export const BACKUP_REMINDER_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Calls `onChange` once per committed read-write transaction that added, put or
 * deleted anything, in any table (`db.brands.put(...)` alone is such a transaction).
 * A transaction that aborts changed nothing and is not reported.
 *
 * Dexie builds its middleware stack when the database opens, so call this before the
 * first query. Returns a function that removes the middleware (effective at the next
 * open).
 */
export function trackChanges(db: AppDB, onChange: (now: number) => void, now: () => number = Date.now): () => void {
  const name = 'changeClock';
  db.use({
    stack: 'dbcore',
    name,
    create(down) {
      const reported = new WeakSet<DBCoreTransaction>();
      const reportOnCommit = (trans: DBCoreTransaction) => {
        if (reported.has(trans)) return;
        reported.add(trans);
        // Dexie's transaction here is the IndexedDB one; its `complete` event means committed.
        const target = trans as Partial<EventTarget>;
        if (typeof target.addEventListener === 'function') target.addEventListener('complete', () => onChange(now()));
        else onChange(now());
      };
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              const result = await table.mutate(req);
              reportOnCommit(req.trans);
              return result;
            },
          };
        },
      };
    },
  });
  return () => void db.unuse({ stack: 'dbcore', name });
}

/** True when the popup should remind the user to export a backup: the data changed
 * since the last backup and that backup is over a month old, or there has never been
 * a backup and there is data. */
export function shouldRemindBackup(status: BackupStatus, now: number): boolean {
  const { lastBackupAt, dataChangedAt } = status;
  if (dataChangedAt === null) return false;
  if (lastBackupAt === null) return true;
  return dataChangedAt > lastBackupAt && now - lastBackupAt > BACKUP_REMINDER_AGE_MS;
}
