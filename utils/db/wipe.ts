import type { AppDB } from './app-db';
import { countItems } from './counts';
import { TABLE_NAMES, type TableName } from './schema';
import { deleteSearchCache, searchCacheName } from '../clips/search-cache';
import { syncSharesItem, syncStatusItem } from '../sync/items';
import { deleteSyncDocuments } from '../sync/local-copies';

/** What each table holds, as a user counts it (`countItems`). */
export async function countAll(db: AppDB): Promise<Record<TableName, number>> {
  const entries = await Promise.all(TABLE_NAMES.map(async (name) => [name, await countItems(db, name)] as const));
  return Object.fromEntries(entries) as Record<TableName, number>;
}

/** Empties every table in one transaction: either all goes, or nothing does. The record
 * of deletions goes too, and the library's search index kept between visits: "delete
 * all" leaves nothing behind, not even the ids or the words. Shared brands stop being
 * shared first (the background closes their connections when their shares go, #15), and
 * the local copies of their documents go last. */
export async function deleteAllRecords(db: AppDB): Promise<void> {
  await syncSharesItem.setValue({});
  await syncStatusItem.setValue({});
  await db.transaction('rw', [...db.allTables(), db.tombstones], async () => {
    await Promise.all(db.allTables().map((table) => table.clear()));
    await db.tombstones.clear();
  });
  await deleteSearchCache(searchCacheName(db.name));
  await deleteSyncDocuments();
}
