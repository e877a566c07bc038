/**
 * How a candidate hashtag is scored: each source gives it a signal between 0 and 1, and
 * the score is their weighted sum (docs/hashtags.md, "Ranking"):
 *
 *   score = 3.0·yours + 2.5·cooccurs + 2.0·word + 1.5·set + 1.0·topic
 *
 * - yours: the share of the user's own posts (in this network and brand) that carried
 *   the tag. A tag on every post (a brand tag) gets 1.
 * - cooccurs: for each hashtag of the text, or learned hashtag named by a word of the
 *   text (a "seed" s), P(c | s) = posts with both / posts with s; the seeds are combined
 *   as a noisy-or, 1 − Π(1 − w_s·P(c | s)), so two weak links add up but never pass 1.
 * - word: 1 when the tag is a word (or two or three words run together) of the text and
 *   a known hashtag (learned or in the starter vocabulary); 0.35 for any other word of
 *   the text turned into a tag (what the baseline does).
 * - set: 1 when the tag belongs to one of the user's hashtag sets that the text already
 *   touches (a tag of the set in the text or named by a word, or a word of its name),
 *   0.5 for a set touched only by its name.
 * - topic: how strongly the text speaks of a starter topic (1 from two words naming it
 *   on; see `topicsSpokenOf` in suggest.ts), times the tag's place in the topic's list (1
 *   for the first, down to 0.5 for the last), times 0.6 when the tag is listed for the
 *   other language. A tag only a topic brings is ranked after all the others
 *   (`compareSuggestions`).
 *
 * The weights say which evidence we trust most: what the user does (their own tags and
 * what they pair them with) over what the text says, over what everybody does.
 *
 * Plain TypeScript: no browser API.
 */

export type SuggestionReason =
  /** Used often in the user's own posts (at least `YOURS_MIN_COUNT` times). */
  | { code: 'yours'; count: number }
  /** Used in the user's own posts, fewer times than that. */
  | { code: 'used-before'; count: number }
  | { code: 'cooccurs'; with: string }
  | { code: 'word-in-text'; word: string }
  | { code: 'set'; name: string }
  | { code: 'topic'; topic: string };

export interface HashtagSuggestion {
  /** Without "#", in the spelling to insert. */
  tag: string;
  score: number;
  /** Strongest first. */
  reasons: SuggestionReason[];
}

export type Signal = 'yours' | 'cooccurs' | 'word' | 'set' | 'topic';

export const WEIGHTS: Readonly<Record<Signal, number>> = {
  yours: 3.0,
  cooccurs: 2.5,
  word: 2.0,
  set: 1.5,
  topic: 1.0,
};

/** Own posts a tag must have been on to carry the "yours" mark. */
export const YOURS_MIN_COUNT = 3;

const SIGNAL_OF: Record<SuggestionReason['code'], Signal> = {
  yours: 'yours',
  'used-before': 'yours',
  cooccurs: 'cooccurs',
  'word-in-text': 'word',
  set: 'set',
  topic: 'topic',
};

/** One candidate as the sources fill it in. */
export interface Candidate {
  tag: string;
  /** Each signal's value in [0, 1] and the reason that gave it (the strongest so far). */
  signals: Partial<Record<Signal, { value: number; reason: SuggestionReason }>>;
  /** Π(1 − w·P(c | s)) over the seeds so far: the noisy-or of `cooccurs` is 1 − this. */
  missAll: number;
  /** The largest w·P(c | s) so far. */
  strongestSeed: number;
  /** The user's own count, for the "yours" mark. */
  ownCount: number;
}

export function newCandidate(tag: string): Candidate {
  return { tag, signals: {}, missAll: 1, strongestSeed: 0, ownCount: 0 };
}

/** Keeps the stronger of the candidate's current value for `reason`'s signal and `value`. */
export function offer(candidate: Candidate, value: number, reason: SuggestionReason): void {
  const signal = SIGNAL_OF[reason.code];
  const current = candidate.signals[signal];
  if (!current || value > current.value) candidate.signals[signal] = { value: Math.min(1, value), reason };
}

/** Adds one seed's P(c | s) to the candidate's co-occurrence noisy-or; the reason names
 * the seed that gave the most. */
export function offerCooccurrence(candidate: Candidate, probability: number, seedTag: string): void {
  const p = Math.min(1, Math.max(0, probability));
  if (p <= 0) return;
  candidate.missAll *= 1 - p;
  const current = candidate.signals.cooccurs;
  const reason: SuggestionReason =
    current && candidate.strongestSeed >= p ? current.reason : { code: 'cooccurs', with: `#${seedTag}` };
  candidate.strongestSeed = Math.max(candidate.strongestSeed, p);
  candidate.signals.cooccurs = { value: 1 - candidate.missAll, reason };
}

/** The candidate's score and its reasons, strongest first. */
export function scoreCandidate(candidate: Candidate): HashtagSuggestion {
  let score = 0;
  const parts: { weight: number; reason: SuggestionReason }[] = [];
  for (const signal of Object.keys(candidate.signals) as Signal[]) {
    const { value, reason } = candidate.signals[signal]!;
    const weighted = WEIGHTS[signal] * value;
    if (weighted <= 0) continue;
    score += weighted;
    parts.push({ weight: weighted, reason });
  }
  parts.sort((a, b) => b.weight - a.weight);
  return { tag: candidate.tag, score: Math.round(score * 1000) / 1000, reasons: parts.map((p) => p.reason) };
}

/** Whether the only thing for a suggestion is the starter vocabulary's topic. */
export function isTopicOnly(suggestion: HashtagSuggestion): boolean {
  return suggestion.reasons.length > 0 && suggestion.reasons.every((r) => r.code === 'topic');
}

/** Best first; ties by tag so that the order is stable. A tag that only a topic brings
 * comes after every tag from the user's own words, history and sets (issue #12): what
 * everybody in a topic uses is the last resort, never ahead of what the user wrote or
 * does, whatever the scores. */
export function compareSuggestions(a: HashtagSuggestion, b: HashtagSuggestion): number {
  return Number(isTopicOnly(a)) - Number(isTopicOnly(b)) || compareScores(a, b);
}

/** Higher score first, then by tag. */
export function compareScores(a: HashtagSuggestion, b: HashtagSuggestion): number {
  return b.score - a.score || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
}
