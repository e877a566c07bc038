import type { SiteKey } from '../settings/items';
import type { BoxKind } from '../replies/limits';
import type { ActingAs, ReplyPageContext } from '../replies/page-context';

/** What the page shows around a composer for a saved reply: the person answered, the
 * identity the user acts as, the kind of box. Read from roles and aria labels in
 * English and Italian (see docs and the shared sites guide); never from class names.
 * Everything returned is plain text. A change of markup gives nulls, never an error. */

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

/** The comment a reply box answers: the nearest comment article before or around it. */
function commentAuthor(composer: HTMLElement): string | null {
  const own = composer.closest(SEL.fbComment);
  const fromOwn = match(COMMENT_BY, label(own));
  if (fromOwn) return fromOwn;
  const container = composer.closest('[role="article"]') ?? composer.parentElement?.parentElement?.parentElement;
  if (!container) return null;
  let last: string | null = null;
  for (const article of container.querySelectorAll(SEL.fbComment)) {
    if (article.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING) {
      last = match(COMMENT_BY, label(article)) ?? last;
    }
  }
  return last;
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
  } else {
    fullName ??= commentAuthor(composer);
  }
  return { fullName, myName: actingAs?.name ?? null, actingAs, box };
}

function instagramContext(composer: HTMLElement, surface: string, doc: Document): ReplyPageContext {
  if (surface === 'messages') {
    const withWhom = match(CONVERSATION_WITH, label(doc.querySelector(SEL.conversation)));
    return { fullName: withWhom, myName: null, actingAs: null, box: 'instagram-message' };
  }
  if (composer.closest(SEL.dialog)) return { fullName: null, myName: null, actingAs: null, box: 'instagram-caption' };
  return { fullName: null, myName: null, actingAs: null, box: composer instanceof HTMLTextAreaElement ? 'instagram-comment' : null };
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
    return businessContext(composer, doc);
  } catch {
    return { fullName: null, myName: null, actingAs: null, box: null };
  }
}
