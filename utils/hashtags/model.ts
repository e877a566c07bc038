/**
 * The local hashtag model: what Spalla learned from the hashtags of the user's own posts
 * and clips ('own') and, when the user allows it, of posts scrolled past ('seen').
 *
 * Only hashtags and their co-occurrence are kept, never a post's text or author.
 *
 * The model's entries have the very shape of the stored `hashtagStats` rows (minus the
 * id and times the background adds), and the model keeps the objects it is given: a
 * cold start loads the rows and indexes them, with no conversion of the 500,000
 * co-occurrence counts a heavy user may have (see docs/hashtags.md, "Cold load").
 *
 * Plain TypeScript: no browser API.
 */
import type { BrandRef, Network } from '../db/record';
import { extractHashtags, isValidHashtag } from './extract';
import { hashtagKeys, looseKey } from './keys';

export type LearnSource = 'own' | 'seen';

/** What the model knows of one hashtag in one scope (network + brand). The stored
 * `HashtagStat` is this plus `id`, `createdAt`, `updatedAt`. */
export interface LearnedHashtag {
  /** Normalized counting key (NFC, case-folded). */
  key: string;
  /** The spelling seen most often. */
  tag: string;
  network: Network;
  brandId: BrandRef;
  /** Posts and clips of the user's own that carried it. */
  ownCount: number;
  /** Posts scrolled past that carried it. */
  seenCount: number;
  /** Other keys seen in the same post, with how often (both directions are kept). */
  cooccurs: Record<string, number>;
  lastSeenAt: number;
}

export interface LearnOptions {
  network: Network;
  brand?: BrandRef;
  source: LearnSource;
  /** Epoch ms; defaults to now. */
  at?: number;
}

/** One network + brand: the entries and the indexes suggestions read. */
export interface HashtagScope {
  network: Network;
  brandId: BrandRef;
  byKey: Map<string, LearnedHashtag>;
  /** Accent-free key -> entries (`caffè` and `caffe` are one family). */
  byLooseKey: Map<string, LearnedHashtag[]>;
  /** Entry key -> its accent-free key, computed once when the entry is indexed. */
  looseKeys: Map<string, string>;
  /** An entry's accent-free key. */
  looseOf(entry: LearnedHashtag): string;
  /** Own posts learned in this scope: the denominator of "how often you use it". */
  ownPosts: number;
}

export interface HashtagModelInfo {
  /** Distinct hashtags (per scope). */
  hashtags: number;
  /** Hashtags seen in the user's own posts or clips. */
  ownHashtags: number;
  /** Co-occurrence pairs (each unordered pair counted once). */
  pairs: number;
}

/** A post with more hashtags than this is learned from its first ones only: spam posts
 * with 30 tags would otherwise add 435 pairs each. */
export const MAX_TAGS_PER_POST = 30;

/** Co-occurring keys kept per hashtag: past this, the rarest pairs are forgotten (the
 * backup format refuses more than 10,000, and a tag like #food would pass that). */
export const MAX_COOCCURS_PER_TAG = 2_000;

/** Drops the rarest co-occurrences of `entry` until it has at most 3/4 of the cap. */
function pruneCooccurs(entry: LearnedHashtag): number {
  const counts = Object.entries(entry.cooccurs).sort((a, b) => b[1] - a[1]);
  const keep = Math.floor((MAX_COOCCURS_PER_TAG * 3) / 4);
  const cooccurs: Record<string, number> = {};
  for (const [key, count] of counts.slice(0, keep)) cooccurs[key] = count;
  entry.cooccurs = cooccurs;
  return Math.min(keep, counts.length);
}

/** How many co-occurring keys of a tag suggestions look at: the strongest ones. */
export const TOP_PARTNERS = 100;

export interface Partner {
  key: string;
  count: number;
}

export interface HashtagModel {
  /** Learns the hashtags of one post or clip (its text, or its tags without "#"). */
  learn(textOrTags: string | readonly string[], options: LearnOptions): number;
  /** Adds stored entries (a cold start). Objects are kept as they are, not copied. */
  load(entries: Iterable<LearnedHashtag>): void;
  /** The scope of a network + brand, if anything was learned there. */
  scope(network: Network, brandId: BrandRef): HashtagScope | undefined;
  scopes(): Iterable<HashtagScope>;
  /** The keys most often seen with `entry`, most often first, at most
   * `TOP_PARTNERS` (worked out once per change of the entry: suggestions ask for the
   * same few seeds keystroke after keystroke). */
  partnersOf(entry: LearnedHashtag): readonly Partner[];
  /** Every entry (what would be stored). */
  entries(): Iterable<LearnedHashtag>;
  /** Entries changed by `learn` since the last call, for a batched write. */
  takeChanged(): LearnedHashtag[];
  clear(): void;
  info(): HashtagModelInfo;
  /** Bumped on every change: lets callers cache what they derive from the model. */
  readonly version: number;
}

function scopeId(network: Network, brandId: BrandRef): string {
  return `${network}\u0000${brandId ?? ''}`;
}

export function createHashtagModel(): HashtagModel {
  const scopes = new Map<string, HashtagScope>();
  const changed = new Set<LearnedHashtag>();
  /** How many keys an entry's `cooccurs` holds, once counted. */
  const cooccurKeys = new WeakMap<LearnedHashtag, number>();
  /** `partnersOf`, worked out; dropped when the entry learns. */
  const partners = new WeakMap<LearnedHashtag, Partner[]>();
  let version = 0;

  function scopeFor(network: Network, brandId: BrandRef): HashtagScope {
    const id = scopeId(network, brandId);
    let scope = scopes.get(id);
    if (!scope) {
      const looseKeys = new Map<string, string>();
      scope = {
        network,
        brandId,
        byKey: new Map(),
        byLooseKey: new Map(),
        looseKeys,
        looseOf: (entry) => looseKeys.get(entry.key) ?? looseKey(entry.key),
        ownPosts: 0,
      };
      scopes.set(id, scope);
    }
    return scope;
  }

  function index(scope: HashtagScope, entry: LearnedHashtag) {
    scope.byKey.set(entry.key, entry);
    const loose = looseKey(entry.key);
    scope.looseKeys.set(entry.key, loose);
    const family = scope.byLooseKey.get(loose);
    if (family) family.push(entry);
    else scope.byLooseKey.set(loose, [entry]);
  }

  return {
    get version() {
      return version;
    },

    learn(textOrTags, options) {
      const written = typeof textOrTags === 'string' ? extractHashtags(textOrTags) : textOrTags;
      // One count per post and key, first spelling wins within the post.
      const spellings = new Map<string, string>();
      for (const raw of written) {
        const tag = raw.replace(/^[#\uff03]/u, '');
        if (!isValidHashtag(tag)) continue;
        const { key } = hashtagKeys(tag);
        if (!spellings.has(key)) spellings.set(key, tag);
        if (spellings.size >= MAX_TAGS_PER_POST) break;
      }
      if (spellings.size === 0) return 0;
      const at = options.at ?? Date.now();
      const scope = scopeFor(options.network, options.brand ?? null);
      if (options.source === 'own') scope.ownPosts++;
      const entries: LearnedHashtag[] = [];
      for (const [key, tag] of spellings) {
        let entry = scope.byKey.get(key);
        if (!entry) {
          entry = { key, tag, network: scope.network, brandId: scope.brandId, ownCount: 0, seenCount: 0, cooccurs: {}, lastSeenAt: at };
          index(scope, entry);
        } else if (entry.tag !== tag && options.source === 'own') {
          // The user's own spelling wins over what others write.
          entry.tag = tag;
        }
        if (options.source === 'own') entry.ownCount++;
        else entry.seenCount++;
        entry.lastSeenAt = Math.max(entry.lastSeenAt, at);
        entries.push(entry);
        changed.add(entry);
      }
      for (const a of entries) {
        let keys = cooccurKeys.get(a) ?? Object.keys(a.cooccurs).length;
        for (const b of entries) {
          if (a === b) continue;
          const count = a.cooccurs[b.key];
          if (count === undefined) keys++;
          a.cooccurs[b.key] = (count ?? 0) + 1;
        }
        if (keys > MAX_COOCCURS_PER_TAG) keys = pruneCooccurs(a);
        cooccurKeys.set(a, keys);
        partners.delete(a);
      }
      version++;
      return entries.length;
    },

    load(rows) {
      for (const entry of rows) {
        const scope = scopeFor(entry.network, entry.brandId);
        index(scope, entry);
      }
      // ownPosts is not stored: the most used own tag is a close lower bound (a brand
      // tag sits on nearly every post), and it only scales the "yours" prior.
      for (const scope of scopes.values()) {
        let most = 0;
        for (const entry of scope.byKey.values()) if (entry.ownCount > most) most = entry.ownCount;
        scope.ownPosts = Math.max(scope.ownPosts, most);
      }
      version++;
    },

    partnersOf(entry) {
      let top = partners.get(entry);
      if (!top) {
        top = [];
        const cooccurs = entry.cooccurs;
        for (const key in cooccurs) top.push({ key, count: cooccurs[key] });
        top.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        if (top.length > TOP_PARTNERS) top.length = TOP_PARTNERS;
        partners.set(entry, top);
      }
      return top;
    },

    scope(network, brandId) {
      return scopes.get(scopeId(network, brandId));
    },

    scopes() {
      return scopes.values();
    },

    *entries() {
      for (const scope of scopes.values()) yield* scope.byKey.values();
    },

    takeChanged() {
      const out = [...changed];
      changed.clear();
      return out;
    },

    clear() {
      scopes.clear();
      changed.clear();
      version++;
    },

    info() {
      let hashtags = 0;
      let ownHashtags = 0;
      let directed = 0;
      for (const scope of scopes.values()) {
        for (const entry of scope.byKey.values()) {
          hashtags++;
          if (entry.ownCount > 0) ownHashtags++;
          for (const _ in entry.cooccurs) directed++;
        }
      }
      return { hashtags, ownHashtags, pairs: Math.round(directed / 2) };
    },
  };
}
