import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { textOf, unzipFiles, zipFiles } from '../../utils/backup/zip-testing';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { allStorage, resetExtensionStorage, setStorage } from './support/chromium-sidebar';
import { translator } from './support/extension-pages';
import { clearDatabase, dumpDatabase, toDump, writeRows } from './support/idb';
import { card, openIdeas, shownIds } from './support/clips-library-pages';
import { DAY, T0, libraryRows } from './support/clips-library-seed';

/** The content-ideas section of the library (library.html#ideas), in Chromium with the
 * built extension, on a database seeded with libraryRows(). */

const en = translator('en');
const it = translator('it');
const ALL = ['lasagne', 'perche', 'kaffee', 'quote', 'brunch', 'tiramisu']; // newest clipped first

let run: ChromiumRun;
let page: Page;

async function clipsInDb(): Promise<Record<string, any>> {
  const dump = await dumpDatabase(page);
  return Object.fromEntries(dump.clips.map((row: any) => [row.id, row]));
}

async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  await openIdeas(run); // creates the database
});
afterAll(async () => {
  await run?.close();
});
beforeEach(async () => {
  for (const p of run.context.pages()) await p.close();
  await resetExtensionStorage(run);
  page = await openIdeas(run);
  await clearDatabase(page);
  await writeRows(page, libraryRows());
  await openIdeas(run, page);
});

describe('grid', () => {
  test('every clip is a card, newest clipped first; the thumbnail comes from the stored blob', async () => {
    expect(await shownIds(page)).toEqual(ALL);
    expect(await page.getByTestId('clips-count').textContent()).toBe(en('clipsCount', 6));
    const thumb = card(page, 'lasagne').getByTestId('clips-card-thumbnail');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
    expect(await thumb.getAttribute('src')).toMatch(/^blob:chrome-extension:\/\//);
    expect(await thumb.getAttribute('data-role')).toBe('thumbnail');
    // The list layout shows the same clips.
    await page.getByTestId('clips-layout-list').click();
    expect(await page.getByTestId('clips-results').getAttribute('data-layout')).toBe('list');
    expect(await shownIds(page)).toEqual(ALL);
  });

  test('search as you type: prefix, accents folded, notes, hashtags, authors', async () => {
    const box = page.getByTestId('clips-search');
    await box.click();
    const seen: string[][] = [];
    for (const ch of 'lasa') {
      await box.press(ch);
      await expect.poll(() => box.inputValue()).toContain(ch);
    }
    await expect.poll(() => shownIds(page)).toEqual(['lasagne']);
    seen.push(await shownIds(page));
    for (const [query, expected] of [
      ['perche citta', ['perche']],
      ['sfoglia', ['lasagne']], // the note
      ['#dolci', ['tiramisu']],
      ['nonnapina', ['lasagne', 'tiramisu']],
      ['muller', ['kaffee']],
      ['zzz', []],
    ] as const) {
      await box.fill(query);
      await expect.poll(() => shownIds(page)).toEqual(expected);
    }
    expect(await page.getByTestId('clips-no-match').textContent()).toBe(en('clipsNoMatch'));
    await box.fill('');
    await expect.poll(() => shownIds(page)).toEqual(ALL);
  });

  test('filters by network, status, tag, author and clipped date; sorting', async () => {
    const pick = (id: string, value: string) => page.getByTestId(id).selectOption(value);
    await pick('clips-filter-network', 'facebook');
    await expect.poll(() => shownIds(page)).toEqual(['kaffee']);
    await pick('clips-filter-network', '');
    await pick('clips-filter-status', 'idea');
    await expect.poll(() => shownIds(page)).toEqual(['lasagne', 'perche', 'tiramisu']);
    await pick('clips-filter-tag', 'ricette');
    await expect.poll(() => shownIds(page)).toEqual(['lasagne']);
    expect(await page.getByTestId('clips-count').textContent()).toBe(en('clipsCountFiltered', 1, 6));
    await page.getByTestId('clips-filter-reset').click();
    await pick('clips-filter-author', 'Nonna Pina');
    await expect.poll(() => shownIds(page)).toEqual(['lasagne', 'tiramisu']);
    await page.getByTestId('clips-filter-reset').click();
    // Clipped from T0+1d to T0+3d (local days of those instants).
    const day = (ms: number) => page.evaluate((t) => { const d = new Date(t); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; }, ms);
    await page.getByTestId('clips-filter-from').fill(await day(T0 + DAY));
    await page.getByTestId('clips-filter-to').fill(await day(T0 + 3 * DAY));
    await expect.poll(() => shownIds(page)).toEqual(['kaffee', 'quote', 'brunch']);
    await page.getByTestId('clips-filter-reset').click();
    await expect.poll(() => shownIds(page)).toEqual(ALL);

    await pick('clips-sort', 'author');
    await expect.poll(() => shownIds(page)).toEqual(['quote', 'brunch', 'kaffee', 'perche', 'lasagne', 'tiramisu']);
    await pick('clips-sort', 'posted');
    await expect.poll(() => shownIds(page)).toEqual(['perche', 'lasagne', 'kaffee', 'quote', 'brunch', 'tiramisu']);
    await pick('clips-sort', 'status');
    await expect.poll(() => shownIds(page)).toEqual(['lasagne', 'perche', 'tiramisu', 'quote', 'kaffee', 'brunch']);
  });
});

describe('status', () => {
  test('from the card, in bulk, and by keyboard', async () => {
    await card(page, 'perche').getByTestId('clips-card-status').selectOption('draft');
    await expect.poll(async () => (await clipsInDb()).perche.status).toBe('draft');
    expect(await card(page, 'perche').getAttribute('data-status')).toBe('draft');

    await card(page, 'lasagne').getByTestId('clips-card-select').check();
    await card(page, 'brunch').getByTestId('clips-card-select').check();
    expect(await page.getByTestId('clips-bulk-count').getAttribute('data-count')).toBe('2');
    await page.getByTestId('clips-bulk-status').selectOption('published');
    await expect.poll(async () => {
      const rows = await clipsInDb();
      return [rows.lasagne.status, rows.brunch.status, rows.tiramisu.status];
    }).toEqual(['published', 'published', 'idea']);

    // Keyboard: "5" on a selected card archives the whole selection; on another card, only it.
    await card(page, 'brunch').focus();
    await page.keyboard.press('5');
    await expect.poll(async () => {
      const rows = await clipsInDb();
      return [rows.lasagne.status, rows.brunch.status];
    }).toEqual(['archived', 'archived']);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('clips-bulk').count()).toBe(0);
    await card(page, 'kaffee').focus();
    await page.keyboard.press('2');
    await expect.poll(async () => (await clipsInDb()).kaffee.status).toBe('draft');
    // x selects, arrows move, Enter opens.
    await page.keyboard.press('x');
    expect(await card(page, 'kaffee').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-clip-id'))).toBe('quote');
    await page.keyboard.press('Enter');
    await page.getByTestId('clips-detail').waitFor();
    expect(await page.getByTestId('clips-detail-author').textContent()).toBe('Ann Handley');
  });

  test('scheduling asks for a date and time and offers the best slots from the account\'s post log', async () => {
    await card(page, 'lasagne').focus();
    await page.keyboard.press('3');
    const picker = page.getByTestId('clips-schedule');
    await picker.waitFor();
    const slots = picker.getByTestId('clips-schedule-slot');
    await expect.poll(() => slots.count()).toBeGreaterThan(0);
    // The log's strong slot is Tuesday 18:00 in Rome: it is the first (best) hint.
    const start = Number(await slots.first().getAttribute('data-start'));
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).formatToParts(start);
    expect([parts.find((p) => p.type === 'weekday')?.value, parts.find((p) => p.type === 'hour')?.value]).toEqual(['Tue', '18']);
    await slots.first().click();
    await picker.getByTestId('clips-schedule-confirm').click();
    await expect.poll(async () => {
      const row = (await clipsInDb()).lasagne;
      return [row.status, row.scheduledAt];
    }).toEqual(['scheduled', start]);
    await card(page, 'lasagne').getByTestId('clips-card-scheduled').waitFor();

    // A clip of an account without a post log: a date, and no hints.
    await card(page, 'perche').getByTestId('clips-card-status').selectOption('scheduled');
    await picker.waitFor();
    await expect.poll(() => picker.textContent()).toContain(en('clipsScheduleNoLog'));
    expect(await picker.getByTestId('clips-schedule-hints').count()).toBe(0);
    await picker.getByTestId('clips-schedule-input').fill('2027-03-02T09:30');
    await picker.getByTestId('clips-schedule-confirm').click();
    const expected = await page.evaluate(() => new Date('2027-03-02T09:30').getTime());
    await expect.poll(async () => (await clipsInDb()).perche.scheduledAt).toBe(expected);
  });
});

describe('detail', () => {
  test('text as text with its line breaks, images from blobs, the source link only when http(s)', async () => {
    await card(page, 'lasagne').getByTestId('clips-card-open').click();
    const detail = page.getByTestId('clips-detail');
    expect(await detail.getByTestId('clips-detail-text').evaluate((p) => (p as HTMLElement).innerText)).toBe(
      'Lasagne della domenica 🍅\nRicetta nei commenti!\n\n#cucinaitaliana #pasta',
    );
    const full = detail.getByTestId('clips-detail-image');
    expect(await full.count()).toBe(1);
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
    expect(await full.getAttribute('src')).toMatch(/^blob:/);
    const link = detail.getByTestId('clips-detail-link');
    expect(await link.getAttribute('href')).toBe('https://www.instagram.com/p/lasagne/');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await detail.getByTestId('clips-detail-close').click();

    await card(page, 'quote').getByTestId('clips-card-open').click();
    expect(await detail.getByTestId('clips-detail-link').count()).toBe(0);
    expect(await detail.getByTestId('clips-detail-source-text').textContent()).toBe('javascript:alert(1)');
    expect(await detail.locator('a').count()).toBe(0);
  });

  test('note and tags, use as draft, save hashtags as a set, copy text', async () => {
    await card(page, 'lasagne').getByTestId('clips-card-open').click();
    const detail = page.getByTestId('clips-detail');
    await detail.getByTestId('clips-detail-note').fill('Venerdì, con la nostra sfoglia');
    await detail.getByTestId('clips-detail-tags').fill('ricette, #venerdì, Ricette');
    await detail.getByTestId('clips-detail-save').click();
    await expect.poll(async () => {
      const row = (await clipsInDb()).lasagne;
      return [row.note, row.tags];
    }).toEqual(['Venerdì, con la nostra sfoglia', ['ricette', 'venerdì']]);

    await detail.getByTestId('clips-detail-use-draft').click();
    await expect.poll(async () => (await allStorage(run)).draftToInsert).toMatchObject({
      text: 'Lasagne della domenica 🍅\nRicetta nei commenti!\n\n#cucinaitaliana #pasta',
      hashtags: ['cucinaitaliana', 'pasta'],
      sourceId: 'lasagne',
    });

    await detail.getByTestId('clips-detail-set-name').fill('Pasta della domenica');
    await detail.getByTestId('clips-detail-save-set').click();
    await expect.poll(async () => (await dumpDatabase(page)).hashtagSets).toMatchObject([
      { name: 'Pasta della domenica', tags: ['cucinaitaliana', 'pasta'], network: 'instagram', brandId: 'brand-gino' },
    ]);

    await detail.getByTestId('clips-detail-copy').click();
    // The done line still shows the set's message until the clipboard write resolves: wait for it.
    await expect.poll(() => detail.getByTestId('clips-detail-done').textContent()).toBe(en('clipsCopied'));
    // Pasted back into the note field, as a person would check it.
    await detail.getByTestId('clips-detail-note').fill('');
    await detail.getByTestId('clips-detail-note').press('ControlOrMeta+V');
    expect(await detail.getByTestId('clips-detail-note').inputValue()).toBe(
      'Lasagne della domenica 🍅\nRicetta nei commenti!\n\n#cucinaitaliana #pasta',
    );
  });

  test('delete takes the clip and its images; undo puts back exactly what was there', async () => {
    const before = await dumpDatabase(page);
    await card(page, 'lasagne').getByTestId('clips-card-open').click();
    await page.getByTestId('clips-detail-delete').click();
    await page.getByTestId('clips-undo').waitFor();
    expect(await page.getByTestId('clips-detail').count()).toBe(0);
    await expect.poll(() => shownIds(page)).toEqual(ALL.filter((id) => id !== 'lasagne'));
    const after = await dumpDatabase(page);
    expect(after.clips.map((row: any) => row.id)).not.toContain('lasagne');
    expect(after.images).toEqual([]);

    await page.getByTestId('clips-undo-button').click();
    await expect.poll(() => shownIds(page)).toEqual(ALL);
    expect(await dumpDatabase(page)).toEqual(before);

    // In bulk, by keyboard: Delete on a selected card deletes the selection.
    await card(page, 'brunch').getByTestId('clips-card-select').check();
    await card(page, 'kaffee').getByTestId('clips-card-select').check();
    await card(page, 'kaffee').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => shownIds(page)).toEqual(['lasagne', 'perche', 'quote', 'tiramisu']);
    expect(await page.getByTestId('clips-undo').textContent()).toContain(en('clipsDeleted', 2));
    await page.getByTestId('clips-undo-button').click();
    await expect.poll(() => shownIds(page)).toEqual(ALL);
    expect(await dumpDatabase(page)).toEqual(before);
  });
});

describe('export and import', () => {
  test('CSV in Italian: BOM, semicolons, Italian headers, formulas neutralised; comma when chosen', async () => {
    await setStorage(run, { language: 'it' });
    await openIdeas(run, page);
    const { name, bytes } = await download(() => page.getByTestId('clips-export-csv').click());
    expect(name).toMatch(/^spalla-clips-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header[0]).toBe(it('clipsCsvNetwork'));
    expect(header).toContain(it('clipsCsvText'));
    const textCol = header.indexOf(it('clipsCsvText'));
    const byId = new Map(rows.map((row) => [row[header.indexOf(it('clipsCsvId'))], row]));
    expect(rows).toHaveLength(6);
    expect(byId.get('quote')![textCol]).toBe('\'=HYPERLINK("https://evil.example","click")\nEverybody writes.');
    expect(byId.get('lasagne')![textCol]).toBe('Lasagne della domenica 🍅\nRicetta nei commenti!\n\n#cucinaitaliana #pasta');

    // A selection, with commas.
    await card(page, 'kaffee').getByTestId('clips-card-select').check();
    await page.getByTestId('clips-csv-separator').selectOption(',');
    const comma = await download(() => page.getByTestId('clips-export-csv').click());
    const commaRows = Papa.parse<string[]>(comma.bytes.toString('utf8').slice(1).trim(), { delimiter: ',' });
    expect(commaRows.errors).toEqual([]);
    expect(commaRows.data).toHaveLength(2);
    expect(commaRows.data[1][commaRows.data[0].indexOf(it('clipsCsvAuthorName'))]).toBe('Café Müller');
  });

  test('JSON (zip with images) round trip: export, empty the library, import after a preview', async () => {
    const before = await dumpDatabase(page);
    const zip = await download(() => page.getByTestId('clips-export-zip').click());
    expect(zip.name).toMatch(/^spalla-clips-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzipFiles(new Blob([new Uint8Array(zip.bytes)]));
    const manifest = JSON.parse(textOf(files.get('manifest.json')));
    expect(manifest.format).toBe('spalla-backup');
    expect(manifest.tables).toMatchObject({ clips: 6, images: 2, postLog: 0, brands: 0, hashtagSets: 0 });
    expect([...files.keys()].filter((name) => name.startsWith('images/')).sort()).toEqual(['images/lasagne-full.png', 'images/lasagne-thumb.png']);

    // Empty the clips (the rest stays), then import the file as a person does.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('spalla');
      open.onsuccess = () => {
        const tx = open.result.transaction(['clips', 'images'], 'readwrite');
        tx.objectStore('clips').clear();
        tx.objectStore('images').clear();
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    }));
    await openIdeas(run, page);
    await page.getByTestId('clips-empty').waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('clips-import-open').click()]);
    await chooser.setFiles({ name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
    const preview = page.getByTestId('clips-import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('clips-import-clips').getAttribute('data-added')).toBe('6');
    expect(await preview.getByTestId('clips-import-images').getAttribute('data-added')).toBe('2');
    expect((await dumpDatabase(page)).clips).toEqual([]); // nothing written before the confirmation
    await page.getByTestId('clips-import-confirm').click();
    await page.getByTestId('clips-import-report').waitFor();
    await expect.poll(() => shownIds(page)).toEqual(ALL);
    expect(await dumpDatabase(page)).toEqual(before);

    // Again: everything is already there, nothing new.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('clips-import-open').click()]);
    await again.setFiles({ name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
    expect(await preview.getByTestId('clips-import-clips').getAttribute('data-skipped')).toBe('6');
  });

  test('a damaged file or a full backup is refused with a message, and nothing changes', async () => {
    const before = await dumpDatabase(page);
    const choose = async (name: string, buffer: Buffer) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('clips-import-open').click()]);
      await chooser.setFiles({ name, mimeType: 'application/zip', buffer });
      return page.getByTestId('clips-transfer-error');
    };
    const notZip = await choose('notes.zip', Buffer.from('not a zip at all'));
    expect(await notZip.locator('[data-code]').getAttribute('data-code')).toBe('not-a-zip');
    expect(await notZip.textContent()).toContain(en('backupErrorNotAZip'));

    // A full backup (brands and post log too) belongs to the settings' restore.
    const zip = await download(() => page.getByTestId('clips-export-zip').click());
    const files = await unzipFiles(new Blob([new Uint8Array(zip.bytes)]));
    const manifest = JSON.parse(textOf(files.get('manifest.json')));
    manifest.tables.brands = 1;
    const withBrand = new Map<string, string | Uint8Array>(files);
    withBrand.set('manifest.json', JSON.stringify(manifest));
    withBrand.set('tables/brands.json', JSON.stringify((await toDump(libraryRows())).brands));
    const full = await zipFiles(withBrand);
    const refused = await choose('backup.zip', Buffer.from(await full.arrayBuffer()));
    expect(await refused.textContent()).toContain(en('clipsImportNotClipsOnly'));
    expect(await dumpDatabase(page)).toEqual(before);
  });
});

describe('storage', () => {
  test('shows the image bytes, the estimate and the persistence state', async () => {
    const storage = page.getByTestId('clips-storage');
    await storage.waitFor();
    expect(await storage.getAttribute('data-image-bytes')).toBe(String(2 * libraryRows().images[0].blob.size));
    expect(await page.getByTestId('clips-storage-images').textContent()).toBe(en('clipsStorageImages', 2, `${2 * libraryRows().images[0].blob.size} byte`));
    expect(Number(await storage.getAttribute('data-quota'))).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('clips-persist-state').getAttribute('data-state')).toMatch(/^(persistent|best-effort)$/);
  });
});
