import Fuse from 'fuse.js';
import type { SavedReply } from '../db/saved-replies';

type Searchable = Pick<SavedReply, 'id' | 'title' | 'shortcut' | 'body' | 'tags'>;

/** The palette's fuzzy search over titles, shortcuts, bodies and tags (Fuse.js): a
 * typo still finds "Orari di apertura". Build once per list, search per keystroke. */
export function replySearch<T extends Searchable>(replies: readonly T[]): (query: string) => T[] {
  const fuse = new Fuse(replies, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'shortcut', weight: 3 },
      { name: 'tags', weight: 2 },
      { name: 'body', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    ignoreDiacritics: true,
    minMatchCharLength: 1,
  });
  return (query) => {
    const q = query.trim();
    if (!q) return [...replies];
    return fuse.search(q).map((hit) => hit.item);
  };
}
