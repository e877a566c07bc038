/**
 * The library page's memory of each account's binned posts (estimate.ts, steps 1-3), kept until
 * the account's posts or time zone change. Reading the bins back is what makes a redraw after
 * choosing a prior, or going back to an account, skip the 5,000-post pass.
 *
 * The change stamp is a fingerprint of everything the bins read from each post (its id, when
 * it was published, its four counts), not "count + latest updatedAt": deleting one post and
 * importing another with an older file date keeps both of those the same, and the grid would
 * go stale. Hashing 5,000 posts costs well under a millisecond; the page holds them anyway for
 * the post log table.
 */
import type { PostLogEntry } from '../db/post-log';
import { binPosts, type PostBins } from './estimate';

/**
 * FNV-1a over the text's UTF-16 code units, in two lanes: the standard 32-bit one (offset
 * basis 2166136261, prime 16777619, from the FNV specification, IETF draft-eastlake-fnv) and a
 * second lane started from another basis and mixed with another odd multiplier, so a stamp is
 * about 64 bits: two versions of one account's log will not share one in practice.
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** The change stamp of one account's posts: their number and a hash of what the grid reads. */
export function postsStamp(posts: readonly PostLogEntry[]): string {
  const parts = posts.map((p) => {
    const m = p.metrics;
    return `${p.id}|${p.publishedAt}|${m.reactions}|${m.comments}|${m.shares}|${m.saves}`;
  });
  return `${posts.length}:${fingerprint(parts.join('\n'))}`;
}

interface Entry {
  stamp: string;
  bins: PostBins;
}

export class BinsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly compute: typeof binPosts = binPosts) {}

  /** The bins of one account's posts in `timeZone`: the kept ones when neither changed. */
  binsOf(accountKey: string, posts: readonly PostLogEntry[], timeZone: string): PostBins {
    const stamp = `${timeZone}/${postsStamp(posts)}`;
    const kept = this.entries.get(accountKey);
    if (kept?.stamp === stamp) return kept.bins;
    const bins = this.compute(posts, timeZone);
    this.entries.set(accountKey, { stamp, bins });
    return bins;
  }
}

/** One per library page: its accounts' bins for as long as the page is open. */
export const libraryBins = new BinsCache();
