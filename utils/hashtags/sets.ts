import type { AppDB } from '../db/app-db';
import type { HashtagSet } from '../db/hashtags';
import { NETWORKS, stampNew, type BrandRef, type Network } from '../db/record';
import { brandFirst } from '../brands/offered';
import type { SaveHashtagSetInput, SaveHashtagSetResult } from '../messaging/features/hashtag-sets';
import { isValidHashtag, normalizeHashtag } from './extract';

export const SET_NAME_MAX = 80;
export const SET_TAGS_MAX = 60;

export type SetTagsCheck =
  | { ok: true; tags: string[] }
  | { ok: false; error: 'no-tags' | 'too-many-tags' | 'invalid-tags'; invalid?: string[] };

/** The tags of a set as the user typed or picked them: "#" dropped, repeats (same
 * counting key) dropped, order kept; anything that is not a hashtag is refused. */
export function checkSetTags(raw: readonly string[]): SetTagsCheck {
  const tags: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const tag = item.trim().replace(/^[#\uff03]/u, '');
    if (!tag) continue;
    if (!isValidHashtag(tag)) {
      invalid.push(item.trim());
      continue;
    }
    const { key } = normalizeHashtag(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (invalid.length) return { ok: false, error: 'invalid-tags', invalid };
  if (!tags.length) return { ok: false, error: 'no-tags' };
  if (tags.length > SET_TAGS_MAX) return { ok: false, error: 'too-many-tags' };
  return { ok: true, tags };
}

/** Splits what the user typed in a tags box: spaces, commas, new lines. */
export function splitTagsInput(text: string): string[] {
  return text.split(/[\s,;]+/u).filter(Boolean);
}

export function checkSetName(name: string): { ok: true; name: string } | { ok: false; error: 'name-missing' | 'name-too-long' } {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  if (!trimmed) return { ok: false, error: 'name-missing' };
  if (Array.from(trimmed).length > SET_NAME_MAX) return { ok: false, error: 'name-too-long' };
  return { ok: true, name: trimmed };
}

/** Saves a new set filed under `brandId` (the brand in view; null: shared by all brands). */
export async function saveNewHashtagSet(db: AppDB, input: SaveHashtagSetInput, brandId: BrandRef = null): Promise<SaveHashtagSetResult> {
  const name = checkSetName(typeof input?.name === 'string' ? input.name : '');
  if (!name.ok) return name;
  const tags = checkSetTags(Array.isArray(input.tags) ? input.tags.filter((t): t is string => typeof t === 'string') : []);
  if (!tags.ok) return tags;
  const network: Network | null = (NETWORKS as readonly unknown[]).includes(input.network) ? (input.network as Network) : null;
  const set = stampNew<Omit<HashtagSet, 'id' | 'createdAt' | 'updatedAt'>>({ name: name.name, tags: tags.tags, network, brandId });
  await db.hashtagSets.add(set);
  return { ok: true, set };
}

/** Sets by name, as the sidebar and the library list them: with a brand in view, its own
 * sets first, then the shared ones, never another brand's (`brandFirst`); with all brands
 * in view (null), every set. */
export async function listHashtagSets(db: AppDB, brandId: BrandRef = null): Promise<HashtagSet[]> {
  const sets = await db.hashtagSets.toArray();
  return brandFirst(sets.sort((a, b) => a.name.localeCompare(b.name)), brandId);
}

/** The sets that fit a network (a set for "any network" fits both). */
export function setsFor(sets: readonly HashtagSet[], network: Network): HashtagSet[] {
  return sets.filter((set) => set.network === null || set.network === network);
}
