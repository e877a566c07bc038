import type { Translate } from '../backup/messages';
import type { BrandContents } from './ops';

/** What belongs to a brand, as the delete confirmation reads it: "3 saved replies, 1
 * hashtag set, 12 ideas with 20 images, 40 logged posts"; empty when nothing does. Each
 * count is its own message with its plural forms (docs/architecture.md, "Strings with
 * counts"). */
export function brandContentsSummary(t: Translate, contents: BrandContents): string {
  const parts: string[] = [];
  if (contents.accounts) parts.push(t('brandCountAccounts', contents.accounts));
  if (contents.savedReplies) parts.push(t('brandCountReplies', contents.savedReplies));
  if (contents.hashtagSets) parts.push(t('brandCountSets', contents.hashtagSets));
  if (contents.hashtagStats) parts.push(t('brandCountLearned', contents.hashtagStats));
  if (contents.clips) parts.push(contents.images ? `${t('brandCountIdeas', contents.clips)} ${t('brandCountWithImages', contents.images)}` : t('brandCountIdeas', contents.clips));
  if (contents.postLog) parts.push(t('brandCountPosts', contents.postLog));
  return parts.join(', ');
}
