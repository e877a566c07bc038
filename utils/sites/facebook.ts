import { checkSelectors } from './markers';
import { FB_POST_MARKERS } from './facebook-post-finder';
import type { SiteAdapter, Surface } from './types';

// Selectors for www.facebook.com. Class names are generated and change weekly: use
// roles, aria and data-* only. Each names the page it serves.
export const FACEBOOK_SELECTORS = {
  /** Every page: the main column. */
  main: '[role="main"]',
  /** Home feed: the list of feed units. */
  feed: '[role="feed"]',
  /** Feed, post page, profile: any marker of a post (an article, a feed unit, the
   * "Actions for this post" menu, the author block: see facebook-post-finder.ts). */
  post: Object.values(FB_POST_MARKERS).join(', '),
  /** Feed, post page, Messenger: the Lexical text boxes. */
  lexicalTextbox: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /** Messenger: the conversation region. */
  conversation: '[role="grid"], [role="main"]',
} as const;

const POST_PATH = /\/(posts|permalink|videos|photo|photos|reel|watch)\b|story_fbid=/;

export const facebook: SiteAdapter = {
  site: 'facebook',
  postArea: `${FACEBOOK_SELECTORS.main}, ${FACEBOOK_SELECTORS.feed}, ${FB_POST_MARKERS.article}`,
  surface(location): Surface {
    const path = location.pathname;
    if (/^\/messages(\/|$)/.test(path)) return 'messages';
    if (POST_PATH.test(path + location.search)) return 'post';
    if (path === '/' || path === '/home.php') return 'feed';
    if (/^\/[^/]+\/?$/.test(path) || path.startsWith('/profile.php')) return 'profile';
    return 'other';
  },
  checkMarkers(surface, doc) {
    const s = FACEBOOK_SELECTORS;
    switch (surface) {
      case 'feed':
        return checkSelectors(doc, [
          ['main', s.main, true],
          ['feed', s.feed, true],
        ]);
      case 'post':
      case 'profile':
        return checkSelectors(doc, [
          ['main', s.main, true],
          ['post', s.post, true],
        ]);
      case 'messages':
        return checkSelectors(doc, [
          ['conversation', s.conversation, true],
          ['messageBox', s.lexicalTextbox, true],
        ]);
      default:
        return checkSelectors(doc, [['main', s.main, false]]);
    }
  },
};
