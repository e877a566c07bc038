import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { allStorage, useChromium } from './support/chromium-sidebar';
import { extensionUrl } from './support/extension-pages';
import { clearDatabase } from './support/idb';

/** The library page's "Hashtag sets" section (sets: create, rename, reorder, delete
 * with undo; the avoid list: add, import, export) and the hashtag settings, in
 * Chromium with the built extension, driven as a person does. */

const current = useChromium();

/** The section on an emptied database (the page's own Dexie opens it first). */
async function openSection(): Promise<Page> {
  const page = current.page;
  await page.goto(extensionUrl(current.run, 'library.html#hashtags'));
  await page.getByTestId('hashtag-set-new').waitFor();
  await clearDatabase(page);
  await page.reload();
  await page.getByTestId('hashtag-set-new').waitFor();
  return page;
}

const tagsOf = (page: Page, name: string) =>
  page.locator(`[data-testid="hashtag-set"][data-name="${name}"] [data-testid="hashtag-set-tag"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-tag')));

async function createSet(page: Page, name: string, tags: string) {
  await page.getByTestId('hashtag-set-new-name').fill(name);
  await page.getByTestId('hashtag-set-new-tags').fill(tags);
  await page.getByTestId('hashtag-set-create').click();
}

describe('Chromium library: hashtag sets', () => {
  test('create (order kept, "#" optional, repeats dropped); what is not a hashtag is refused with a message', async () => {
    const page = await openSection();
    await createSet(page, 'Ristorante', '#pizza napoli, #vino #Pizza');
    await expect.poll(() => tagsOf(page, 'Ristorante')).toEqual(['pizza', 'napoli', 'vino']);

    await createSet(page, 'Sbagliato', '#ok #2024 #caffè-bar');
    await expect.poll(() => page.getByTestId('hashtag-set-error').first().textContent()).toContain('#2024');
    expect(await page.locator('[data-testid="hashtag-set"][data-name="Sbagliato"]').count()).toBe(0);
  });

  test('reorder with up/down and by dragging, rename: kept after a reload', async () => {
    const page = await openSection();
    await createSet(page, 'Viaggi', 'mare montagna lago');
    const card = page.locator('[data-testid="hashtag-set"][data-name="Viaggi"]');
    await expect.poll(() => tagsOf(page, 'Viaggi')).toEqual(['mare', 'montagna', 'lago']);
    await card.locator('[data-testid="hashtag-set-tag-down"]').first().click();
    await expect.poll(() => tagsOf(page, 'Viaggi')).toEqual(['montagna', 'mare', 'lago']);
    await card.locator('[data-testid="hashtag-set-tag-up"]').nth(2).click();
    await expect.poll(() => tagsOf(page, 'Viaggi')).toEqual(['montagna', 'lago', 'mare']);
    await card.locator('[data-testid="hashtag-set-tag"][data-tag="mare"]').dragTo(card.locator('[data-testid="hashtag-set-tag"][data-tag="montagna"]'));
    await expect.poll(() => tagsOf(page, 'Viaggi')).toEqual(['mare', 'montagna', 'lago']);

    await card.getByTestId('hashtag-set-name').fill('Viaggi in Italia');
    await card.getByTestId('hashtag-set-name').press('Enter');
    // The rename is written on Enter, not awaited by anything the test can see except the
    // live list: the card takes its new name only once the write has committed. Reloading
    // before that aborts the write (a busy CPU showed it: the set came back as "Viaggi").
    await page.locator('[data-testid="hashtag-set"][data-name="Viaggi in Italia"]').waitFor();
    await page.reload();
    await expect.poll(() => tagsOf(page, 'Viaggi in Italia'), { timeout: 10_000 }).toEqual(['mare', 'montagna', 'lago']);
  });

  test('delete offers undo; undo brings the set back as it was', async () => {
    const page = await openSection();
    await createSet(page, 'Sposi', 'matrimonio sposi');
    const card = () => page.locator('[data-testid="hashtag-set"][data-name="Sposi"]');
    await expect.poll(() => card().count()).toBe(1);
    await card().getByTestId('hashtag-set-delete').click();
    await expect.poll(() => card().count()).toBe(0);
    await page.getByTestId('hashtag-set-undo').click();
    await expect.poll(() => tagsOf(page, 'Sposi')).toEqual(['matrimonio', 'sposi']);
    await card().getByTestId('hashtag-set-delete').click();
    // Gone from the live list = the delete has committed; only then reload.
    await expect.poll(() => card().count()).toBe(0);
    await page.reload();
    // The list is read after the form shows: wait until it has loaded (data-count) before
    // checking the set stayed deleted.
    await expect.poll(() => page.getByTestId('hashtag-sets-list').getAttribute('data-count')).toBe('0');
    expect(await card().count()).toBe(0);
  });
});

describe('Chromium library: the avoid list', () => {
  const avoidStored = async () => ((await allStorage(current.run)).hashtagAvoidList ?? []) as string[];
  const choose = async (page: Page, name: string, text: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('hashtag-avoid-import-open').click()]);
    await chooser.setFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  };

  test('ships empty; add, import a text file, a broken file changes nothing, export gives it back', async () => {
    const page = await openSection();
    expect(await page.getByTestId('hashtag-avoid-list').count()).toBe(0);
    await page.getByTestId('hashtag-avoid-input').fill('#spam');
    await page.getByTestId('hashtag-avoid-add').click();
    await expect.poll(avoidStored).toEqual(['spam']);

    await choose(page, 'avoid.txt', 'likeforlike\n#l4l\nSPAM\n');
    await expect.poll(avoidStored).toEqual(['spam', 'likeforlike', 'l4l']);
    expect(await page.getByTestId('hashtag-avoid-result').textContent()).toContain('2');

    await choose(page, 'broken.csv', 'hashtag\nok\nnot a tag\n');
    await expect.poll(() => page.getByTestId('hashtag-avoid-result').textContent()).toContain('not a tag');
    expect(await avoidStored()).toEqual(['spam', 'likeforlike', 'l4l']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hashtag-avoid-export').click()]);
    expect(await readFile(await download.path(), 'utf8')).toBe('spam\nlikeforlike\nl4l\n');
  });
});

describe('Chromium library: hashtag settings', () => {
  test('learning switch, Instagram limit (5 / 30 / custom), placement are stored', async () => {
    const page = current.page;
    await page.goto(extensionUrl(current.run, 'library.html#settings'));
    await page.getByTestId('settings-hashtags-learn').waitFor();
    // Off until the user says yes (issue #12); here, yes.
    expect(await page.getByTestId('settings-hashtags-learn').isChecked()).toBe(false);
    await page.getByTestId('settings-hashtags-learn').click();
    await page.getByTestId('settings-hashtags-limit').selectOption('30');
    await page.getByTestId('settings-hashtags-placement').selectOption('caret');
    await expect.poll(async () => {
      const s = await allStorage(current.run);
      return [s.hashtagsLearnFromFeed, s.instagramHashtagLimit, s.hashtagPlacement];
    }).toEqual([true, 30, 'caret']);
    await page.getByTestId('settings-hashtags-limit').selectOption('custom');
    await page.getByTestId('settings-hashtags-limit-custom').fill('8');
    await expect.poll(async () => (await allStorage(current.run)).instagramHashtagLimit).toBe(8);
    await page.getByTestId('settings-hashtags-clear').click();
    await expect.poll(() => page.getByTestId('settings-hashtags-cleared').textContent()).toBeTruthy();
  });
});
