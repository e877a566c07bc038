import type { Network } from '../../db/record';
import { findHashtagPosts, readPostHashtags } from '../../sites/hashtag-links';
import type { AgentLifetime } from '../lifetime';

/** How the harvest hands over what it read: the hashtags of each post, nothing else. */
export type SendSeenHashtags = (network: Network, posts: string[][]) => void;

const BATCH_POSTS = 25;
const BATCH_WAIT_MS = 2000;
const SCAN_WAIT_MS = 300;

/** Reads the hashtags of posts as they scroll into view, each post once, and sends
 * them in batches. Cheap on the main thread: the MutationObserver only schedules a
 * scan (at most one per SCAN_WAIT_MS), the IntersectionObserver reports posts as they
 * enter the viewport, and a post is read once, then forgotten by the observer.
 * Returns the function that stops it (observers disconnected, the unsent batch dropped). */
export function startHarvest(life: AgentLifetime, network: Network, send: SendSeenHashtags): () => void {
  const watched = new WeakSet<Element>();
  let pending: string[][] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let scanTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const flush = () => {
    flushTimer = null;
    if (stopped || pending.length === 0 || !life.isValid) return;
    const batch = pending;
    pending = [];
    send(network, batch);
  };

  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      seen.unobserve(entry.target);
      const tags = readPostHashtags(entry.target, network);
      if (tags.length > 0) pending.push(tags);
    }
    if (pending.length >= BATCH_POSTS) flush();
    else if (pending.length > 0 && flushTimer === null) flushTimer = setTimeout(flush, BATCH_WAIT_MS);
  });

  const scan = () => {
    scanTimer = null;
    if (stopped || !life.isValid) return;
    for (const post of findHashtagPosts(document, network)) {
      if (watched.has(post)) continue;
      watched.add(post);
      seen.observe(post);
    }
  };

  // New posts as the feed grows: the callback only schedules a scan.
  const growth = new MutationObserver(() => {
    if (scanTimer === null && !stopped) scanTimer = setTimeout(scan, SCAN_WAIT_MS);
  });
  growth.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  scan();
  // Leaving the page: send what was read rather than lose it.
  life.listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && flush());

  const stop = () => {
    if (stopped) return;
    stopped = true;
    growth.disconnect();
    seen.disconnect();
    if (flushTimer !== null) clearTimeout(flushTimer);
    if (scanTimer !== null) clearTimeout(scanTimer);
    pending = [];
  };
  life.onEnd(stop);
  return stop;
}
