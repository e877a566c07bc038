import type { SiteKey } from '../settings/items';
import type { BoxKind } from '../replies/limits';
import { EMPTY_PAGE_CONTEXT, type ActingAs, type ReplyPageContext } from '../replies/page-context';
import type { Surface } from './types';
import { facebookPostHolding, findFacebookPostContainers } from './facebook-post-finder';
import { facebookAuthorName } from './facebook-posts';
import { readInstagramViewer } from './instagram-account';
import { INSTAGRAM_POST_SELECTORS, instagramProfileLink } from './instagram-posts';
import { readLinkedInReplyContext } from './linkedin-reply';
import { tidyText } from './post-read';
import { readThreadsViewer } from './threads-account';
import { THREADS_POST_SELECTORS, threadsProfileLink } from './threads-posts';
import { THREADS_SELECTORS } from './threads';
import { xReplyContext } from './x-readers';

/** What the page shows around a composer for a saved reply: the person answered, the
 * identity the user acts as, the kind of box. Read from roles and aria labels in
 * English and Italian (see docs/templates.md); never from class names.
 * Everything returned is plain text. A change of markup gives nulls, never an error.
 *
 * The person answered: only a box that answers someone names them. A reply box ("Reply
 * to NAME"), a conversation, a Business Suite thread. A post's top-level comment box
 * answers the post: its author, unless that is the user or the Page they act as; else
 * nobody (the template's fallback). Never the last person who commented above the box.
 * Evidence, from maintained extensions that read the same boxes:
 * - eboody/commgmt (a saved-snippet inserter for Facebook comments),
 *   components/facebook/textBox.js @2fee743340555c2376f90d2f2f5974aa56518cd1: the name a
 *   snippet greets is the text after "Reply to " in the reply box's aria-label; and
 *   components/facebook/post.js @352fd71f4879e97deb3e741df16326b21a89e246: a click in the
 *   post's own "Write a comment" box clears that name (`Comment.name = null`) and the post's
 *   name is read apart, from the header (`h3 strong`).
 * - knamnguyen/trusthuman.io, apps/trustahuman-ext/entrypoints/facebook.content/PostScraper.ts
 *   @1c8b07ba8c586bf19ae78d10d968a25ace5f4daf ("Facebook DOM Selectors (February 2026)"):
 *   comment boxes are Lexical editors labelled "Comment as [Name]" (top level) or
 *   "Reply to [Name]"; the post around a box is found by walking up to a
 *   `data-pagelet` FeedUnit / ProfileTimeline or the outermost `role="article"`; its author
 *   from `[data-ad-rendering-role="profile_name"]`, else the header's h3 / h2 link. */

// Selectors and label patterns, one place, each naming the page it serves.
const SEL = {
  /** facebook.com, every page: the top bar's account link (aria-label = the name). */
  fbAccount: '[role="banner"] a[aria-label][href^="/"]:not([href="/"])',
  /** facebook.com feed/post: a comment is an article labelled "Comment by NAME". */
  fbComment: '[role="article"][aria-label]',
  /** facebook.com post composer dialog ("Create post" / "Crea post"). */
  dialog: '[role="dialog"]',
  /** Messenger and Instagram DMs: the conversation region, "Messages in conversation with NAME". */
  conversation: '[role="main"][aria-label], [role="grid"][aria-label]',
  /** facebook.com, any page: a Messenger chat window holds its message grid, labelled
   * "Messages in conversation with NAME" (brbavar/katex-for-messenger-web, selector.js @
   * 4247254738a8c902af93a3bd5de59aff7ef584e4: labeledMessageGrid inside each chat box). */
  fbChatGrid: '[role="grid"][aria-label]',
  /** Where a chat window never is: the page's main column, a post. */
  fbNotChat: '[role="main"], [role="feed"], [role="article"]',
  /** Business Suite inbox: the open thread is a region labelled with the person's name. */
  bsThread: '[role="region"][aria-label]',
} as const;

/** "Reply to NAME" / "Rispondi a NAME" (facebook.com reply boxes). */
const REPLY_TO = /^(?:Reply to|Rispondi a)\s+(.+?)\s*$/u;
/** "Comment by NAME" / "Commento di NAME" (facebook.com comment articles). */
const COMMENT_BY = /^(?:Comment by|Commento di)\s+(.+?)(?:\s+\d.*)?$/u;
/** "Messages in conversation with NAME" / "Messaggi nella conversazione con NAME". */
const CONVERSATION_WITH = /(?:conversation with|conversazione con)\s+(.+?)\s*$/u;
/** "Reply on Instagram as NAME…" / "Rispondi su Instagram come NAME…" (Business Suite);
 * also facebook.com's "Comment as NAME" when the user switched to a Page. */
const AS_NAME = /\s(?:as|come)\s+(.+?)\s*(?:…|\.\.\.)?\s*$/u;
const ON_NETWORK = /\b(?:on|su)\s+(Instagram|Facebook)\b/iu;

function label(el: Element | null): string | null {
  const value = el?.getAttribute('aria-label') ?? el?.getAttribute('aria-placeholder') ?? el?.getAttribute('placeholder');
  return value ? value.trim().slice(0, 200) : null;
}

function match(pattern: RegExp, text: string | null): string | null {
  const found = text ? pattern.exec(text) : null;
  return found ? found[1].trim() : null;
}

/** The comment a box inside a comment article answers (a reply box whose label names
 * nobody): that comment's author. */
function ownCommentAuthor(composer: HTMLElement): string | null {
  return match(COMMENT_BY, label(composer.closest(SEL.fbComment)));
}

/** facebook.com: the post a top-level comment box belongs to, as the post readers find
 * posts (facebook-post-finder.ts: feed units, pagelets, post menus, articles that are not
 * comments). */
function facebookPostOf(composer: HTMLElement): Element | null {
  return facebookPostHolding(composer, findFacebookPostContainers(composer.ownerDocument));
}

/** The post's author as its header shows it, or null. */
function facebookPostAuthor(post: Element): string | null {
  const name = facebookAuthorName(post);
  return name && name.length <= 200 ? name : null;
}

/** Not the user, nor the Page they act as: a box never greets its own writer. */
function someoneElse(name: string | null, ...selves: (string | null | undefined)[]): string | null {
  if (!name) return null;
  const key = (value: string) => value.replace(/^@/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return selves.some((self) => self && key(self) === key(name)) ? null : name;
}

/** The chat window around a box on a facebook.com page (not /messages): the nearest
 * block that holds a labelled message grid. Its partner's name comes from the grid's
 * label, else from the first link of the window (its header links to the person).
 * Null when the box is not in a chat window. */
function chatWindow(composer: HTMLElement): { name: string | null } | null {
  let node = composer.parentElement;
  for (let depth = 0; node && depth < 10 && !node.matches(SEL.fbNotChat); depth++, node = node.parentElement) {
    const grid = node.querySelector(SEL.fbChatGrid);
    if (!grid) continue;
    const header = [...node.querySelectorAll('a[href]')].map((a) => (a.textContent ?? '').trim()).find(Boolean);
    return { name: match(CONVERSATION_WITH, label(grid)) ?? (header ? header.slice(0, 200) : null) };
  }
  return null;
}

function facebookContext(composer: HTMLElement, surface: string, doc: Document): ReplyPageContext {
  const boxLabel = label(composer);
  const account = label(doc.querySelector(SEL.fbAccount));
  const asName = match(AS_NAME, boxLabel);
  const actingAs: ActingAs | null = asName
    ? { kind: account && asName === account ? 'profile' : 'page', name: asName }
    : account
      ? { kind: 'profile', name: account }
      : null;
  let box: BoxKind = 'facebook-comment';
  let fullName = match(REPLY_TO, boxLabel);
  const chat = surface === 'messages' ? null : chatWindow(composer);
  if (surface === 'messages') {
    box = 'facebook-message';
    fullName = match(CONVERSATION_WITH, label(composer.closest(SEL.conversation) ?? doc.querySelector(SEL.conversation)));
  } else if (chat) {
    box = 'facebook-message';
    fullName = chat.name;
  } else if (composer.closest(SEL.dialog)) {
    box = 'facebook-post';
  } else if (!fullName) {
    // A top-level comment box answers the post, not the comment above it.
    const own = ownCommentAuthor(composer);
    const post = own ? null : facebookPostOf(composer);
    fullName = own ?? (post ? someoneElse(facebookPostAuthor(post), actingAs?.name, account) : null);
  }
  return { fullName, myName: actingAs?.name ?? null, actingAs, box };
}

function instagramContext(composer: HTMLElement, surface: string, doc: Document): ReplyPageContext {
  if (surface === 'messages') {
    const withWhom = match(CONVERSATION_WITH, label(doc.querySelector(SEL.conversation)));
    return { fullName: withWhom, myName: null, actingAs: null, box: 'instagram-message' };
  }
  if (composer.closest(SEL.dialog)) return { fullName: null, myName: null, actingAs: null, box: 'instagram-caption' };
  if (composer.localName !== 'textarea') return { fullName: null, myName: null, actingAs: null, box: null };
  // The comment textarea ("Add a comment…") answers the post: its author, unless that is
  // the account logged in. Instagram shows the author's handle in the post's header.
  const post = composer.closest(INSTAGRAM_POST_SELECTORS.post);
  const author = post ? instagramPostAuthor(post) : null;
  return { fullName: someoneElse(author, readInstagramViewer(doc)), myName: null, actingAs: null, box: 'instagram-comment' };
}

/** The handle in the post's header (the profile link's text, not the time link). */
function instagramPostAuthor(post: Element): string | null {
  const link = instagramProfileLink(post);
  const name = link ? tidyText(link.textContent ?? '') : '';
  return name && name.length <= 200 ? name : null;
}

/** www.threads.com: the new-thread dialog writes a post; a reply dialog shows the post it
 * answers above its box (tang-vu/social-posting-skills, DOM_SELECTORS.md @9e4539a "2.4 Reply to
 * Existing Post": "A modal opens showing the original post + reply textbox"); a post page's
 * own reply box answers the post, the first pagelet (`threads_post_page_0`, see threads.ts).
 * A label "Reply to NAME…" names the person only where no post is shown. The name is the
 * author's handle, as Threads shows it. */
function threadsContext(composer: HTMLElement, doc: Document): ReplyPageContext {
  const viewer = readThreadsViewer(doc);
  const dialog = composer.closest(THREADS_SELECTORS.dialog);
  const placeholder = composer.getAttribute('aria-placeholder')?.trim().slice(0, 200) ?? null;
  const labelled = match(REPLY_TO, placeholder?.replace(/\s*(?:…|\.\.\.)$/u, '') ?? null);
  const shownPost =
    dialog?.querySelector(THREADS_POST_SELECTORS.post) ??
    (dialog ? null : doc.querySelector(`${THREADS_SELECTORS.postPagelet} ${THREADS_POST_SELECTORS.post}`));
  if (dialog && !shownPost && !labelled) return { fullName: null, myName: viewer, actingAs: null, box: 'threads-post' };
  const link = shownPost ? threadsProfileLink(shownPost) : undefined;
  // The post's author link first (a marker, in any language); the label's words only where
  // no post is shown ("Reply to" / "Rispondi a": the Italian words are unverified, docs/threads.md).
  const author = (link ? tidyText(link.textContent ?? '') : null) || labelled;
  return {
    fullName: someoneElse(author && author.length <= 200 ? author : null, viewer),
    myName: viewer,
    actingAs: null,
    box: 'threads-reply',
  };
}

function businessContext(composer: HTMLElement, doc: Document): ReplyPageContext {
  const boxLabel = label(composer);
  const asName = match(AS_NAME, boxLabel);
  const network = match(ON_NETWORK, boxLabel)?.toLowerCase();
  const thread = composer.closest(SEL.bsThread) ?? doc.querySelector(SEL.bsThread);
  return {
    fullName: thread ? label(thread) : null,
    myName: asName,
    // Business Suite always acts as the Page or business account it names.
    actingAs: asName ? { kind: 'page', name: asName } : null,
    box: network === 'instagram' ? 'instagram-comment' : network === 'facebook' ? 'facebook-comment' : null,
  };
}

export function readReplyContext(site: SiteKey, surface: string, composer: HTMLElement | null, doc: Document): ReplyPageContext {
  if (!composer) return { fullName: null, myName: null, actingAs: null, box: null };
  try {
    if (site === 'facebook') return facebookContext(composer, surface, doc);
    if (site === 'instagram') return instagramContext(composer, surface, doc);
    if (site === 'threads') return threadsContext(composer, doc);
    if (site === 'linkedin') return readLinkedInReplyContext(composer, doc);
    if (site === 'business') return businessContext(composer, doc);
    if (site === 'x') return xReplyContext(composer, surface as Surface, doc);
    return EMPTY_PAGE_CONTEXT;
  } catch {
    return { fullName: null, myName: null, actingAs: null, box: null };
  }
}
