/**
 * The local hashtag model: what Spalla learned from the hashtags of the user's own posts
 * and clips ('own') and, when the user allows it, of posts scrolled past ('seen').
 *
 * Only hashtags and their co-occurrence are kept, never a post's text or author.
 *
 * A cold start loads packed scopes (`./packed.ts`: parallel arrays, keys in ascending
 * order, one record per network + brand) and builds nothing from them: a key is found
 * by binary search, an entry object is made the first time one is asked for, and a
 * hashtag's partners are read from the arrays until it learns again (it then gets a
 * map of its own). So the load costs the same for 50 hashtags as for 50,000 (see
 * docs/hashtags.md, "Cold load").
 *
 * Plain TypeScript: no browser API.
 */
import type { BrandRef, Network } from '../db/record';
import { extractHashtags, isValidHashtag } from './extract';
import { hashtagKeys, isPlainAscii, looseKey } from './keys';
import { compareKeys, findKey, narrowUints, type PackedScope } from './packed';

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

/** One network + brand: the entries and the lookups suggestions make. */
export interface HashtagScope {
  readonly network: Network;
  readonly brandId: BrandRef;
  /** The entry of a key. */
  readonly byKey: { get(key: string): LearnedHashtag | undefined };
  /** The entries of an accent-free key (`caffè` and `caffe` are one family). */
  readonly byLooseKey: { get(loose: string): readonly LearnedHashtag[] | undefined };
  /** An entry's accent-free key. */
  looseOf(entry: LearnedHashtag): string;
  /** The hashtags of the user's own posts, most used first, at most `limit`. */
  mostUsedOwn(limit: number): LearnedHashtag[];
  /** Hashtags learned here. */
  readonly size: number;
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

/** An entry, and its co-occurrences once it learned after the load (partner's index ->
 * count); until then they are in the packed arrays. */
class Entry implements LearnedHashtag {
  thawed: Map<number, number> | undefined;

  constructor(
    readonly key: string,
    public tag: string,
    readonly network: Network,
    readonly brandId: BrandRef,
    public ownCount: number,
    public seenCount: number,
    public lastSeenAt: number,
    /** Its index in the scope: the loaded hashtags first, in their packed order, then
     * the ones learned since. */
    readonly index: number,
  ) {}
}

class Scope implements HashtagScope {
  ownPosts = 0;
  /** Learned since it was last packed. */
  changed = false;
  /** How many hashtags came from `packed`. */
  private readonly loaded: number;
  /** Entries of loaded hashtags, made when first asked for. */
  private readonly made: (Entry | undefined)[];
  /** Hashtags learned since the load, in the order they came, and by key. */
  private readonly extra: Entry[] = [];
  private readonly extraByKey = new Map<string, Entry>();
  private readonly extraFamilies = new Map<string, Entry[]>();
  /** Accent-free key -> indexes of loaded hashtags whose key differs from it (`caffè`
   * under `caffe`); built on first use. */
  private loadedFamilies: Map<string, number[]> | undefined;
  private readonly looseKeys = new Map<string, string>();

  readonly byKey = { get: (key: string) => this.get(key) };
  readonly byLooseKey = { get: (loose: string) => this.family(loose) };

  constructor(
    readonly network: Network,
    readonly brandId: BrandRef,
    private readonly packed?: PackedScope,
  ) {
    this.loaded = packed?.keys.length ?? 0;
    this.made = new Array(this.loaded);
    this.ownPosts = packed?.ownPosts ?? 0;
  }

  get size(): number {
    return this.loaded + this.extra.length;
  }

  get(key: string): Entry | undefined {
    const extra = this.extraByKey.get(key);
    if (extra || !this.packed) return extra;
    const i = findKey(this.packed.keys, key);
    return i < 0 ? undefined : this.at(i);
  }

  /** The entry at `index`. */
  at(index: number): Entry {
    if (index >= this.loaded) return this.extra[index - this.loaded];
    let entry = this.made[index];
    if (!entry) {
      const p = this.packed!;
      const key = p.keys[index];
      entry = new Entry(key, p.tags[index] || key, this.network, this.brandId, p.ownCounts[index], p.seenCounts[index], p.lastSeenAt[index], index);
      this.made[index] = entry;
    }
    return entry;
  }

  /** The entry at `index` if it was made (a loaded hashtag's is made when first asked
   * for; one learned since the load always is). */
  private madeAt(index: number): Entry | undefined {
    return index < this.loaded ? this.made[index] : this.extra[index - this.loaded];
  }

  keyAt(index: number): string {
    return index < this.loaded ? this.packed!.keys[index] : this.extra[index - this.loaded].key;
  }

  /** An entry's field without making the entry. */
  private ownCountAt(index: number): number {
    return this.madeAt(index)?.ownCount ?? this.packed!.ownCounts[index];
  }

  add(key: string, tag: string, lastSeenAt: number): Entry {
    const entry = new Entry(key, tag, this.network, this.brandId, 0, 0, lastSeenAt, this.size);
    this.extra.push(entry);
    this.extraByKey.set(key, entry);
    const loose = this.looseOf(entry);
    const family = this.extraFamilies.get(loose);
    if (family) family.push(entry);
    else this.extraFamilies.set(loose, [entry]);
    return entry;
  }

  family(loose: string): readonly Entry[] | undefined {
    const out: Entry[] = [];
    if (this.packed) {
      const i = findKey(this.packed.keys, loose);
      if (i >= 0 && looseKey(loose) === loose) out.push(this.at(i));
      for (const j of this.accentedLoaded().get(loose) ?? []) out.push(this.at(j));
    }
    const extra = this.extraFamilies.get(loose);
    if (extra) out.push(...extra);
    return out.length > 0 ? out : undefined;
  }

  private accentedLoaded(): Map<string, number[]> {
    if (!this.loadedFamilies) {
      const families = new Map<string, number[]>();
      const keys = this.packed?.keys ?? [];
      for (let i = 0; i < keys.length; i++) {
        if (isPlainAscii(keys[i])) continue;
        const loose = looseKey(keys[i]);
        if (loose === keys[i]) continue;
        const family = families.get(loose);
        if (family) family.push(i);
        else families.set(loose, [i]);
      }
      this.loadedFamilies = families;
    }
    return this.loadedFamilies;
  }

  looseOf(entry: LearnedHashtag): string {
    let loose = this.looseKeys.get(entry.key);
    if (loose === undefined) {
      loose = looseKey(entry.key);
      this.looseKeys.set(entry.key, loose);
    }
    return loose;
  }

  mostUsedOwn(limit: number): Entry[] {
    const top: { index: number; count: number }[] = [];
    for (let i = 0; i < this.size; i++) {
      const count = this.ownCountAt(i);
      if (count === 0 || (top.length === limit && count <= top[limit - 1].count)) continue;
      if (top.length === limit) top.pop();
      let at = top.length;
      while (at > 0 && top[at - 1].count < count) at--;
      top.splice(at, 0, { index: i, count });
    }
    return top.map(({ index }) => this.at(index));
  }

  /** How many partners the hashtag at `index` has. */
  degree(index: number): number {
    const entry = this.madeAt(index);
    if (entry?.thawed) return entry.thawed.size;
    if (index >= this.loaded) return 0;
    return this.packed!.partnerStarts[index + 1] - this.packed!.partnerStarts[index];
  }

  /** Calls `visit` with each partner's index and count. */
  forEachPartner(index: number, visit: (partner: number, count: number) => void) {
    const entry = this.madeAt(index);
    if (entry?.thawed) {
      for (const [partner, count] of entry.thawed) visit(partner, count);
      return;
    }
    if (index >= this.loaded) return;
    const p = this.packed!;
    for (let at = p.partnerStarts[index], end = p.partnerStarts[index + 1]; at < end; at++) visit(p.partners[at], p.partnerCounts[at]);
  }

  /** The entry's partners in a map of its own, ready to count. */
  thaw(entry: Entry): Map<number, number> {
    if (!entry.thawed) {
      const map = new Map<number, number>();
      this.forEachPartner(entry.index, (partner, count) => map.set(partner, count));
      entry.thawed = map;
    }
    return entry.thawed;
  }

  ownHashtags(): number {
    let own = 0;
    for (let i = 0; i < this.size; i++) if (this.ownCountAt(i) > 0) own++;
    return own;
  }

  /** The scope as it would be stored: keys in ascending order again (the hashtags
   * learned since the load sorted in among the loaded ones), indexes renumbered. */
  pack(): PackedScope {
    const n = this.size;
    const order = this.sortedIndexes();
    const renumber = new Uint32Array(n);
    order.forEach((index, position) => (renumber[index] = position));
    const same = this.extra.length === 0; // Then nothing moved: partners copy as they are.
    const starts = new Uint32Array(n + 1);
    let total = 0;
    order.forEach((index, position) => {
      starts[position] = total;
      total += this.degree(index);
    });
    starts[n] = total;
    const partners = new Uint32Array(total);
    const counts = new Uint32Array(total);
    const p = this.packed;
    order.forEach((index, position) => {
      let at = starts[position];
      const entry = this.madeAt(index);
      if (!entry?.thawed && p && index < this.loaded && same) {
        const start = p.partnerStarts[index];
        const end = p.partnerStarts[index + 1];
        partners.set(p.partners.subarray(start, end), at);
        counts.set(p.partnerCounts.subarray(start, end), at);
        return;
      }
      this.forEachPartner(index, (partner, count) => {
        partners[at] = renumber[partner];
        counts[at++] = count;
      });
    });
    const field = (read: (entry: Entry | undefined, index: number) => number) =>
      order.map((index) => read(this.madeAt(index), index));
    return {
      network: this.network,
      brandId: this.brandId,
      ownPosts: this.ownPosts,
      keys: order.map((index) => this.keyAt(index)),
      tags: order.map((index) => {
        const entry = this.madeAt(index);
        const tag = entry ? entry.tag : p!.tags[index] || p!.keys[index];
        return tag === this.keyAt(index) ? '' : tag;
      }),
      ownCounts: narrowUints(field((entry, index) => entry?.ownCount ?? p!.ownCounts[index])),
      seenCounts: narrowUints(field((entry, index) => entry?.seenCount ?? p!.seenCounts[index])),
      lastSeenAt: Float64Array.from(field((entry, index) => entry?.lastSeenAt ?? p!.lastSeenAt[index])),
      partnerStarts: narrowUints(starts),
      partners: narrowUints(partners),
      partnerCounts: narrowUints(counts),
    };
  }

  /** Every index, in ascending order of key: the loaded ones are already in order, the
   * ones learned since are sorted and merged in. */
  private sortedIndexes(): number[] {
    const extra = this.extra.map((entry) => entry.index).sort((a, b) => compareKeys(this.keyAt(a), this.keyAt(b)));
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.loaded || j < extra.length) {
      if (j >= extra.length || (i < this.loaded && this.keyAt(i) < this.keyAt(extra[j]))) out.push(i++);
      else out.push(extra[j++]);
    }
    return out;
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
    const own = scope?.get(entry.key);
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
        let entry = scope.get(key);
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
        if (counts.size > MAX_COOCCURS_PER_TAG) prune(counts, (index) => scope.keyAt(index));
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
        scopes.set(id, new Scope(packed.network, packed.brandId, packed));
      }
      version++;
    },

    partnersOf(learned) {
      const { entry, scope } = internal(learned);
      let top = partners.get(entry);
      if (!top) {
        const found: [number, number][] = [];
        scope.forEachPartner(entry.index, (index, count) => found.push([index, count]));
        found.sort((a, b) => b[1] - a[1] || compareKeys(scope.keyAt(a[0]), scope.keyAt(b[0])));
        top = found.slice(0, TOP_PARTNERS).map(([index, count]) => ({ key: scope.keyAt(index), count }));
        partners.set(entry, top);
      }
      return top;
    },

    cooccurrences(learned) {
      const { entry, scope } = internal(learned);
      const out = new Map<string, number>();
      scope.forEachPartner(entry.index, (index, count) => out.set(scope.keyAt(index), count));
      return out;
    },

    scope(network, brandId) {
      return scopes.get(scopeId(network, brandId));
    },

    scopes() {
      return scopes.values();
    },

    *entries() {
      for (const scope of scopes.values()) for (let i = 0; i < scope.size; i++) yield scope.at(i);
    },

    pack(learned) {
      const scope = scopes.get(scopeId(learned.network, learned.brandId));
      if (scope !== learned) throw new Error('not a scope of this model');
      return scope.pack();
    },

    takeChanged() {
      const out: PackedScope[] = [];
      for (const scope of scopes.values()) {
        if (!scope.changed) continue;
        scope.changed = false;
        out.push(scope.pack());
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
        hashtags += scope.size;
        ownHashtags += scope.ownHashtags();
        for (let i = 0; i < scope.size; i++) directed += scope.degree(i);
      }
      return { hashtags, ownHashtags, pairs: Math.round(directed / 2) };
    },
  };
}
