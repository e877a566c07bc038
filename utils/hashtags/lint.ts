import type { Network } from '../db/record';
import { extractHashtags, normalizeHashtag } from './extract';
import { textLength } from '../limits/length';
import type { NetworkRules } from './limits';

/** What the composer linter finds in a caption or comment. Pure: no browser API.
 *
 * - Every hashtag occurrence counts against the network's limit (a repeated tag counts
 *   again: we would rather under-fill than have the network drop links).
 * - Length is counted as the network counts it (`rules.counting`: code points, or X's
 *   weighted count), against the network's maximum.
 * - A repeat is the same tag twice (`#pizza #pizza`, or `#Pizza #pizza`: the same
 *   counting key); a variant is the same tag with other accents (`#caffè #caffe`,
 *   `normalizeHashtag`'s loose key).
 * - Threads makes only the first hashtag a link, the post's one topic tag; the linter names
 *   the tag and the hashtags that stay plain text (a warning: the post can still go out).
 * - `#2024` is digits only: no network links it.
 * - `#caffè-bar` or `#l'amore` are cut by punctuation: only `#caffè` and `#l` become links.
 * - A tag on the avoid list is flagged (matched by its loose key, so accents and case
 *   do not let it through). */

export type LintSeverity = 'error' | 'warning' | 'hint';

export type LintIssue =
  | { code: 'over-limit'; severity: 'error'; count: number; limit: number }
  /** Threads: the first hashtag becomes the post's one topic tag; the others stay text. */
  | { code: 'one-topic-tag'; severity: 'warning'; topic: string; plain: string[] }
  | { code: 'many-hashtags'; severity: 'hint'; count: number; hintAbove: number }
  | { code: 'too-long'; severity: 'error'; length: number; max: number }
  | { code: 'repeated'; severity: 'warning'; tag: string; times: number }
  | { code: 'variants'; severity: 'warning'; tags: string[] }
  | { code: 'digits-only'; severity: 'warning'; tag: string }
  | { code: 'cut-by-punctuation'; severity: 'warning'; written: string; linked: string }
  | { code: 'avoided'; severity: 'warning'; tag: string };

export interface LintResult {
  network: Network;
  /** Hashtags as written (without "#"), in order, repeats kept. */
  tags: string[];
  /** How many count against the limit. */
  count: number;
  limit: number | null;
  /** Caption length, counted as the network counts it. */
  length: number;
  maxLength: number | null;
  issues: LintIssue[];
}

const TAG_CHARS = '\\p{L}\\p{M}\\p{Nd}_\\u200c\\u200d';
/** A `#` that may start a tag: not glued to a tag character, `&` or another `#`. */
const START = `(?<![${TAG_CHARS}&#\\uff03])[#\\uff03]`;
const DIGITS_ONLY = new RegExp(`${START}([\\p{Nd}_]+)(?![${TAG_CHARS}])`, 'gu');
/** A tag continued after `-`, an apostrophe or a dot by more letters. */
const CUT = new RegExp(`${START}([${TAG_CHARS}]+)((?:[-'\\u2019.][${TAG_CHARS}]+)+)`, 'gu');
const URL_LIKE = /\S*(?::\/\/|www\.)\S*/giu;

function urlSpans(text: string): [number, number][] {
  return [...text.matchAll(URL_LIKE)].map((m) => [m.index, m.index + m[0].length]);
}

function inside(spans: [number, number][], index: number): boolean {
  return spans.some(([a, b]) => index >= a && index < b);
}

export function lintCaption(text: string, rules: NetworkRules, avoidList: readonly string[] = []): LintResult {
  const tags = extractHashtags(text);
  const length = textLength(text, rules.counting);
  const issues: LintIssue[] = [];

  if (rules.oneTopicTag && tags.length > 1) {
    issues.push({ code: 'one-topic-tag', severity: 'warning', topic: tags[0], plain: tags.slice(1) });
  } else if (rules.maxHashtags !== null && tags.length > rules.maxHashtags) {
    issues.push({ code: 'over-limit', severity: 'error', count: tags.length, limit: rules.maxHashtags });
  } else if (rules.hintAbove !== null && tags.length > rules.hintAbove) {
    issues.push({ code: 'many-hashtags', severity: 'hint', count: tags.length, hintAbove: rules.hintAbove });
  }
  if (rules.maxLength !== null && length > rules.maxLength) {
    issues.push({ code: 'too-long', severity: 'error', length, max: rules.maxLength });
  }

  // Repeats (same key) and variants (same loose key, other spelling), in order of first appearance.
  const families = new Map<string, Map<string, { tag: string; times: number }>>();
  for (const tag of tags) {
    const { key, looseKey } = normalizeHashtag(tag);
    const family = families.get(looseKey) ?? new Map();
    const entry = family.get(key) ?? { tag, times: 0 };
    entry.times++;
    family.set(key, entry);
    families.set(looseKey, family);
  }
  for (const family of families.values()) {
    for (const { tag, times } of family.values()) {
      if (times > 1) issues.push({ code: 'repeated', severity: 'warning', tag, times });
    }
    if (family.size > 1) issues.push({ code: 'variants', severity: 'warning', tags: [...family.values()].map((e) => e.tag) });
  }

  const urls = urlSpans(text);
  for (const m of text.matchAll(DIGITS_ONLY)) {
    if (!inside(urls, m.index)) issues.push({ code: 'digits-only', severity: 'warning', tag: m[1] });
  }
  for (const m of text.matchAll(CUT)) {
    // Only where the network really links the first part (e.g. not `#2024-25`).
    if (inside(urls, m.index) || extractHashtags(m[0])[0] !== m[1]) continue;
    issues.push({ code: 'cut-by-punctuation', severity: 'warning', written: m[1] + m[2], linked: m[1] });
  }

  if (avoidList.length > 0) {
    const avoided = new Set(avoidList.map((tag) => normalizeHashtag(tag).looseKey));
    const flagged = new Set<string>();
    for (const tag of tags) {
      const { looseKey } = normalizeHashtag(tag);
      if (avoided.has(looseKey) && !flagged.has(looseKey)) {
        flagged.add(looseKey);
        issues.push({ code: 'avoided', severity: 'warning', tag });
      }
    }
  }

  return { network: rules.network, tags, count: tags.length, limit: rules.maxHashtags, length, maxLength: rules.maxLength, issues };
}
