import { checkSelectors } from './markers';
import { LINKEDIN_POST_SELECTORS } from './linkedin-posts';
import type { MarkerCheck, SiteAdapter, Surface } from './types';

// Selectors for www.linkedin.com. LinkedIn names its components with its own BEM classes
// (`comments-comment-box`, `msg-form__contenteditable`), stable enough that maintained
// extensions that write into LinkedIn select by them; Quill adds its own `ql-editor`.
// Labels are translated, so none is used to find a box. Each selector names the page it
// serves and the evidence it rests on:
// - Briskine/briskine @98b08dbe673d3c904bc3976668c6ebfbe20d613b (a template inserter,
//   maintained): src/content/editors/editor-quill1.js ("Quill1 rich text editor. Used by
//   LinkedIn on posts and comments"), src/content/editors/editor-site.js (the message box
//   `.msg-form__contenteditable`, plain text), src/content/plugins/linkedin.js (threads
//   `.msg-thread`, the contact's name `.msg-entity-lockup__entity-title` /
//   `.msg-s-message-group__name`, feed posts `.feed-shared-update-v2`, the viewer's photo
//   `.global-nav__me-photo` whose alt is their name, dialogs `[role=dialog]`).
// - opencues/opencues @84d7cc83c954adc6f6116f3cf1627b58b472582b (writes into LinkedIn):
//   integrations/chrome/src/opencues-bootstrap.ts (the post composer: `.share-creation-state`,
//   `.share-box-feed-entry__form`, `.share-box`; comment boxes `.comments-comment-box`,
//   `.comments-comment-texteditor`; messages `.msg-form__contenteditable`).
// - xldeveloper/openclaw-skills @cb9541986c5b045f74662cecf11de75876ee84f0,
//   skills/red777777/inkedin-automation-that-really-works/references/dom-patterns.md
//   ("Comment Box": `.comments-comment-texteditor .ql-editor`, `[role="textbox"]`; "Start
//   Post Button": `button.share-box-feed-entry__trigger`).
// - krystianbajno/techka @b81ca42aedd499f6b950054091c1893d2128c97b,
//   plugins/linkedin/scripts/get-post-comments.js: a comment is a
//   `.comments-comment-entity`, its author `.comments-comment-meta__description-title`, a
//   reply `.comments-comment-entity--reply`.
export const LINKEDIN_SELECTORS = {
  /** Feed, post page, company Page: a post (see linkedin-posts.ts). */
  post: LINKEDIN_POST_SELECTORS.post,
  /** Feed, post page: a comment or reply box (Quill 1). */
  commentBox: '.comments-comment-box .ql-editor, .comments-comment-texteditor .ql-editor',
  /** A reply box: inside a comment, or marked as a reply. */
  replyBox: '.comments-comment-box--reply',
  comment: '.comments-comment-entity, .comments-comment-item',
  commentAuthor: '.comments-comment-meta__description-title, .comments-comment-item__description-title',
  /** Feed: "Start a post" / "Crea un post". */
  shareTrigger: '.share-box-feed-entry__trigger',
  /** The post composer (Quill 1), in its dialog or inline. */
  shareComposer: '.share-creation-state .ql-editor, .share-box-feed-entry__form .ql-editor, .share-box .ql-editor',
  /** Messaging: the thread and its message box (a plain contenteditable). */
  thread: '.msg-thread, .msg-overlay-conversation-bubble, [role="dialog"]',
  messageBox: '.msg-form__contenteditable',
  /** Messaging: the person, in Briskine's order of preference. */
  contactName: '.msg-entity-lockup__entity-title, .msg-overlay-bubble-header__title, .msg-s-event-listitem--other .msg-s-message-group__name',
  /** Every page: the viewer's photo; its alt is their name. */
  viewerPhoto: 'img.global-nav__me-photo[alt]',
} as const;

const S = LINKEDIN_SELECTORS;

export function linkedInSurface(location: Location | URL): Surface {
  const path = location.pathname;
  if (/^\/messaging(\/|$)/.test(path)) return 'messages';
  if (/^\/feed\/update\/urn:li:/.test(path) || /^\/posts\/[^/]+/.test(path)) return 'post';
  // `/feed/?shareActive=true` opens the post composer.
  if (/^\/(feed\/?)?$/.test(path)) return new URLSearchParams(location.search).get('shareActive') === 'true' ? 'composer' : 'feed';
  if (/^\/(company|in|showcase|school)\/[^/]+/.test(path)) return 'profile';
  return 'other';
}

export function checkLinkedInMarkers(surface: Surface, doc: Document): MarkerCheck[] {
  switch (surface) {
    case 'feed':
      return checkSelectors(doc, [
        ['post', S.post, true],
        ['startPost', S.shareTrigger, true],
        // LinkedIn opens a post's comment box on "Comment": none may be open yet.
        ['commentBox', S.commentBox, false],
      ]);
    case 'post':
      return checkSelectors(doc, [
        ['post', S.post, true],
        ['commentBox', S.commentBox, true],
      ]);
    case 'profile':
      return checkSelectors(doc, [['post', S.post, false]]);
    case 'messages':
      return checkSelectors(doc, [
        ['thread', S.thread, true],
        ['messageBox', S.messageBox, true],
      ]);
    case 'composer':
      return checkSelectors(doc, [['postComposer', S.shareComposer, true]]);
    default:
      return checkSelectors(doc, [['post', S.post, false]]);
  }
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  // The feed's main column and its posts: entering them loads the post readers (#16).
  postArea: `main, ${LINKEDIN_SELECTORS.post}`,
  surface: (location) => linkedInSurface(location),
  checkMarkers: checkLinkedInMarkers,
};
