import type { Network } from '../../db/record';
import { findHashtagPosts, readPostHashtags } from '../../sites/hashtag-links';
import type { AgentLifetime } from '../lifetime';

/** How the harvest hands over what it read: the hashtags of each post, nothing else. */
export type SendSeenHashtags = (network: Network, posts: string[][]) => void;

/** Part `harvest` (see `../parts.ts`), loaded only while learning from the feed is on.
 * Built as `page-harvest.js` by `entrypoints/page-harvest.ts`. */
export interface HarvestPart {
  startHarvest: typeof startHarvest;
}

const BATCH_POSTS = 25;
const BATCH_WAIT_MS = 2000;
const SCAN_WAIT_MS = 300;
const SCROLL_IDLE_MS = 250;
/** Posts watched around the last one seen: behind it, and ahead of it. */
const WINDOW_BEHIND = 6;
const WINDOW_AHEAD = 14;

/**
 * Reads the hashtags of posts as they scroll into view, each post once, and sends them
 * in batches. Built to cost little on the main thread:
 * - the MutationObserver only schedules a scan (at most one per SCAN_WAIT_MS), which
 *   lists the posts in page order;
 * - the IntersectionObserver watches only a window of ~20 unread posts around the last
 *   one seen (an observer's work grows with its targets, and a long feed holds hundreds);
 *   scrolling down moves the window along; after a jump, the post in the middle of the
 *   screen, found once the scrolling stops, becomes its centre;
 * - a post is read once (its hashtag links only), then no longer watched.
 * Returns the function that stops it (observers disconnected, the unsent batch dropped).
 */
export function startHarvest(life: AgentLifetime, network: Network, send: SendSeenHashtags): () => void {
  const read = new WeakSet<Element>();
  const watching = new Set<Element>();
  let posts: Element[] = [];
  let index = new Map<Element, number>();
  let anchor = 0;
  let pending: string[][] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let scanTimer: ReturnType<typeof setTimeout> | null = null;
  let scrollTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = () => {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    if (stopped || pending.length === 0 || !life.isValid) return;
    const batch = pending;
    pending = [];
    send(network, batch);
  };

  /** Watches the unread posts around `anchor`, and only those. */
  const moveWindow = () => {
    const from = Math.max(0, anchor - WINDOW_BEHIND);
    const to = Math.min(posts.length, anchor + WINDOW_AHEAD + 1);
    const wanted = new Set<Element>();
    for (let i = from; i < to; i++) if (!read.has(posts[i])) wanted.add(posts[i]);
    for (const el of watching) {
      if (!wanted.has(el)) {
        seen.unobserve(el);
        watching.delete(el);
      }
    }
    for (const el of wanted) {
      if (!watching.has(el)) {
        seen.observe(el);
        watching.add(el);
      }
    }
  };

  const seen = new IntersectionObserver((entries) => {
    let moved = false;
    for (const entry of entries) {
      if (!entry.isIntersecting || read.has(entry.target)) continue;
      read.add(entry.target);
      seen.unobserve(entry.target);
      watching.delete(entry.target);
      const at = index.get(entry.target);
      if (at !== undefined) anchor = at;
      moved = true;
      const tags = readPostHashtags(entry.target, network);
      if (tags.length > 0) pending.push(tags);
    }
    if (moved) moveWindow();
    if (pending.length >= BATCH_POSTS) flush();
    else if (pending.length > 0 && flushTimer === null) flushTimer = setTimeout(flush, BATCH_WAIT_MS);
  });

  const scan = () => {
    scanTimer = null;
    if (stopped || !life.isValid) return;
    posts = findHashtagPosts(document, network);
    index = new Map(posts.map((el, i) => [el, i]));
    anchor = Math.min(anchor, Math.max(0, posts.length - 1));
    moveWindow();
  };

  /** After a jump: the window moves to the post in the middle of the screen. */
  const recentre = () => {
    scrollTimer = null;
    if (stopped || !life.isValid) return;
    for (const y of [0.5, 0.3, 0.7]) {
      // The listed post that holds the point (posts are outermost: the first listed
      // ancestor is the post).
      let post: Element | null = document.elementFromPoint(innerWidth / 2, innerHeight * y);
      while (post && !index.has(post)) post = post.parentElement;
      const at = post ? index.get(post) : undefined;
      if (at !== undefined) {
        anchor = at;
        moveWindow();
        return;
      }
    }
  };

  // New posts as the feed grows: the callback only schedules a scan.
  const growth = new MutationObserver(() => {
    if (scanTimer === null && !stopped) scanTimer = setTimeout(scan, SCAN_WAIT_MS);
  });
  growth.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  life.listen(
    window,
    'scroll',
    () => {
      if (stopped) return;
      if (scrollTimer !== null) clearTimeout(scrollTimer);
      scrollTimer = setTimeout(recentre, SCROLL_IDLE_MS);
    },
    { passive: true, capture: true },
  );
  // Leaving the page: send what was read rather than lose it.
  life.listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && flush());
  scan();
  recentre();

  const stop = () => {
    if (stopped) return;
    stopped = true;
    growth.disconnect();
    seen.disconnect();
    watching.clear();
    for (const timer of [flushTimer, scanTimer, scrollTimer]) if (timer !== null) clearTimeout(timer);
    pending = [];
  };
  life.onEnd(stop);
  return stop;
}
