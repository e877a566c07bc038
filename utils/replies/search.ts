import MiniSearch from 'minisearch';
import type { SavedReply } from '../db/saved-replies';

type Searchable = Pick<SavedReply, 'id' | 'title' | 'shortcut' | 'body' | 'tags'>;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Typos allowed per word: none in a short word or a number, where one would match everything. */
const typos = (term: string) => (term.length <= 3 || /\d/.test(term) ? 0 : term.length <= 4 ? 1 : 2);

/** The palette's search over titles, shortcuts, bodies and tags (MiniSearch): a typo
 * still finds "Orari di apertura", a word being typed matches as a prefix, and accents
 * are ignored. An inverted index answers a keystroke in a few milliseconds over
 * thousands of replies, where a scan of every reply per keystroke (Fuse.js, tried first)
 * took about a hundred. Build once per list, search per keystroke; at most `limit`
 * results, best first. */
export function replySearch<T extends Searchable>(replies: readonly T[], limit = 60): (query: string) => T[] {
  const index = new MiniSearch<{ i: number; title: string; shortcut: string; body: string; tags: string }>({
    idField: 'i',
    fields: ['title', 'shortcut', 'body', 'tags'],
    processTerm: (term) => fold(term),
    searchOptions: { boost: { title: 3, shortcut: 3, tags: 2 }, prefix: true, fuzzy: typos },
  });
  index.addAll(
    replies.map((reply, i) => ({ i, title: reply.title, shortcut: reply.shortcut ?? '', body: reply.body, tags: reply.tags.join(' ') })),
  );
  const names = ['title', 'shortcut', 'tags'];
  const find = (q: string) => {
    // One letter is the start of a shortcut; it would match most titles.
    if (q.length === 1) return index.search(q, { fields: ['shortcut'] });
    // Every word must match; when none does together, any word.
    const hits = index.search(q, { fields: names, combineWith: 'AND' });
    return hits.length > 0 ? hits : index.search(q, { fields: names, combineWith: 'OR' });
  };
  return (query) => {
    const q = query.trim();
    if (!q) return [...replies];
    // Names first (title, shortcut, tags: what people remember and type); bodies only
    // to fill the list, with every word, once the query says enough (3 letters): scoring
    // every body that shares one common word is what makes a palette slow.
    const hits = find(q).slice(0, limit);
    if (hits.length < limit && q.length >= 3) {
      const seen = new Set(hits.map((hit) => hit.id));
      for (const hit of index.search(q, { fields: ['body'], combineWith: 'AND' })) {
        if (hits.length >= limit) break;
        if (!seen.has(hit.id)) hits.push(hit);
      }
    }
    return hits.map((hit) => replies[hit.id as number]);
  };
}
