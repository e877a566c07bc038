// Reading posts on www.facebook.com (feed, post pages, Pages and profiles) into a
// PostSnapshot. Roles, aria and data-* only: class names are generated and change weekly.

import type { PostSnapshot } from './types';
import { findFacebookPostContainers } from './facebook-post-finder';
import {
  absolute,
  cleanUrl,
  clickAndWaitGone,
  ownAll,
  ownFirst,
  parseCount,
  tidyText,
  uniqueHashtags,
  visibleText,
  addMedia,
} from './post-read';

export const FACEBOOK_POST_SELECTORS = {
  /** Feed, post page, profile: what nests in a post and is not its own (comments, a
   * shared post): articles. The posts themselves are found by facebook-post-finder.ts. */
  post: '[role="article"]',
  /** Feed, post page: the post's text (newer markup first, then the older ones). */
  message: '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]',
  /** Feed, post page: a block (line or paragraph) of the text. */
  messageBlock: 'div[dir="auto"]',
  /** Feed, post page: the author's name, else the first heading link of the header. */
  author: '[data-ad-rendering-role="profile_name"], h2, h3, h4',
  /** Inside the author block: the name as shown. */
  authorName: 'strong span, strong, a[role="link"]',
  /** Feed, post page: every link (permalink, author, outbound links, photos). */
  link: 'a[href]',
  /** Feed, post page: a photo is an image inside a link with attributionsrc or a photo link. */
  photo: 'a[attributionsrc] img, a[href*="/photo"] img, a[href*="fbid="] img',
  /** Feed, post page: a video, with its poster frame. */
  video: 'video',
  /** Feed, post page: buttons with a count in their aria-label ("Like: 128 people"). */
  labelledButton: '[role="button"][aria-label]',
  /** Feed, post page: buttons whose text is a count ("34 comments"). */
  button: '[role="button"]',
  /** Feed, post page: where a count is shown as text ("34 comments", "All reactions: 128"). */
  countText: '[role="button"], span',
  /** Feed, post page: "See more" at the end of a truncated text. */
  seeMore: '[role="button"]',
  /** Feed, post page: an exact time, where the page gives one. */
  time: 'time[datetime], abbr[data-utime]',
} as const;

const S = FACEBOOK_POST_SELECTORS;

/** Links that name a post (the header's time link). Photos only as a last resort. */
const POST_LINK = /\/(posts|permalink|videos|reel)\/|story_fbid=|\/permalink\.php/;
const PHOTO_LINK = /\/photo(s)?\/|[?&]fbid=/;
const SEE_MORE = /^(see more|altro…?|altro\.\.\.|mostra altro|continua a leggere|visualizza altro)$/i;
const REACTIONS = /^(like|likes|all reactions|reactions|mi piace|tutte le reazioni|reazioni)\b/i;
/** "All reactions: 128" / "All: 128" / "Tutte le reazioni: 128" (the summary's own text). */
const REACTION_SUMMARY = /^(?:all reactions|all|tutte le reazioni|tutte)\s*:[^\p{L}\p{N}]*\d/iu;
/** A reaction button's text without its label: the icons, then "128" / "1,2K". */
const ONLY_A_COUNT = /^[^\p{L}\p{N}]*\d[\d.,\u00a0\u202f ]*(?:k|m|mila|mln)?$/iu;
const COMMENTS = /\b(comments?|commenti|commento)\b/i;
const SHARES = /\b(shares?|condivisioni|condivisione)\b/i;
const NOT_A_PROFILE = /^(hashtag|photo|photos|watch|reel|groups|events|stories|l\.php|profile\.php|permalink\.php)$/;

/** The posts on the page, outermost only: never a comment, never a part of another post
 * (see facebook-post-finder.ts for the markers and their evidence). */
export function findFacebookPosts(doc: Document): HTMLElement[] {
  return findFacebookPostContainers(doc);
}

function message(post: Element): Element | null {
  return ownFirst(post, S.message, S.post);
}

function seeMoreButton(post: Element): HTMLElement | null {
  const box = message(post);
  if (!box) return null;
  return (
    [...box.querySelectorAll<HTMLElement>(S.seeMore)].find((b) => SEE_MORE.test((b.textContent ?? '').trim())) ?? null
  );
}

/** Clicks "See more" when the text is truncated; true when the full text is shown. */
export async function expandFacebookPost(post: HTMLElement): Promise<boolean> {
  const button = seeMoreButton(post);
  return button ? clickAndWaitGone(button) : true;
}

/** The post's author as its header shows it ('' when the header names nobody). */
export function facebookAuthorName(post: Element): string {
  const authorBox = ownFirst(post, S.author, S.post);
  return authorBox ? tidyText((authorBox.querySelector(S.authorName) ?? authorBox).textContent ?? '') : '';
}

export function readFacebookPost(post: HTMLElement): PostSnapshot {
  const base = post.ownerDocument.baseURI;
  const box = message(post);
  const isSeeMore = (el: Element) => el.matches(S.seeMore) && SEE_MORE.test((el.textContent ?? '').trim());
  let text = '';
  if (box) {
    // Each top-level block is a line or paragraph; a block's own ellipsis before
    // "See more" goes with the button.
    const blocks = [...box.querySelectorAll(S.messageBlock)].filter((b) => !b.parentElement?.closest(S.messageBlock));
    const lines = (blocks.length ? blocks : [box]).map((b) => visibleText(b, isSeeMore));
    text = tidyText(lines.join('\n'));
    if (seeMoreButton(post)) text = text.replace(/\s*…$/, '');
  }

  const links = ownAll(post, S.link, S.post) as HTMLAnchorElement[];
  const authorBox = ownFirst(post, S.author, S.post);
  const authorLink = authorBox?.querySelector<HTMLAnchorElement>('a[href]') ?? null;
  const authorName = facebookAuthorName(post);

  const hrefs = links.map((a) => a.getAttribute('href') ?? '');
  const permalinkHref = hrefs.find((h) => POST_LINK.test(h)) ?? hrefs.find((h) => PHOTO_LINK.test(h)) ?? null;

  const hashtagLinks = links
    .map((a) => /\/hashtag\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((tag): tag is string => !!tag)
    .map((tag) => decodeURIComponent(tag));

  const outbound = links
    .map((a) => a.getAttribute('href') ?? '')
    .filter((h) => /^https?:\/\/(l|lm)\.facebook\.com\/l\.php/.test(h))
    .map((h) => cleanUrl(h, base))
    .filter((u): u is string => !!u);

  return {
    network: 'facebook',
    permalink: permalinkHref ? cleanUrl(permalinkHref, base) : null,
    authorName: authorName || null,
    authorHandle: authorLink ? handleFrom(authorLink.getAttribute('href') ?? '', base) : null,
    text,
    hashtags: uniqueHashtags(text, hashtagLinks),
    images: readMedia(post, base),
    ...readTime(post),
    counts: readCounts(post),
    links: [...new Set(outbound)],
  };
}

/** "/spallademo?__cft__..." -> "spallademo"; "/profile.php?id=4" -> "4". */
function handleFrom(href: string, base: string): string | null {
  const abs = absolute(href, base);
  if (!abs) return null;
  const url = new URL(abs);
  if (url.pathname === '/profile.php') return url.searchParams.get('id');
  const first = url.pathname.split('/').filter(Boolean)[0];
  return first && !NOT_A_PROFILE.test(first) ? decodeURIComponent(first) : null;
}

function readMedia(post: HTMLElement, base: string): PostSnapshot['images'] {
  const out: PostSnapshot['images'] = [];
  const seen = new Set<string>();
  const media = ownAll(post, `${S.photo}, ${S.video}`, S.post);
  for (const el of media) {
    addMedia(out, seen, el, base);
  }
  return out;
}

function readTime(post: HTMLElement): Pick<PostSnapshot, 'postedAt' | 'postedAtExact'> {
  const time = ownFirst(post, S.time, S.post);
  if (time) {
    const utime = time.getAttribute('data-utime');
    const at = utime ? Number(utime) * 1000 : Date.parse(time.getAttribute('datetime') ?? '');
    if (Number.isFinite(at)) return { postedAt: at, postedAtExact: true };
  }
  return { postedAt: null, postedAtExact: false };
}

function readCounts(post: HTMLElement): PostSnapshot['counts'] {
  let reactions: number | null = null;
  for (const button of ownAll(post, S.labelledButton, S.post)) {
    const label = button.getAttribute('aria-label') ?? '';
    if (REACTIONS.test(label) && /\d/.test(label)) {
      reactions = parseCount(label);
      break;
    }
  }
  // The counts as text: "34 comments" / "34 commenti" always; the reactions too where the
  // labels are gone (2026 feeds): "All reactions: 128" / "Tutte le reazioni: 128", or a
  // button showing only the reaction icons and "128". Evidence: jackwener/OpenCLI,
  // clis/facebook/feed.js @ 27ba33fcb8ad24c86076d6dcba1b2327ea5bd028 reads likes from
  // the post's text ("All: N", "N reactions") and comments/shares from "N comments" /
  // "N shares" once the aria-labels were dropped (issue #2089).
  const box = message(post);
  let comments: number | null = null;
  let shares: number | null = null;
  for (const el of ownAll(post, S.countText, S.post)) {
    if (box?.contains(el)) continue;
    const text = tidyText(el.textContent ?? '');
    if (!/\d/.test(text) || text.length > 40) continue;
    if (reactions === null && (REACTION_SUMMARY.test(text) || (el.matches(S.button) && ONLY_A_COUNT.test(text)))) {
      reactions = parseCount(text);
    } else if (comments === null && COMMENTS.test(text)) comments = parseCount(text);
    else if (shares === null && SHARES.test(text)) shares = parseCount(text);
  }
  return { reactions, comments, shares };
}
