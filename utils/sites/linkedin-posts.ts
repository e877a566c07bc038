// Reading posts on www.linkedin.com (feed, a post's page, a company Page) into a
// PostSnapshot. LinkedIn's markup carries its own BEM class names (`feed-shared-update-v2`,
// `update-components-actor__name`), not generated ones; maintained tools select by them and
// by `data-urn`. Evidence for each selector is beside it.

import type { PostSnapshot } from './types';
import { absolute, addMedia, clickAndWaitGone, ownAll, parseCount, tidyText, uniqueHashtags, visibleText } from './post-read';

export const LINKEDIN_POST_SELECTORS = {
  /** Feed, post page, company Page: a post. teo-bs/nudl src/extension/detector/selectors.ts
   * @50a10a0d6a76f51c1c07461b0974e4819def83a0 (`div[data-urn*="urn:li:activity:"]`,
   * `.feed-shared-update-v2`); xldeveloper/openclaw-skills skills/red777777/
   * inkedin-automation-that-really-works/references/dom-patterns.md
   * @cb9541986c5b045f74662cecf11de75876ee84f0 ("Feed Items": `[data-view-name="feed-full-update"]`,
   * `.feed-shared-update-v2`, `[data-urn*="activity"]`). */
  post: '.feed-shared-update-v2, [data-urn*="urn:li:activity:"], [data-view-name="feed-full-update"]',
  /** The post's author block: name, profile or company link, relative time. dom-patterns.md
   * ("Author": `.update-components-actor__name span[aria-hidden="true"]`,
   * `a.update-components-actor__meta-link`); azntaiji/web-scraper todos.md
   * @62113e4ed86289a1e2d7154fc1608de1812557ea (author/company profile URL from the actor's
   * link, "Split on keyword `?`"). */
  actorName: '.update-components-actor__name [aria-hidden="true"], .update-components-actor__title [aria-hidden="true"]',
  actorLink: 'a.update-components-actor__meta-link, .update-components-actor__container a, .update-components-actor a[href]',
  /** The post's text (dom-patterns.md "Post Text": `.update-components-text`,
   * `.feed-shared-update-v2__description`). */
  text: '.feed-shared-update-v2__description .update-components-text, .update-components-text',
  /** "…more" after a cut text. */
  seeMore: '.feed-shared-inline-show-more-text__see-more-less-toggle, button[aria-expanded="false"]',
  /** Links to the post (dom-patterns.md "Post URL": `a[href*="/feed/update/"]`). */
  permalink: 'a[href*="/feed/update/urn:li:activity:"], a[href*="/posts/"][href*="activity-"]',
  /** Media: photos in `.update-components-image`, videos (their poster) in
   * `.update-components-linkedin-video`, the component names LinkedIn gives them. The
   * weakest rule here: seen only in public scrapers we could not tie to a maintained
   * repository. The `media.licdn.com` feed-share address (`feedshare-` in its path; profile
   * photos are `profile-displayphoto-`) catches a photo whose wrapper was renamed. */
  media:
    '.update-components-image img, .update-components-linkedin-video video, .feed-shared-image img, img[src*="media.licdn.com/dms/image/"][src*="feedshare"]',
  /** Counts: azntaiji/web-scraper todos.md (`.social-details-social-counts__reactions`,
   * `.social-details-social-counts__comments`, reposts as button text). */
  reactions: '.social-details-social-counts__reactions-count, .social-details-social-counts__reactions button',
  /** The comments' count by its component's name, whatever the page's language. */
  comments: '.social-details-social-counts__comments',
  countButtons: '.social-details-social-counts button, .social-details-social-counts a',
  /** Hashtag links: `/feed/hashtag/?keywords=NAME` (or `/feed/hashtag/NAME/`). */
  hashtag: 'a[href*="/feed/hashtag/"]',
  /** A comment (krystianbajno/techka plugins/linkedin/scripts/get-post-comments.js
   * @b81ca42aedd499f6b950054091c1893d2128c97b:
   * `.comments-comment-entity`), never part of the post's own text or media. */
  comment: '.comments-comment-entity, .comments-comment-item, .comments-comment-box',
} as const;

const S = LINKEDIN_POST_SELECTORS;
const ACTIVITY = /urn:li:activity:(\d{6,25})/;
/** The words beside a count, where no component name tells it: English and Italian, singular
 * and plural ("1 comment", "2 commenti"). */
const COMMENTS = /\b(comments?|comment[oi])\b/i;
const REPOSTS = /\b(reposts?|diffusion[ei]\b)/i;

/** The posts on the page, outermost only (a repost's original is inside it). */
export function findLinkedInPosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(S.post)].filter((el) => !el.parentElement?.closest(S.post));
}

/** The post's own elements matching `selector`: not a comment's, not a nested post's. */
function own(post: Element, selector: string): Element[] {
  return ownAll(post, selector, S.post).filter((el) => !el.closest(S.comment) || !post.contains(el.closest(S.comment)));
}

function textBox(post: Element): Element | null {
  return own(post, S.text)[0] ?? null;
}

function seeMoreButton(post: Element): HTMLElement | null {
  const description = textBox(post)?.parentElement ?? null;
  return (description?.querySelector<HTMLElement>(S.seeMore) as HTMLElement | null) ?? null;
}

export async function expandLinkedInPost(post: HTMLElement): Promise<boolean> {
  const button = seeMoreButton(post);
  return button ? clickAndWaitGone(button) : true;
}

/** The activity id of a post: its `data-urn`, else a link to it. */
function activityId(post: Element): string | null {
  const urn = post.getAttribute('data-urn') ?? post.querySelector('[data-urn]')?.getAttribute('data-urn') ?? '';
  const fromUrn = ACTIVITY.exec(urn)?.[1];
  if (fromUrn) return fromUrn;
  const link = own(post, S.permalink)[0]?.getAttribute('href') ?? '';
  return ACTIVITY.exec(link)?.[1] ?? /activity-(\d{6,25})/.exec(link)?.[1] ?? null;
}

/** When the post was made, from its activity id: the id's top 41 bits are the Unix time in
 * milliseconds (codingmatheus/linkedin-timestamp-extractor README.md
 * @722bcda5d71f91650f29146c67e7e30dbe121d4f, "take the first 41 binary digits"), i.e. the id
 * shifted right by 22 bits. LinkedIn itself shows only "2h". Null outside 2003–2100. */
export function linkedInIdTime(id: string): number | null {
  try {
    const ms = Number(BigInt(id) >> 22n);
    return ms > Date.UTC(2003, 0) && ms < Date.UTC(2100, 0) ? ms : null;
  } catch {
    return null;
  }
}

/** The author's profile (`/in/NAME/`) or company (`/company/NAME/`) link, without tracking. */
export function linkedInActorLink(post: Element): { url: string; handle: string } | null {
  const base = post.ownerDocument.baseURI;
  for (const a of own(post, S.actorLink)) {
    const abs = absolute(a.getAttribute('href') ?? '', base);
    const match = abs ? /^\/(in|company|school|showcase)\/([^/?#]+)/.exec(new URL(abs).pathname) : null;
    if (match) return { url: new URL(`/${match[1]}/${match[2]}/`, abs!).href, handle: decodeURIComponent(match[2]) };
  }
  return null;
}

/** The author's name as the header shows it (the visible copy, not the screen-reader one). */
export function linkedInAuthorName(post: Element): string | null {
  const el = own(post, S.actorName)[0];
  const name = el ? tidyText(el.textContent ?? '') : '';
  return name && name.length <= 200 ? name : null;
}

export function readLinkedInPost(post: HTMLElement): PostSnapshot {
  const base = post.ownerDocument.baseURI;
  const box = textBox(post);
  const more = seeMoreButton(post);
  const text = box ? tidyText(visibleText(box, (el) => el === more)) : '';
  const hashtagLinks = own(post, S.hashtag)
    .filter((a) => !box || box.contains(a))
    .map((a) => {
      const href = absolute(a.getAttribute('href') ?? '', base);
      if (!href) return null;
      const url = new URL(href);
      return url.searchParams.get('keywords') ?? /\/feed\/hashtag\/([^/?#]+)/.exec(url.pathname)?.[1] ?? null;
    })
    .filter((tag): tag is string => !!tag && tag !== '')
    .map((tag) => decodeURIComponent(tag));
  const id = activityId(post);
  const postedAt = id ? linkedInIdTime(id) : null;
  const actor = linkedInActorLink(post);
  return {
    network: 'linkedin',
    // LinkedIn's own address for a post; the id is all it needs (no tracking kept).
    permalink: id ? `https://www.linkedin.com/feed/update/urn:li:activity:${id}/` : null,
    authorName: linkedInAuthorName(post),
    authorHandle: actor?.handle ?? null,
    text,
    hashtags: uniqueHashtags(text, hashtagLinks),
    images: readMedia(post, base),
    postedAt,
    postedAtExact: postedAt !== null,
    counts: readCounts(post),
    links: [],
  };
}

function readMedia(post: Element, base: string): PostSnapshot['images'] {
  const out: PostSnapshot['images'] = [];
  const seen = new Set<string>();
  for (const el of own(post, S.media)) addMedia(out, seen, el, base);
  return out;
}

function readCounts(post: Element): PostSnapshot['counts'] {
  const reactionsEl = own(post, S.reactions)[0];
  const commentsEl = own(post, S.comments)[0];
  const buttons = own(post, S.countButtons).map((el) => tidyText(el.textContent ?? ''));
  const counted = (pattern: RegExp) => {
    const label = buttons.find((t) => pattern.test(t) && /\d/.test(t));
    return label ? parseCount(label) : null;
  };
  return {
    reactions: reactionsEl ? parseCount(reactionsEl.textContent ?? '') : null,
    comments: commentsEl && /\d/.test(commentsEl.textContent ?? '') ? parseCount(tidyText(commentsEl.textContent ?? '')) : counted(COMMENTS),
    shares: counted(REPOSTS),
  };
}

/** The post a box or element belongs to. */
export function linkedInPostHolding(el: Element): Element | null {
  let post = el.closest(S.post);
  for (let outer = post?.parentElement?.closest(S.post); outer; outer = outer.parentElement?.closest(S.post)) post = outer;
  return post;
}

