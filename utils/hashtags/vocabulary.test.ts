import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isValidHashtag, normalizeHashtag } from './extract';
import { indexVocabulary, STARTER_TOPICS, starterVocabulary } from './vocabulary';
import { LANGUAGES, readWords, stem } from './words';

const files = readdirSync(join(import.meta.dirname, 'vocabulary')).filter((f) => f.endsWith('.json'));

describe('starter vocabulary data files', () => {
  test('every data file is shipped, and its file name is its topic id', () => {
    expect(STARTER_TOPICS.map((t) => `${t.topic}.json`).sort()).toEqual([...files].sort());
  });

  test('topic ids are unique kebab-case words', () => {
    const ids = STARTER_TOPICS.map((t) => t.topic);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  test('the topics the issue names are there', () => {
    const ids = STARTER_TOPICS.map((t) => t.topic);
    for (const id of ['food', 'travel', 'fashion', 'beauty', 'fitness', 'real-estate', 'weddings', 'local-business', 'events']) {
      expect(ids).toContain(id);
    }
  });

  describe.each(STARTER_TOPICS.flatMap((topic) => LANGUAGES.map((language) => [topic.topic, language, topic[language]] as const)))(
    '%s (%s)',
    (_id, _language, entry) => {
      test('has the two lists and nothing else', () => {
        expect(Object.keys(entry).sort()).toEqual(['hashtags', 'triggers']);
        expect(entry.triggers.length).toBeGreaterThanOrEqual(8);
        expect(entry.hashtags.length).toBeGreaterThanOrEqual(8);
      });

      test('hashtags are valid, without "#", and without repeats (ignoring case and accents)', () => {
        for (const tag of entry.hashtags) expect(isValidHashtag(tag), tag).toBe(true);
        const keys = entry.hashtags.map((t) => normalizeHashtag(t).looseKey);
        expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
      });

      test('triggers are single lower-case words without repeats', () => {
        for (const trigger of entry.triggers) {
          expect(readWords(trigger).length, trigger).toBeLessThanOrEqual(trigger.includes('&') ? 2 : 1);
          expect(trigger, trigger).toBe(trigger.toLowerCase());
        }
        const keys = entry.triggers.map((t) => normalizeHashtag(t).looseKey);
        expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
      });
    },
  );
});

describe('indexVocabulary', () => {
  const topic = {
    topic: 'coffee',
    it: { triggers: ['caffè', 'colazione'], hashtags: ['Caffè', 'colazione'] },
    en: { triggers: ['coffee'], hashtags: ['coffee', 'caffe'] },
  };
  const index = indexVocabulary([topic]);

  test.each([
    ['it', 'caffe'],
    ['it', 'colazioni'],
    ['en', 'coffees'],
  ] as const)('a %s word %s finds the topic through its stem', (language, word) => {
    expect(index.triggers[language].get(stem(word, language))).toEqual([topic]);
  });

  test('a hashtag listed in both languages is found once per language, by its accent-free key', () => {
    expect(index.tags.get('caffe')?.map((p) => [p.language, p.tag, p.rank])).toEqual([
      ['it', 'Caffè', 0],
      ['en', 'caffe', 1],
    ]);
  });

  test('the shipped index is built once', () => {
    expect(starterVocabulary()).toBe(starterVocabulary());
  });
});
