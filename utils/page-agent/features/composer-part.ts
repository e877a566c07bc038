import { insertIntoComposer } from '../../insert';
import { insertHashtagsInto } from './hashtags-composer';
import { expandShortcut, replyContext } from './replies-compose';

/** Part `composer` (see `../parts.ts`): the insertion engine and what uses it (saved
 * replies, typed shortcuts, hashtags, drafts), and the reading of a reply's context. Built
 * as `page-composer.js` by `entrypoints/page-composer.ts`. */
export const composerPart = {
  insert: insertIntoComposer,
  insertHashtags: insertHashtagsInto,
  expandShortcut,
  replyContext,
};

export type ComposerPart = typeof composerPart;
