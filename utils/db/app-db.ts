import Dexie, { type EntityTable } from 'dexie';
import type { Account, Brand, BrandV2 } from './brands';
import type { Clip, StoredImage } from './clips';
import { logDeletions } from './deletion-log';
import type { Tombstone } from './tombstones';
import type { HashtagSet, HashtagStat, HashtagStatV1 } from './hashtags';
import type { PostLogEntry } from './post-log';
import type { SavedReply } from './saved-replies';
import { backupStatusItem } from '../settings/items';
import { trackChanges } from './change-clock';
import { DB_NAME, SCHEMA_VERSIONS, TABLE_NAMES } from './schema';
import { brandsV2ToV3, hashtagStatsV1ToV2, imagesV2ToV3, postLogV2ToV3 } from './upgrades';

/** Spalla's one database. It is opened only in extension pages and the background,
 * never in a content script (that would put it in facebook.com's origin). */
export class AppDB extends Dexie {
  brands!: EntityTable<Brand, 'id'>;
  accounts!: EntityTable<Account, 'id'>;
  savedReplies!: EntityTable<SavedReply, 'id'>;
  hashtagSets!: EntityTable<HashtagSet, 'id'>;
  hashtagStats!: EntityTable<HashtagStat, 'id'>;
  clips!: EntityTable<Clip, 'id'>;
  images!: EntityTable<StoredImage, 'id'>;
  postLog!: EntityTable<PostLogEntry, 'id'>;
  tombstones!: EntityTable<Tombstone, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // Before the first query: Dexie builds its middleware stack when the database opens.
    logDeletions(this, TABLE_NAMES);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    this.version(2)
      .stores(SCHEMA_VERSIONS[2])
      .upgrade(async (tx) => {
        const stats = tx.table<HashtagStatV1 | HashtagStat, string>('hashtagStats');
        const rows = (await stats.toArray()) as HashtagStatV1[];
        await stats.clear();
        await stats.bulkAdd(hashtagStatsV1ToV2(rows));
      });
    this.version(3)
      .stores(SCHEMA_VERSIONS[3])
      .upgrade(async (tx) => {
        const brands = tx.table<BrandV2 | Brand, string>('brands');
        const { brands: clients, accounts } = brandsV2ToV3((await brands.toArray()) as BrandV2[]);
        await brands.clear();
        await brands.bulkAdd(clients);
        await tx.table('accounts').bulkAdd(accounts);
        const postLog = tx.table('postLog');
        await postLog.bulkPut(postLogV2ToV3(await postLog.toArray()));
        const images = tx.table('images');
        const clips = await tx.table<Clip, string>('clips').toArray();
        await images.bulkPut(imagesV2ToV3(await images.toArray(), clips));
      });
    // Version 4 goes here: this.version(4).stores(SCHEMA_VERSIONS[4]).upgrade(tx => ...),
    // the row changes in `upgrades.ts`, where the backup reader finds them too.
  }

  /** Every table in backup order. */
  allTables() {
    return TABLE_NAMES.map((name) => this.table(name));
  }
}

let shared: AppDB | undefined;

/** The database of this extension context (background, popup, library), opened on
 * first use. Every committed change is noted for the backup reminder. */
export function getDb(): AppDB {
  if (!shared) {
    shared = new AppDB();
    trackChanges(shared, noteDataChanged);
  }
  return shared;
}

let noting: Promise<void> = Promise.resolve();

function noteDataChanged(now: number) {
  // One write after another, so that `changesNoted()` can wait for the last one.
  noting = noting.then(async () => {
    const status = await backupStatusItem.getValue();
    await backupStatusItem.setValue({ ...status, dataChangedAt: now });
  });
}

/** Resolves once every committed change so far is noted in `backupStatus`. The note is
 * taken when a transaction's `complete` event fires, a moment after the caller's own
 * `await` resumed: hence the turn of the event loop first. */
export async function changesNoted(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await noting.catch(() => {});
}
