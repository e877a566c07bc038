import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';
import { countIndex, translateMessage, type MessageCatalog } from './format';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys passed literally to `t('…')` anywhere in the extension's code. */
function keysUsedInCode(): string[] {
  const files = ['components', 'entrypoints', 'utils'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const keys = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1]);
  }
  return [...keys];
}

describe('interface strings', () => {
  test('English and Italian have exactly the same keys', () => {
    expect(Object.keys(it).sort()).toEqual(Object.keys(en).sort());
  });

  test('every message is non-empty and uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const a = (en as MessageCatalog)[key];
      const b = (it as MessageCatalog)[key];
      expect(a.message.trim(), key).not.toBe('');
      expect(b.message.trim(), key).not.toBe('');
      const positional = (m: string) => [...m.matchAll(/\$([1-9])/g)].map((x) => x[1]).sort();
      expect(positional(b.message), key).toEqual(positional(a.message));
      expect(Object.keys(b.placeholders ?? {}).sort(), key).toEqual(Object.keys(a.placeholders ?? {}).sort());
    }
  });

  test('every key the code asks for exists', () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !(key in en) && !(`${key}_one` in en && `${key}_other` in en))).toEqual([]);
  });
});

const EN = en as MessageCatalog;
const IT = it as MessageCatalog;
/** Keys stored as plural forms: `X_one` (every such key has `X_other`). */
const pluralBases = (catalog: MessageCatalog) =>
  Object.keys(catalog)
    .filter((key) => key.endsWith('_one'))
    .map((key) => key.slice(0, -'_one'.length));

describe('counts: plural forms in both languages', () => {
  test('every count message has _one and _other in English and Italian, and no plain form', () => {
    const bases = pluralBases(EN);
    expect(bases.length).toBeGreaterThan(40);
    expect(pluralBases(IT).sort()).toEqual([...bases].sort());
    for (const base of bases) {
      for (const catalog of [EN, IT]) {
        expect(catalog[`${base}_other`], base).toBeDefined();
        expect(catalog[base], `${base} must not also exist as a plain message`).toBeUndefined();
        // The count is a real substitution of the message (COUNT's $n, else $1).
        const other = catalog[`${base}_other`];
        expect(countIndex(other), base).toBeLessThan(9);
        for (const form of ['one', 'other']) {
          const entry = catalog[`${base}_${form}`];
          expect(Object.keys(entry.placeholders ?? {}).sort(), `${base}_${form}`).toEqual(Object.keys(other.placeholders ?? {}).sort());
        }
      }
    }
  });

  test('a key ending in _other without _one is an enumerated value, not a count', () => {
    const orphans = Object.keys(EN).filter((key) => key.endsWith('_other') && !(`${key.slice(0, -6)}_one` in EN));
    expect(orphans).toEqual(['surface_other']);
  });

  // The messages that read a count; each must stay plural (the words around the number agree with it).
  const COUNT_KEYS = [
    'bestTimeTrustNone', 'bestTimeTrustThin', 'bestTimeTrustSolid', 'bestTimeWhyData', 'bestTimeLearnedGrid',
    'bestTimeCellLearned', 'bestTimeImportMapping', 'bestTimeImportPreviewPosts', 'bestTimeImportPreviewSkipped',
    'bestTimeImportRun', 'bestTimeCountReactions', 'bestTimeCountComments', 'bestTimeCountShares', 'bestTimeLogMore',
    'clipsCount', 'clipsCountFiltered', 'clipsSelectedCount', 'clipsDeleted', 'clipsShowMore', 'clipsScheduleMany',
    'clipsCountReactions', 'clipsCountComments', 'clipsCountShares', 'clipsExportAll', 'clipsExportSelection',
    'clipsExported', 'clipsStorageImages', 'clipsPageImagesFailed', 'clipsPageMoreText', 'repliesEditorCharacters',
    'repliesCount', 'repliesStartersNote', 'repliesStartersRemoved', 'repliesStartersKept', 'repliesExported',
    'repliesPackPreviewTitle', 'repliesConflictsUnanswered', 'repliesPackReportReplaced', 'repliesPackReportCleared',
    'repliesCsvDetected', 'repliesCsvSummaryReady', 'repliesCsvRowsSkipped', 'repliesCsvMore', 'repliesCsvReportImported',
    'repliesCharacters', 'repliesCharactersOfLimit', 'hashtagsReasonYours', 'hashtagsLintOverLimit', 'hashtagsLintMany',
    'hashtagsLintTooLong', 'hashtagsLintRepeated', 'hashtagsOverLimitAsk', 'hashtagAvoidImported',
  ];
  test.each(COUNT_KEYS)('%s has its plural forms', (key) => {
    for (const catalog of [EN, IT]) {
      expect(catalog[`${key}_one`], key).toBeDefined();
      expect(catalog[`${key}_other`], key).toBeDefined();
    }
  });

  test('no plain message puts a number right before a countable noun (that needs plural forms)', () => {
    // A substitution ($1 or $NAME$) followed by a noun that changes with the number. Messages in
    // label style ("Ideas: $1", "$1 added") read right for any number and stay plain.
    const nouns = {
      en: /^(posts?|ideas?|repl(y|ies)|hashtags?|rows?|images?|characters?|reactions?|comments?|shares?|times?|lines?|items?|records?|files?|days?|accounts?|clips?|sets?)\b/,
      it: /^(post|idee?|rispost[ae]|hashtag|righe|riga|immagin[ei]|caratter[ei]|reazion[ei]|comment[oi]|condivision[ei]|volt[ae]|elementi|file|giorni|account|set)\b/,
    };
    for (const [language, catalog] of [['en', EN], ['it', IT]] as const) {
      const offenders = Object.entries(catalog)
        .filter(([key]) => !/_(one|other|many)$/.test(key))
        .filter(([, entry]) => [...entry.message.matchAll(/\$(?:[1-9]|[A-Z_]+\$)\s+(?:more\s+|altr[ie]\s+)?(\S+)/g)].some((m) => nouns[language].test(m[1])))
        .map(([key]) => key);
      expect(offenders, language).toEqual([]);
    }
  });

  test('the forms read right: 1 and 2, English and Italian, numbers in the language\'s way', () => {
    const tr = (catalog: MessageCatalog, language: string, key: string, ...subs: (string | number)[]) =>
      translateMessage(catalog, language, key, subs);
    expect(tr(EN, 'en', 'bestTimeTrustThin', 1)).toBe('Thin: 1 post logged, too few or on too few days to rely on');
    expect(tr(EN, 'en', 'bestTimeTrustThin', 2)).toBe('Thin: 2 posts logged, too few or on too few days to rely on');
    expect(tr(EN, 'en', 'clipsCount', 1)).toBe('1 idea');
    expect(tr(EN, 'en', 'clipsCount', 0)).toBe('0 ideas');
    expect(tr(EN, 'en', 'clipsExportAll', 1)).toBe('Exports 1 idea (select ideas to export only those).');
    expect(tr(EN, 'en', 'clipsCount', 1234)).toBe('1,234 ideas');
    expect(tr(IT, 'it', 'clipsCount', 1)).toBe('1 idea');
    expect(tr(IT, 'it', 'clipsCount', 12345)).toBe('12.345 idee'); // Italian groups from 5 digits (CLDR)
    expect(tr(IT, 'it', 'clipsCount', 1_000_000)).toBe('1.000.000 idee'); // Italian "many" falls back to _other
    expect(tr(IT, 'it', 'clipsDeleted', 1)).toBe('Eliminata 1 idea.');
    // The count is the COUNT placeholder, not necessarily the first substitution.
    expect(tr(EN, 'en', 'clipsCountFiltered', 1, 1)).toBe('1 of 1 idea');
    expect(tr(EN, 'en', 'clipsCountFiltered', 1, 7)).toBe('1 of 7 ideas');
    expect(tr(IT, 'it', 'repliesCount', 2, 1)).toBe('2 di 1 risposta');
    expect(tr(EN, 'en', 'bestTimeWhyData', 'Tuesday 12:00', '1.8', 14)).toBe('Your Tuesday 12:00 posts get 1.8x your usual engagement, from 14 posts.');
    expect(tr(IT, 'it', 'hashtagsLintRepeated', '#pizza', 3)).toBe('#pizza compare 3 volte.');
  });
});
