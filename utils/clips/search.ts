import SearchableMap from 'minisearch/SearchableMap';
import type { Clip } from '../db/clips';
import { foldText } from './fold';

/** Words of letters and digits in any script; "#" and "@" are separators, so "#pasta"
 * and "pasta" are the same word. */
const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A typo is forgiven in words this long or longer (one edit); shorter words must be
 * typed right, or "lasa", on the way to "lasagne", would match "casa". */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_EDITS = 1;

/** Everything a search looks in: text, note, author name and handle, tags, hashtags. */
function wordsOf(clip: Clip): string[] {
  return tokenize([clip.text, clip.note, clip.authorName ?? '', clip.authorHandle ?? '', ...clip.tags, ...clip.hashtags].join(' '));
}

/**
 * Full-text search over clips, as the user types.
 *
 * Every word typed must match (a narrowing search), as the start of a word in the clip
 * ("lasa" finds "lasagne"; accents and case folded: "perche" finds "Perché"); a word of
 * FUZZY_MIN_LENGTH letters or more also matches the clip's words one typo away
 * ("lasagna" finds "lasagne"), looked up in the library's vocabulary with MiniSearch's
 * radix tree (`SearchableMap.fuzzyGet`).
 *
 * Why not `MiniSearch.search`: the library shows results in the user's chosen order
 * (date, author, status), not by relevance, and MiniSearch scores every match with
 * BM25; with 20,000 clips a one- or two-letter prefix matches most of them and scoring
 * took hundreds of milliseconds per keystroke. Matching against one folded string per
 * clip (" word word … ") is a linear scan of a few megabytes: a few milliseconds.
 *
 * `sync` keeps it in step with the clips, touching only what changed.
 */
export class ClipSearch {
  /** id → " word word word " (folded). */
  private readonly haystacks = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  /** Each word of the library → how many clips hold it (a hash map: 20,000 clips are
   * over a million updates, too many for a radix tree on the first build). */
  private readonly vocabulary = new Map<string, number>();
  /** The words as a radix tree for typo lookups, made from `vocabulary` on the first
   * search that needs it, and again only after a word appeared or disappeared. */
  private fuzzyTree: SearchableMap<true> | null = null;

  get size(): number {
    return this.versions.size;
  }

  /** Brings the index in step with `clips`; returns how many clips changed. Runs in
   * slices of `chunk` clips, yielding to the page between them (`yieldTo`), so a first
   * build of 20,000 clips does not freeze the page. */
  async sync(clips: readonly Clip[], options: { chunk?: number; yieldTo?: () => Promise<void> } = {}): Promise<number> {
    const chunk = options.chunk ?? 500;
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
        this.remove(id);
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
    if (this.haystacks.has(clip.id)) this.remove(clip.id);
    const words = [...new Set(wordsOf(clip))];
    for (const word of words) {
      const n = this.vocabulary.get(word);
      if (n === undefined) this.fuzzyTree = null;
      this.vocabulary.set(word, (n ?? 0) + 1);
    }
    this.haystacks.set(clip.id, ` ${words.join(' ')} `);
    this.versions.set(clip.id, clip.updatedAt);
  }

  private remove(id: string): void {
    const haystack = this.haystacks.get(id);
    if (haystack === undefined) return;
    for (const word of haystack.trim().split(' ')) {
      if (!word) continue;
      const n = this.vocabulary.get(word) ?? 0;
      if (n <= 1) {
        this.vocabulary.delete(word);
        this.fuzzyTree = null;
      } else this.vocabulary.set(word, n - 1);
    }
    this.haystacks.delete(id);
    this.versions.delete(id);
  }

  /** Ids of the clips matching `query`, in the order they were synced; null for an
   * empty query (no search: everything matches). */
  search(query: string): string[] | null {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return null;
    // For each word typed, the strings of which one must be in a clip's haystack.
    const needles = terms.map((term) => {
      const options = [` ${term}`];
      if (term.length >= FUZZY_MIN_LENGTH) {
        this.fuzzyTree ??= SearchableMap.from([...this.vocabulary.keys()].map((word) => [word, true] as [string, true]));
        for (const word of this.fuzzyTree.fuzzyGet(term, FUZZY_EDITS).keys()) if (!word.startsWith(term)) options.push(` ${word} `);
      }
      return options;
    });
    const found: string[] = [];
    for (const [id, haystack] of this.haystacks) {
      if (needles.every((options) => options.some((needle) => haystack.includes(needle)))) found.push(id);
    }
    return found;
  }
}
