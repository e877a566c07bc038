import Dexie, { type EntityTable } from 'dexie';
import type { ClipSearchSnapshot } from './search';

/**
 * The library's search index, kept between visits: building it for 20,000 clips takes
 * seconds, restoring it a few tens of milliseconds (`ClipSearch.restore`, then `sync`
 * indexes only the clips changed since). A database of its own beside Spalla's, named
 * after it: it is derived data, not part of the schema, the backups or the migrations,
 * and can always be thrown away. "Delete all data" deletes it too (`wipe.ts`).
 */
export function searchCacheName(dbName: string): string {
  return `${dbName}-search-cache`;
}

interface Stored {
  key: 'clips';
  snapshot: ClipSearchSnapshot;
}

class SearchCacheDB extends Dexie {
  snapshots!: EntityTable<Stored, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ snapshots: 'key' });
  }
}

let opened: SearchCacheDB | null = null;
function cacheDb(name: string): SearchCacheDB {
  if (opened?.name !== name) opened = new SearchCacheDB(name);
  return opened;
}

/** The last snapshot saved, or null (none, or the cache cannot be read: the index is then
 * built from the clips, as without a cache). */
export async function loadSearchSnapshot(name: string): Promise<ClipSearchSnapshot | null> {
  try {
    return (await cacheDb(name).snapshots.get('clips'))?.snapshot ?? null;
  } catch (error) {
    console.warn('[Spalla] search cache unreadable', error);
    return null;
  }
}

export async function saveSearchSnapshot(name: string, snapshot: ClipSearchSnapshot): Promise<void> {
  try {
    await cacheDb(name).snapshots.put({ key: 'clips', snapshot });
  } catch (error) {
    // A full disk, say: the next visit builds the index again.
    console.warn('[Spalla] search cache not saved', error);
  }
}

export async function deleteSearchCache(name: string): Promise<void> {
  if (opened?.name === name) {
    opened.close();
    opened = null;
  }
  await Dexie.delete(name);
}
