import Fuse from 'fuse.js';
import type { SavedReply } from '../db/saved-replies';

type Searchable = Pick<SavedReply, 'id' | 'title' | 'shortcut' | 'body' | 'tags'>;

/** How much of a body the fuzzy index reads: the opening is what people remember, and
 * scanning whole bodies of thousands of replies per keystroke is what makes a palette
 * slow. Words further in are still found exactly (see below). */
const BODY_OPENING = 160;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The palette's fuzzy search over titles, shortcuts, bodies and tags (Fuse.js): a
 * typo still finds "Orari di apertura". Build once per list, search per keystroke;
 * at most `limit` results, best first (the palette shows that many). */
export function replySearch<T extends Searchable>(replies: readonly T[], limit = 60): (query: string) => T[] {
  const fuse = new Fuse(replies, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'shortcut', weight: 3 },
      { name: 'tags', weight: 2 },
      { name: 'body', weight: 1, getFn: (reply) => reply.body.slice(0, BODY_OPENING) },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    ignoreDiacritics: true,
  });
  // Whole bodies, folded once, for the exact fallback.
  const bodies = replies.map((reply) => fold(reply.body));
  return (query) => {
    const q = query.trim();
    if (!q) return [...replies];
    const hits = fuse.search(q, { limit }).map((hit) => hit.item);
    const words = fold(q).split(/\s+/).filter((w) => w.length >= 3);
    if (words.length === 0) return hits;
    const seen = new Set(hits);
    for (let i = 0; i < replies.length && hits.length < limit; i++) {
      if (!seen.has(replies[i]) && words.every((word) => bodies[i].includes(word))) hits.push(replies[i]);
    }
    return hits;
  };
}
