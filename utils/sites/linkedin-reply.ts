import type { ReplyPageContext } from '../replies/page-context';
import { LINKEDIN_SELECTORS } from './linkedin';
import { linkedInAuthorName, linkedInPostHolding } from './linkedin-posts';
import { tidyText } from './post-read';

// Who a LinkedIn box answers (#14), for `{{first_name}}`: loaded with the composer part on
// demand (reply-context.ts), not on every page load. Markers and evidence: linkedin.ts.

const S = LINKEDIN_SELECTORS;

function text(el: Element | null | undefined): string | null {
  const value = el ? tidyText(el.textContent ?? '') : '';
  return value && value.length <= 200 ? value : null;
}

const sameName = (a: string | null, b: string | null) =>
  !!a && !!b && a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** What LinkedIn shows around a box (see reply-context.ts): the person answered and the
 * kind of box. A message box answers the thread's contact; a reply box (inside a comment)
 * that comment's author; a post's comment box the post's author unless that is the
 * viewer; the post composer answers nobody. */
export function readLinkedInReplyContext(composer: HTMLElement, doc: Document): ReplyPageContext {
  const myName = doc.querySelector(S.viewerPhoto)?.getAttribute('alt')?.trim() || null;
  const actingAs = myName ? ({ kind: 'profile', name: myName } as const) : null;
  if (composer.closest(S.messageBox) || composer.matches(S.messageBox)) {
    const thread = composer.closest(S.thread) ?? doc.querySelector(S.thread);
    return { fullName: text(thread?.querySelector(S.contactName)), myName, actingAs, box: 'linkedin-message' };
  }
  if (composer.closest('.share-creation-state, .share-box-feed-entry__form, .share-box')) {
    return { fullName: null, myName, actingAs, box: 'linkedin-post' };
  }
  if (!composer.closest('.comments-comment-box, .comments-comment-texteditor')) {
    return { fullName: null, myName, actingAs, box: null };
  }
  const comment = composer.closest(S.comment);
  if (comment || composer.closest(S.replyBox)) {
    const author = text(comment?.querySelector(S.commentAuthor));
    return { fullName: sameName(author, myName) ? null : author, myName, actingAs, box: 'linkedin-comment' };
  }
  const post = linkedInPostHolding(composer);
  const author = post ? linkedInAuthorName(post) : null;
  return { fullName: sameName(author, myName) ? null : author, myName, actingAs, box: 'linkedin-comment' };
}
