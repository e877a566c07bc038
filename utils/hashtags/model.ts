/**
 * The local hashtag model: what Spalla learned from the hashtags of the user's own posts
 * and clips ('own') and, when the user allows it, of posts scrolled past ('seen').
 *
 * Only hashtags and their co-occurrence are kept, never a post's text or author.
 *
 * A cold start loads packed scopes (`./packed.ts`: parallel arrays, one record per
 * network + brand) and leaves the co-occurrence counts in those arrays: a hashtag's
 * partners are read from them when a suggestion asks, and copied into a map of its own
 * only when the hashtag learns again. So the load costs one small object per hashtag,
 * not one per co-occurrence count (see docs/hashtags.md, "Cold load").
 *
 * Plain TypeScript: no browser API.
 */
import type { BrandRef, Network } from '../db/record';
import { extractHashtags, isValidHashtag } from './extract';
import { hashtagKeys, looseKey } from './keys';
import type { PackedScope } from './packed';

export type LearnSource = 'own' | 'seen';

/** What the model knows of one hashtag in one scope (network + brand). Its
 * co-occurrences are asked of the model (`partnersOf`, `cooccurrences`). */
export interface LearnedHashtag {
  /** Normalized counting key (NFC, case-folded). */
  readonly key: string;
  /** The spelling seen most often. */
  readonly tag: string;
  readonly network: Network;
  readonly brandId: BrandRef;
  /** Posts and clips of the user's own that carried it. */
  readonly ownCount: number;
  /** Posts scrolled past that carried it. */
  readonly seenCount: number;
  readonly lastSeenAt: number;
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
  readonly network: Network;
  readonly brandId: BrandRef;
  readonly byKey: ReadonlyMap<string, LearnedHashtag>;
  /** Accent-free key -> entries (`caffè` and `caffe` are one family). Built on first
   * use, so that a cold load does not pay for it. */
  readonly byLooseKey: ReadonlyMap<string, readonly LearnedHashtag[]>;
  /** An entry's accent-free key. */
  looseOf(entry: LearnedHashtag): string;
  /** Own posts learned in this scope: the denominator of "how often you use it". */
  readonly ownPosts: number;
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

/** How many co-occurring keys of a tag suggestions look at: the strongest ones. */
export const TOP_PARTNERS = 100;

export interface Partner {
  key: string;
  count: number;
}

export interface HashtagModel {
  /** Learns the hashtags of one post or clip (its text, or its tags without "#"). */
  learn(textOrTags: string | readonly string[], options: LearnOptions): number;
  /** Adds stored scopes (a cold start), into a model that has none of them yet. The
   * arrays are kept, not copied: do not change them afterwards. */
  load(scopes: Iterable<PackedScope>): void;
  /** The scope of a network + brand, if anything was learned there. */
  scope(network: Network, brandId: BrandRef): HashtagScope | undefined;
  scopes(): Iterable<HashtagScope>;
  /** The keys most often seen with `entry`, most often first, at most
   * `TOP_PARTNERS` (worked out once per change of the entry: suggestions ask for the
   * same few seeds keystroke after keystroke). */
  partnersOf(entry: LearnedHashtag): readonly Partner[];
  /** Every key seen with `entry`, with how often. */
  cooccurrences(entry: LearnedHashtag): Map<string, number>;
  /** Every entry. */
  entries(): Iterable<LearnedHashtag>;
  /** A scope as it would be stored. */
  pack(scope: HashtagScope): PackedScope;
  /** The scopes changed by `learn` since the last call, packed, for a write. */
  takeChanged(): PackedScope[];
  clear(): void;
  info(): HashtagModelInfo;
  /** Bumped on every change: lets callers cache what they derive from the model. */
  readonly version: number;
}

/** An entry and where its co-occurrences are: the packed arrays it was loaded from, or,
 * once it learned again, its own map (partner's index -> count). */
class Entry implements LearnedHashtag {
  ownCount = 0;
  seenCount = 0;
  thawed: Map<number, number> | undefined;

  constructor(
    readonly key: string,
    public tag: string,
    readonly network: Network,
    readonly brandId: BrandRef,
    public lastSeenAt: number,
    /** Place in its scope's order, which is also its index in the packed arrays. */
    readonly index: number,
  ) {}
}

class Scope implements HashtagScope {
  readonly byKey = new Map<string, Entry>();
  /** Entries by index: loaded ones in their packed order, then new ones. */
  readonly order: Entry[] = [];
  ownPosts = 0;
  /** Learned since it was last packed. */
  changed = false;
  private loose: Map<string, Entry[]> | undefined;
  private readonly looseKeys = new Map<string, string>();

  constructor(
    readonly network: Network,
    readonly brandId: BrandRef,
    /** The stored arrays the first `packed.keys.length` entries were loaded from. */
    readonly packed?: PackedScope,
  ) {}

  add(key: string, tag: string, lastSeenAt: number): Entry {
    const entry = new Entry(key, tag, this.network, this.brandId, lastSeenAt, this.order.length);
    this.order.push(entry);
    this.byKey.set(key, entry);
    if (this.loose) this.addLoose(entry);
    return entry;
  }

  get byLooseKey(): ReadonlyMap<string, readonly LearnedHashtag[]> {
    if (!this.loose) {
      this.loose = new Map();
      for (const entry of this.order) this.addLoose(entry);
    }
    return this.loose;
  }

  looseOf(entry: LearnedHashtag): string {
    return this.looseKeys.get(entry.key) ?? looseKey(entry.key);
  }

  private addLoose(entry: Entry) {
    const loose = looseKey(entry.key);
    this.looseKeys.set(entry.key, loose);
    const family = this.loose!.get(loose);
    if (family) family.push(entry);
    else this.loose!.set(loose, [entry]);
  }

  /** How many partners `entry` has. */
  degree(entry: Entry): number {
    if (entry.thawed) return entry.thawed.size;
    const packed = this.packed;
    if (!packed || entry.index >= packed.keys.length) return 0;
    return packed.partnerStarts[entry.index + 1] - packed.partnerStarts[entry.index];
  }

  /** Calls `visit` with each partner's index and count. */
  forEachPartner(entry: Entry, visit: (index: number, count: number) => void) {
    if (entry.thawed) {
      for (const [index, count] of entry.thawed) visit(index, count);
      return;
    }
    const packed = this.packed;
    if (!packed || entry.index >= packed.keys.length) return;
    for (let p = packed.partnerStarts[entry.index], end = packed.partnerStarts[entry.index + 1]; p < end; p++) {
      visit(packed.partners[p], packed.partnerCounts[p]);
    }
  }

  /** The entry's partners in a map of its own, ready to count. */
  thaw(entry: Entry): Map<number, number> {
    if (!entry.thawed) {
      const map = new Map<number, number>();
      this.forEachPartner(entry, (index, count) => map.set(index, count));
      entry.thawed = map;
    }
    return entry.thawed;
  }
}

function scopeId(network: Network, brandId: BrandRef): string {
  return `${network}\u0000${brandId ?? ''}`;
}

/** Keeps the strongest 3/4 of the cap, so that pruning is rare. */
function prune(partners: Map<number, number>, keyOf: (index: number) => string) {
  const strongest = [...partners].sort((a, b) => b[1] - a[1] || compareKeys(keyOf(a[0]), keyOf(b[0])));
  partners.clear();
  for (const [index, count] of strongest.slice(0, Math.floor((MAX_COOCCURS_PER_TAG * 3) / 4))) partners.set(index, count);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function createHashtagModel(): HashtagModel {
  const scopes = new Map<string, Scope>();
  /** `partnersOf`, worked out; dropped when the entry learns. */
  const partners = new WeakMap<Entry, Partner[]>();
  let version = 0;

  function scopeFor(network: Network, brandId: BrandRef): Scope {
    const id = scopeId(network, brandId);
    let scope = scopes.get(id);
    if (!scope) {
      scope = new Scope(network, brandId);
      scopes.set(id, scope);
    }
    return scope;
  }

  function internal(entry: LearnedHashtag): { entry: Entry; scope: Scope } {
    const scope = scopes.get(scopeId(entry.network, entry.brandId));
    const own = scope?.byKey.get(entry.key);
    if (!scope || own !== entry) throw new Error(`#${entry.key} is not an entry of this model`);
    return { entry: own, scope };
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
      const entries: Entry[] = [];
      for (const [key, tag] of spellings) {
        let entry = scope.byKey.get(key);
        if (!entry) entry = scope.add(key, tag, at);
        else if (entry.tag !== tag && options.source === 'own') entry.tag = tag; // The user's own spelling wins over what others write.
        if (options.source === 'own') entry.ownCount++;
        else entry.seenCount++;
        entry.lastSeenAt = Math.max(entry.lastSeenAt, at);
        entries.push(entry);
      }
      for (const a of entries) {
        const counts = scope.thaw(a);
        for (const b of entries) if (a !== b) counts.set(b.index, (counts.get(b.index) ?? 0) + 1);
        if (counts.size > MAX_COOCCURS_PER_TAG) prune(counts, (index) => scope.order[index].key);
        partners.delete(a);
      }
      scope.changed = true;
      version++;
      return entries.length;
    },

    load(packs) {
      for (const packed of packs) {
        const id = scopeId(packed.network, packed.brandId);
        if (scopes.has(id)) throw new Error(`the scope ${packed.network}/${packed.brandId ?? '-'} is loaded already`);
        const scope = new Scope(packed.network, packed.brandId, packed);
        scopes.set(id, scope);
        scope.ownPosts = packed.ownPosts;
        const { keys, tags, ownCounts, seenCounts, lastSeenAt } = packed;
        for (let i = 0; i < keys.length; i++) {
          const entry = scope.add(keys[i], tags[i], lastSeenAt[i]);
          entry.ownCount = ownCounts[i];
          entry.seenCount = seenCounts[i];
        }
      }
      version++;
    },

    partnersOf(learned) {
      const { entry, scope } = internal(learned);
      let top = partners.get(entry);
      if (!top) {
        const found: [number, number][] = [];
        scope.forEachPartner(entry, (index, count) => found.push([index, count]));
        found.sort((a, b) => b[1] - a[1] || compareKeys(scope.order[a[0]].key, scope.order[b[0]].key));
        top = found.slice(0, TOP_PARTNERS).map(([index, count]) => ({ key: scope.order[index].key, count }));
        partners.set(entry, top);
      }
      return top;
    },

    cooccurrences(learned) {
      const { entry, scope } = internal(learned);
      const out = new Map<string, number>();
      scope.forEachPartner(entry, (index, count) => out.set(scope.order[index].key, count));
      return out;
    },

    scope(network, brandId) {
      return scopes.get(scopeId(network, brandId));
    },

    scopes() {
      return scopes.values();
    },

    *entries() {
      for (const scope of scopes.values()) yield* scope.order;
    },

    pack(learned) {
      const scope = scopes.get(scopeId(learned.network, learned.brandId));
      if (scope !== learned) throw new Error('not a scope of this model');
      return packScope(scope);
    },

    takeChanged() {
      const out: PackedScope[] = [];
      for (const scope of scopes.values()) {
        if (!scope.changed) continue;
        scope.changed = false;
        out.push(packScope(scope));
      }
      return out;
    },

    clear() {
      scopes.clear();
      version++;
    },

    info() {
      let hashtags = 0;
      let ownHashtags = 0;
      let directed = 0;
      for (const scope of scopes.values()) {
        for (const entry of scope.order) {
          hashtags++;
          if (entry.ownCount > 0) ownHashtags++;
          directed += scope.degree(entry);
        }
      }
      return { hashtags, ownHashtags, pairs: Math.round(directed / 2) };
    },
  };
}

/** The scope's arrays: entries in their order, so that the partners still in the
 * loaded arrays are copied as they are. */
function packScope(scope: Scope): PackedScope {
  const n = scope.order.length;
  const ownCounts = new Uint32Array(n);
  const seenCounts = new Uint32Array(n);
  const lastSeenAt = new Float64Array(n);
  const partnerStarts = new Uint32Array(n + 1);
  let total = 0;
  scope.order.forEach((entry, i) => {
    ownCounts[i] = entry.ownCount;
    seenCounts[i] = entry.seenCount;
    lastSeenAt[i] = entry.lastSeenAt;
    partnerStarts[i] = total;
    total += scope.degree(entry);
  });
  partnerStarts[n] = total;
  const partners = new Uint32Array(total);
  const partnerCounts = new Uint32Array(total);
  const packed = scope.packed;
  scope.order.forEach((entry, i) => {
    const at = partnerStarts[i];
    if (!entry.thawed && packed && i < packed.keys.length) {
      const start = packed.partnerStarts[i];
      const end = packed.partnerStarts[i + 1];
      partners.set(packed.partners.subarray(start, end), at);
      partnerCounts.set(packed.partnerCounts.subarray(start, end), at);
      return;
    }
    let p = at;
    for (const [index, count] of entry.thawed ?? []) {
      partners[p] = index;
      partnerCounts[p++] = count;
    }
  });
  return {
    network: scope.network,
    brandId: scope.brandId,
    ownPosts: scope.ownPosts,
    keys: scope.order.map((entry) => entry.key),
    tags: scope.order.map((entry) => entry.tag),
    ownCounts,
    seenCounts,
    lastSeenAt,
    partnerStarts,
    partners,
    partnerCounts,
  };
}
