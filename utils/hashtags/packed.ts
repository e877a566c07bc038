/**
 * What the hashtag model learned in one network + brand, packed for storage: one record
 * of parallel arrays instead of one object per hashtag.
 *
 * Why: a heavy user has 50,000 hashtags and a million co-occurrence counts. Stored as
 * 50,000 rows with a `{ key: count }` map each, reading them back took over a minute in
 * Chromium's IndexedDB (every map key is an object property to rebuild); the same data
 * as typed arrays is a few memory copies (see docs/hashtags.md, "Cold load").
 *
 * Hashtag `i` of the scope is `keys[i]`, spelt `tags[i]`, with `ownCounts[i]`,
 * `seenCounts[i]` and `lastSeenAt[i]`; the hashtags seen in the same posts as it are
 * `partners[partnerStarts[i] .. partnerStarts[i + 1]]` (indexes into `keys`), each with
 * how often in `partnerCounts` at the same place. Both directions of a pair are kept.
 *
 * Plain TypeScript: no browser API.
 */
import type { BrandRef, Network } from '../db/record';

/** Typed arrays over their own memory (what `new`, `from` and IndexedDB give back). */
type Uint32s = Uint32Array<ArrayBuffer>;
type Float64s = Float64Array<ArrayBuffer>;

export interface PackedScope {
  network: Network;
  brandId: BrandRef;
  /** Posts and clips of the user's own learned here: the denominator of "how often you
   * use it". */
  ownPosts: number;
  keys: string[];
  tags: string[];
  ownCounts: Uint32s;
  seenCounts: Uint32s;
  lastSeenAt: Float64s;
  /** `keys.length + 1` offsets into `partners` and `partnerCounts`. */
  partnerStarts: Uint32s;
  partners: Uint32s;
  partnerCounts: Uint32s;
}

/** One hashtag as the first version of the database stored it (a row per hashtag). */
export interface UnpackedHashtag {
  key: string;
  tag: string;
  network: Network;
  brandId: BrandRef;
  ownCount: number;
  seenCount: number;
  cooccurs: Record<string, number>;
  lastSeenAt: number;
}

/** The record id of a scope: one record per network + brand, so that a backup restored
 * on another computer replaces the scope instead of adding a second copy of it. */
export function packedScopeId(network: Network, brandId: BrandRef): string {
  return brandId === null ? `${network}-shared` : `${network}-brand-${brandId}`;
}

/** Packs one-row-per-hashtag entries, grouped by network + brand. A partner named in a
 * `cooccurs` map without a row of its own gets an entry with no counts, so no pair is
 * lost. `ownPosts`, which that format did not keep, becomes the count of the most used
 * own hashtag (a brand's tag sits on nearly every post: a close lower bound). */
export function packHashtags(rows: Iterable<UnpackedHashtag>): PackedScope[] {
  const groups = new Map<string, UnpackedHashtag[]>();
  for (const row of rows) {
    const id = packedScopeId(row.network, row.brandId);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return [...groups.values()].map(packGroup);
}

function packGroup(rows: UnpackedHashtag[]): PackedScope {
  const { network, brandId } = rows[0];
  const index = new Map<string, number>();
  const keys: string[] = [];
  const tags: string[] = [];
  const latest: number[] = [];
  const add = (key: string, tag: string, at: number) => {
    index.set(key, keys.length);
    keys.push(key);
    tags.push(tag);
    latest.push(at);
  };
  for (const row of rows) if (!index.has(row.key)) add(row.key, row.tag, row.lastSeenAt);
  for (const row of rows) {
    for (const key of Object.keys(row.cooccurs)) if (!index.has(key)) add(key, key, row.lastSeenAt);
  }
  const n = keys.length;
  const ownCounts = new Uint32Array(n);
  const seenCounts = new Uint32Array(n);
  const lastSeenAt = Float64Array.from(latest);
  const partnersOf: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  let ownPosts = 0;
  for (const row of rows) {
    const i = index.get(row.key)!;
    ownCounts[i] = row.ownCount;
    seenCounts[i] = row.seenCount;
    ownPosts = Math.max(ownPosts, row.ownCount);
    for (const [key, count] of Object.entries(row.cooccurs)) {
      const j = index.get(key)!;
      if (j !== i) partnersOf[i].set(j, count);
    }
  }
  return { network, brandId, ownPosts, keys, tags, ownCounts, seenCounts, lastSeenAt, ...packPartners(partnersOf) };
}

/** Per hashtag, its partners (index -> count), to the three partner arrays. */
export function packPartners(partnersOf: readonly ReadonlyMap<number, number>[]): Pick<PackedScope, 'partnerStarts' | 'partners' | 'partnerCounts'> {
  const partnerStarts = new Uint32Array(partnersOf.length + 1);
  let total = 0;
  partnersOf.forEach((partners, i) => {
    partnerStarts[i] = total;
    total += partners.size;
  });
  partnerStarts[partnersOf.length] = total;
  const partners = new Uint32Array(total);
  const partnerCounts = new Uint32Array(total);
  let at = 0;
  for (const map of partnersOf) {
    for (const [j, count] of map) {
      partners[at] = j;
      partnerCounts[at++] = count;
    }
  }
  return { partnerStarts, partners, partnerCounts };
}

/** What is wrong with a packed scope's arrays, if anything: the backup reader refuses
 * such a record rather than load an index that points nowhere. */
export function packedScopeProblem(scope: PackedScope, maxPartnersPerTag: number): { path: (string | number)[]; message: string } | null {
  const n = scope.keys.length;
  for (const field of ['tags', 'ownCounts', 'seenCounts', 'lastSeenAt'] as const) {
    if (scope[field].length !== n) return { path: [field], message: `expected ${n} items, as many as keys` };
  }
  const { partnerStarts, partners, partnerCounts } = scope;
  if (partnerStarts.length !== n + 1) return { path: ['partnerStarts'], message: `expected ${n + 1} offsets` };
  if (partnerStarts[0] !== 0 || partnerStarts[n] !== partners.length) return { path: ['partnerStarts'], message: 'offsets must run from 0 to the number of partners' };
  if (partnerCounts.length !== partners.length) return { path: ['partnerCounts'], message: 'expected as many counts as partners' };
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (seen.has(scope.keys[i])) return { path: ['keys', i], message: 'duplicate key' };
    seen.add(scope.keys[i]);
    const start = partnerStarts[i];
    const end = partnerStarts[i + 1];
    if (end < start) return { path: ['partnerStarts', i + 1], message: 'offsets must not go down' };
    if (end - start > maxPartnersPerTag) return { path: ['partnerStarts', i + 1], message: `more than ${maxPartnersPerTag} partners` };
    for (let p = start; p < end; p++) {
      if (partners[p] >= n || partners[p] === i) return { path: ['partners', p], message: 'not the index of another hashtag' };
    }
  }
  return null;
}
