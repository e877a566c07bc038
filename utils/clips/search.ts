import SearchableMap from 'minisearch/SearchableMap';
import type { Clip } from '../db/clips';
import { foldText } from './fold';

/** Words of letters and digits in any script; "#" and "@" are separators, so "#pasta"
 * and "pasta" are the same word. */
const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** Runs of anything but white space: folding never turns white space into a letter or a
 * letter into white space, so the words of a text are the words of its runs, and the
 * same runs ("pasta", "#pasta", "perché,") come back clip after clip. */
const RUN = /\S+/g;

/** `tokenize` for many texts, each run folded once (`cache`): building the index of
 * 20,000 clips folded a million words, most of them the same few thousand. */
function tokenizeWith(cache: Map<string, string[]>, text: string): string[] {
  const words: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    let folded = cache.get(run);
    if (!folded) {
      folded = tokenize(run);
      if (cache.size < RUNS_REMEMBERED) cache.set(run, folded);
    }
    for (const word of folded) words.push(word);
  }
  return words;
}

/** Runs remembered during one `sync`. */
const RUNS_REMEMBERED = 200_000;

/** A typo is forgiven in words this long or longer (one edit); shorter words must be
 * typed right, or "lasa", on the way to "lasagne", would match "casa". */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_EDITS = 1;

/** Everything a search looks in: text, note, author name and handle, tags, hashtags. */
function wordsOf(clip: Clip, runs: Map<string, string[]>): string[] {
  return tokenizeWith(runs, [clip.text, clip.note, clip.authorName ?? '', clip.authorHandle ?? '', ...clip.tags, ...clip.hashtags].join(' '));
}

/** The clips holding one word of the library: their slots (removed clips' slots stay
 * until `compact`), and how many of them are still there. */
interface Posting {
  /** A typed array as restored from a snapshot (no copy), until a slot is added. */
  slots: number[] | Uint32Array;
  live: number;
}

/** Changes when the way clips are indexed changes (`wordsOf`, `tokenize`, `foldText`):
 * a snapshot of another version is built again, not restored. */
const SNAPSHOT_VERSION = 1;

/** `ClipSearch.snapshot()`: per slot (0..n-1) a clip's id, `updatedAt` and word numbers
 * (`slotWords`, ending at `slotWordEnds[slot]`); per word number, its slots (`postings`,
 * ending at `postingEnds[word]`). */
export interface ClipSearchSnapshot {
  version: number;
  ids: string[];
  versions: Float64Array;
  vocabulary: string[];
  postings: Uint32Array;
  postingEnds: Uint32Array;
  slotWords: Uint32Array;
  slotWordEnds: Uint32Array;
}

/** Answers remembered by query words, so that backspacing does not search again. */
const REMEMBERED_ANSWERS = 50;

/**
 * Full-text search over clips, as the user types.
 *
 * Every word typed must match (a narrowing search), as the start of a word in the clip
 * ("lasa" finds "lasagne"; accents and case folded: "perche" finds "Perché"); a word of
 * FUZZY_MIN_LENGTH letters or more also matches the clip's words one typo away
 * ("lasagna" finds "lasagne").
 *
 * An inverted index: each word of the library lists the clips holding it; the words are
 * also a radix tree (MiniSearch's `SearchableMap`), which gives the words starting with
 * what was typed (`atPrefix`) and those one typo away (`fuzzyGet`). A search walks only
 * the lists of those words, marking clips in a typed array, one pass per word typed.
 *
 * Why not `MiniSearch.search`: the library shows results in the user's chosen order
 * (date, author, status), not by relevance, and MiniSearch scores every match with
 * BM25; with 20,000 clips a one- or two-letter prefix matches most of them and scoring
 * took hundreds of milliseconds per keystroke. A scan of one folded string per clip
 * (the previous version) took 15–35 ms per keystroke at 20,000 clips; the lists take a
 * few.
 *
 * `sync` keeps it in step with the clips, touching only what changed.
 */
export class ClipSearch {
  /** Clip id → its slot; slot → id and words (null once removed). */
  private readonly slotOf = new Map<string, number>();
  private ids: (string | null)[] = [];
  /** A clip's words; restored ones as numbers into `restoredWords` until needed. */
  private words: (string[] | Uint32Array | null)[] = [];
  private restoredWords: readonly string[] = [];
  private removed = 0;
  private readonly versions = new Map<string, number>();
  /** Each word of the library → the clips holding it (a hash map: 20,000 clips are
   * over a million updates, too many for a radix tree on the first build). */
  private vocabulary = new Map<string, Posting>();
  /** The words as a radix tree, made from `vocabulary` on the first search, and again
   * only after a word appeared or disappeared. */
  private tree: SearchableMap<Posting> | null = null;
  /** Per slot, the stamp of the last search step it passed (see `search`). */
  private marks = new Uint32Array(0);
  private stamp = 0;
  private readonly answers = new Map<string, string[]>();

  get size(): number {
    return this.versions.size;
  }

  /** The index as plain arrays (live clips only), for `ClipSearch.restore`: kept between
   * visits of the library (`search-cache.ts`) and passed from a worker without copying
   * (the typed arrays are transferable). */
  snapshot(): ClipSearchSnapshot {
    const newSlot = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const versions: number[] = [];
    this.ids.forEach((id, slot) => {
      if (id === null) return;
      newSlot[slot] = ids.length;
      ids.push(id);
      versions.push(this.versions.get(id)!);
    });
    const vocabulary: string[] = [];
    const numberOf = new Map<string, number>();
    const postings: number[] = [];
    const postingEnds: number[] = [];
    for (const [word, posting] of this.vocabulary) {
      numberOf.set(word, vocabulary.length);
      vocabulary.push(word);
      for (const slot of posting.slots) if (newSlot[slot] >= 0) postings.push(newSlot[slot]);
      postingEnds.push(postings.length);
    }
    const slotWords: number[] = [];
    const slotWordEnds: number[] = [];
    this.words.forEach((_, slot) => {
      if (this.words[slot] === null) return;
      for (const word of this.wordsAt(slot)) slotWords.push(numberOf.get(word)!);
      slotWordEnds.push(slotWords.length);
    });
    return {
      version: SNAPSHOT_VERSION,
      ids,
      versions: Float64Array.from(versions),
      vocabulary,
      postings: Uint32Array.from(postings),
      postingEnds: Uint32Array.from(postingEnds),
      slotWords: Uint32Array.from(slotWords),
      slotWordEnds: Uint32Array.from(slotWordEnds),
    };
  }

  /** The index a `snapshot` was taken of; `sync` then brings it in step with the clips
   * as they are now (only the clips changed since are indexed again). Null for a
   * snapshot of another version of this code, or one that does not hold together. */
  static restore(snapshot: ClipSearchSnapshot): ClipSearch | null {
    const { ids, versions, vocabulary, postings, postingEnds, slotWords, slotWordEnds } = snapshot;
    if (snapshot.version !== SNAPSHOT_VERSION || versions.length !== ids.length || slotWordEnds.length !== ids.length || postingEnds.length !== vocabulary.length) return null;
    const search = new ClipSearch();
    let start = 0;
    vocabulary.forEach((word, n) => {
      const slots = postings.subarray(start, postingEnds[n]);
      start = postingEnds[n];
      search.vocabulary.set(word, { slots, live: slots.length });
    });
    search.restoredWords = vocabulary;
    start = 0;
    ids.forEach((id, slot) => {
      search.ids.push(id);
      search.words.push(slotWords.subarray(start, slotWordEnds[slot]));
      start = slotWordEnds[slot];
      search.slotOf.set(id, slot);
      search.versions.set(id, versions[slot]);
    });
    return search;
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
    const runs = new Map<string, string[]>();
    for (let start = 0; start < changed.length; start += chunk) {
      if (start > 0) await yieldTo();
      for (const clip of changed.slice(start, start + chunk)) this.put(clip, runs);
    }
    if (this.removed > 1000 && this.removed > this.versions.size) this.compact();
    return changed.length + gone;
  }

  private put(clip: Clip, runs: Map<string, string[]>): void {
    this.answers.clear();
    if (this.slotOf.has(clip.id)) this.remove(clip.id);
    const words = [...new Set(wordsOf(clip, runs))];
    const slot = this.ids.length;
    this.ids.push(clip.id);
    this.words.push(words);
    for (const word of words) this.post(word, slot);
    this.slotOf.set(clip.id, slot);
    this.versions.set(clip.id, clip.updatedAt);
  }

  private post(word: string, slot: number): void {
    let posting = this.vocabulary.get(word);
    if (!posting) {
      posting = { slots: [], live: 0 };
      this.vocabulary.set(word, posting);
      this.tree = null;
    }
    if (!Array.isArray(posting.slots)) posting.slots = Array.from(posting.slots);
    posting.slots.push(slot);
    posting.live++;
  }

  private wordsAt(slot: number): string[] {
    const words = this.words[slot]!;
    return Array.isArray(words) ? words : Array.from(words, (n) => this.restoredWords[n]);
  }

  /** The clip's slot stays in its words' lists (taking it out of each would be a
   * linear pass per word, per removed clip); searches skip it, `compact` drops it. */
  private remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.answers.clear();
    for (const word of this.wordsAt(slot)) {
      const posting = this.vocabulary.get(word)!;
      if (--posting.live === 0) {
        this.vocabulary.delete(word);
        this.tree = null;
      }
    }
    this.ids[slot] = null;
    this.words[slot] = null;
    this.removed++;
    this.slotOf.delete(id);
    this.versions.delete(id);
  }

  /** New slots for the clips still here, in the same order, and lists without gaps. */
  private compact(): void {
    const ids = this.ids;
    const words = this.ids.map((id, slot) => (id === null ? null : this.wordsAt(slot)));
    this.ids = [];
    this.words = [];
    this.vocabulary = new Map();
    this.tree = null;
    this.removed = 0;
    for (let old = 0; old < ids.length; old++) {
      const id = ids[old];
      if (id === null) continue;
      const slot = this.ids.length;
      this.ids.push(id);
      this.words.push(words[old]);
      for (const word of words[old]!) this.post(word, slot);
      this.slotOf.set(id, slot);
    }
  }

  /** Ids of the clips matching `query`, in the order they were indexed; null for an
   * empty query (no search: everything matches). The same words give the same array
   * until a clip changes. */
  search(query: string): string[] | null {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return null;
    const key = terms.join(' ');
    const known = this.answers.get(key);
    if (known) {
      // Most recently used last, so the oldest is the first to go.
      this.answers.delete(key);
      this.answers.set(key, known);
      return known;
    }
    const found = this.find(terms);
    this.answers.set(key, found);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    return found;
  }

  /**
   * Step i (one per word typed) marks `base + i + 1` on every clip that passed step i-1
   * (marked `base + i`) and holds a word matching term i; the answer is the clips
   * marked `base + terms.length`. Stamps only grow, so the marks need no clearing.
   */
  private find(terms: string[]): string[] {
    if (this.marks.length < this.ids.length) {
      const grown = new Uint32Array(Math.max(this.ids.length, this.marks.length * 2, 1024));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.stamp > 0xffff_0000) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    const base = this.stamp + 1;
    this.stamp += terms.length + 1;
    const marks = this.marks;
    this.tree ??= SearchableMap.from(this.vocabulary);
    const tree = this.tree;
    for (const [step, term] of terms.entries()) {
      const before = base + step - 1; // step 0: any older stamp, i.e. below `base`
      const after = base + step;
      let passed = 0;
      const pass = (posting: Posting) => {
        for (const slot of posting.slots) {
          if (step === 0 ? marks[slot] < base : marks[slot] === before) {
            marks[slot] = after;
            passed++;
          }
        }
      };
      for (const posting of tree.atPrefix(term).values()) pass(posting);
      if (term.length >= FUZZY_MIN_LENGTH) {
        for (const [word, [posting]] of tree.fuzzyGet(term, FUZZY_EDITS)) if (!word.startsWith(term)) pass(posting);
      }
      if (passed === 0) return [];
    }
    const last = base + terms.length - 1;
    const found: string[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      const id = this.ids[slot];
      if (marks[slot] === last && id !== null) found.push(id);
    }
    return found;
  }
}
