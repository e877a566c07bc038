/** The local copies of shared brands' documents (y-indexeddb), one IndexedDB database each:
 * `spalla-sync-<code>`. Kept apart from the manager so that a page can delete them without
 * loading the sync engine. */
export const SYNC_DB_PREFIX = 'spalla-sync-';

export function syncDbName(code: string): string {
  return SYNC_DB_PREFIX + code;
}

/** Deletes every local copy. A copy still open in the background is deleted once the
 * background closes it (IndexedDB's delete waits: it is "blocked" until then). */
export async function deleteSyncDocuments(idb: IDBFactory = indexedDB): Promise<string[]> {
  const names = (await idb.databases()).map((info) => info.name ?? '').filter((name) => name.startsWith(SYNC_DB_PREFIX));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = idb.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
  return names;
}
