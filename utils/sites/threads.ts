import { checkSelectors } from './markers';
import { THREADS_POST_SELECTORS } from './threads-posts';
import type { SiteAdapter, Surface } from './types';

// Selectors for www.threads.com (threads.net redirects there). Class names are generated:
// roles, aria and data-* only. Each names the page it serves and the evidence it rests on.
export const THREADS_SELECTORS = {
  /** Every page: the main column, `[role="region"]` labelled "Column body" in English (the
   * label is translated: "直欄內文" in Chinese, so only the role and the presence of a
   * label are matched). truong11062002/threads-commenter-extension, content.js
   * @f73da30ca77b9147cd64f470cae62f25517af71b (`[role="region"][aria-label="Column body"]`);
   * Aiuanyu/GeminiChat2MD, threads-to-markdown.user.js @8c87e45ad3630dfbd238db2a7afd79de2d448d56
   * (`div[role="region"][aria-label="直欄內文"]`). */
  column: '[role="region"][aria-label]',
  /** Feed, post page, profile: a post (see threads-posts.ts). */
  post: THREADS_POST_SELECTORS.post,
  /** Post page: the post and each reply is a pagelet `threads_post_page_N`, the post first.
   * truong11062002/threads-commenter-extension, content.js @f73da30 (scrapeThreadsPostPage). */
  postPagelet: '[data-pagelet^="threads_post_page_"]',
  /** Composer dialog, reply dialog, post page reply box: a Lexical editor.
   * tang-vu/social-posting-skills, DOM_SELECTORS.md @9e4539a5cd3792fb1101c6a079f2fc9ab8b76afe
   * ("2. Threads (Meta)": "Editor Framework: Lexical", text input
   * `div[role="textbox"][data-lexical-editor="true"]`, aria-label "Empty text field. Type to
   * compose a new post." in the user's language, aria-placeholder "What's new?"; replies open a
   * dialog with the original post above the same editor). */
  lexicalTextbox: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /** Composer and reply: a `[role="dialog"]`. ksanyok/threads-comment-copilot, content.js
   * @e149bebb10d0f2697e2212021dda641de3852c1e (insertReply looks for the text box inside
   * `[role="dialog"]`); official5ETa/ThreadsAutoComment, src/share/threadsQs.ts
   * @de2578e5c69e7c587638875bad12b2ff91c6b04e (`div[role="dialog"]` around
   * `div[role="textbox"][contenteditable="true"]:has(p)`). */
  dialog: '[role="dialog"]',
} as const;

/** Paths of Threads that are not a profile (`/@handle`) nor a post. */
const NOT_PROFILE = /^\/(search|activity|settings|login|saved|liked|intent|for_you|following)\b/;

/** Threads has no direct messages on the web: alanalyzing/influencer-dm-extension,
 * js/threads-content.js @efa5506cdc3add3cbdf6dc72faa65c95cabe5c0f ("Threads DMs are currently
 * mobile-only (as of April 2026)"; its background sends every DM through Instagram). So no
 * surface here is 'messages'. */
export const threads: SiteAdapter = {
  site: 'threads',
  // The main column and its posts: the pointer or focus entering them loads the post readers (#16).
  postArea: `${THREADS_SELECTORS.column}, ${THREADS_POST_SELECTORS.post}`,
  surface(location, doc): Surface {
    const path = location.pathname;
    if (/^\/@[^/]+\/post\/[^/]+/.test(path)) return 'post';
    // The "new thread" address opens the composer on its own (`/intent/post?text=`).
    if (path.startsWith('/intent/post')) return 'composer';
    if (path === '/' || /^\/(for_you|following)\/?$/.test(path)) {
      return doc.querySelector(`${THREADS_SELECTORS.dialog} ${THREADS_SELECTORS.lexicalTextbox}`) ? 'composer' : 'feed';
    }
    if (/^\/@[^/]+/.test(path) && !NOT_PROFILE.test(path)) return 'profile';
    return 'other';
  },
  checkMarkers(surface, doc) {
    const s = THREADS_SELECTORS;
    switch (surface) {
      case 'feed':
      case 'profile':
        return checkSelectors(doc, [
          ['column', s.column, true],
          ['post', s.post, true],
        ]);
      case 'post':
        return checkSelectors(doc, [
          ['column', s.column, true],
          ['post', s.post, true],
          ['postPagelet', s.postPagelet, false],
          ['replyBox', s.lexicalTextbox, false],
        ]);
      case 'composer':
        return checkSelectors(doc, [
          ['dialog', s.dialog, true],
          ['composerBox', `${s.dialog} ${s.lexicalTextbox}`, true],
        ]);
      default:
        return checkSelectors(doc, [['column', s.column, false]]);
    }
  },
};
