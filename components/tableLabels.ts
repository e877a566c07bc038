import type { TableName } from '@/utils/db/schema';

/** i18n key of each table's "Saved replies: N" line. */
export const TABLE_LABEL_KEYS: Record<TableName, string> = {
  brands: 'tableBrands',
  accounts: 'tableAccounts',
  savedReplies: 'tableSavedReplies',
  hashtagSets: 'tableHashtagSets',
  hashtagStats: 'tableHashtagStats',
  clips: 'tableClips',
  images: 'tableImages',
  postLog: 'tablePostLog',
};
