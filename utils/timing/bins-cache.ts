/**
 * The library page's memory of each account's binned posts (estimate.ts, steps 1-3), kept until
 * the account's posts or time zone change. Reading the bins back is what makes a redraw after
 * choosing a prior, or going back to an account, skip the 5,000-post pass.
 *
 * The change stamp is a fingerprint of everything the bins read from each post (when it was
 * published, its four counts), not "count + latest updatedAt": deleting one post and
 * importing another with an older file date keeps both of those the same, and the grid would
 * go stale. Hashing 5,000 posts costs well under a millisecond; the page holds them anyway for
 * the post log table.
 */
import type { PostLogEntry } from '../db/post-log';
import { binPosts, type PostBins } from './estimate';

const f64 = new Float64Array(1);
const halves = new Uint32Array(f64.buffer);

/**
 * A stamp of a sequence of values (numbers, null, undefined), about 64 bits in two 32-bit
 * lanes: FNV-1a's step (xor, multiply) applied to 32-bit words instead of bytes, the first lane
 * with FNV's own offset basis and prime (IETF draft-eastlake-fnv), the second with another basis,
 * another odd multiplier and a shift that spreads high bits down. A number enters as the two
 * words of its 64-bit float, so 1.5 and 1, or NaN and 0, differ.
 */
class Stamp {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;

  private word(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    this.b = Math.imul(this.b ^ x, 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  add(value: number | null | undefined): void {
    if (typeof value !== 'number') return this.word(value === null ? 1 : 2);
    this.word(0);
    f64[0] = value;
    this.word(halves[0]);
    this.word(halves[1]);
  }

  toString(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}

/**
 * The change stamp of one account's posts: their number and a stamp of exactly what binPosts
 * reads, in the order it reads it (each post's publishedAt and four counts). Equal stamps mean
 * equal bins; ids are left out because the bins do not depend on them.
 */
export function postsStamp(posts: readonly PostLogEntry[]): string {
  const stamp = new Stamp();
  for (const p of posts) {
    const m = p.metrics;
    stamp.add(p.publishedAt);
    stamp.add(m.reactions);
    stamp.add(m.comments);
    stamp.add(m.shares);
    stamp.add(m.saves);
  }
  return `${posts.length}:${stamp}`;
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
