import type { AppDB } from './app-db';
import type { HashtagStat } from './hashtags';
import type { TableName } from './schema';

/**
 * What a user counts in a table: its records, but for `hashtagStats` the hashtags (one
 * record holds all that a network + brand learned, so "Learned hashtags: 2" would be
 * the number of scopes). For the counts shown in the sidebar's Data tab, before deleting
 * everything, and in an import's report.
 */
export function itemsIn(table: TableName, row: object): number {
  return table === 'hashtagStats' ? (row as HashtagStat).keys.length : 1;
}

export async function countItems(db: AppDB, table: TableName): Promise<number> {
  if (table !== 'hashtagStats') return db.table(table).count();
  let hashtags = 0;
  await db.hashtagStats.each((row) => (hashtags += row.keys.length));
  return hashtags;
}
