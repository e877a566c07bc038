// Where the posts are on www.facebook.com (feed, post pages, Pages and profiles).
//
// Until 2025 every post was a [role="article"] and its comments were articles nested in
// it. In 2026 Facebook serves feeds where a post is NOT always wrapped in
// [role="article"] while its comments still are ("Comment by NAME"): a finder keyed on
// articles alone finds no post there, or takes the only article, a comment, for the
// post. So a post is found by several independent markers, tried in order; each rests
// on how maintained tools find Facebook posts today (cited beside it). Roles, aria and
// data-* only: class names are generated and change weekly.

/** The markers. One pass over them in page order: a post's outer marker (its feed unit,
 * pagelet or article) comes before its inner ones (menu, author, text), so the outer
 * one bounds the post, and the climb from an inner marker runs only for a post that no
 * outer marker bounds. */
export const FB_POST_MARKERS = {
  /** A feed unit: the element carrying aria-posinset inside the feed (or a Page's or
   * profile's timeline in the main column). Evidence: Artificial-Sweetener/
   * facebook-clean-my-feeds, src/selectors/news.js @ 81fe0781c3f947551d74c41d72a138582d28fd58
   * (postQueries 'div[role="main"] div[aria-posinset]', 'h3[dir="auto"] ~ div div[aria-posinset]'). */
  unit: '[role="feed"] [aria-posinset], [role="main"] [aria-posinset]',
  /** A feed unit by its pagelet name. Evidence: same file and commit
   * ('div[role="feed"] > … > div[data-pagelet*="FeedUnit_"] > …'). */
  pagelet: '[data-pagelet^="FeedUnit"]',
  /** The post's "⋯" menu: one per post, "Actions for this post" / "Azioni per questo
   * post" (comments have "Actions for this comment"). The post is the highest ancestor
   * that holds exactly one such menu, below the page's landmarks. Evidence:
   * jackwener/OpenCLI, clis/facebook/feed.js @ 27ba33fcb8ad24c86076d6dcba1b2327ea5bd028
   * (actionAnchoredContainers, issue #2089: "Modern facebook.com feed no longer wraps
   * posts in [role="article"] and dropped the Like/Comment/Share aria-labels"). */
  actions: '[aria-label="Actions for this post"], [aria-label="Azioni per questo post"]',
  /** The post's author block and text: one each per post, by the same climb. Evidence:
   * the data-ad-rendering-role markers in chriswch/rental-hunter,
   * src/entrypoints/content/providers/facebook/selectors.ts @
   * 46400c8d4b8c2f5adbd82155595a07c10d77edb4 (STORY_MESSAGE_SELECTOR, PROFILE_NAME_SELECTOR). */
  author: '[data-ad-rendering-role="profile_name"]',
  message: '[data-ad-rendering-role="story_message"]',
  /** The older shape: an article that is not a comment. */
  article: '[role="article"]',
} as const;

const M = FB_POST_MARKERS;

/** Every marker in one selector: one pass over the page, in document order. */
const ANY_MARKER = Object.values(M).join(', ');

/** Comments and replies keep role="article", labelled "Comment by NAME 2 h" /
 * "Commento di NAME" (and "Reply by" / "Risposta di"): never a post. Evidence:
 * disrex-group/FB-Comments-Exporter-User-script, facebook-comment-scraper.user.js @
 * 9669fbb7d5b38e65443077a67ce00d1b12668203 (comments are the [role="article"]s whose
 * aria-label reads "Comment …" / Dutch "Opmerking van NAME", replies "Antwoord van NAME
 * op …", nested in their parent), and jackwener/OpenCLI clis/facebook/feed.js (above:
 * post menus only, "NOT Actions for this comment"). */
const COMMENT_LABEL = /^(?:Comment by|Reply by|Commento di|Risposta di)\s/i;

/** Landmarks a post never spans: the climb from a marker stops below them (OpenCLI's
 * LANDMARK_ROLES, same file). */
const LANDMARK = '[role="main"], [role="feed"], [role="banner"], [role="navigation"], [role="complementary"], [role="contentinfo"], [role="region"], [role="dialog"], [role="grid"]';

/** Chat windows and Messenger lists are not timelines (their rows may carry aria-posinset). */
const NOT_A_TIMELINE = '[role="grid"], [role="dialog"], [role="complementary"]';

export function isCommentArticle(el: Element): boolean {
  return el.getAttribute('role') === 'article' && COMMENT_LABEL.test((el.getAttribute('aria-label') ?? '').trim());
}

/** The first article inside `unit` that is not a comment (the post itself, older shape). */
function postArticleIn(unit: Element): Element | null {
  for (const article of unit.querySelectorAll(M.article)) {
    if (!isCommentArticle(article) && !article.parentElement?.closest(M.article)) return article;
  }
  return null;
}

/** The highest ancestor of `anchor` holding exactly one element matching `selector`,
 * stopping below a landmark. */
function climb(anchor: Element, selector: string): Element | null {
  let best: Element | null = null;
  for (let node = anchor.parentElement; node && node.localName !== 'body' && !node.matches(LANDMARK); node = node.parentElement) {
    if (node.querySelectorAll(selector).length !== 1) break;
    best = node;
  }
  return best;
}

/** The post container a marker stands for, or null (a comment, a chat row). The kind of
 * marker is told by its attributes (cheap) before any selector is matched: the feed
 * scan runs on every growth of a long feed (the harvest). */
function postOf(marker: Element): Element | null {
  if (marker.getAttribute('role') === 'article') return isCommentArticle(marker) ? null : marker;
  if (marker.hasAttribute('aria-posinset') || (marker.getAttribute('data-pagelet') ?? '').startsWith('FeedUnit')) {
    if (!marker.matches(M.unit) && !marker.matches(M.pagelet)) return null;
    const article = postArticleIn(marker);
    if (article) return article;
    return marker.closest(NOT_A_TIMELINE) ? null : marker;
  }
  // The "⋯" menu, the author block, the text: never a comment's own parts.
  const inComment = marker.parentElement?.closest(M.article);
  if ((inComment && isCommentArticle(inComment)) || marker.closest(NOT_A_TIMELINE)) return null;
  if (marker.hasAttribute('aria-label')) return climb(marker, M.actions);
  return marker.getAttribute('data-ad-rendering-role') === 'profile_name' ? climb(marker, M.author) : climb(marker, M.message);
}

function insideAny(el: Element, found: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (found.has(p)) return true;
  return false;
}

/** The posts under `root`, outermost only, in page order. A comment is never one, nor
 * is anything inside another post (a shared post, a comment's parts). One pass over the
 * markers; the climb runs only for markers outside every post found so far. */
export function findFacebookPostContainers(root: ParentNode): HTMLElement[] {
  const found = new Set<Element>();
  const order: Element[] = [];
  for (const marker of root.querySelectorAll(ANY_MARKER)) {
    if (found.has(marker) || insideAny(marker, found)) continue;
    const post = postOf(marker);
    if (!post || found.has(post) || insideAny(post, found)) continue;
    found.add(post);
    order.push(post);
  }
  // A post found from an inner marker may turn out to sit inside a later, outer one.
  return order.filter((post) => !insideAny(post, found)) as HTMLElement[];
}

/** The post that holds `el` among `posts` (from findFacebookPostContainers), or null. */
export function facebookPostHolding(el: Element | null, posts: Iterable<Element>): Element | null {
  const set = posts instanceof Set ? (posts as Set<Element>) : new Set(posts);
  for (let node = el; node; node = node.parentElement) if (set.has(node)) return node;
  return null;
}
