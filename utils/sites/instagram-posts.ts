// Reading posts on www.instagram.com (feed, /p/ and /reel/ pages) into a PostSnapshot.
// Tags, roles, aria and link shapes only: class names are generated.

import type { PostSnapshot } from './types';
import {
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

export const INSTAGRAM_POST_SELECTORS = {
  /** Feed, post page: a post. */
  post: 'article',
  /** Feed, post page: the header holds the author's profile link and the time link. */
  header: 'header',
  /** Feed, post page: links to the post itself (time link, "View all comments", likes). */
  permalink: 'a[href*="/p/"], a[href*="/reel/"], a[href*="/tv/"]',
  /** Feed, post page: the exact time of the post. */
  time: 'time[datetime]',
  /** Feed, post page: the caption (a heading on post pages, a span in the feed). */
  caption: 'h1, span[dir="auto"]',
  /** Feed, post page: media (photos, carousel items in ul > li, videos with a poster). */
  media: 'img, video',
  /** Feed, post page: the likes link ends in /liked_by/. */
  likes: 'a[href$="/liked_by/"]',
  /** Feed, post page: buttons ("more" after a cut caption). */
  button: '[role="button"]',
  /** Feed, post page: hashtags link to /explore/tags/NAME/. */
  hashtag: 'a[href*="/explore/tags/"]',
  /** Feed: "View all 12 comments" links to the post. */
  link: 'a[href]',
} as const;

const S = INSTAGRAM_POST_SELECTORS;
const MORE = /^(…\s*)?(more|altro|mostra altro)$/i;
const POST_PATH = /\/(p|reel|tv)\/([A-Za-z0-9_-]+)/;
const PROFILE_PICTURE = /(profile picture|immagine del profilo)/i;
const LIKES = /\b(likes?|mi piace)\b/i;
const COMMENTS = /\b(comments?|commenti)\b/i;

/** The posts on the page: `article`s not inside another one. */
export function findInstagramPosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(S.post)].filter((el) => !el.parentElement?.closest(S.post));
}

function caption(post: Element): Element | null {
  // Not the header's handle, not a link, not a comment (comments are list items).
  return (
    ownAll(post, S.caption, S.post).find(
      (el) => !el.closest(`${S.header}, a, li, form`) && tidyText(el.textContent ?? '') !== '',
    ) ?? null
  );
}

function moreButton(post: Element): HTMLElement | null {
  const box = caption(post);
  const buttons = box ? [...box.querySelectorAll<HTMLElement>(S.button)] : [];
  return buttons.find((b) => MORE.test(tidyText(b.textContent ?? ''))) ?? null;
}

export async function expandInstagramPost(post: HTMLElement): Promise<boolean> {
  const button = moreButton(post);
  return button ? clickAndWaitGone(button) : true;
}

/** The author's profile link in a post's header (not the time link), if any. */
function profileLinkIn(header: Element | null): HTMLAnchorElement | undefined {
  return header
    ? [...header.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')].find(
        (a) => !POST_PATH.test(a.getAttribute('href') ?? '') && tidyText(a.textContent ?? '') !== '',
      )
    : undefined;
}

/** The author's profile link of a post (its text is the handle). */
export function instagramProfileLink(post: Element): HTMLAnchorElement | undefined {
  return profileLinkIn(ownFirst(post, S.header, S.post));
}

export function readInstagramPost(post: HTMLElement): PostSnapshot {
  const base = post.ownerDocument.baseURI;
  const header = ownFirst(post, S.header, S.post);
  const profileLink = profileLinkIn(header);
  const handle = profileLink ? (profileLink.getAttribute('href') ?? '').split('/').filter(Boolean)[0] ?? null : null;

  const box = caption(post);
  const isMore = (el: Element) => el.matches(S.button) && MORE.test(tidyText(el.textContent ?? ''));
  let text = box ? tidyText(visibleText(box, isMore)) : '';
  if (box && moreButton(post)) text = text.replace(/\s*…$/, '');

  const hashtagLinks = ownAll(post, S.hashtag, S.post)
    .filter((a) => !box || box.contains(a))
    .map((a) => /\/explore\/tags\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((tag): tag is string => !!tag)
    .map((tag) => decodeURIComponent(tag));

  const time = ownFirst(post, S.time, S.post);
  const postedAt = time ? Date.parse(time.getAttribute('datetime') ?? '') : NaN;

  return {
    network: 'instagram',
    permalink: readPermalink(post, base),
    authorName: profileLink ? tidyText(profileLink.textContent ?? '') || null : null,
    authorHandle: handle,
    text,
    hashtags: uniqueHashtags(text, hashtagLinks),
    images: readMedia(post, header, base),
    postedAt: Number.isFinite(postedAt) ? postedAt : null,
    postedAtExact: Number.isFinite(postedAt),
    counts: readCounts(post),
    links: [],
  };
}

/** The time link's post, as `https://www.instagram.com/p/CODE/` (or `/reel/CODE/`). */
function readPermalink(post: Element, base: string): string | null {
  const links = ownAll(post, S.permalink, S.post);
  const chosen = links.find((a) => a.querySelector(S.time)) ?? links[0];
  const href = chosen?.getAttribute('href');
  const abs = href ? cleanUrl(href, base) : null;
  if (!abs) return null;
  const match = POST_PATH.exec(new URL(abs).pathname);
  return match ? new URL(`/${match[1]}/${match[2]}/`, abs).href : null;
}

function readMedia(post: Element, header: Element | null, base: string): PostSnapshot['images'] {
  const out: PostSnapshot['images'] = [];
  const seen = new Set<string>();
  for (const el of ownAll(post, S.media, S.post)) {
    // Profile pictures sit in the header or in links to a profile; the comment box too.
    if (header?.contains(el) || el.closest('form')) continue;
    const link = el.closest('a[href]');
    if (link && !POST_PATH.test(link.getAttribute('href') ?? '')) continue;
    if (PROFILE_PICTURE.test(el.getAttribute('alt') ?? '')) continue;
    addMedia(out, seen, el, base);
  }
  return out;
}

function readCounts(post: Element): PostSnapshot['counts'] {
  const likesLink = ownFirst(post, S.likes, S.post);
  let reactions = likesLink ? parseCount(likesLink.textContent ?? '') : null;
  if (reactions === null) {
    const near = ownAll(post, 'section span, section a', S.post).find((el) => LIKES.test(el.textContent ?? '') && /\d/.test(el.textContent ?? ''));
    reactions = near ? parseCount(near.textContent ?? '') : null;
  }
  const viewAll = ownAll(post, S.link, S.post).find(
    (a) => POST_PATH.test(a.getAttribute('href') ?? '') && COMMENTS.test(a.textContent ?? '') && /\d/.test(a.textContent ?? ''),
  );
  return { reactions, comments: viewAll ? parseCount(viewAll.textContent ?? '') : null, shares: null };
}
