/**
 * The starter vocabulary that ships with Spalla: topics common in social media work,
 * each with trigger words and related hashtags in Italian and English. The data lives
 * in `vocabulary/<topic>.json` (kept well-formed by `vocabulary.test.ts`); this module
 * indexes it for the suggestion sources.
 *
 * Plain TypeScript: no browser API.
 */
import { looseKey } from './keys';
import { LANGUAGES, stem, type Language } from './words';
import bakery from './vocabulary/bakery.json';
import beauty from './vocabulary/beauty.json';
import coffee from './vocabulary/coffee.json';
import events from './vocabulary/events.json';
import fashion from './vocabulary/fashion.json';
import fitness from './vocabulary/fitness.json';
import food from './vocabulary/food.json';
import hair from './vocabulary/hair.json';
import handmade from './vocabulary/handmade.json';
import hotels from './vocabulary/hotels.json';
import localBusiness from './vocabulary/local-business.json';
import music from './vocabulary/music.json';
import nature from './vocabulary/nature.json';
import pets from './vocabulary/pets.json';
import photography from './vocabulary/photography.json';
import pizza from './vocabulary/pizza.json';
import realEstate from './vocabulary/real-estate.json';
import travel from './vocabulary/travel.json';
import weddings from './vocabulary/weddings.json';
import wine from './vocabulary/wine.json';
import yoga from './vocabulary/yoga.json';

export interface TopicLanguage {
  /** Words that, in a caption, say the post is about the topic (single words). */
  triggers: string[];
  /** Related hashtags without "#", most common first. */
  hashtags: string[];
}

export interface Topic {
  /** A stable id the UI translates (`food`, `real-estate`...). */
  topic: string;
  it: TopicLanguage;
  en: TopicLanguage;
}

export const STARTER_TOPICS: readonly Topic[] = [
  food,
  pizza,
  coffee,
  wine,
  bakery,
  travel,
  hotels,
  fashion,
  beauty,
  hair,
  fitness,
  yoga,
  realEstate,
  weddings,
  localBusiness,
  events,
  pets,
  photography,
  music,
  handmade,
  nature,
];

export interface TopicTag {
  topic: Topic;
  language: Language;
  tag: string;
  /** 0 for the topic's first (most common) hashtag. */
  rank: number;
}

export interface VocabularyIndex {
  /** Stem of a trigger word -> topics it triggers, per language of the trigger. */
  triggers: Record<Language, Map<string, Topic[]>>;
  /** Accent-free key of a topic hashtag -> where it appears. */
  tags: Map<string, TopicTag[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Builds the index of a vocabulary (stemming every trigger once). */
export function indexVocabulary(topics: readonly Topic[]): VocabularyIndex {
  const index: VocabularyIndex = { triggers: { it: new Map(), en: new Map() }, tags: new Map() };
  for (const topic of topics) {
    for (const language of LANGUAGES) {
      for (const trigger of topic[language].triggers) {
        push(index.triggers[language], stem(looseKey(trigger), language), topic);
      }
      topic[language].hashtags.forEach((tag, rank) => {
        push(index.tags, looseKey(tag), { topic, language, tag, rank });
      });
    }
  }
  return index;
}

let starter: VocabularyIndex | undefined;

/** The index of the shipped vocabulary, built on first use. */
export function starterVocabulary(): VocabularyIndex {
  return (starter ??= indexVocabulary(STARTER_TOPICS));
}
