// Reading posts on www.threads.com (threads.net redirects there): the home feed, a post
// and its replies, a profile. Roles, aria, data-* and link shapes only: class names are
// generated.
//
// Evidence (each rule below names the part it rests on):
// - Aiuanyu/GeminiChat2MD, threads-to-markdown.user.js @8c87e45ad3630dfbd238db2a7afd79de2d448d56
//   (a maintained Threads-to-Markdown userscript): a post is a
//   `div[data-pressable-container="true"]` holding a `time[datetime]`, outermost only (a quoted
//   post is another one inside it); the permalink is the link around the `time`; topic tags link
//   to `/search?...serp_type=tags`; like / reply / repost counts sit beside the action icons
//   (`[aria-label=...]`); media are `img` (not the profile picture) and `video`.
// - The same repository's saved page "Threads profile DOM.html" @553cf05c292cae1e3745b7f78d0b3d09abac729b
//   (a real threads.com profile): the author's link `a[href="/@handle"]` with the handle in a
//   `span[translate="no"]`; the time link `a[href="/@handle/post/CODE"] > time[datetime][title]`;
//   the topic tag beside the author; the text in `span[dir="auto"]` after the header, with a
//   thread counter "1 / 2" inside it; photos as `picture > img` (one in a link to
//   `/post/CODE/media`, or several side by side for a carousel); each action a
//   `[role="button"]` with an `svg[aria-label]` and, when not zero, the count beside it.
// - Artificial-Sweetener/bobbin-threads-filter, src/dom/threads-feed-adapter.js
//   @7888a0e9fc4e2a2e1d67c4598dbf579cfda2e3dd: permalinks match `/@HANDLE/post/CODE`; the post's
//   actions are labelled "Like", "Reply", "Repost", "Share" (English).
// - The counts do not depend on the labels' language: the same saved page is in Traditional
//   Chinese ("讚", "回覆", "轉發", "分享") and every one of its 25 posts ends with the same four
//   labelled icons in the same order, Like, Reply, Repost, Share. A post whose icons carry no
//   label we know is read by that order (its last four labelled icons).
// The Italian labels ("Mi piace", "Rispondi", "Ripubblica", "Condividi") are unverified: they
// are Meta's Italian words for these actions on Instagram, and no public tool or saved page we
// could find shows them on Threads. Were they different, no label would be known and the order
// above would read the counts all the same.

import type { PostSnapshot } from './types';
import { addMedia, ownAll, parseCount, tidyText, uniqueHashtags, visibleText, OUR_ELEMENTS } from './post-read';

export const THREADS_POST_SELECTORS = {
  /** Feed, post page, profile: a post (a quoted post is another one inside it). */
  post: 'div[data-pressable-container="true"]',
  /** Feed, post page, profile: the post's exact time, inside its permalink. */
  time: 'time[datetime]',
  /** Feed, post page, profile: links to a post (`/@handle/post/CODE`). */
  permalink: 'a[href*="/post/"]',
  /** Feed, post page, profile: profile links (`/@handle`). */
  profile: 'a[href^="/@"]',
  /** Feed, post page, profile: the topic tag (and tags in the text) link to a tag search. */
  topicTag: 'a[href*="serp_type=tags"]',
  /** Feed, post page, profile: a block of the post's text. */
  text: 'span[dir="auto"]',
  /** Feed, post page, profile: photos (one, or several for a carousel) and videos. */
  media: 'picture img, video',
  /** Feed, post page, profile: the actions, each an icon with its label and a count. */
  action: '[role="button"]',
  actionIcon: 'svg[aria-label]',
} as const;

const S = THREADS_POST_SELECTORS;
const PERMALINK = /^(?:https?:\/\/[^/]+)?\/@([^/?#]+)\/post\/([A-Za-z0-9_-]+)/;
const LIKE = /^(like|mi piace)$/i;
const REPLY = /^(reply|rispondi)$/i;
const REPOST = /^(repost|ripubblica)$/i;
/** The thread counter inside a post's text ("1 / 2"): not part of what was written. */
const THREAD_COUNTER = /^\s*\d+\s*\/\s*\d+\s*$/;

/** The posts on the page: the outermost pressable containers that hold a time. */
export function findThreadsPosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(S.post)].filter(
    (el) => el.querySelector(S.time) && !el.parentElement?.closest(S.post),
  );
}

/** Threads shows a post's text in full (500 characters at most): nothing to expand. */
export async function expandThreadsPost(): Promise<boolean> {
  return true;
}

/** The post's own time link (not a quoted post's): `/@handle/post/CODE`. */
function timeLink(post: Element): HTMLAnchorElement | null {
  const time = ownAll(post, S.time, S.post)[0];
  const link = time?.closest<HTMLAnchorElement>('a[href]');
  return link && PERMALINK.test(link.getAttribute('href') ?? '') ? link : null;
}

/** The author's handle and code from the post's permalink (a repost's permalink is the
 * original post's, so its author is the original author, not the one who reposted it). */
function permalinkParts(post: Element): { handle: string; code: string } | null {
  const link = timeLink(post) ?? (ownAll(post, S.permalink, S.post)[0] as HTMLAnchorElement | undefined) ?? null;
  const match = link ? PERMALINK.exec(link.getAttribute('href') ?? '') : null;
  return match ? { handle: decodeURIComponent(match[1]), code: match[2] } : null;
}

/** The author's profile link of a post (its text is the handle as shown). */
export function threadsProfileLink(post: Element): HTMLAnchorElement | undefined {
  const handle = permalinkParts(post)?.handle;
  return ownAll(post, S.profile, S.post).find(
    (a): a is HTMLAnchorElement =>
      a.localName === 'a' &&
      !a.querySelector('img') &&
      tidyText(a.textContent ?? '') !== '' &&
      (!handle || (a.getAttribute('href') ?? '').replace(/\/$/, '') === `/@${handle}`),
  );
}

/** The text blocks written by the author: `span[dir=auto]` after the time link, outside
 * links, buttons and other text blocks. */
function textBlocks(post: Element): Element[] {
  // In document order, the time first: the blocks that follow it.
  const ordered = ownAll(post, `${S.time}, ${S.text}`, S.post);
  const time = ownAll(post, S.time, S.post)[0];
  return ordered
    .slice(time ? ordered.indexOf(time) + 1 : 0)
    .filter((el) => el.matches(S.text) && !el.closest('a, [role="button"]') && !el.parentElement?.closest(S.text));
}

function readText(post: Element): string {
  const skip = (el: Element) => el.localName === 'div' && THREAD_COUNTER.test(el.textContent ?? '');
  return tidyText(
    textBlocks(post)
      .map((el) => tidyText(visibleText(el, skip)))
      .filter(Boolean)
      .join('\n'),
  );
}

export function readThreadsPost(post: HTMLElement): PostSnapshot {
  const base = post.ownerDocument.baseURI;
  const parts = permalinkParts(post);
  const profileLink = threadsProfileLink(post);
  const text = readText(post);
  const tags = ownAll(post, S.topicTag, S.post).map((a) => topicOf(a)).filter((tag): tag is string => !!tag);
  const time = ownAll(post, S.time, S.post)[0];
  const postedAt = time ? Date.parse(time.getAttribute('datetime') ?? '') : NaN;

  const images: PostSnapshot['images'] = [];
  const seen = new Set<string>();
  for (const el of ownAll(post, S.media, S.post)) addMedia(images, seen, el, base);

  return {
    network: 'threads',
    permalink: parts ? new URL(`/@${parts.handle}/post/${parts.code}`, base).href : null,
    authorName: profileLink ? tidyText(profileLink.textContent ?? '') || null : parts?.handle ?? null,
    authorHandle: parts?.handle ?? null,
    text,
    // The topic tag first: it is the post's one tag; then any written with "#".
    hashtags: uniqueHashtags('', [...tags, ...uniqueHashtags(text)]),
    images,
    postedAt: Number.isFinite(postedAt) ? postedAt : null,
    postedAtExact: Number.isFinite(postedAt),
    counts: readCounts(post),
    // A quoted post is kept as a link to it.
    links: quotedPermalinks(post, base),
  };
}

/** A topic tag link's tag: its `q` parameter, else its text. */
function topicOf(link: Element): string | null {
  try {
    const q = new URL(link.getAttribute('href') ?? '', 'https://www.threads.com').searchParams.get('q');
    if (q) return q.replace(/^#/, '').trim() || null;
  } catch {
    /* not a URL */
  }
  return tidyText(link.textContent ?? '').replace(/^#/, '') || null;
}

function quotedPermalinks(post: Element, base: string): string[] {
  const out: string[] = [];
  for (const quoted of post.querySelectorAll(S.post)) {
    if (quoted === post || quoted.parentElement?.closest(S.post) !== post) continue;
    const parts = permalinkParts(quoted);
    if (parts) out.push(new URL(`/@${parts.handle}/post/${parts.code}`, base).href);
  }
  return out;
}

/** The post's own action icons (not a quoted post's, not ours), in page order. */
function actionIcons(post: Element): Element[] {
  return ownAll(post, S.actionIcon, S.post).filter((icon) => {
    const button = icon.closest(S.action);
    return !!button && !button.closest(OUR_ELEMENTS);
  });
}

/** The count beside an action's icon; 0 when the action shows none (Threads hides zero). */
function countBeside(icon: Element | undefined): number | null {
  if (!icon) return null;
  return parseCount(icon.closest(S.action)?.textContent ?? '') ?? 0;
}

/** Likes, replies and reposts: by the icons' labels in English or Italian; when no icon has a
 * label we know (another language), by the action bar's order, Like, Reply, Repost, Share
 * (its last four icons; see the evidence at the top). */
function readCounts(post: Element): PostSnapshot['counts'] {
  const icons = actionIcons(post);
  const labelled = (label: RegExp) => icons.find((icon) => label.test((icon.getAttribute('aria-label') ?? '').trim()));
  const [like, reply, repost] = [LIKE, REPLY, REPOST].map(labelled);
  if (like || reply || repost) return { reactions: countBeside(like), comments: countBeside(reply), shares: countBeside(repost) };
  const bar = icons.length >= 4 ? icons.slice(-4) : [];
  return { reactions: countBeside(bar[0]), comments: countBeside(bar[1]), shares: countBeside(bar[2]) };
}
