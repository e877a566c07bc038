import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SavedReply } from '../../utils/db/saved-replies';
import { STARTER_REPLIES } from '../../utils/replies/starter';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { resetExtensionStorage, setStorage } from './support/chromium-sidebar';
import { translator } from './support/extension-pages';
import { clearDatabase, dumpDatabase, writeRows } from './support/idb';
import { ROOT } from './support/paths';
import { chooseFileThrough, downloadThrough, listedTitles, openRepliesLibrary, replyItem } from './support/replies-library';

/** The library's "Saved replies" section in Chromium with the built extension, driven
 * as a person does; results read back from the database itself (raw IndexedDB). */

const en = translator('en');
const it = translator('it');
const SAMPLES = join(ROOT, 'utils/replies/samples');
const T0 = Date.UTC(2026, 10, 1, 9);
/** The machine is shared and loaded: give the page time to catch up. */
const POLL = { timeout: 20_000, interval: 100 };

let run: ChromiumRun;
let page: Page;

async function replies(): Promise<SavedReply[]> {
  return (await dumpDatabase(page)).savedReplies as SavedReply[];
}

function row(overrides: Partial<SavedReply> & Pick<SavedReply, 'id' | 'title'>): SavedReply {
  return {
    createdAt: T0, updatedAt: T0, body: `${overrides.title} 😊`, shortcut: null, tags: [], networks: [], language: 'it',
    brandId: null, useCount: 0, lastUsedAt: null, ...overrides,
  };
}

async function seed(rows: SavedReply[]): Promise<void> {
  await writeRows(page, { brands: [], accounts: [], savedReplies: rows, hashtagSets: [], hashtagStats: [], clips: [], images: [], postLog: [] });
  await page.reload();
  await page.getByTestId('replies-section').waitFor();
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
});
afterAll(async () => {
  await run?.close();
});

describe('starter replies', () => {
  // First, before any test clears the database: what a fresh install leaves.
  test('a fresh install lists the starter set; "Remove the starter replies" removes them, Undo brings them back', async () => {
    page = await openRepliesLibrary(run);
    await expect.poll(() => page.getByTestId('reply-item').count(), { timeout: 30_000 }).toBe(STARTER_REPLIES.length);
    const seeded = await replies();
    expect(seeded.map((r) => r.id).sort()).toEqual(STARTER_REPLIES.map((r) => r.id).sort());

    await page.getByTestId('replies-remove-starters').click();
    await expect.poll(() => page.getByTestId('replies-toast-message').textContent(), POLL).toBe(en('repliesStartersRemoved', STARTER_REPLIES.length));
    await expect.poll(async () => (await replies()).length, POLL).toBe(0);
    expect(await page.getByTestId('replies-empty').count()).toBe(1);

    await page.getByTestId('replies-undo').click();
    await expect.poll(async () => (await replies()).length, POLL).toBe(STARTER_REPLIES.length);
    expect(await replies()).toEqual(seeded);
  });
});

describe('managing replies', () => {
  beforeEach(async () => {
    for (const p of run.context.pages()) await p.close();
    await resetExtensionStorage(run);
    page = await openRepliesLibrary(run);
    await clearDatabase(page);
    await page.reload();
    await page.getByTestId('replies-empty').waitFor();
  });

  test('create with live preview and template errors, edit, delete, undo', async () => {
    await page.getByTestId('replies-new').click();
    await page.getByTestId('reply-editor-title').fill('Orari del negozio');
    const body = page.getByTestId('reply-editor-body');
    await body.fill('Ciao {{first_name|amico}}!\nSiamo aperti {{orario}} {{cursor}}');

    // The error, live, with its line and column and an explanation in English.
    const error = page.getByTestId('reply-editor-error');
    await expect.poll(() => error.getAttribute('data-code'), POLL).toBe('unknown-variable');
    expect(await error.getAttribute('data-line')).toBe('2');
    expect(await error.getAttribute('data-column')).toBe('14');
    expect(await page.getByTestId('reply-editor-error-excerpt').textContent()).toBe('{{orario}}');
    expect(await error.textContent()).toContain(en('repliesTemplateErrorUnknownVariable', 'orario'));
    // Saving is refused while it is there.
    await page.getByTestId('reply-editor-save').click();
    expect(await page.getByTestId('reply-editor-problem').getAttribute('data-code')).toBe('template');
    expect(await replies()).toEqual([]);

    await body.fill('Ciao {{first_name|amico}}!\nSiamo aperti {{input:Orario}} {{cursor}}');
    await expect.poll(() => error.count(), POLL).toBe(0);
    // The preview uses the sample person and answers the field with its label.
    expect(await page.getByTestId('reply-editor-preview').textContent()).toBe('Ciao Emma!\nSiamo aperti Orario ▏');
    expect(await page.getByTestId('reply-editor-preview').getAttribute('data-caret')).toBe('31');
    await page.getByTestId('reply-editor-shortcut').fill('orari');
    await page.getByTestId('reply-editor-tags').fill('info, #negozio');
    await page.getByTestId('reply-editor-network').selectOption('instagram');
    await page.getByTestId('reply-editor-language').selectOption('it');
    await page.getByTestId('reply-editor-save').click();
    await page.getByTestId('reply-editor').waitFor({ state: 'detached' });

    const [created] = await replies();
    expect(created).toMatchObject({
      title: 'Orari del negozio',
      body: 'Ciao {{first_name|amico}}!\nSiamo aperti {{input:Orario}} {{cursor}}',
      shortcut: 'orari',
      tags: ['info', 'negozio'],
      networks: ['instagram'],
      language: 'it',
      useCount: 0,
      lastUsedAt: null,
    });
    expect(await listedTitles(page)).toEqual(['Orari del negozio']);

    // A second reply cannot take the same shortcut (ignoring case).
    await page.getByTestId('replies-new').click();
    await page.getByTestId('reply-editor-title').fill('Altro');
    await page.getByTestId('reply-editor-body').fill('Altro testo');
    await page.getByTestId('reply-editor-shortcut').fill('ORARI');
    await page.getByTestId('reply-editor-save').click();
    const taken = page.getByTestId('reply-editor-problem-shortcut');
    await expect.poll(() => taken.getAttribute('data-code'), POLL).toBe('taken');
    expect(await taken.textContent()).toBe(en('repliesProblemShortcutTaken', 'Orari del negozio'));
    await page.getByTestId('reply-editor-cancel').click();
    expect(await replies()).toHaveLength(1);

    // Edit.
    await replyItem(page, 'Orari del negozio').getByTestId('reply-edit').click();
    expect(await page.getByTestId('reply-editor-title').inputValue()).toBe('Orari del negozio');
    await page.getByTestId('reply-editor-title').fill('Orari estivi');
    await page.getByTestId('reply-editor-save').click();
    await expect.poll(async () => (await replies())[0].title, POLL).toBe('Orari estivi');
    const edited = (await replies())[0];
    expect(edited.id).toBe(created.id);
    expect(edited.createdAt).toBe(created.createdAt);
    expect(edited.updatedAt).toBeGreaterThan(created.updatedAt);

    // Delete, then Undo: the very same record comes back.
    await replyItem(page, 'Orari estivi').getByTestId('reply-delete').click();
    await expect.poll(async () => (await replies()).length, POLL).toBe(0);
    expect(await page.getByTestId('replies-toast-message').textContent()).toBe(en('repliesDeleted', 'Orari estivi'));
    await page.getByTestId('replies-undo').click();
    await expect.poll(async () => (await replies()).length, POLL).toBe(1);
    expect((await replies())[0]).toEqual(edited);
    await expect.poll(() => listedTitles(page), POLL).toEqual(['Orari estivi']);
  });

  test('text that looks like HTML stays text, in the preview and in the list', async () => {
    await page.getByTestId('replies-new').click();
    await page.getByTestId('reply-editor-title').fill('<img src=x onerror=alert(1)>');
    await page.getByTestId('reply-editor-body').fill('<b>Ciao</b> {{first_name|<i>amico</i>}}');
    await expect.poll(() => page.getByTestId('reply-editor-preview').textContent(), POLL).toBe('<b>Ciao</b> Emma');
    await page.getByTestId('reply-editor-save').click();
    await page.getByTestId('reply-editor').waitFor({ state: 'detached' });
    expect(await listedTitles(page)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(await page.getByTestId('reply-body').textContent()).toBe('<b>Ciao</b> {{first_name|<i>amico</i>}}');
    expect(await page.locator('[data-testid="replies-section"] img, [data-testid="replies-section"] b').count()).toBe(0);
  });

  test('in Italian: the template error and a broken CSV are explained in Italian', async () => {
    await setStorage(run, { language: 'it' });
    await page.reload();
    await expect.poll(() => page.locator('h2').first().textContent(), POLL).toBe(it('repliesTitle'));
    await page.getByTestId('replies-new').click();
    await page.getByTestId('reply-editor-title').fill('Prova');
    await page.getByTestId('reply-editor-body').fill('Ciao {{first_name}');
    const error = page.getByTestId('reply-editor-error');
    await expect.poll(() => error.getAttribute('data-code'), POLL).toBe('unclosed-tag');
    expect(await error.textContent()).toContain(`${it('repliesEditorErrorAt', 1, 6)}: ${it('repliesTemplateErrorUnclosedTag')}`);
    await page.getByTestId('reply-editor-cancel').click();

    const name = 'csv-broken-binary.csv';
    await chooseFileThrough(page, 'replies-import-csv-open', { name, bytes: readFileSync(join(SAMPLES, name)) }, 'text/csv');
    const csvError = page.getByTestId('replies-csv-error');
    await csvError.waitFor();
    expect(await csvError.textContent()).toBe(it('repliesCsvErrorNotText') + it('repliesNothingChanged'));
    expect(await replies()).toEqual([]);
  });

  test('search, sort and filters', async () => {
    await seed([
      row({ id: 'a', title: 'Orari', useCount: 1, lastUsedAt: T0 + 5, tags: ['info'], networks: ['facebook'] }),
      row({ id: 'b', title: 'Prices', language: 'en', useCount: 9, lastUsedAt: T0 + 1, tags: ['info'] }),
      row({ id: 'c', title: 'Caffè', body: 'Il caffè costa 1 €', useCount: 3, lastUsedAt: null, networks: ['instagram'] }),
    ]);
    expect(await listedTitles(page)).toEqual(['Prices', 'Caffè', 'Orari']); // most used first
    await page.getByTestId('replies-sort').selectOption('recent');
    expect(await listedTitles(page)).toEqual(['Orari', 'Prices', 'Caffè']);
    await page.getByTestId('replies-sort').selectOption('title');
    expect(await listedTitles(page)).toEqual(['Caffè', 'Orari', 'Prices']);
    await page.getByTestId('replies-filter-network').selectOption('instagram');
    expect(await listedTitles(page)).toEqual(['Caffè', 'Prices']);
    await page.getByTestId('replies-filter-network').selectOption('');
    await page.getByTestId('replies-filter-language').selectOption('en');
    expect(await listedTitles(page)).toEqual(['Prices']);
    await page.getByTestId('replies-filter-language').selectOption('');
    await page.getByTestId('replies-filter-tag').selectOption('info');
    expect(await listedTitles(page)).toEqual(['Orari', 'Prices']);
    await page.getByTestId('replies-filter-tag').selectOption('');
    await page.getByTestId('replies-search').fill('caffe');
    expect(await listedTitles(page)).toEqual(['Caffè']);
  });

  test('duplicate: a copy without shortcut opens in the editor', async () => {
    await seed([row({ id: 'a', title: 'Orari', shortcut: 'orari', useCount: 4 })]);
    await replyItem(page, 'Orari').getByTestId('reply-duplicate').click();
    await expect.poll(async () => (await replies()).length, POLL).toBe(2);
    expect(await page.getByTestId('reply-editor-title').inputValue()).toBe(en('repliesCopyTitle', 'Orari'));
    const copy = (await replies()).find((r) => r.id !== 'a')!;
    expect(copy).toMatchObject({ title: en('repliesCopyTitle', 'Orari'), body: 'Orari 😊', shortcut: null, useCount: 0 });
  });

  test('pack: export two selected, import them elsewhere with a shortcut conflict answered per reply', async () => {
    const mine = [
      row({ id: 'r-orari', title: 'Orari', shortcut: 'orari', tags: ['info'], body: '{Ciao|Salve} {{first_name|amico}}! Aperti {{input:Orario}}.' }),
      row({ id: 'r-prezzi', title: 'Prezzi', shortcut: 'prezzi', useCount: 7, lastUsedAt: T0 + 9 }),
      row({ id: 'r-dm', title: 'Scrivici', shortcut: 'dm' }),
    ];
    await seed(mine);
    await replyItem(page, 'Orari').getByTestId('reply-select').check();
    await replyItem(page, 'Prezzi').getByTestId('reply-select').check();
    expect(await page.getByTestId('replies-export').textContent()).toBe(en('repliesExportSelected', 2));
    const file = await downloadThrough(page, 'replies-export');
    expect(file.name).toMatch(/^spalla-replies-\d{4}-\d{2}-\d{2}\.json$/);
    const pack = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(pack).toMatchObject({ format: 'spalla-replies', formatVersion: 1 });
    expect(pack.replies.map((r: SavedReply) => r.id)).toEqual(['r-orari', 'r-prezzi']);
    expect(pack.replies[1]).not.toHaveProperty('useCount'); // statistics stay home

    // Another person's library: their own "Orari" has the same shortcut, "Prezzi" is new to them.
    await clearDatabase(page);
    const theirs = row({ id: 'x-orari', title: 'I miei orari', shortcut: 'ORARI' });
    await seed([theirs]);
    await chooseFileThrough(page, 'replies-import-pack-open', file, 'application/json');
    const preview = page.getByTestId('replies-pack-preview');
    await preview.waitFor();
    expect(await page.getByTestId('replies-pack-counts').getAttribute('data-add')).toBe('2');
    const conflict = page.getByTestId('replies-conflict');
    expect(await conflict.count()).toBe(1);
    expect(await conflict.getAttribute('data-id')).toBe('r-orari');
    expect(await page.getByTestId('replies-pack-confirm').isDisabled()).toBe(true);
    expect(await replies()).toEqual([theirs]); // nothing written by the preview

    await conflict.getByTestId('replies-conflict-both').check();
    await page.getByTestId('replies-pack-confirm').click();
    const report = page.getByTestId('replies-pack-report');
    await report.waitFor();
    expect(await report.locator('p').first().getAttribute('data-added')).toBe('2');
    const after = await replies();
    expect(after.map((r) => [r.id, r.shortcut]).sort()).toEqual([['r-orari', null], ['r-prezzi', 'prezzi'], ['x-orari', 'ORARI']]);
    expect(after.find((r) => r.id === 'r-orari')).toMatchObject({ ...mine[0], shortcut: null });
    expect(after.find((r) => r.id === 'r-prezzi')).toMatchObject({ ...mine[1], useCount: 0, lastUsedAt: null });

    // The same pack again: nothing is newer, everything skipped.
    await page.getByTestId('replies-pack-close').click();
    await chooseFileThrough(page, 'replies-import-pack-open', file, 'application/json');
    await preview.waitFor();
    expect(await page.getByTestId('replies-pack-counts').getAttribute('data-skip')).toBe('2');
  });

  test('pack: a broken file gets a clear message and changes nothing', async () => {
    await seed([row({ id: 'a', title: 'Orari' })]);
    const before = await replies();
    const name = 'pack-broken-template.json';
    await chooseFileThrough(page, 'replies-import-pack-open', { name, bytes: readFileSync(join(SAMPLES, name)) }, 'application/json');
    const error = page.getByTestId('replies-pack-error');
    await error.waitFor();
    expect(await error.locator('[data-code]').textContent()).toBe(en('repliesPackErrorInvalidRow', 2, 'Thanks for the review', 'body'));
    expect(await replies()).toEqual(before);
  });

  test('CSV from Italian Excel (Windows-1252, semicolons) through the mapping step', async () => {
    await seed([row({ id: 'mine', title: 'Mio caffè', shortcut: 'caffe' })]);
    const name = 'csv-excel-it-windows1252.csv';
    await chooseFileThrough(page, 'replies-import-csv-open', { name, bytes: readFileSync(join(SAMPLES, name)) }, 'text/csv');
    const mapping = page.getByTestId('replies-csv-mapping');
    await mapping.waitFor();
    const detected = page.getByTestId('replies-csv-detected');
    expect(await detected.getAttribute('data-encoding')).toBe('windows-1252');
    expect(await detected.getAttribute('data-delimiter')).toBe(';');
    // The columns were recognised from the Italian headers.
    expect(await page.getByTestId('replies-csv-map-title').inputValue()).toBe('0');
    expect(await page.getByTestId('replies-csv-map-body').inputValue()).toBe('1');
    expect(await page.getByTestId('replies-csv-map-shortcut').inputValue()).toBe('2');
    expect(await page.getByTestId('replies-csv-map-tags').inputValue()).toBe('3');

    // Leave the shortcut column out: the rows with bad or clashing shortcuts come in.
    await page.getByTestId('replies-csv-map-shortcut').selectOption('');
    const summary = page.getByTestId('replies-csv-summary');
    await expect.poll(() => summary.getAttribute('data-ready'), POLL).toBe('5');
    // …and back: each refused row is listed with its reason.
    await page.getByTestId('replies-csv-map-shortcut').selectOption('2');
    await expect.poll(() => summary.getAttribute('data-ready'), POLL).toBe('2');
    const skipped = page.getByTestId('replies-csv-skipped-row');
    await expect
      .poll(async () => Promise.all((await skipped.all()).map(async (s) => [await s.getAttribute('data-row'), await s.getAttribute('data-reason')])))
      .toEqual([['3', 'shortcut-taken'], ['4', 'no-title'], ['5', 'template'], ['6', 'invalid-shortcut'], ['7', 'duplicate-shortcut']]);
    expect(await skipped.nth(0).textContent()).toBe(en('repliesCsvSkippedRow', 3, 'Caffè e così via', en('repliesCsvSkipShortcutTaken')));
    expect(await replies()).toHaveLength(1); // nothing written yet
    await page.getByTestId('replies-csv-language').selectOption('it');

    await page.getByTestId('replies-csv-confirm').click();
    await page.getByTestId('replies-csv-report').waitFor();
    const added = (await replies()).filter((r) => r.id !== 'mine').sort((a, b) => a.title.localeCompare(b.title));
    expect(added.map((r) => ({ title: r.title, body: r.body, shortcut: r.shortcut, tags: r.tags, language: r.language }))).toEqual([
      { title: 'Orari', body: 'Siamo aperti dalle 9 alle 18.\nVi aspettiamo!', shortcut: 'orari', tags: ['info', 'negozio'], language: 'it' },
      { title: 'Perché sì', body: 'Città, università, però: «citazione»', shortcut: null, tags: ['faq'], language: 'it' },
    ]);
  });
});
