import { describe, expect, test } from 'vitest';
import { TABLE_NAMES } from '../db/schema';
import { formatMessage, type MessageCatalog } from '../i18n/format';
import { BACKUP_ERROR_CODES, type BackupError } from './errors';
import { BACKUP_ERROR_KEYS, BACKUP_TABLE_KEYS, backupErrorMessage, importReportSummary, type Translate } from './messages';
import allEn from '../../public/_locales/en/messages.json';
import allIt from '../../public/_locales/it/messages.json';
import type { ImportReport } from './merge';

/** The backup module's own messages, out of the extension's catalogs. */
const onlyBackup = (catalog: MessageCatalog): MessageCatalog =>
  Object.fromEntries(Object.entries(catalog).filter(([key]) => key.startsWith('backup')));
const en = onlyBackup(allEn as MessageCatalog);
const catalogs = { en, it: onlyBackup(allIt as MessageCatalog) };
const translator = (catalog: MessageCatalog): Translate => (key, ...subs) => {
  if (!catalog[key]) throw new Error(`missing message ${key}`);
  return formatMessage(catalog[key], subs);
};

describe.each(Object.entries(catalogs))('messages.%s.json', (_lang, catalog) => {
  test('has the same keys as the English file, all prefixed "backup"', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(catalog)) expect(key).toMatch(/^backup[A-Z]/);
  });

  test('every $NAME$ has a placeholder and every placeholder is used', () => {
    for (const [key, entry] of Object.entries(catalog)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
      expect(used, key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      expect(entry.description, key).toBeTruthy();
    }
  });

  test('every error code and table has a message', () => {
    for (const code of BACKUP_ERROR_CODES) expect(catalog[BACKUP_ERROR_KEYS[code]], code).toBeDefined();
    for (const name of TABLE_NAMES) expect(catalog[BACKUP_TABLE_KEYS[name]], name).toBeDefined();
  });

  test.each<BackupError>([
    ...BACKUP_ERROR_CODES.map((code) => ({ code })),
    { code: 'invalid-data', detail: { table: 'savedReplies', row: 11, path: ['body'] } },
    { code: 'export-failed', detail: { table: 'clips', row: 0, path: ['counts', 'reactions'] } },
  ])('turns %j into a sentence with nothing left unfilled', (error) => {
    const text = backupErrorMessage(translator(catalog), error);
    expect(text).not.toMatch(/\$/);
    if (error.detail?.row !== undefined) expect(text).toContain(String(error.detail.row + 1));
  });

  test('summarizes a report', () => {
    const t = translator(catalog);
    const report = Object.fromEntries(TABLE_NAMES.map((n) => [n, { added: 1, updated: 0, skipped: 1 }])) as ImportReport;
    report.clips.updated = 2;
    expect(importReportSummary(t, report)).toMatch(/8.*2.*8/);
    const nothing = Object.fromEntries(TABLE_NAMES.map((n) => [n, { added: 0, updated: 0, skipped: 3 }])) as ImportReport;
    expect(importReportSummary(t, nothing)).toBe(t('backupReportNothingNew'));
  });
});

test('an error about one record names it', () => {
  const t = translator(catalogs.en);
  expect(backupErrorMessage(t, { code: 'invalid-data', detail: { table: 'savedReplies', row: 11, path: ['body'] } })).toBe(
    'This backup contains a record Spalla cannot accept: saved replies, record 12 (field “body”).',
  );
  expect(importReportSummary(t, Object.fromEntries(TABLE_NAMES.map((n) => [n, { added: 1, updated: 2, skipped: 0 }])) as ImportReport)).toBe(
    '8 added, 16 updated, 0 skipped',
  );
});
