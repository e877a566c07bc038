/**
 * Hashtag extraction and normalization.
 *
 * Pure TypeScript: no WXT, DOM or browser API, so it runs the same in Node, a worker
 * and a page. The rules follow the ones the networks use to link a hashtag, with
 * twitter-text's extraction rules as the public reference.
 *
 * ## What a tag is
 *
 * - Tag characters: letters of any script (`\p{L}`), combining marks (`\p{M}`), decimal
 *   digits (`\p{Nd}`), `_`, the zero-width non-joiner / joiner (U+200C, U+200D), and the
 *   punctuation that twitter-text keeps inside a tag because words are written with it
 *   (`hashtagSpecialChars`, see SPECIAL_TAG_CHARS): the Hebrew maqaf `־`, geresh `׳` and
 *   gershayim `״` (`#עַל־יְדֵי`, `#מ״כ`), the Catalan middle dot `·` (`#il·lusió`), the
 *   Tibetan tsheg `་` `༌`, the Japanese `・` `゠` `゛` `゜` `〃` `〜` `～` and the
 *   Cyrillic paerok U+A67E. They are not letters, so `#〃` alone is no tag.
 *   The emoji presentation selectors U+FE0E / U+FE0F and the keycap mark U+20E3 are
 *   marks in Unicode but belong to emoji, so they are not tag characters.
 *   Other connector punctuation, the Arabic comma, `-`, `'` etc. end a tag.
 * - A tag must contain at least one letter or combining mark (or, with `allowEmoji`, an
 *   emoji): `#2024`, `#_`, `#_2024` are not tags; `#2024ok`, `#café_2024` are.
 * - ZWNJ / ZWJ are kept inside a tag (`#می‌خواهم`) but dropped from its ends.
 * - Any other character ends the tag; the tag up to there is kept (`#caffè!` → `caffè`,
 *   `#pizza🍕` → `pizza`).
 *
 * ## Where a tag starts
 *
 * - `#` or full-width `＃` starts a tag only at the start of the text or after a code
 *   point that is not a tag character (space, line break, punctuation, symbol, emoji,
 *   skin-tone modifier, variation selector...). So `abc#tag` gives nothing, and neither
 *   does CJK text glued to the `#` (`今日は#ラーメン`), as on the networks.
 * - `#` right after `&` is not a tag (HTML entities such as `&#39;`, twitter-text rule).
 * - `#` followed by U+FE0F or U+20E3 is the keycap emoji `#️⃣`, not a tag.
 * - `##tag`: the first `#` starts nothing (no tag character follows), the second one,
 *   preceded by `#`, gives `tag` (twitter-text behaviour).
 * - A `#` inside a URL starts nothing. URLs detected: `scheme://…`, `www.…` and bare
 *   ASCII domains followed by a path (`x.it/…`); a URL runs to the next white space
 *   (or `<`, `>`, `"`). A URL must not be glued to a tag character, `@`, `.` or `-`
 *   before it.
 *
 * ## Where a tag is discarded
 *
 * - A tag immediately followed by `#`, `＃` or `://` is dropped (twitter-text):
 *   `#a#b` gives nothing (`#b` is mid-word), `#http://x.it` gives nothing.
 *   Scanning resumes after the dropped tag, so the next `#` is judged by the character
 *   before it as usual.
 *
 * ## Emoji (`allowEmoji`, off by default)
 *
 * With `allowEmoji: true`, emoji are tag characters too (Instagram accepts them): a
 * pictograph with emoji presentation (or a text-default one followed by U+FE0F, so a
 * bare `™`/`©` still ends the tag), with its skin-tone modifiers, variation selectors,
 * ZWJ sequences, flag pairs, tag sequences and keycaps. An emoji counts as the
 * required "letter", so `#🍕` is a tag. An emoji before a `#` still lets a tag start in
 * both modes, so `#pizza🍕#pasta` gives `pizza`, `pasta` by default but only `pasta`
 * with `allowEmoji` (the first tag is then followed by `#`, see above).
 *
 * ## Normalization (`normalizeHashtag`)
 *
 * - `key` (counting key): one leading `#`/`＃` dropped, Unicode NFC, then a
 *   locale-independent case fold: `İ` (U+0130) → `i` (so `İstanbul` and `Istanbul`
 *   meet; dotless `ı` stays distinct), `toLowerCase()`, `ß`/`ẞ` → `ss`, final `ς` → `σ`,
 *   NFC again. No compatibility (NFKC) folding: full-width Latin stays as typed.
 * - `looseKey` (family key, ignores accents): `key` in NFD with combining marks removed
 *   only where they are accents: all marks on Latin and Greek letters; on Cyrillic only
 *   the stress accents U+0300/U+0301 and the diaeresis of `ё` (`й`, `ї`, `ў` are
 *   letters of their own and are kept). Marks on every other script (Devanagari vowel
 *   signs, Thai, Arabic harakat, Hebrew points, Japanese dakuten...) are kept, as they
 *   change the word. A few Latin letters with a built-in stroke are folded too (`ł`→`l`,
 *   `ø`→`o`, `đ`→`d`, `ħ`→`h`, `ŧ`→`t`, `ı`→`i`). ZWNJ and emoji variation selectors
 *   are dropped, and ZWJ between letters (not inside emoji sequences). Then NFC.
 *   So `#Caffè`, `#caffè` and `#caffe` share a looseKey; `Caffè`/`caffè` share a key.
 */

export interface ExtractHashtagsOptions {
  /** Accept emoji inside (and as) a tag, as Instagram does. Default false. */
  allowEmoji?: boolean;
}

export interface HashtagKeys {
  /** NFC + case fold: the key used for counting. */
  key: string;
  /** `key` without accents: groups `caffè` and `caffe` in one family. */
  looseKey: string;
}

/**
 * twitter-text's `hashtagSpecialChars` less `_`, ZWNJ and ZWJ (listed in TAG_CHAR):
 * github.com/twitter/twitter-text, js/src/regexp/hashtagSpecialChars.js, commit
 * 30e2430d90cff3b46393ea54caf511441983c260. Its conformance cases (conformance/extract.yml:
 * "Extract Hebrew hashtags", "Extract Tibetan hashtags", "Extract hashtag with middle
 * dot", "... fullwidth tilde", "... wave dash", "... ideographic iteration mark") keep them
 * inside a tag; utils/hashtags/twitter-text-conformance.test.ts runs those cases.
 */
const SPECIAL_TAG_CHARS = '\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7';
const TAG_CHAR = new RegExp(`^[\\p{L}\\p{M}\\p{Nd}_\\u200c\\u200d${SPECIAL_TAG_CHARS}]$`, 'u');
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const MARK = /^\p{M}$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const EXTENDED_PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI_MODIFIER = /^\p{Emoji_Modifier}$/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}$/u;
const LATIN_OR_GREEK = /^[\p{Script=Latin}\p{Script=Greek}]$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;

const ZWNJ = '\u200c';
const ZWJ = '\u200d';
const VS15 = '\ufe0e';
const VS16 = '\ufe0f';
const KEYCAP = '\u20e3';

/** Not glued to a tag character, `@`, `.` or `-`; then scheme://, www. or domain/path. */
const URL_RE =
  /(?<![\p{L}\p{M}\p{Nd}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7@.\-])(?:[a-z][a-z0-9+.\-]{0,31}:\/\/|www\.|(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\/)[^\s<>"]*/giu;

/** The code point starting at UTF-16 index `i`, as a string ('' past the end). */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The code point ending just before UTF-16 index `i` ('' at the start). */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

function isTagChar(ch: string): boolean {
  return ch !== VS15 && ch !== VS16 && ch !== KEYCAP && TAG_CHAR.test(ch);
}

function isHash(ch: string): boolean {
  return ch === '#' || ch === '\uff03';
}

function isTagSequenceChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0xe0020 && cp <= 0xe007f;
}

/** UTF-16 length of the emoji sequence starting at `i`, or 0 if none starts there. */
function emojiLength(text: string, i: number): number {
  const first = charAt(text, i);
  if (!first) return 0;
  let j = i;
  if (REGIONAL_INDICATOR.test(first)) {
    j += first.length;
    const second = charAt(text, j);
    if (second && REGIONAL_INDICATOR.test(second)) j += second.length;
    return j - i;
  }
  const startsEmoji =
    EMOJI_PRESENTATION.test(first) ||
    (EXTENDED_PICTOGRAPHIC.test(first) && charAt(text, i + first.length) === VS16);
  if (!startsEmoji) return 0;
  j += first.length;
  for (;;) {
    const ch = charAt(text, j);
    if (!ch) break;
    if (ch === VS15 || ch === VS16 || ch === KEYCAP || EMOJI_MODIFIER.test(ch) || isTagSequenceChar(ch)) {
      j += ch.length;
      continue;
    }
    if (ch === ZWJ) {
      const next = charAt(text, j + 1);
      if (next && EXTENDED_PICTOGRAPHIC.test(next)) {
        j += 1 + next.length;
        continue;
      }
    }
    break;
  }
  return j - i;
}

interface ScannedTag {
  /** The tag as written, joiners trimmed from its ends. */
  tag: string;
  /** Whether the tag has a letter, mark or (when allowed) emoji. */
  valid: boolean;
  /** UTF-16 index just after the last character scanned. */
  end: number;
}

/** Scans tag characters from `start` (just after the `#`). */
function scanTag(text: string, start: number, allowEmoji: boolean): ScannedTag {
  let j = start;
  let valid = false;
  while (j < text.length) {
    const ch = charAt(text, j);
    if (isTagChar(ch)) {
      if (!valid && LETTER_OR_MARK.test(ch)) valid = true;
      j += ch.length;
      continue;
    }
    if (allowEmoji) {
      // Keycap after a digit: 1️⃣
      if (ch === VS16 && text[j + 1] === KEYCAP) {
        valid = true;
        j += 2;
        continue;
      }
      if (ch === KEYCAP) {
        valid = true;
        j += 1;
        continue;
      }
      const n = emojiLength(text, j);
      if (n > 0) {
        valid = true;
        j += n;
        continue;
      }
    }
    break;
  }
  let a = start;
  let b = j;
  while (a < b && (text[a] === ZWNJ || text[a] === ZWJ)) a++;
  while (b > a && (text[b - 1] === ZWNJ || text[b - 1] === ZWJ)) b--;
  return { tag: text.slice(a, b), valid: valid && b > a, end: j };
}

/** [start, end) UTF-16 ranges of the URLs in `text`, in order. */
function findUrlRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * The hashtags in `text`, in order of appearance, without the `#`, as written, repeats
 * kept. See the module comment for the rules.
 */
export function extractHashtags(text: string, options: ExtractHashtagsOptions = {}): string[] {
  const allowEmoji = options.allowEmoji ?? false;
  const out: string[] = [];
  if (!text || (!text.includes('#') && !text.includes('\uff03'))) return out;
  const urls = findUrlRanges(text);
  let u = 0;
  let prev = '';
  let i = 0;
  while (i < text.length) {
    const ch = charAt(text, i);
    if (isHash(ch)) {
      while (u < urls.length && urls[u][1] <= i) u++;
      const inUrl = u < urls.length && urls[u][0] <= i;
      const canStart = prev === '' || (!isTagChar(prev) && prev !== '&');
      if (!inUrl && canStart) {
        const scanned = scanTag(text, i + ch.length, allowEmoji);
        if (scanned.end > i + ch.length) {
          const after = charAt(text, scanned.end);
          const blocked = isHash(after) || text.startsWith('://', scanned.end);
          if (scanned.valid && !blocked) out.push(scanned.tag);
          prev = charBefore(text, scanned.end);
          i = scanned.end;
          continue;
        }
      }
    }
    prev = ch;
    i += ch.length;
  }
  return out;
}

/**
 * Whether `tag` (given without `#`) is a whole, valid hashtag: only tag characters (no
 * joiner at its ends), and not digits/underscores alone. What the linter uses.
 */
export function isValidHashtag(tag: string, options: ExtractHashtagsOptions = {}): boolean {
  if (!tag) return false;
  const scanned = scanTag(tag, 0, options.allowEmoji ?? false);
  return scanned.valid && scanned.end === tag.length && scanned.tag === tag;
}

const STROKE_LETTERS: Record<string, string> = {
  'ł': 'l',
  'ø': 'o',
  'đ': 'd',
  'ħ': 'h',
  'ŧ': 't',
  'ı': 'i',
};

function caseFold(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u0130/g, 'i')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .normalize('NFC');
}

function stripAccents(key: string): string {
  let out = '';
  // How marks after the current base are treated.
  let mode: 'strip' | 'cyrillic' | 'keep' = 'keep';
  let base = '';
  let prevIsLetter = false;
  const chars = Array.from(key.normalize('NFD'));
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k];
    if (ch === ZWNJ || ch === VS15 || ch === VS16) continue;
    if (ch === ZWJ) {
      const next = chars[k + 1] ?? '';
      if (prevIsLetter && LETTER_OR_MARK.test(next)) continue;
      out += ch;
      prevIsLetter = false;
      continue;
    }
    if (MARK.test(ch)) {
      if (mode === 'strip') continue;
      if (mode === 'cyrillic' && (ch === '\u0300' || ch === '\u0301' || (ch === '\u0308' && base === 'е'))) continue;
      out += ch;
      continue;
    }
    base = ch;
    mode = LATIN_OR_GREEK.test(ch) ? 'strip' : CYRILLIC.test(ch) ? 'cyrillic' : 'keep';
    prevIsLetter = /^\p{L}$/u.test(ch);
    out += STROKE_LETTERS[ch] ?? ch;
  }
  return out.normalize('NFC');
}

/**
 * The counting keys of a tag (one leading `#`/`＃` is ignored): `key` = NFC + case fold,
 * `looseKey` = `key` without accents. See the module comment for the details.
 */
export function normalizeHashtag(tag: string): HashtagKeys {
  const key = caseFold(tag.replace(/^[#\uff03]/u, ''));
  return { key, looseKey: stripAccents(key) };
}
