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
export type Uints = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
type Float64s = Float64Array<ArrayBuffer>;

/**
 * The arrays of one scope. Keys are in ascending order (of UTF-16 code units, as `<`
 * compares strings), so that a key is found by binary search with no index to build.
 * Counts and indexes take the narrowest unsigned array that holds their largest value
 * (`narrowUints`): the cold load reads bytes, and most counts are small.
 */
export interface PackedScope {
  network: Network;
  brandId: BrandRef;
  /** Posts and clips of the user's own learned here: the denominator of "how often you
   * use it". */
  ownPosts: number;
  keys: string[];
  /** The spelling seen most often; '' when it is the key itself (most are). */
  tags: string[];
  ownCounts: Uints;
  seenCounts: Uints;
  lastSeenAt: Float64s;
  /** `keys.length + 1` offsets into `partners` and `partnerCounts`. */
  partnerStarts: Uints;
  partners: Uints;
  partnerCounts: Uints;
}

/** The narrowest of Uint8Array, Uint16Array and Uint32Array that holds every value (all
 * integers from 0 to 2³² − 1). One rule for the database and for backups, so that a
 * restored record is the very record that was saved. */
export function narrowUints(values: ArrayLike<number>): Uints {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max <= 0xff) return Uint8Array.from(values);
  if (max <= 0xffff) return Uint16Array.from(values);
  return Uint32Array.from(values);
}

/** The order of `keys`. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The index of `key` in ascending `keys`, or -1. */
export function findKey(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
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
  const byKey = new Map<string, UnpackedHashtag>();
  const latest = new Map<string, number>();
  for (const row of rows) if (!byKey.has(row.key)) byKey.set(row.key, row);
  for (const row of rows) {
    for (const key of Object.keys(row.cooccurs)) if (!byKey.has(key)) latest.set(key, Math.max(latest.get(key) ?? 0, row.lastSeenAt));
  }
  const keys = [...new Set([...byKey.keys(), ...latest.keys()])].sort(compareKeys);
  const index = new Map(keys.map((key, i) => [key, i]));
  const partnersOf = keys.map((key) => {
    const partners = new Map<number, number>();
    const row = byKey.get(key);
    if (row) for (const [other, count] of Object.entries(row.cooccurs)) if (other !== key) partners.set(index.get(other)!, count);
    return partners;
  });
  const rowOf = keys.map((key) => byKey.get(key));
  return {
    network,
    brandId,
    ownPosts: rowOf.reduce((most, row) => Math.max(most, row?.ownCount ?? 0), 0),
    keys,
    tags: keys.map((key, i) => (rowOf[i] && rowOf[i].tag !== key ? rowOf[i].tag : '')),
    ownCounts: narrowUints(rowOf.map((row) => row?.ownCount ?? 0)),
    seenCounts: narrowUints(rowOf.map((row) => row?.seenCount ?? 0)),
    lastSeenAt: Float64Array.from(keys, (key, i) => rowOf[i]?.lastSeenAt ?? latest.get(key)!),
    ...packPartners(partnersOf),
  };
}

/** Per hashtag, its partners (index -> count), to the three partner arrays. */
function packPartners(partnersOf: readonly ReadonlyMap<number, number>[]): Pick<PackedScope, 'partnerStarts' | 'partners' | 'partnerCounts'> {
  const starts = new Array<number>(partnersOf.length + 1);
  let total = 0;
  partnersOf.forEach((partners, i) => {
    starts[i] = total;
    total += partners.size;
  });
  starts[partnersOf.length] = total;
  const partners = new Array<number>(total);
  const counts = new Array<number>(total);
  let at = 0;
  for (const map of partnersOf) {
    for (const [j, count] of map) {
      partners[at] = j;
      counts[at++] = count;
    }
  }
  return { partnerStarts: narrowUints(starts), partners: narrowUints(partners), partnerCounts: narrowUints(counts) };
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
  for (let i = 0; i < n; i++) {
    if (i > 0 && !(scope.keys[i - 1] < scope.keys[i])) return { path: ['keys', i], message: 'keys must be in ascending order, each once' };
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

/** The hashtags of a packed scope one by one, as `packHashtags` takes them: for merging two
 * scopes (two brands merged into one) through the one packing rule. */
export function unpackScope(scope: PackedScope): UnpackedHashtag[] {
  return scope.keys.map((key, i) => {
    const cooccurs: Record<string, number> = {};
    for (let at = scope.partnerStarts[i]; at < scope.partnerStarts[i + 1]; at++) cooccurs[scope.keys[scope.partners[at]]] = scope.partnerCounts[at];
    return {
      key,
      tag: scope.tags[i] || key,
      network: scope.network,
      brandId: scope.brandId,
      ownCount: scope.ownCounts[i],
      seenCount: scope.seenCounts[i],
      cooccurs,
      lastSeenAt: scope.lastSeenAt[i],
    };
  });
}

/** Two scopes of one network as one, under `brandId`: counts added, the later sighting
 * kept, the spelling of the scope that used the tag more. */
export function mergeScopes(a: PackedScope, b: PackedScope, brandId: BrandRef): PackedScope {
  const merged = new Map<string, UnpackedHashtag>();
  for (const row of [...unpackScope(a), ...unpackScope(b)]) {
    const seen = merged.get(row.key);
    if (!seen) {
      merged.set(row.key, { ...row, brandId, cooccurs: { ...row.cooccurs } });
      continue;
    }
    if (row.ownCount + row.seenCount > seen.ownCount + seen.seenCount) seen.tag = row.tag;
    seen.ownCount += row.ownCount;
    seen.seenCount += row.seenCount;
    seen.lastSeenAt = Math.max(seen.lastSeenAt, row.lastSeenAt);
    for (const [other, count] of Object.entries(row.cooccurs)) seen.cooccurs[other] = (seen.cooccurs[other] ?? 0) + count;
  }
  const packed = packHashtags(merged.values())[0] ?? {
    keys: [],
    tags: [],
    ownCounts: narrowUints([]),
    seenCounts: narrowUints([]),
    lastSeenAt: new Float64Array(0),
    partnerStarts: narrowUints([0]),
    partners: narrowUints([]),
    partnerCounts: narrowUints([]),
  };
  return { ...packed, network: a.network, brandId, ownPosts: a.ownPosts + b.ownPosts };
}
