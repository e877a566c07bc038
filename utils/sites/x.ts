import { checkSelectors } from './markers';
import { X_POST_SELECTORS } from './x-posts';
import type { SiteAdapter, Surface } from './types';

// x.com (#14). X marks its interface with `data-testid` attributes; labels are translated
// (English and Italian below). Evidence, from maintained extensions that write into X:
// - insin/control-panel-for-twitter, script.js @0962235a224cd772184d70914d87112f4b4a414e
//   (Aug 2026): the main column `[data-testid="primaryColumn"]`; every post composer is
//   inside `[data-testid^="tweetTextarea"]`, a Draft.js editor on desktop (`.DraftEditor-root`,
//   in the home timeline, a post's reply box and the compose dialog `[role="dialog"]`);
//   messages in `[data-testid="dm-container"]` with `dm-conversation-header`.
// - hoquet98/SocialMonkey-Extension, content_scripts/twitter/twitter.js
//   @0b2700a80f3ce60be57fd166af753a7ace42147f: the reply box is `[data-testid="tweetTextarea_0"]`,
//   in the reply dialog or the post page's inline reply; `[data-testid="toolBar"]` under it.
// - A GitHub search for `dmComposerTextInput` (many DM tools, e.g. Playwright and Selenium
//   scripts sending X messages) finds the message box `[data-testid="dmComposerTextInput"]`;
//   X's newer Chat has `textarea[data-testid="dm-composer-textarea"]`.
// - The profile header's name block is `[data-testid="UserName"]` (AndryMI/social_crawler,
//   Twitter/Scripts/Twitter/ProfileInfo.js @14855fccd81cd0667a505e97820ea8a8311f090f).
// Post selectors are in x-posts.ts.

export const X_SELECTORS = {
  /** Every page: the main column. */
  primaryColumn: '[data-testid="primaryColumn"]',
  /** Home, post page, compose dialog: a post composer (Draft.js contenteditable). */
  composer: '[data-testid^="tweetTextarea_"][contenteditable="true"], [data-testid^="tweetTextarea_"] [contenteditable="true"]',
  /** Messages: the message box (Draft.js), or Chat's textarea. */
  messageBox: '[data-testid="dmComposerTextInput"], [data-testid="dm-composer-textarea"]',
  /** Messages: the open conversation's header (the person's name). */
  conversationHeader: '[data-testid="dm-conversation-header"]',
  /** Profile: the header's name and @handle. */
  profileName: '[data-testid="UserName"]',
  /** Compose: the dialog. */
  dialog: '[role="dialog"]',
} as const;

/** Paths of X's own pages, never a profile's handle. */
const RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'i', 'settings', 'compose', 'login', 'logout',
  'signup', 'tos', 'privacy', 'jobs', 'lists', 'communities', 'bookmarks', 'premium_sign_up', 'account',
]);
const PROFILE_PATH = /^\/([A-Za-z0-9_]{1,15})(?:\/(?:with_replies|media|likes|highlights|articles))?\/?$/;

export function profileHandle(path: string): string | null {
  const match = PROFILE_PATH.exec(path);
  return match && !RESERVED.has(match[1].toLowerCase()) ? match[1] : null;
}

function xSurface(location: Location | URL): Surface {
  const path = location.pathname;
  if (path === '/' || path === '/home') return 'feed';
  if (/^\/(messages|i\/chat)(\/|$)/.test(path)) return 'messages';
  if (/^\/compose\/(post|tweet)\b/.test(path)) return 'composer';
  if (/^\/[A-Za-z0-9_]{1,15}\/status\/\d+/.test(path)) return 'post';
  if (profileHandle(path)) return 'profile';
  return 'other';
}

export const x: SiteAdapter = {
  site: 'x',
  surface: (location) => xSurface(location),
  checkMarkers(surface, doc) {
    const s = X_SELECTORS;
    switch (surface) {
      case 'feed':
        return checkSelectors(doc, [
          ['primaryColumn', s.primaryColumn, true],
          ['post', X_POST_SELECTORS.post, true],
          ['composer', s.composer, false],
        ]);
      case 'post':
        return checkSelectors(doc, [
          ['post', X_POST_SELECTORS.post, true],
          ['replyBox', s.composer, false],
        ]);
      case 'profile':
        return checkSelectors(doc, [
          ['profileName', s.profileName, true],
          ['post', X_POST_SELECTORS.post, false],
        ]);
      case 'messages':
        return checkSelectors(doc, [['messageBox', s.messageBox, true]]);
      case 'composer':
        return checkSelectors(doc, [
          ['dialog', s.dialog, false],
          ['composer', s.composer, true],
        ]);
      default:
        return [];
    }
  },
  // The timeline's column and its posts: entering them loads the post readers (#16).
  postArea: `${X_SELECTORS.primaryColumn}, ${X_POST_SELECTORS.post}`,
};
