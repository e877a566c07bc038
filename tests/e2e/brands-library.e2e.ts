import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeFixtureRows } from '../../utils/db/fixtures';
import { packedScopeId } from '../../utils/hashtags/packed';
import { STARTER_REPLIES } from '../../utils/replies/starter';
import { brandContentsSummary } from '../../utils/brands/messages';
import { TABLE_NAMES, type TableName } from '../../utils/db/schema';
import type { RowsByTable } from '../../utils/db/table-records';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { inWorker, setStorage } from './support/chromium-sidebar';
import { extensionUrl, translator, type ChosenFile } from './support/extension-pages';
import { clearDatabase, dumpDatabase, writeRows, type Dump } from './support/idb';

/**
 * Brands in the library (issue #13), in Chromium with the built extension, driven through
 * the real library page as a person does; results read back from the database itself
 * (raw IndexedDB). One story in order: two brands are made, items filed under them, every
 * section filtered, a brand merged, one exported and imported into a fresh profile (a
 * second browser with the extension), one deleted with the confirmation's counts.
 */

const en = translator('en');
const it = translator('it');
/** The machine is shared and loaded: give the page time to catch up. */
const POLL = { timeout: 20_000, interval: 100 };

let run: ChromiumRun;
let page: Page;
let gino = '';
let lucia = '';

type Row = { id: string; brandId?: string | null; clipId?: string; title?: string; name?: string; timeZone?: string | null; color?: string; network?: string; handle?: string | null };

async function table(name: TableName, on: Page = page): Promise<Row[]> {
  return (await dumpDatabase(on))[name] as Row[];
}

async function openSection(section: string, ready: string, on: Page = page) {
  await on.goto(extensionUrl(run, `library.html#${section}`));
  await on.reload();
  await on.getByTestId(ready).waitFor();
}

function brandCard(name: string, on: Page = page): Locator {
  return on.locator(`[data-testid="brand-item"][data-name="${name}"]`);
}

async function createBrand(name: string) {
  await page.getByTestId('brand-new-name').fill(name);
  await page.getByTestId('brand-create').click();
  await brandCard(name).waitFor();
  return (await brandCard(name).getAttribute('data-id'))!;
}

async function addAccount(brand: string, network: 'facebook' | 'instagram', name: string, handle: string) {
  const card = brandCard(brand);
  await card.getByTestId('brand-account-new-network').selectOption(network);
  await card.getByTestId('brand-account-new-name').fill(name);
  await card.getByTestId('brand-account-new-handle').fill(handle);
  await card.getByTestId('brand-account-add').click();
  await card.locator(`[data-testid="brand-account"][data-handle="${handle.replace(/^@/, '')}"]`).waitFor();
}

const fixtures = makeFixtureRows();
/** Items shared by all brands, to be filed through the UI: four replies, two sets, the
 * three clips (one with two images), and for the accounts made in the UI a learned
 * hashtag record and logged posts (written once the ids are known). */
function sharedItems(): RowsByTable {
  const reply = fixtures.savedReplies[1];
  const replies = ['Orari', 'Prenotazioni', 'Consegna fiori', 'Grazie a tutti'].map((title, i) => ({ ...reply, id: `reply-${i}`, title, brandId: null }));
  return {
    brands: [],
    accounts: [],
    savedReplies: replies,
    hashtagSets: fixtures.hashtagSets.map((set) => ({ ...set, brandId: null })),
    hashtagStats: [],
    clips: fixtures.clips.map((clip) => ({ ...clip, brandId: null })),
    images: fixtures.images.map((image) => ({ ...image, brandId: null })),
    postLog: [],
  };
}

async function selectIn(locator: Locator, value: string) {
  await locator.selectOption(value);
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  page = await run.context.newPage();
  await openSection('brands', 'brands-section');
  await clearDatabase(page);
  await page.reload();
  await page.getByTestId('brands-empty').waitFor();
});
afterAll(async () => {
  await run?.close();
});

describe('brands in the library', () => {
  test('two brands made in the Brands section: accounts, colour, audience time zone, rename', async () => {
    gino = await createBrand('Pizzeria Da Gino');
    lucia = await createBrand('Fiori di Lucia');
    await addAccount('Pizzeria Da Gino', 'facebook', 'Pizzeria Da Gino', 'pizzeriadagino');
    await addAccount('Pizzeria Da Gino', 'instagram', 'Pizzeria Da Gino', '@dagino.napoli');
    await addAccount('Fiori di Lucia', 'facebook', 'Fiori di Lucia', 'fioridilucia');

    await brandCard('Fiori di Lucia').locator('[data-testid="brand-color"][data-color="#16a34a"]').click();
    await brandCard('Fiori di Lucia').getByTestId('brand-zone-change').click();
    await brandCard('Fiori di Lucia').getByTestId('brand-zone-search').fill('rome');
    await brandCard('Fiori di Lucia').getByTestId('brand-zone-option').first().click();
    await expect.poll(async () => (await table('brands')).find((b) => b.id === lucia), POLL).toMatchObject({ color: '#16a34a', timeZone: 'Europe/Rome' });

    const name = brandCard('Fiori di Lucia').getByTestId('brand-name');
    await name.fill('Fiori di Lucia Milano');
    await name.press('Enter');
    await expect.poll(async () => (await table('brands')).find((b) => b.id === lucia)?.name, POLL).toBe('Fiori di Lucia Milano');

    const accounts = await table('accounts');
    expect(accounts.map((a) => [a.brandId, a.network, a.handle]).sort()).toEqual(
      [
        [gino, 'facebook', 'pizzeriadagino'],
        [gino, 'instagram', 'dagino.napoli'],
        [lucia, 'facebook', 'fioridilucia'],
      ].sort(),
    );
  });

  test('items are filed through each section, every section filters by brand, new items go under the brand shown', async () => {
    const accounts = await table('accounts');
    const ginoFacebook = accounts.find((a) => a.brandId === gino && a.network === 'facebook')!;
    const post = fixtures.postLog[0];
    const rows = sharedItems();
    rows.postLog = [1, 2, 3].map((n) => ({ ...post, id: `post-${n}`, brandId: gino, accountId: ginoFacebook.id, permalink: `https://www.facebook.com/pizzeriadagino/posts/${n}` }));
    rows.hashtagStats = [{ ...fixtures.hashtagStats[0], id: packedScopeId('instagram', gino), brandId: gino }];
    await writeRows(page, rows);

    // Saved replies: two to Gino, one to Lucia, one stays shared.
    await openSection('replies', 'replies-section');
    const reply = (title: string) => page.locator(`[data-testid="reply-item"][data-title="${title}"]`);
    await reply('Orari').getByTestId('reply-select').check();
    await reply('Prenotazioni').getByTestId('reply-select').check();
    await selectIn(page.getByTestId('replies-move-brand'), gino);
    await expect.poll(async () => (await table('savedReplies')).filter((r) => r.brandId === gino).map((r) => r.title).sort(), POLL).toEqual(['Orari', 'Prenotazioni']);
    await page.getByTestId('replies-toast-message').filter({ hasText: en('brandMoved', 2, 'Pizzeria Da Gino') }).waitFor();
    await reply('Orari').getByTestId('reply-select').uncheck();
    await reply('Prenotazioni').getByTestId('reply-select').uncheck();
    await reply('Consegna fiori').getByTestId('reply-select').check();
    await selectIn(page.getByTestId('replies-move-brand'), lucia);
    await expect.poll(async () => (await table('savedReplies')).find((r) => r.title === 'Consegna fiori')?.brandId, POLL).toBe(lucia);
    expect(await reply('Orari').getByTestId('brand-chip').getAttribute('data-brand-id')).toBe(gino);
    expect(await reply('Grazie a tutti').getByTestId('brand-chip').textContent()).toBe(en('brandShared'));

    const titles = () => page.getByTestId('reply-title').allTextContents().then((t) => t.sort());
    await page.getByTestId('library-filter-brand').selectOption(gino);
    await expect.poll(titles, POLL).toEqual(['Orari', 'Prenotazioni']);
    await page.getByTestId('library-filter-brand').selectOption(':shared');
    await expect.poll(titles, POLL).toEqual(['Grazie a tutti']);
    await page.getByTestId('library-filter-brand').selectOption(lucia);
    await expect.poll(titles, POLL).toEqual(['Consegna fiori']);
    // A new reply while Lucia's are shown is Lucia's.
    await page.getByTestId('replies-new').click();
    await page.getByTestId('reply-editor-title').fill('Mazzi da sposa');
    await page.getByTestId('reply-editor-body').fill('Ogni mazzo è fatto a mano.');
    await page.getByTestId('reply-editor-save').click();
    await expect.poll(async () => (await table('savedReplies')).find((r) => r.title === 'Mazzi da sposa')?.brandId, POLL).toBe(lucia);
    await page.getByTestId('library-filter-brand').selectOption(':all');
    await expect.poll(() => page.getByTestId('reply-item').count(), POLL).toBe(5);

    // Hashtag sets: the filter is the page's, so it starts on all brands; one set to Gino.
    await openSection('hashtags', 'hashtag-sets-list');
    const set = (name: string) => page.locator(`[data-testid="hashtag-set"][data-name="${name}"]`);
    await set('Cucina italiana').getByTestId('hashtag-set-select').check();
    await selectIn(page.getByTestId('hashtag-sets-move-brand'), gino);
    await expect.poll(async () => (await table('hashtagSets')).find((s) => s.name === 'Cucina italiana')?.brandId, POLL).toBe(gino);
    await page.getByTestId('library-filter-brand').selectOption(gino);
    await expect.poll(() => page.getByTestId('hashtag-set').count(), POLL).toBe(1);
    expect(await set('Cucina italiana').getByTestId('brand-chip').getAttribute('data-brand-id')).toBe(gino);
    await page.getByTestId('library-filter-brand').selectOption(lucia);
    await page.getByTestId('hashtag-set-new-name').fill('Matrimoni');
    await page.getByTestId('hashtag-set-new-tags').fill('#fiori #sposa');
    await page.getByTestId('hashtag-set-create').click();
    await expect.poll(async () => (await table('hashtagSets')).find((s) => s.name === 'Matrimoni')?.brandId, POLL).toBe(lucia);
    await expect.poll(() => page.getByTestId('hashtag-set').count(), POLL).toBe(1);
    await page.getByTestId('library-filter-brand').selectOption(':shared');
    await expect.poll(() => page.getByTestId('hashtag-set').count(), POLL).toBe(1);

    // Ideas: the clip with the two images to Gino, its images with it.
    await openSection('ideas', 'clips-library');
    await page.getByTestId('library-filter-brand').selectOption(':all');
    const lasagne = page.locator('[data-testid="clips-card"][data-clip-id="clip-lasagne"]');
    await lasagne.getByTestId('clips-card-select').check();
    await selectIn(page.getByTestId('clips-move-brand'), gino);
    await expect.poll(async () => (await table('images')).map((i) => i.brandId), POLL).toEqual([gino, gino]);
    expect((await table('clips')).find((c) => c.id === 'clip-lasagne')?.brandId).toBe(gino);
    await page.getByTestId('library-filter-brand').selectOption(gino);
    await expect.poll(() => page.getByTestId('clips-card').count(), POLL).toBe(1);
    expect(await lasagne.getByTestId('brand-chip').getAttribute('data-brand-id')).toBe(gino);
    await page.getByTestId('library-filter-brand').selectOption(':shared');
    await expect.poll(() => page.getByTestId('clips-card').count(), POLL).toBe(2);

    // Best time: the accounts of the brand shown.
    await openSection('best-time', 'best-time-section');
    const options = () => page.getByTestId('best-time-account-select').locator('option').count();
    await page.getByTestId('library-filter-brand').selectOption(gino);
    await expect.poll(options, POLL).toBe(2);
    await page.getByTestId('library-filter-brand').selectOption(lucia);
    await expect.poll(options, POLL).toBe(1);
    // A new account while Lucia's are shown is Lucia's (not a brand of its own).
    await page.getByTestId('best-time-new-name').fill('Fiori di Lucia');
    await page.getByTestId('best-time-new-handle').fill('fioridilucia.ig');
    await page.getByTestId('best-time-new-network').selectOption('instagram');
    await page.getByTestId('best-time-new-create').click();
    await expect.poll(async () => (await table('accounts')).find((a) => a.handle === 'fioridilucia.ig')?.brandId, POLL).toBe(lucia);
    expect(await table('brands')).toHaveLength(2);
    await expect.poll(options, POLL).toBe(2);
    await page.getByTestId('library-filter-brand').selectOption(':all');
    await expect.poll(options, POLL).toBe(4);
  });

  test("a brand's export imports into a fresh profile with the same rows and images; a broken or full file changes nothing", async () => {
    await openSection('brands', 'brands-section');
    const [download] = await Promise.all([page.waitForEvent('download'), brandCard('Pizzeria Da Gino').getByTestId('brand-export').click()]);
    const file: ChosenFile = { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile((await download.path())!)) };
    expect(file.name).toMatch(/^spalla-brand-pizzeria-da-gino-\d{4}-\d{2}-\d{2}\.zip$/);

    // What belongs to Gino, as the database holds it.
    const all = await dumpDatabase(page);
    const ginoClips = new Set((all.clips as Row[]).filter((c) => c.brandId === gino).map((c) => c.id));
    const ours = (name: string, row: Row) => (name === 'brands' ? row.id === gino : name === 'images' ? ginoClips.has(row.clipId!) : row.brandId === gino);
    const expected: Dump = Object.fromEntries(TABLE_NAMES.map((name) => [name, (all[name] as Row[]).filter((row) => ours(name, row))]));
    expect(expected.savedReplies).toHaveLength(2);
    expect(expected.images).toHaveLength(2);
    expect(expected.postLog).toHaveLength(3);
    expect(expected.hashtagStats).toHaveLength(1);

    const fresh = await launchChromium(inject('fixturePort'));
    try {
      const other = await fresh.context.newPage();
      await other.goto(extensionUrl(fresh, 'library.html#brands'));
      await other.getByTestId('brands-empty').waitFor();
      // A fresh install holds the starter replies, and nothing of Gino's.
      await expect.poll(async () => (await dumpDatabase(other)).savedReplies.length, POLL).toBe(STARTER_REPLIES.length);
      const before = await dumpDatabase(other);
      const choose = async (chosen: ChosenFile) => {
        const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByTestId('brand-import-open').click()]);
        await chooser.setFiles({ name: chosen.name, mimeType: 'application/zip', buffer: Buffer.from(chosen.bytes) });
      };

      // Cut short: the backup's own message, nothing written.
      await choose({ name: file.name, bytes: file.bytes.slice(0, Math.floor(file.bytes.length / 2)) });
      const error = other.getByTestId('brand-import-error');
      await error.waitFor();
      expect(await error.locator('[data-code]').getAttribute('data-code')).toBe('truncated');
      expect(await error.locator('[data-code]').textContent()).toBe(en('backupErrorTruncated'));
      expect(await dumpDatabase(other)).toStrictEqual(before);

      // The same in Italian.
      await setStorage(fresh, { language: 'it' });
      await other.reload();
      await other.getByTestId('brands-empty').waitFor();
      await choose({ name: file.name, bytes: file.bytes.slice(0, Math.floor(file.bytes.length / 2)) });
      await expect.poll(() => other.getByTestId('brand-import-error').locator('[data-code]').textContent(), POLL).toBe(it('backupErrorTruncated'));
      await setStorage(fresh, { language: 'en' });
      await other.reload();
      await other.getByTestId('brands-empty').waitFor();

      // Preview: everything is new here; then the import.
      await choose(file);
      const preview = other.getByTestId('brand-import-preview');
      await preview.waitFor();
      for (const name of TABLE_NAMES) {
        const added = name === 'hashtagStats' ? null : String(expected[name].length);
        const row = preview.getByTestId(`backup-report-${name}`);
        if (added !== null) expect([name, await row.getAttribute('data-added')]).toEqual([name, added]);
        expect(await row.getAttribute('data-updated')).toBe('0');
      }
      expect(await dumpDatabase(other)).toStrictEqual(before);
      await other.getByTestId('brand-import-confirm').click();
      await other.getByTestId('brand-import-report').waitFor();

      const after = await dumpDatabase(other);
      for (const name of TABLE_NAMES) {
        const sorted = [...(before[name] as Row[]), ...(expected[name] as Row[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        expect([name, after[name]]).toStrictEqual([name, sorted]);
      }
      await brandCard('Pizzeria Da Gino', other).waitFor();
      expect(await brandCard('Pizzeria Da Gino', other).getByTestId('brand-account').count()).toBe(2);
    } finally {
      await fresh.close();
    }

    // A full backup (from the settings' own button) is not one brand's file: refused,
    // nothing changed.
    await openSection('settings', 'backup-export');
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
    const fullFile: ChosenFile = { name: backup.suggestedFilename(), bytes: new Uint8Array(await readFile((await backup.path())!)) };
    await openSection('brands', 'brands-section');
    const dumpBefore = await dumpDatabase(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('brand-import-open').click()]);
    await chooser.setFiles({ name: fullFile.name, mimeType: 'application/zip', buffer: Buffer.from(fullFile.bytes) });
    await expect.poll(() => page.getByTestId('brand-import-error').locator('[data-code]').getAttribute('data-code'), POLL).toBe('not-one-brand');
    expect(await page.getByTestId('brand-import-error').locator('[data-code]').textContent()).toBe(en('brandImportNotOneBrand'));
    expect(await dumpDatabase(page)).toStrictEqual(dumpBefore);
  });

  test('merge: a third brand merged into Gino gives Gino its account and items', async () => {
    await openSection('brands', 'brands-section');
    const old = await createBrand('Gino vecchio');
    await addAccount('Gino vecchio', 'instagram', 'Gino asporto', 'gino.asporto');
    await openSection('replies', 'replies-section');
    await page.getByTestId('library-filter-brand').selectOption(':all');
    const grazie = page.locator('[data-testid="reply-item"][data-title="Grazie a tutti"]');
    await grazie.getByTestId('reply-select').check();
    await selectIn(page.getByTestId('replies-move-brand'), old);
    await expect.poll(async () => (await table('savedReplies')).find((r) => r.title === 'Grazie a tutti')?.brandId, POLL).toBe(old);

    await openSection('brands', 'brands-section');
    // The background learns for the old brand; what it has not written yet must land
    // before the merge, so that it is merged into Gino, not written back afterwards.
    await inWorker(run, `self.spalla.hashtagsLearn({ text: '#asporto #pizzanapoletana', network: 'instagram', source: 'own', brandId: ${JSON.stringify(old)} })`);
    await brandCard('Gino vecchio').getByTestId('brand-merge-into').selectOption(gino);
    const confirmation = brandCard('Gino vecchio').getByTestId('brand-merge-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.locator('p').first().textContent()).toBe(en('brandMergeQuestion', 'Gino vecchio', 'Pizzeria Da Gino'));
    await brandCard('Gino vecchio').getByTestId('brand-merge-confirm').click();
    await expect.poll(async () => (await table('brands')).map((b) => b.id).sort(), POLL).toEqual([gino, lucia].sort());
    expect((await table('savedReplies')).find((r) => r.title === 'Grazie a tutti')?.brandId).toBe(gino);
    expect((await table('accounts')).filter((a) => a.brandId === gino)).toHaveLength(3);
    await page.getByTestId('brands-message').filter({ hasText: en('brandMerged', 'Gino vecchio', 'Pizzeria Da Gino') }).waitFor();
    await expect.poll(() => brandCard('Pizzeria Da Gino').getByTestId('brand-account').count(), POLL).toBe(3);

    // Learned hashtags: one record, Gino's, holding what was learned for the old brand;
    // the background's model is the table's.
    type Stat = { id: string; brandId: string | null; keys: string[] };
    const stats = (await table('hashtagStats')) as unknown as Stat[];
    expect(stats.map((s) => s.brandId)).toEqual([gino]);
    expect(stats[0].keys).toEqual(expect.arrayContaining(['asporto', 'pizzanapoletana']));
    await expect
      .poll(() => inWorker<{ hashtags: number }>(run, 'self.spalla.hashtagsInfo()').then((info) => info.hashtags), POLL)
      .toBe(stats[0].keys.length);
    await inWorker(run, 'self.spalla.hashtagsFlush()');
    expect(((await table('hashtagStats')) as unknown as Stat[]).map((s) => s.brandId)).toEqual([gino]);

    // An account moves to another brand, and is removed.
    const asporto = () => brandCard('Pizzeria Da Gino').locator('[data-testid="brand-account"][data-handle="gino.asporto"]');
    await asporto().getByTestId('brand-account-move').selectOption(lucia);
    await expect.poll(async () => (await table('accounts')).find((a) => a.handle === 'gino.asporto')?.brandId, POLL).toBe(lucia);
    const moved = brandCard('Fiori di Lucia Milano').locator('[data-testid="brand-account"][data-handle="gino.asporto"]');
    await moved.getByTestId('brand-account-remove').click();
    await expect.poll(async () => (await table('accounts')).some((a) => a.handle === 'gino.asporto'), POLL).toBe(false);
    expect(await table('brands')).toHaveLength(2);
  });

  test('delete: the confirmation lists what goes with the brand; shared items stay', async () => {
    await openSection('brands', 'brands-section');
    // Lucia: 2 accounts, 2 saved replies, 1 hashtag set.
    const card = brandCard('Fiori di Lucia Milano');
    const expectedEn = en('brandDeleteContents', brandContentsSummary(en, { accounts: 2, savedReplies: 2, hashtagSets: 1, hashtagStats: 0, clips: 0, images: 0, postLog: 0 }));
    expect(expectedEn).toBe('With it go: 2 accounts, 2 saved replies, 1 hashtag set.');
    await expect.poll(() => card.getByTestId('brand-contents').textContent(), POLL).toBe('2 accounts, 2 saved replies, 1 hashtag set');
    await card.getByTestId('brand-delete').click();
    expect(await card.getByTestId('brand-delete-contents').textContent()).toBe(expectedEn);
    await card.getByTestId('brand-delete-cancel').click();
    expect((await table('brands')).map((b) => b.id)).toContain(lucia);

    // Gino's: 2 accounts, 3 replies, 1 set, learned hashtags, 1 idea with 2 images, 3 posts.
    const ginoCard = brandCard('Pizzeria Da Gino');
    await ginoCard.getByTestId('brand-delete').click();
    // The seeded record plus what the merge brought.
    const learned = ((await table('hashtagStats')) as unknown as { brandId: string; keys: string[] }[]).filter((s) => s.brandId === gino).reduce((n, s) => n + s.keys.length, 0);
    expect(learned).toBe((fixtures.hashtagStats[0] as unknown as { keys: string[] }).keys.length + 2);
    expect(await ginoCard.getByTestId('brand-delete-contents').textContent()).toBe(
      en('brandDeleteContents', brandContentsSummary(en, { accounts: 2, savedReplies: 3, hashtagSets: 1, hashtagStats: learned, clips: 1, images: 2, postLog: 3 })),
    );
    await ginoCard.getByTestId('brand-delete-cancel').click();

    // In Italian.
    await setStorage(run, { language: 'it' });
    await page.reload();
    await card.getByTestId('brand-delete').click();
    expect(await card.getByTestId('brand-delete-contents').textContent()).toBe('Con lui se ne vanno: 2 account, 2 risposte salvate, 1 set di hashtag.');
    await setStorage(run, { language: 'en' });
    await page.reload();

    const sharedBefore = (await table('clips')).filter((c) => c.brandId === null).length;
    expect(sharedBefore).toBe(2);
    await card.getByTestId('brand-delete').click();
    await card.getByTestId('brand-delete-confirm').click();
    await expect.poll(async () => (await table('brands')).map((b) => b.id), POLL).toEqual([gino]);
    const dump = await dumpDatabase(page);
    for (const name of TABLE_NAMES) expect([name, (dump[name] as Row[]).filter((row) => row.brandId === lucia)]).toEqual([name, []]);
    expect((dump.clips as Row[]).filter((c) => c.brandId === null)).toHaveLength(sharedBefore);
    await page.getByTestId('brands-message').filter({ hasText: en('brandDeleted', 'Fiori di Lucia Milano') }).waitFor();
  });
});
