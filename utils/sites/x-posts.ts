// Reading posts on x.com (home timeline, a post and its replies, a profile) into a
// PostSnapshot (#14). X marks its interface with `data-testid` attributes (class names are
// generated); evidence for each, from maintained tools that read X's pages today:
// - insin/control-panel-for-twitter, script.js @0962235a224cd772184d70914d87112f4b4a414e
//   (Aug 2026): a post is `article[data-testid="tweet"]`; its author block
//   `[data-testid="User-Name"]` (links to `/handle`, the time inside); its text
//   `[data-testid="tweetText"]`; a repost carries `[data-testid="socialContext"]`
//   ("NAME reposted"); a quoted post sits inside the article with its own `User-Name`.
// - AndryMI/social_crawler, Twitter/Scripts/Twitter/TweetInfo.js
//   @3e1b53cbdd17f910a6673aef03049a222bbb22a5: the permalink is the link around
//   `time` (`time.closest('a')`), the exact time `time.dateTime`; the counts are the
//   leading number of the aria-label of `[data-testid="reply"]`, `retweet`, `like`
//   ("12 Replies. Reply"); emoji in the text are `img` with the emoji as `alt`.
// - Photos are `img` on pbs.twimg.com/media whose `name=` parameter picks the size
//   (OzakIOne/TwitterBookmarkMediaDownloader, src/index.ts
//   @d8e3622060b87df04906db500a4a96c5695a0601, sets `name=orig` on each media image);
//   the photo's box is `[data-testid="tweetPhoto"]` and a video's `[data-testid="videoPlayer"]`
//   (a `video` with a `poster`), the selectors a GitHub code search finds across X scrapers
//   and media tools (`[data-testid="tweetPhoto"] img`, `[data-testid="videoPlayer"] video`).

import type { PostSnapshot } from './types';
import { absolute, addMedia, ownAll, parseCount, tidyText, uniqueHashtags, visibleText } from './post-read';

export const X_POST_SELECTORS = {
  /** Timeline, post page, profile: a post. */
  post: 'article[data-testid="tweet"]',
  /** A post: its author block (display name link, @handle link, time link). */
  userName: '[data-testid="User-Name"]',
  /** A post: its text. */
  text: '[data-testid="tweetText"]',
  /** A post: the link around its time is its permalink. */
  time: 'a[href*="/status/"] time[datetime]',
  /** A post: photos and videos. */
  media: '[data-testid="tweetPhoto"] img, [data-testid="videoPlayer"] video',
  /** A post: the quoted post, a clickable card inside it. */
  quote: 'div[role="link"]',
  /** A post: hashtags link to /hashtag/NAME. */
  hashtag: 'a[href*="/hashtag/"]',
  reply: '[data-testid="reply"]',
  repost: '[data-testid="retweet"]',
  like: '[data-testid="like"]',
  /** A repost: "NAME reposted" above the original post. */
  socialContext: '[data-testid="socialContext"]',
} as const;

const S = X_POST_SELECTORS;
const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/;
const HANDLE_PATH = /^\/([A-Za-z0-9_]{1,15})\/?$/;

/** The posts on the page, outermost only (a quoted post is inside its quoting one). */
export function findXPosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(S.post)].filter((el) => !el.parentElement?.closest(S.post));
}

/** The quoted post's card inside `post`, if any: the clickable card holding an author block. */
function quotedCard(post: Element): Element | null {
  return [...post.querySelectorAll(S.quote)].find((card) => card.querySelector(S.userName)) ?? null;
}

/** The elements of `post` itself, outside its quoted card. */
function own(post: Element, selector: string): Element[] {
  const card = quotedCard(post);
  return ownAll(post, selector, S.post).filter((el) => !card || !card.contains(el));
}

/** Author of an author block: the display name (the link that is not "@handle") and the
 * handle (the link's path). */
export function readXAuthor(block: Element | null): { name: string | null; handle: string | null } {
  if (!block) return { name: null, handle: null };
  let name: string | null = null;
  let handle: string | null = null;
  for (const link of block.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
    const path = HANDLE_PATH.exec(link.getAttribute('href') ?? '');
    if (!path) continue;
    handle ??= path[1];
    const text = tidyText(visibleText(link));
    if (text && !text.startsWith('@') && !name) name = text;
  }
  return { name, handle };
}

/** The permalink `https://x.com/HANDLE/status/ID`, built from the path alone: no tracking
 * parameter (`?s=20&t=…`) or photo suffix survives. */
function permalinkOf(link: Element | null): string | null {
  const match = STATUS_PATH.exec(link?.getAttribute('href') ?? '');
  return match ? `https://x.com/${match[1]}/status/${match[2]}` : null;
}

/** pbs.twimg.com photos come in sizes chosen by `name=`: keep the large one. */
function largePhoto(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'pbs.twimg.com' && parsed.searchParams.has('name')) parsed.searchParams.set('name', 'large');
    return parsed.href;
  } catch {
    return url;
  }
}

function countOf(post: Element, selector: string): number | null {
  const button = own(post, selector)[0];
  if (!button) return null;
  return parseCount(button.getAttribute('aria-label') ?? '') ?? parseCount(button.textContent ?? '');
}

export function readXPost(post: HTMLElement): PostSnapshot {
  const base = post.ownerDocument.location?.href ?? 'https://x.com/';
  const author = readXAuthor(own(post, S.userName)[0] ?? null);
  const timeEl = own(post, S.time)[0] as HTMLTimeElement | undefined;
  const datetime = timeEl ? Date.parse(timeEl.dateTime) : NaN;
  const textEl = own(post, S.text)[0] ?? null;
  const text = textEl ? tidyText(visibleText(textEl)) : '';
  const linked = own(post, S.hashtag)
    .map((a) => /\/hashtag\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1])
    .filter((tag): tag is string => !!tag)
    .map((tag) => decodeURIComponent(tag));
  const images: PostSnapshot['images'] = [];
  const seen = new Set<string>();
  // The post's own photos or video, then those of the post it quotes (shown inside it).
  for (const el of ownAll(post, S.media, S.post)) addMedia(images, seen, el, base);
  for (const image of images) if (image.kind === 'image') image.url = largePhoto(image.url);
  const links = own(post, `${S.text} a[href]`)
    .map((a) => a.getAttribute('title') || (a.textContent ?? '').replace(/…$/, ''))
    .map((href) => absolute(href, base))
    .filter((href): href is string => !!href && !/^https:\/\/(x|twitter)\.com\//.test(href));
  return {
    network: 'x',
    permalink: permalinkOf(timeEl?.closest('a') ?? null),
    authorName: author.name,
    authorHandle: author.handle,
    text,
    hashtags: uniqueHashtags(text, linked),
    images,
    postedAt: Number.isFinite(datetime) ? datetime : null,
    postedAtExact: Number.isFinite(datetime),
    counts: { reactions: countOf(post, S.like), comments: countOf(post, S.reply), shares: countOf(post, S.repost) },
    ...(links.length ? { links } : {}),
  };
}

/** X cuts long posts in the timeline with a "Show more" link to the post's own page: what
 * is shown is what is read (the post page shows it all). */
export async function expandXPost(): Promise<boolean> {
  return true;
}
