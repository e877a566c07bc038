import type { Clip } from '../db/clips';

/**
 * The same post clipped on two computers of a team (issue #15): two clips, two ids, one
 * permalink. The clips' `permalink` index is unique, so Dexie cannot hold both; every
 * computer keeps ONE. Which one, and with what, must not depend on the computer (each
 * decides alone, maybe at the same moment as another): the clip whose id sorts first wins,
 * and takes the others' notes (each kept once, in id order) and tags (all of them), and
 * their images if it has none. Its other fields are its own.
 *
 * `twins`: at least two clips with the same permalink.
 */
export function mergeTwinClips(twins: readonly Clip[]): { winner: Clip; losers: Clip[] } {
  const [first, ...losers] = [...twins].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  let note = first.note;
  for (const other of losers) {
    const text = other.note.trim();
    if (text && !note.includes(text)) note = note.trim() ? `${note.trimEnd()}\n\n${text}` : text;
  }
  const tags = [...new Set([first, ...losers].flatMap((clip) => clip.tags))];
  const imageIds = first.imageIds.length > 0 ? first.imageIds : (losers.find((clip) => clip.imageIds.length > 0)?.imageIds ?? []);
  // The newest time of the twins, not "now": every computer computes the same clip.
  const updatedAt = Math.max(first.updatedAt, ...losers.map((clip) => clip.updatedAt));
  return { winner: { ...first, note, tags, imageIds, updatedAt }, losers };
}
