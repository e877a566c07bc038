/**
 * `suggestHashtags`: the hashtags that fit a caption, best first, each with its reasons.
 *
 * Candidates come from four local sources (the words of the text, what the model
 * learned, the user's hashtag sets, the starter vocabulary) and are scored in `rank.ts`.
 * Tags already in the text and tags on the avoid list never come out.
 *
 * Plain TypeScript: no browser API.
 */
import type { BrandRef, Network } from '../db/record';
import { extractHashtags, isValidHashtag } from './extract';
import { looseKey } from './keys';
import type { HashtagModel, HashtagScope, LearnedHashtag } from './model';
import {
  compareScores,
  isTopicOnly,
  newCandidate,
  offer,
  offerCooccurrence,
  scoreCandidate,
  YOURS_MIN_COUNT,
  type Candidate,
  type HashtagSuggestion,
} from './rank';
import { starterVocabulary, type Topic, type VocabularyIndex } from './vocabulary';
import { LANGUAGES, guessLanguage, isContentWord, readWords, stem, type Language, type TextWord } from './words';

export interface HashtagSetInput {
  name: string;
  /** Without "#", in the user's order. */
  tags: readonly string[];
}

export interface SuggestOptions {
  network: Network;
  limit: number;
  /** The brand the caption is for; `undefined` reads what was learned for every brand. */
  brand?: BrandRef;
  /** Tags never to suggest (with or without "#"; matched ignoring case and accents). */
  avoid?: readonly string[];
  sets?: readonly HashtagSetInput[];
  /** The caption's language; guessed from its stopwords when not given. */
  language?: Language;
  /** Defaults to the starter vocabulary. */
  vocabulary?: VocabularyIndex;
}

/** Signal given to any word of the text turned into a tag, known or not. */
const PLAIN_WORD = 0.35;
/** A learned hashtag named by a word of the text is a weaker seed than one written. */
const WORD_SEED_WEIGHT = 0.8;
/** Longest run of words joined into one tag (`bed and breakfast` → `bedandbreakfast`). */
const MAX_PHRASE_WORDS = 3;
/** Own tags considered on the "yours" prior alone, however unrelated to the text. */
const TOP_OWN_TAGS = 30;
/** A co-occurrence weaker than this (w·P(c | s)) is noise, and not worth a candidate: a
 * tag seen in 5,000 posts has thousands of partners seen with it once or twice. */
const MIN_COOCCURRENCE = 0.02;
/** Weight of a tag listed for the other language in a topic. */
const OTHER_LANGUAGE = 0.6;
/** Trigger words for a topic to count fully. */
const TOPIC_FULL_HITS = 2;

/**
 * Words of every kind of caption that say nothing of a topic by themselves, though some
 * topics list them as triggers or hashtags: time (seasons, days, "new", "season"),
 * booking, and words of a few topics that other trades use as much ("cold" is coffee's
 * "cold brew" but also the weather). A café's "menu d'autunno" is not about fashion or
 * nature. Compared accent-free; both languages, as captions mix them.
 */
const GENERIC_WORDS = new Set([
  'autunno', 'autunnale', 'inverno', 'invernale', 'primavera', 'estate', 'estivo', 'estiva', 'stagione', 'stagionale',
  'autumn', 'fall', 'winter', 'spring', 'summer', 'season', 'seasonal',
  'lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica', 'weekend',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'nuovo', 'nuova', 'nuovi', 'nuove', 'novita', 'new',
  'prenota', 'prenotate', 'prenotazione', 'prenotazioni', 'book', 'booking', 'bookings',
  'cold', 'days',
]);

function isGenericWord(loose: string): boolean {
  return GENERIC_WORDS.has(loose);
}

/**
 * The topics the text speaks of, with how strongly (0-1]. A topic is spoken of when a
 * word names it and no other topic (a trigger or hashtag of its own), or when the text
 * carries one of its hashtags. A word several topics share ("forno": pizza and bakery;
 * "autunno" would be fashion and nature) adds to the topics spoken of, but speaks of
 * none alone: bread "fresh from the oven" is not pizza, unless the topic is the user's
 * own (`usersTopics`): a wine bar's "degustazione" is about wine. Strength: distinct
 * words and hashtags naming the topic / `TOPIC_FULL_HITS`, at most 1.
 */
function topicsSpokenOf(topicWords: Map<string, { topics: Set<Topic>; written: boolean }>, users: Set<Topic>): Map<Topic, number> {
  const hits = new Map<Topic, { all: number; own: number }>();
  for (const { topics, written } of topicWords.values()) {
    for (const topic of topics) {
      const h = hits.get(topic) ?? { all: 0, own: 0 };
      h.all++;
      if (written || topics.size === 1 || users.has(topic)) h.own++;
      hits.set(topic, h);
    }
  }
  const out = new Map<Topic, number>();
  for (const [topic, h] of hits) if (h.own > 0) out.set(topic, Math.min(1, h.all / TOPIC_FULL_HITS));
  return out;
}

const scopeTopicsCache = new WeakMap<HashtagScope, { version: number; vocabulary: VocabularyIndex; topics: Set<Topic> }>();

/** The topics with a hashtag of their own (listed by that topic only) in the user's own
 * posts of one scope; kept until the model changes. */
function scopeTopics(model: HashtagModel, vocabulary: VocabularyIndex, scope: HashtagScope): Set<Topic> {
  const cached = scopeTopicsCache.get(scope);
  if (cached && cached.version === model.version && cached.vocabulary === vocabulary) return cached.topics;
  const topics = new Set<Topic>();
  for (const [loose, places] of vocabulary.tags) {
    const topic = places[0].topic;
    if (topics.has(topic) || places.some((p) => p.topic !== topic)) continue;
    if ((scope.byLooseKey.get(loose) ?? []).some((e) => e.ownCount > 0)) topics.add(topic);
  }
  scopeTopicsCache.set(scope, { version: model.version, vocabulary, topics });
  return topics;
}

/** The topics the user posts about, in the scopes that speak for this caption. */
function usersTopics(model: HashtagModel, vocabulary: VocabularyIndex, scopes: readonly WeightedScope[]): Set<Topic> {
  const out = new Set<Topic>();
  for (const { scope } of scopes) for (const topic of scopeTopics(model, vocabulary, scope)) out.add(topic);
  return out;
}

/**
 * Whether a candidate is a topic's hashtag while the text speaks of none of its topics,
 * and neither the text's words, the user's own posts nor their sets bring it. Such a tag
 * can still come from co-occurrence with posts scrolled past (a feed where `#autunno`
 * goes with `#moda` and `#natura`), and it is dropped: a topic's tags appear only when
 * the text speaks of the topic (issue #12).
 */
function ofTopicNotSpokenOf(vocabulary: VocabularyIndex, loose: string, c: Candidate, spoken: Map<Topic, number>): boolean {
  const places = vocabulary.tags.get(loose);
  if (!places || c.ownCount > 0 || c.signals.word || c.signals.set) return false;
  return !places.some((place) => spoken.has(place.topic));
}

interface WeightedScope {
  scope: HashtagScope;
  weight: number;
}

/** The learned scopes that speak for this caption: its own network and brand fully, the
 * other network and the brand-less (shared) scope at half weight. */
function scopesFor(model: HashtagModel, network: Network, brand: BrandRef | undefined): WeightedScope[] {
  const out: WeightedScope[] = [];
  for (const scope of model.scopes()) {
    const brandWeight = brand === undefined || scope.brandId === brand ? 1 : scope.brandId === null || brand === null ? 0.5 : 0;
    const weight = brandWeight * (scope.network === network ? 1 : 0.5);
    if (weight > 0) out.push({ scope, weight });
  }
  return out;
}

const topOwnCache = new WeakMap<HashtagScope, { version: number; top: LearnedHashtag[] }>();

function topOwnTags(model: HashtagModel, scope: HashtagScope): LearnedHashtag[] {
  const cached = topOwnCache.get(scope);
  if (cached && cached.version === model.version) return cached.top;
  const top = scope.mostUsedOwn(TOP_OWN_TAGS);
  topOwnCache.set(scope, { version: model.version, top });
  return top;
}

interface Phrase {
  /** As written, lower case, words run together. */
  word: string;
  loose: string;
  words: number;
}

/** Single content words, and runs of two or three words that start and end with one. */
function phrasesOf(words: readonly TextWord[], language: Language): Phrase[] {
  const out: Phrase[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!isContentWord(words[i], language)) continue;
    let word = '';
    let loose = '';
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      word += last.word;
      loose += last.loose;
      if (n === 1 || isContentWord(last, language)) out.push({ word, loose, words: n });
    }
  }
  return out;
}

export function suggestHashtags(model: HashtagModel, text: string, options: SuggestOptions): HashtagSuggestion[] {
  const vocabulary = options.vocabulary ?? starterVocabulary();
  const words = readWords(text);
  const language = options.language ?? guessLanguage(words);
  const scopes = scopesFor(model, options.network, options.brand);

  const present = new Set(extractHashtags(text).map((tag) => looseKey(tag)));
  const avoid = new Set((options.avoid ?? []).map((tag) => looseKey(tag)));

  const candidates = new Map<string, Candidate>();
  const candidate = (loose: string, tag: string): Candidate => {
    let c = candidates.get(loose);
    if (!c) {
      c = newCandidate(tag);
      candidates.set(loose, c);
    }
    return c;
  };

  // Seeds of co-occurrence: learned hashtags the text carries or names, with a weight.
  const seeds = new Map<LearnedHashtag, number>();
  const addSeed = (entry: LearnedHashtag, weight: number) => {
    if (weight > (seeds.get(entry) ?? 0)) seeds.set(entry, weight);
  };
  // What each word of the text (or hashtag in it) says about topics: `by` -> the topics
  // it names, through their trigger words or their hashtags. Read in step 4.
  const topicWords = new Map<string, { topics: Set<Topic>; written: boolean }>();
  const hitTopic = (topic: Topic, by: string, written = false) => {
    let hit = topicWords.get(by);
    if (!hit) topicWords.set(by, (hit = { topics: new Set(), written }));
    hit.topics.add(topic);
  };

  for (const loose of present) {
    for (const { scope, weight } of scopes) {
      for (const entry of scope.byLooseKey.get(loose) ?? []) addSeed(entry, weight);
    }
    for (const place of vocabulary.tags.get(loose) ?? []) hitTopic(place.topic, `#${loose}`, true);
  }

  // 1. The words of the text.
  const named = new Set<string>();
  for (const phrase of phrasesOf(words, language)) {
    if (present.has(phrase.loose)) continue;
    let known = false;
    for (const { scope, weight } of scopes) {
      for (const entry of scope.byLooseKey.get(phrase.loose) ?? []) {
        known = true;
        addSeed(entry, weight * WORD_SEED_WEIGHT);
        offer(candidate(phrase.loose, entry.tag), weight, { code: 'word-in-text', word: phrase.word });
      }
    }
    const places = vocabulary.tags.get(phrase.loose);
    if (places) {
      known = true;
      offer(candidate(phrase.loose, places[0].tag), 1, { code: 'word-in-text', word: phrase.word });
      if (!isGenericWord(phrase.loose)) for (const place of places) hitTopic(place.topic, phrase.loose);
    }
    if (known) named.add(phrase.loose);
    else if (phrase.words === 1) offer(candidate(phrase.loose, phrase.word), PLAIN_WORD, { code: 'word-in-text', word: phrase.word });
  }

  // 2. Co-occurrence learned from the user's posts and clips (and posts scrolled past).
  for (const [seed, weight] of seeds) {
    const scope = model.scope(seed.network, seed.brandId)!;
    const posts = seed.ownCount + seed.seenCount;
    if (posts === 0) continue;
    const minCount = (MIN_COOCCURRENCE * posts) / weight;
    for (const { key, count } of model.partnersOf(seed)) {
      if (count < minCount) break; // strongest first
      const other = scope.byKey.get(key);
      if (!other) continue;
      offerCooccurrence(candidate(scope.looseOf(other), other.tag), (weight * count) / posts, seed.tag);
    }
  }

  // 3. The user's hashtag sets the text touches.
  const textStems = new Set<string>();
  for (const word of words) {
    if (!isContentWord(word, language)) continue;
    for (const l of LANGUAGES) textStems.add(`${l}:${stem(word.loose, l)}`);
  }
  for (const set of options.sets ?? []) {
    const looseTags = set.tags.map((tag) => looseKey(tag));
    const touched = looseTags.some((loose) => present.has(loose) || named.has(loose));
    const nameTouched =
      !touched &&
      readWords(set.name).some((w) => isContentWord(w, language) && LANGUAGES.some((l) => textStems.has(`${l}:${stem(w.loose, l)}`)));
    if (!touched && !nameTouched) continue;
    set.tags.forEach((tag, i) => offer(candidate(looseTags[i], tag), touched ? 1 : 0.5, { code: 'set', name: set.name }));
  }

  // 4. The starter vocabulary's topics, only those the text speaks of.
  for (const word of words) {
    if (!isContentWord(word, language) || isGenericWord(word.loose)) continue;
    for (const l of LANGUAGES) {
      for (const topic of vocabulary.triggers[l].get(stem(word.loose, l)) ?? []) hitTopic(topic, word.loose);
    }
  }
  const spoken = topicsSpokenOf(topicWords, usersTopics(model, vocabulary, scopes));
  for (const [topic, strength] of spoken) {
    for (const l of LANGUAGES) {
      const tags = topic[l].hashtags;
      tags.forEach((tag, rank) => {
        const place = tags.length > 1 ? 1 - (0.5 * rank) / (tags.length - 1) : 1;
        const value = strength * place * (l === language ? 1 : OTHER_LANGUAGE);
        offer(candidate(looseKey(tag), tag), value, { code: 'topic', topic: topic.topic });
      });
    }
  }

  // 5. The user's own frequent tags, however unrelated to the text (brand tags).
  for (const { scope } of scopes) {
    for (const entry of topOwnTags(model, scope)) candidate(scope.looseOf(entry), entry.tag);
  }

  // "yours" for every candidate, and the user's own spelling of it.
  const out: HashtagSuggestion[] = [];
  for (const [loose, c] of candidates) {
    if (present.has(loose) || avoid.has(loose)) continue;
    let bestShare = 0;
    let bestCount = -1;
    for (const { scope, weight } of scopes) {
      for (const entry of scope.byLooseKey.get(loose) ?? []) {
        const count = entry.ownCount + entry.seenCount;
        if (count > bestCount) {
          bestCount = count;
          c.tag = entry.tag;
        }
        c.ownCount = Math.max(c.ownCount, entry.ownCount);
        if (scope.ownPosts > 0) bestShare = Math.max(bestShare, (weight * entry.ownCount) / scope.ownPosts);
      }
    }
    if (bestShare > 0) {
      offer(c, bestShare, { code: c.ownCount >= YOURS_MIN_COUNT ? 'yours' : 'used-before', count: c.ownCount });
    }
    if (!isValidHashtag(c.tag)) continue;
    if (ofTopicNotSpokenOf(vocabulary, loose, c, spoken)) continue;
    out.push(scoreCandidate(c));
  }
  // Same order as `compareSuggestions`, the topic-only test made once per tag.
  const ranked = [...out.filter((s) => !isTopicOnly(s)).sort(compareScores), ...out.filter(isTopicOnly).sort(compareScores)];
  return ranked.slice(0, Math.max(0, options.limit));
}
