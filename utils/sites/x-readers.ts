import type { BoxKind } from '../replies/limits';
import { EMPTY_PAGE_CONTEXT, type ReplyPageContext } from '../replies/page-context';
import { tidyText, visibleText } from './post-read';
import type { SiteAccount, Surface } from './types';
import { profileHandle, X_SELECTORS } from './x';
import { readXAuthor, X_POST_SELECTORS } from './x-posts';

// What X's pages say about an account and about the person a box answers (#14): loaded
// with the page agent's parts on demand (readers.ts, reply-context.ts), not on every page
// load. The markers and their evidence are in x.ts.

/** "Replying to @handle" / "In risposta a @handle" above a reply box: only the last resort
 * (see `replyingTo`). The English words are SocialMonkey's (below); no public source we could
 * find quotes X's Italian words, which are as our Italian X pages show them, unverified. */
const REPLYING_TO = /^(?:Replying to|In risposta a)\s+@([A-Za-z0-9_]{1,15})/u;
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/;

export function readXAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const handle = profileHandle(location.pathname);
  if (!handle) return null;
  const header = doc.querySelector(X_SELECTORS.profileName);
  const name = header ? tidyText(visibleText(header.querySelector('span') ?? header)).split('\n')[0] || null : null;
  return { network: 'x', handle, name };
}

/** The handle a reply box answers, in any language: the post it answers is the one inside
 * the reply dialog, or on a post page the post the address names (its permalink holds the
 * address's status id), whose author's link gives the handle; on a post page whose post is
 * not found, the handle in the address. hoquet98/SocialMonkey-Extension,
 * content_scripts/twitter/twitter.js @0b2700a80f3ce60be57fd166af753a7ace42147f
 * (`extractTweetDataFromDialog`) finds the answered post the same way: `article
 * [data-testid="tweet"]` inside `[role="dialog"]`, else the post page's main post, its
 * author from the `/handle/status/ID` permalink. Only when none of these is there are the
 * words "Replying to @handle" read (a language we know). */
function replyingTo(composer: HTMLElement, doc: Document): string | null {
  const dialog = composer.closest(X_SELECTORS.dialog);
  const address = STATUS_PATH.exec(doc.location?.pathname ?? '');
  if (dialog) {
    const shown = dialog.querySelector(X_POST_SELECTORS.post);
    const handle = shown ? readXAuthor(shown.querySelector(X_POST_SELECTORS.userName)).handle : null;
    if (handle) return handle;
  } else if (address) {
    const time = doc.querySelector(`a[href*="/status/${address[2]}"] time`);
    const post = time?.closest(X_POST_SELECTORS.post);
    const handle = post ? readXAuthor(post.querySelector(X_POST_SELECTORS.userName)).handle : null;
    return handle ?? address[1];
  }
  const scope = dialog ?? doc.querySelector(X_SELECTORS.primaryColumn) ?? doc.body;
  for (const el of scope.querySelectorAll('div, span')) {
    if (el.children.length > 3) continue;
    const match = REPLYING_TO.exec(tidyText(el.textContent ?? ''));
    if (match) return match[1];
  }
  return null;
}

/** The display name of `handle` as a post on the page shows it; else the handle itself. */
function nameOf(handle: string, doc: Document): string {
  for (const block of doc.querySelectorAll(X_POST_SELECTORS.userName)) {
    const author = readXAuthor(block);
    if (author.handle?.toLowerCase() === handle.toLowerCase() && author.name) return author.name;
  }
  return handle;
}

export function xReplyContext(composer: HTMLElement, surface: Surface, doc: Document): ReplyPageContext {
  if (surface === 'messages' || composer.closest(X_SELECTORS.messageBox) || composer.matches(X_SELECTORS.messageBox)) {
    const header = doc.querySelector(X_SELECTORS.conversationHeader);
    const fullName = header ? tidyText(visibleText(header)).split('\n')[0] || null : null;
    return { ...EMPTY_PAGE_CONTEXT, fullName, box: 'x-message' };
  }
  const handle = replyingTo(composer, doc);
  const box: BoxKind = handle || surface === 'post' ? 'x-reply' : 'x-post';
  return { ...EMPTY_PAGE_CONTEXT, fullName: handle ? nameOf(handle, doc) : null, box };
}
