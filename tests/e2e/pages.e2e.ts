import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { TABLE_LABEL_KEYS } from '../../components/tableLabels';
import { editJson, patchBytes, textOf, unzipFiles, zipFiles, type ZipFiles } from '../../utils/backup/zip-testing';
import { itemsIn } from '../../utils/db/counts';
import { makeFixtureRows } from '../../utils/db/fixtures';
import { CURRENT_DB_VERSION, TABLE_NAMES } from '../../utils/db/schema';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { allStorage, resetExtensionStorage, setStorage, waitForHost } from './support/chromium-sidebar';
import {
  chooseBackupFile,
  deleteAllThroughUi,
  exportThroughUi,
  openExtensionPage,
  translator,
  type ChosenFile,
  type Translate,
} from './support/extension-pages';
import { clearDatabase, dumpDatabase, toDump, writeRows, type Dump } from './support/idb';

/** The top-level extension pages (popup, library) driven as a person does, in Chromium
 * with the built extension. */

const DAY = 24 * 60 * 60 * 1000;
const en = translator('en');
const it = translator('it');
const fixtures = makeFixtureRows();
/** Rows as a user counts them: the learned hashtags by hashtag, not by record. */
const rowCount = (name: (typeof TABLE_NAMES)[number]) => fixtures[name].reduce((sum: number, row: object) => sum + itemsIn(name, row), 0);
const totalRows = TABLE_NAMES.reduce((sum, name) => sum + rowCount(name), 0);
const EMPTY: Dump = Object.fromEntries(TABLE_NAMES.map((name) => [name, []]));

let run: ChromiumRun;
/** An open library page, on a cleared database and cleared settings. */
let library: Page;
let fixtureDump: Dump;

/** Every tab closed, settings and database emptied; returns an open library page. */
async function freshStart(): Promise<Page> {
  for (const p of run.context.pages()) await p.close();
  await resetExtensionStorage(run);
  const page = await openExtensionPage(run, 'library.html');
  await clearDatabase(page);
  return page;
}

async function openFacebook(): Promise<Page> {
  const page = await run.context.newPage();
  await page.goto(run.url('www.facebook.com', '/'));
  await waitForHost(page);
  return page;
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  fixtureDump = await toDump(fixtures);
  // The app creates its database on first use: open "Delete all my data…" once (it
  // counts the records) and cancel.
  const page = await openExtensionPage(run, 'library.html');
  await page.getByTestId('delete-all-open').click();
  await page.getByTestId('delete-all-cancel').click();
});
afterAll(async () => {
  await run?.close();
});
beforeEach(async () => {
  library = await freshStart();
});

describe('popup', () => {
  test('switching Facebook off hides the sidebar on an open Facebook tab; on again brings it back', async () => {
    const facebook = await openFacebook();
    const popup = await openExtensionPage(run, 'popup.html');
    const facebookSwitch = popup.getByTestId('settings-site-facebook');
    expect(await facebookSwitch.isChecked()).toBe(true);

    await facebookSwitch.click();
    await waitForHost(facebook, (info) => info.count === 0);
    expect(await facebookSwitch.isChecked()).toBe(false);
    expect((await allStorage(run)).enabledSites).toEqual({ facebook: false, instagram: true, business: true });

    await facebookSwitch.click();
    await waitForHost(facebook, (info) => info.count === 1);
    expect((await allStorage(run)).enabledSites).toEqual({ facebook: true, instagram: true, business: true });
  });

  test("Italian switches the popup's own texts at once, and English switches them back", async () => {
    const popup = await openExtensionPage(run, 'popup.html');
    const texts = () =>
      popup.evaluate(() => ({
        lang: document.documentElement.lang,
        headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
        openLibrary: document.querySelector('[data-testid="popup-open-library"]')?.textContent,
        deleteAll: document.querySelector('[data-testid="delete-all-open"]')?.textContent,
      }));
    const expected = (lang: 'en' | 'it', t: Translate) => ({
      lang,
      headings: [
        t('settingsSitesTitle'),
        t('settingsInterfaceTitle'),
        t('settingsTimeZoneTitle'),
        t('repliesSettingsTitle'),
        t('settingsHashtagsTitle'),
        t('navIdeas'),
      ],
      openLibrary: t('openLibrary'),
      deleteAll: t('deleteAllButton'),
    });
    expect(await texts()).toEqual(expected('en', en));

    await popup.getByTestId('settings-language').selectOption('it');
    await expect.poll(texts).toEqual(expected('it', it));
    expect((await allStorage(run)).language).toBe('it');

    await popup.getByTestId('settings-language').selectOption('en');
    await expect.poll(texts).toEqual(expected('en', en));
  });

  test('the side select moves the sidebar on an open Facebook tab', async () => {
    const facebook = await openFacebook();
    expect((await waitForHost(facebook)).side).toBe('right');
    const popup = await openExtensionPage(run, 'popup.html');

    await popup.getByTestId('settings-side').selectOption('left');
    await waitForHost(facebook, (info) => info.side === 'left');
    expect((await allStorage(run)).sidebarSide).toBe('left');

    await popup.getByTestId('settings-side').selectOption('right');
    await waitForHost(facebook, (info) => info.side === 'right');
  });

  test('time zone: search "Rome", choose Europe/Rome (stored), reset to the browser\'s zone', async () => {
    const popup = await openExtensionPage(run, 'popup.html');
    // A browser zone that is surely not Rome, so that the reset visibly changes something.
    const cdp = await run.context.newCDPSession(popup);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Tokyo' });
    await openExtensionPage(run, 'popup.html', popup);
    const shown = () => popup.getByText(/^(Now|Attuale): /).textContent();
    expect(await shown()).toBe(en('settingsTimeZoneCurrent', 'Asia/Tokyo'));
    expect(await popup.getByTestId('settings-timezone-reset').count()).toBe(0);

    await popup.getByTestId('settings-timezone-search').fill('Rome');
    const options = popup.getByTestId('settings-timezone-option');
    await expect.poll(() => options.allTextContents()).toEqual(['Europe/Rome']);
    await options.first().click();
    await expect.poll(async () => (await allStorage(run)).defaultTimeZone).toBe('Europe/Rome');
    expect(await shown()).toBe(en('settingsTimeZoneCurrent', 'Europe/Rome'));
    expect(await options.count()).toBe(0); // the list closes once a zone is chosen

    const reset = popup.getByTestId('settings-timezone-reset');
    expect(await reset.textContent()).toBe(en('settingsTimeZoneUseBrowser', 'Asia/Tokyo'));
    await reset.click();
    await expect.poll(async () => (await allStorage(run)).defaultTimeZone ?? null).toBeNull();
    await expect.poll(shown).toBe(en('settingsTimeZoneCurrent', 'Asia/Tokyo'));
    expect(await reset.count()).toBe(0);
  });

  test('backup reminder: shown when the last backup is 40 days old and data changed since; not after a recent backup', async () => {
    const now = Date.now();
    await setStorage(run, { backupStatus: { lastBackupAt: now - DAY, dataChangedAt: now } });
    const popup = await openExtensionPage(run, 'popup.html');
    const reminder = popup.getByTestId('backup-reminder');
    expect(await reminder.count()).toBe(0);

    const old = now - 40 * DAY;
    await setStorage(run, { backupStatus: { lastBackupAt: old, dataChangedAt: now } });
    await reminder.waitFor(); // live, without reopening the popup
    const date = await popup.evaluate(
      (ms) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(ms), // formatDateTime(ms, 'en')
      old,
    );
    expect(await reminder.locator('p').textContent()).toBe(en('backupReminderOld', date));

    // Reopened, with a backup made today: no reminder.
    await setStorage(run, { backupStatus: { lastBackupAt: now, dataChangedAt: now } });
    await openExtensionPage(run, 'popup.html', popup);
    expect(await reminder.count()).toBe(0);
    // Control: reopened the same way with the old backup, it does show (so the check above can fail).
    await setStorage(run, { backupStatus: { lastBackupAt: old, dataChangedAt: now } });
    await openExtensionPage(run, 'popup.html', popup);
    await reminder.waitFor({ timeout: 5_000 });
  });

  test('delete all my data: the confirmation counts what will go; cancel keeps it, confirm deletes it all', async () => {
    await writeRows(library, fixtures);
    await setStorage(run, { language: 'en', sidebarSide: 'left', defaultTimeZone: 'Europe/Rome' });
    const storageBefore = await allStorage(run);
    const popup = await openExtensionPage(run, 'popup.html');

    await popup.getByTestId('delete-all-open').click();
    const listed = popup.getByTestId('delete-all-confirmation').locator('li');
    await expect
      .poll(() => listed.allTextContents())
      .toEqual([...TABLE_NAMES.map((name) => en(TABLE_LABEL_KEYS[name], rowCount(name))), en('deleteAllSettings')]);
    expect(await listed.allTextContents()).toContain('Clipped ideas: 3'); // as a person reads it

    await popup.getByTestId('delete-all-cancel').click();
    expect(await popup.getByTestId('delete-all-confirmation').count()).toBe(0);
    expect(await dumpDatabase(library)).toStrictEqual(fixtureDump);
    expect(await allStorage(run)).toEqual(storageBefore);

    await deleteAllThroughUi(popup);
    expect(await dumpDatabase(library)).toStrictEqual(EMPTY);
    await popup.getByTestId('delete-all-open').click(); // asked again, it counts nothing
    await expect.poll(() => listed.allTextContents()).toEqual([...TABLE_NAMES.map((name) => en(TABLE_LABEL_KEYS[name], 0)), en('deleteAllSettings')]);
    await popup.getByTestId('delete-all-cancel').click();
    // Reopened: there is nothing left to back up, so no reminder; and no setting is left.
    await openExtensionPage(run, 'popup.html', popup);
    expect(await popup.getByTestId('backup-reminder').count()).toBe(0);
    expect(await allStorage(run)).toEqual({});
  });
});

// --- Backup and restore in the library page -----------------------------------------

/** A broken file, what the app must call it, and the sentence it must show. */
interface BrokenCase {
  name: string;
  file: () => Promise<Blob> | Blob;
  code: string;
  message: (t: Translate) => string;
  /** Also checked with the interface in Italian. */
  italian?: boolean;
}

/** The export as the app wrote it. */
let exported: ChosenFile;
/** The dump the export was made from. */
let exportedDump: Dump;
let backupStatusAfterExport: unknown;
/** The export with every row a day newer: were any of it imported, every row would change.
 * The damaged files are made from it, so that "unchanged" means something. */
let newer: Blob;

const blobOf = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);
const withFiles = async (edit: (files: ZipFiles) => void) => {
  const files: ZipFiles = await unzipFiles(newer);
  edit(files);
  return zipFiles(files);
};
const editedEntry = async (name: string, edit: (value: any) => unknown) => zipFiles(await editJson(newer, name, edit));

const BROKEN: BrokenCase[] = [
  {
    name: 'random bytes',
    file: () => new Blob([crypto.getRandomValues(new Uint8Array(4096))]),
    code: 'not-a-zip',
    message: (t) => t('backupErrorNotAZip'),
    italian: true,
  },
  {
    name: 'the export cut in half',
    file: () => blobOf(exported.bytes.slice(0, Math.floor(exported.bytes.length / 2))),
    code: 'truncated',
    message: (t) => t('backupErrorTruncated'),
  },
  {
    name: 'a zip of another kind (just a readme)',
    file: () => zipFiles(new Map([['README.txt', 'Holiday photos, summer 2026']])),
    code: 'wrong-kind',
    message: (t) => t('backupErrorWrongKind'),
  },
  {
    name: 'a manifest declaring a newer formatVersion',
    file: () => editedEntry('manifest.json', (m) => void (m.formatVersion = 2)),
    code: 'newer-version',
    message: (t) => t('backupErrorNewerVersion'),
  },
  {
    name: 'an invalid row (a date as text)',
    file: () => editedEntry('tables/postLog.json', (rows) => void (rows[1].publishedAt = '2026-11-28')),
    code: 'invalid-data',
    message: (t) => t('backupErrorInvalidRow', t('backupTablePostLog'), 2, 'publishedAt'),
    italian: true,
  },
  {
    name: 'a hostile entry name (../evil.json)',
    file: () => withFiles((files) => files.set('../evil.json', '{"owned":true}')),
    code: 'hostile',
    message: (t) => t('backupErrorHostile'),
  },
  {
    name: 'bytes changed inside an entry (bad checksum)',
    file: async () => patchBytes(await zipFiles(await unzipFiles(newer), { level: 0 }), 'Trattoria Da Gino', 'Trattoria Da Pino'),
    code: 'corrupt',
    message: (t) => t('backupErrorCorrupt'),
  },
];

async function bytesOf(blob: Blob | Promise<Blob>): Promise<Uint8Array> {
  return new Uint8Array(await (await blob).arrayBuffer());
}

/** The error notice's message, once it is shown. */
async function shownError(page: Page) {
  const notice = page.getByTestId('backup-error');
  await notice.waitFor();
  const message = notice.locator('[data-code]');
  return { code: await message.getAttribute('data-code'), text: await message.textContent(), notice: await notice.textContent() };
}

/** A sentence for a person: capital letter first, words, a full stop at the end. */
function expectSentence(text: string | null) {
  expect(text).toMatch(/^[A-Z][^\n]* [^\n]*[.!?]$/);
}

/** The per-table counts of the preview or the report. */
async function reportCounts(page: Page, container: string) {
  const counts: Record<string, [string | null, string | null, string | null]> = {};
  for (const name of TABLE_NAMES) {
    const row = page.getByTestId(container).getByTestId(`backup-report-${name}`);
    counts[name] = [await row.getAttribute('data-added'), await row.getAttribute('data-updated'), await row.getAttribute('data-skipped')];
  }
  return counts;
}
const everyTable = (count: (name: (typeof TABLE_NAMES)[number]) => [number, number, number]) =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, count(name).map(String)]));

describe('backup and restore in the library page', () => {
  beforeAll(async () => {
    const page = await freshStart();
    await writeRows(page, fixtures);
    exportedDump = await dumpDatabase(page);
    exported = await exportThroughUi(page);
    backupStatusAfterExport = (await allStorage(run)).backupStatus;

    const files: ZipFiles = await unzipFiles(blobOf(exported.bytes));
    for (const name of TABLE_NAMES) {
      const rows = JSON.parse(textOf(files.get(`tables/${name}.json`))) as { updatedAt: number }[];
      for (const row of rows) row.updatedAt += DAY;
      files.set(`tables/${name}.json`, JSON.stringify(rows));
    }
    newer = await zipFiles(files);
  });

  test('export: a dated .zip download holding every row and image; the reminder clock restarts', async () => {
    expect(exportedDump).toStrictEqual(fixtureDump);
    expect(exported.name).toMatch(/^spalla-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzipFiles(blobOf(exported.bytes));
    expect([...files.keys()].sort()).toEqual([
      'images/image-lasagne-full.png',
      'images/image-lasagne-thumb.gif',
      'manifest.json',
      ...TABLE_NAMES.map((name) => `tables/${name}.json`).sort(),
    ]);
    const manifest = JSON.parse(textOf(files.get('manifest.json')));
    expect(manifest).toMatchObject({
      format: 'spalla-backup',
      formatVersion: 1,
      dbVersion: CURRENT_DB_VERSION,
      tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, fixtures[name].length])), // records, in the file
    });
    expect([...files.get('images/image-lasagne-full.png')!]).toEqual((fixtureDump.images[0] as { blob: { bytes: number[] } }).blob.bytes);
    expect(backupStatusAfterExport).toMatchObject({ lastBackupAt: expect.any(Number) });
    expect(Date.now() - (backupStatusAfterExport as { lastBackupAt: number }).lastBackupAt).toBeLessThan(5 * 60_000);
  });

  test.each(BROKEN)('$name → $code notice, and the database is byte-for-byte unchanged', async ({ file, code, message }) => {
    await writeRows(library, fixtures);
    const before = JSON.stringify(await dumpDatabase(library));

    await chooseBackupFile(library, { name: 'spalla-backup-2026-11-28.zip', bytes: await bytesOf(file()) });
    const error = await shownError(library);
    expect(error.code).toBe(code);
    expect(error.text).toBe(message(en));
    expectSentence(error.text);
    expect(error.notice).toContain(en('backupNothingChanged'));
    expect(await library.getByTestId('backup-preview').count()).toBe(0);
    expect(JSON.stringify(await dumpDatabase(library))).toBe(before);
  });

  test.each(BROKEN.filter((c) => c.italian))('in Italian: $name → the Italian notice', async ({ file, code, message }) => {
    await writeRows(library, fixtures);
    const before = JSON.stringify(await dumpDatabase(library));
    await library.getByTestId('settings-language').selectOption('it');
    await expect.poll(() => library.locator('h1').textContent()).toBe(it('libraryTitle'));

    await chooseBackupFile(library, { name: 'backup.zip', bytes: await bytesOf(file()) });
    const error = await shownError(library);
    expect(error.code).toBe(code);
    expect(error.text).toBe(message(it));
    expect(error.text).not.toBe(message(en));
    expectSentence(error.text);
    expect(error.notice).toContain(it('backupNothingChanged'));
    expect(JSON.stringify(await dumpDatabase(library))).toBe(before);
  });

  test('control: the undamaged newer file would update every row; cancel keeps all, restore updates all', async () => {
    await writeRows(library, fixtures);
    const before = await dumpDatabase(library);
    const file = { name: 'newer.zip', bytes: await bytesOf(newer) };

    await chooseBackupFile(library, file);
    await library.getByTestId('backup-preview').waitFor();
    expect(await reportCounts(library, 'backup-preview')).toEqual(everyTable((name) => [0, rowCount(name), 0]));
    await library.getByTestId('backup-import-cancel').click();
    expect(await library.getByTestId('backup-preview').count()).toBe(0);
    expect(await dumpDatabase(library)).toStrictEqual(before);

    await chooseBackupFile(library, file);
    await library.getByTestId('backup-import-confirm').click();
    await library.getByTestId('backup-report').waitFor();
    const after = await dumpDatabase(library);
    for (const name of TABLE_NAMES) {
      const stamps = (dump: Dump) => dump[name].map((row) => (row as { updatedAt: number }).updatedAt);
      expect(stamps(after)).toEqual(stamps(before).map((t) => t + DAY));
    }
  });

  test('round trip: delete all, restore the export → preview counts, report, every row exactly as before', async () => {
    await writeRows(library, fixtures);
    expect(await dumpDatabase(library)).toStrictEqual(exportedDump);
    await deleteAllThroughUi(library);
    expect(await dumpDatabase(library)).toStrictEqual(EMPTY);

    await chooseBackupFile(library, exported);
    const preview = library.getByTestId('backup-preview');
    await preview.waitFor();
    expect(await preview.locator('p').first().textContent()).toBe(en('backupPreviewTitle', exported.name));
    expect(await reportCounts(library, 'backup-preview')).toEqual(everyTable((name) => [rowCount(name), 0, 0]));
    expect(await dumpDatabase(library)).toStrictEqual(EMPTY); // a preview writes nothing

    await library.getByTestId('backup-import-confirm').click();
    const report = library.getByTestId('backup-report');
    await report.waitFor();
    expect(await report.locator('p').first().textContent()).toBe(en('backupReportSummary', totalRows, 0, 0));
    expect(await reportCounts(library, 'backup-report')).toEqual(everyTable((name) => [rowCount(name), 0, 0]));
    expect(await dumpDatabase(library)).toStrictEqual(exportedDump);

    // The same file again: nothing new.
    await chooseBackupFile(library, exported);
    await library.getByTestId('backup-import-confirm').click();
    await expect.poll(() => report.locator('p').first().textContent()).toBe(en('backupReportNothingNew'));
    expect(await dumpDatabase(library)).toStrictEqual(exportedDump);
  });
});
