import type { Clip, ClipStatus } from '../db/clips';
import { CLIP_STATUSES } from './status';

export type ClipNetwork = Clip['network'];

/** What the library shows: every field is "any" when null. Dates are epoch ms, the end
 * inclusive (the caller passes the end of the chosen day). */
export interface ClipFilters {
  network: ClipNetwork | null;
  status: ClipStatus | null;
  tag: string | null;
  author: string | null;
  clippedFrom: number | null;
  clippedTo: number | null;
}

export const NO_FILTERS: ClipFilters = {
  network: null,
  status: null,
  tag: null,
  author: null,
  clippedFrom: null,
  clippedTo: null,
};

export type ClipSort = 'clipped' | 'posted' | 'author' | 'status';
export const CLIP_SORTS: readonly ClipSort[] = ['clipped', 'posted', 'author', 'status'];

/** The name a clip is filed under: the author's name, else the handle. */
export function authorOf(clip: Clip): string | null {
  return clip.authorName?.trim() || clip.authorHandle?.trim() || null;
}

export function matchesFilters(clip: Clip, filters: ClipFilters): boolean {
  if (filters.network && clip.network !== filters.network) return false;
  if (filters.status && clip.status !== filters.status) return false;
  if (filters.tag && !clip.tags.includes(filters.tag)) return false;
  if (filters.author && authorOf(clip) !== filters.author) return false;
  if (filters.clippedFrom !== null && clip.clippedAt < filters.clippedFrom) return false;
  if (filters.clippedTo !== null && clip.clippedAt > filters.clippedTo) return false;
  return true;
}

const STATUS_ORDER = new Map(CLIP_STATUSES.map((status, index) => [status, index]));

/** Newest first for dates (a clip without a posted date goes last), A→Z for authors
 * in the interface language's collation, the workflow's order for status; ties by
 * clipped date, newest first, so the order is stable. */
export function compareClips(sort: ClipSort, collator: Intl.Collator): (a: Clip, b: Clip) => number {
  const newest = (a: Clip, b: Clip) => b.clippedAt - a.clippedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case 'clipped':
      return newest;
    case 'posted':
      return (a, b) => (b.postedAt ?? -Infinity) - (a.postedAt ?? -Infinity) || newest(a, b);
    case 'author':
      return (a, b) => {
        const x = authorOf(a);
        const y = authorOf(b);
        if (x === null || y === null) return x === y ? newest(a, b) : x === null ? 1 : -1;
        return collator.compare(x, y) || newest(a, b);
      };
    case 'status':
      return (a, b) => STATUS_ORDER.get(a.status)! - STATUS_ORDER.get(b.status)! || newest(a, b);
  }
}

/**
 * The clips to show, in order. `matches` is the search's answer (ids) or null when
 * nothing is searched. The chosen sort applies to the matches too (a library sorted by
 * date stays sorted by date while the user types). Pass `sorted` (the clips already in
 * `sort` order, from `sortClips`) to keep a keystroke from sorting 20,000 clips again.
 */
export function selectClips(
  clips: readonly Clip[],
  options: { filters: ClipFilters; sort: ClipSort; matches: string[] | null; collator: Intl.Collator; sorted?: readonly Clip[] },
): Clip[] {
  const { filters, matches } = options;
  const ordered = options.sorted ?? sortClips(clips, options.sort, options.collator);
  if (!matches) return ordered.filter((clip) => matchesFilters(clip, filters));
  // The matches put in order by their place in `ordered` (looked up, then a numeric
  // sort), rather than all of `ordered` filtered by a set of the matches: a keystroke
  // that matches 50 clips costs 50 lookups, not 20,000.
  const rank = rankOf(ordered);
  const places = new Int32Array(matches.length);
  let count = 0;
  for (const id of matches) {
    const place = rank.get(id);
    if (place !== undefined) places[count++] = place;
  }
  const shown: Clip[] = [];
  let previous = -1;
  for (const place of places.subarray(0, count).sort()) {
    if (place === previous) continue; // an id matched twice
    previous = place;
    if (matchesFilters(ordered[place], filters)) shown.push(ordered[place]);
  }
  return shown;
}

/** Each clip's place in a sorted list, by id; made once per list. */
const ranks = new WeakMap<readonly Clip[], Map<string, number>>();
function rankOf(ordered: readonly Clip[]): Map<string, number> {
  let rank = ranks.get(ordered);
  if (!rank) {
    rank = new Map(ordered.map((clip, place) => [clip.id, place]));
    ranks.set(ordered, rank);
  }
  return rank;
}

export function sortClips(clips: readonly Clip[], sort: ClipSort, collator: Intl.Collator): Clip[] {
  return [...clips].sort(compareClips(sort, collator));
}

/** The values the tag and author filters offer, A→Z. */
export function filterChoices(clips: readonly Clip[], collator: Intl.Collator): { tags: string[]; authors: string[] } {
  const tags = new Set<string>();
  const authors = new Set<string>();
  for (const clip of clips) {
    for (const tag of clip.tags) tags.add(tag);
    const author = authorOf(clip);
    if (author) authors.add(author);
  }
  return { tags: [...tags].sort(collator.compare), authors: [...authors].sort(collator.compare) };
}
