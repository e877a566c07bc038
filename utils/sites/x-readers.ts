import type { BoxKind } from '../replies/limits';
import { EMPTY_PAGE_CONTEXT, type ReplyPageContext } from '../replies/page-context';
import { tidyText, visibleText } from './post-read';
import type { SiteAccount, Surface } from './types';
import { profileHandle, X_SELECTORS } from './x';
import { readXAuthor, X_POST_SELECTORS } from './x-posts';

// What X's pages say about an account and about the person a box answers (#14): loaded
// with the page agent's parts on demand (readers.ts, reply-context.ts), not on every page
// load. The markers and their evidence are in x.ts.

/** "Replying to @handle" / "In risposta a @handle" above a reply box. */
const REPLYING_TO = /^(?:Replying to|In risposta a)\s+@([A-Za-z0-9_]{1,15})/u;

export function readXAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const handle = profileHandle(location.pathname);
  if (!handle) return null;
  const header = doc.querySelector(X_SELECTORS.profileName);
  const name = header ? tidyText(visibleText(header.querySelector('span') ?? header)).split('\n')[0] || null : null;
  return { network: 'x', handle, name };
}

/** The handle a reply box answers: "Replying to @handle" in the box's dialog, or on the
 * post page above it. */
function replyingTo(composer: HTMLElement, doc: Document): string | null {
  const scope = composer.closest(X_SELECTORS.dialog) ?? doc.querySelector(X_SELECTORS.primaryColumn) ?? doc.body;
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
