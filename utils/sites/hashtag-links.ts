import type { Network } from '../db/record';
import { isValidHashtag } from '../hashtags/extract';
import { findFacebookPostContainers } from './facebook-post-finder';
import { THREADS_POST_SELECTORS } from './threads-posts';
import { LINKEDIN_POST_SELECTORS } from './linkedin-posts';

/** Where the hashtags of a post are, for the harvest (issue #4). It reads the hashtag
 * LINKS inside a post and nothing else: never the post's text, author or permalink.
 * Selectors for both sites in one place, each with the page it serves. */
const SELECTORS: Partial<Record<Network, { post: string; tagLink: string; hrefTag: RegExp }>> = {
  facebook: {
    // Feed, post pages, Pages and profiles: comments (and shared posts) are
    // [role="article"]s nested in a post; the post itself is found by the markers of
    // facebook-post-finder.ts (in 2026 feeds it is not always an article).
    post: '[role="article"]',
    // Hashtags link to /hashtag/NAME?tracking...
    tagLink: 'a[href*="/hashtag/"]',
    hrefTag: /\/hashtag\/([^/?#]+)/u,
  },
  instagram: {
    // Feed and post pages: a post is an <article>; caption hashtags link to /explore/tags/NAME/.
    post: 'article',
    tagLink: 'a[href*="/explore/tags/"]',
    hrefTag: /\/explore\/tags\/([^/?#]+)/u,
  },
  threads: {
    // Feed, post pages, profiles: a post is a pressable container (a quoted post is one
    // nested in it); its topic tag links to a tag search, /search?q=NAME&serp_type=tags
    // (see threads-posts.ts for the evidence). A tag with spaces is not a hashtag: skipped.
    post: THREADS_POST_SELECTORS.post,
    tagLink: THREADS_POST_SELECTORS.topicTag,
    hrefTag: /[?&]q=([^&#]+)/u,
  },
  linkedin: {
    // Feed, post pages, company Pages: a post (linkedin-posts.ts, with its evidence); a
    // comment (`.comments-comment-entity`) counts as nested, so its hashtags stay out.
    post: `${LINKEDIN_POST_SELECTORS.post}, ${LINKEDIN_POST_SELECTORS.comment}`,
    // Hashtags link to /feed/hashtag/?keywords=NAME (or /feed/hashtag/NAME/).
    tagLink: 'a[href*="/feed/hashtag/"]',
    hrefTag: /\/feed\/hashtag\/(?:\?keywords=)?([^/?#&]+)/u,
  },
  x: {
    // Timeline, post pages, profiles: a post is article[data-testid="tweet"] (a quoted post
    // is inside it; see utils/sites/x-posts.ts); hashtags link to /hashtag/NAME?src=hashtag_click.
    post: 'article[data-testid="tweet"]',
    tagLink: 'a[href*="/hashtag/"]',
    hrefTag: /\/hashtag\/([^/?#]+)/u,
  },
};

/** Posts under `root`, outermost only (a comment inside a post is not a post). */
export function findHashtagPosts(root: ParentNode, network: Network): Element[] {
  if (network === 'facebook') return findFacebookPostContainers(root);
  const selectors = SELECTORS[network];
  if (!selectors) return []; // a network whose adapter reads no hashtag links yet
  const { post } = selectors;
  return [...root.querySelectorAll(post)].filter((el) => !el.parentElement?.closest(post));
}

/** The hashtags linked in `post` itself (not in the comments nested in it), without
 * "#", in order, each once (as the link shows it, else as its address gives it). */
export function readPostHashtags(post: Element, network: Network): string[] {
  const selectors = SELECTORS[network];
  if (!selectors) return [];
  const { post: postSel, tagLink, hrefTag } = selectors;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const link of post.querySelectorAll<HTMLAnchorElement>(tagLink)) {
    // Not the post's own when a nested article (a comment, a shared post) holds it.
    const owner = link.closest(postSel);
    if (owner && owner !== post && post.contains(owner)) continue;
    const tag = tagOfLink(link, hrefTag);
    if (!tag) continue;
    const lower = tag.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    out.push(tag);
  }
  return out;
}

function tagOfLink(link: HTMLAnchorElement, hrefTag: RegExp): string | null {
  const text = (link.textContent ?? '').trim();
  if (/^[#\uff03]/u.test(text)) {
    const tag = text.slice(1);
    if (isValidHashtag(tag)) return tag;
  }
  const match = hrefTag.exec(link.getAttribute('href') ?? '');
  if (!match) return null;
  try {
    const tag = decodeURIComponent(match[1]);
    return isValidHashtag(tag) ? tag : null;
  } catch {
    return null;
  }
}
