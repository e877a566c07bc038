import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Clip } from '../db/clips';
import { foldText } from './fold';

/** The fields a search looks in, with how much a hit in each counts. */
const FIELDS = ['text', 'note', 'authorName', 'authorHandle', 'tags', 'hashtags'] as const;
const BOOST = { authorName: 2, authorHandle: 2, tags: 2, hashtags: 1.5 };

/** Words of letters and digits in any script; "#" and "@" are separators, so "#pasta"
 * and "pasta" are the same word. */
const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

const SEARCH_OPTIONS: SearchOptions = {
  // Every word typed must match (a narrowing search, as people expect from a box that
  // filters as they type); the last one may be a prefix of a word ("lasa" → "lasagne").
  combineWith: 'AND',
  prefix: true,
  // A typo in a longer word is forgiven; short words must match exactly, or "pa" would
  // match half the library (and "lasa", typed on the way to "lasagne", would match "casa").
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  boost: BOOST,
};


/**
 * Full-text search over clips (MiniSearch). The index holds only what it needs to find
 * a clip (its id and the words); the caller keeps the clips. `sync` brings the index in
 * step with the current clips by adding, replacing and removing only what changed, so
 * a clip saved by the sidebar costs one document, not a rebuild.
 */
export class ClipSearch {
  private readonly index = new MiniSearch<Clip>({
    fields: [...FIELDS],
    storeFields: [],
    tokenize,
    // Tokens are already folded; the same processing for the index and the query.
    processTerm: (term) => term || null,
    extractField: (clip, field) => {
      const value = clip[field as keyof Clip];
      return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    },
    searchOptions: SEARCH_OPTIONS,
  });
  private readonly versions = new Map<string, number>();

  get size(): number {
    return this.versions.size;
  }

  /** Brings the index in step with `clips`; returns how many documents changed. Runs in
   * slices of `chunk` clips, yielding to the page between them (`yieldTo`), so that a
   * first build of 20,000 clips does not freeze the page. */
  async sync(clips: readonly Clip[], options: { chunk?: number; yieldTo?: () => Promise<void> } = {}): Promise<number> {
    const chunk = options.chunk ?? 2000;
    const yieldTo = options.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const present = new Set<string>();
    const changed: Clip[] = [];
    for (const clip of clips) {
      present.add(clip.id);
      if (this.versions.get(clip.id) !== clip.updatedAt) changed.push(clip);
    }
    let gone = 0;
    for (const id of [...this.versions.keys()]) {
      if (!present.has(id)) {
        this.index.discard(id);
        this.versions.delete(id);
        gone++;
      }
    }
    for (let start = 0; start < changed.length; start += chunk) {
      if (start > 0) await yieldTo();
      for (const clip of changed.slice(start, start + chunk)) this.put(clip);
    }
    return changed.length + gone;
  }

  private put(clip: Clip): void {
    if (this.versions.has(clip.id)) this.index.replace(clip);
    else this.index.add(clip);
    this.versions.set(clip.id, clip.updatedAt);
  }

  /** Ids of the clips matching `query`, best first; null for an empty query (no search:
   * everything matches). */
  search(query: string): string[] | null {
    if (tokenize(query).length === 0) return null;
    return this.index.search(query).map((result) => result.id as string);
  }
}
