import { checkSelectors } from './markers';
import type { SiteAdapter, Surface } from './types';

// Selectors for www.instagram.com (roles, aria and tags only: class names are generated).
export const INSTAGRAM_SELECTORS = {
  /** Every page: the main column. */
  main: 'main[role="main"], [role="main"]',
  /** Feed, post page, profile grid opened: a post. */
  article: 'article',
  /** Feed and post page: the React-controlled comment box inside its form. */
  commentBox: 'form textarea',
  /** Direct messages: the Lexical message box. */
  messageBox: 'div[role="textbox"][contenteditable="true"]',
} as const;

export const instagram: SiteAdapter = {
  site: 'instagram',
  postArea: `${INSTAGRAM_SELECTORS.main}, ${INSTAGRAM_SELECTORS.article}`,
  surface(location): Surface {
    const path = location.pathname;
    if (path.startsWith('/direct/')) return 'messages';
    if (/^\/(p|reel|reels|tv)\//.test(path) || /^\/[^/]+\/(p|reel)\//.test(path)) return 'post';
    if (path === '/') return 'feed';
    if (/^\/(explore|accounts|stories)\b/.test(path)) return 'other';
    if (/^\/[^/]+\/?$/.test(path)) return 'profile';
    return 'other';
  },
  checkMarkers(surface, doc) {
    const s = INSTAGRAM_SELECTORS;
    switch (surface) {
      case 'feed':
      case 'post':
        return checkSelectors(doc, [
          ['main', s.main, true],
          ['post', s.article, true],
          ['commentBox', s.commentBox, false],
        ]);
      case 'messages':
        return checkSelectors(doc, [['messageBox', s.messageBox, true]]);
      default:
        return checkSelectors(doc, [['main', s.main, false]]);
    }
  },
};
