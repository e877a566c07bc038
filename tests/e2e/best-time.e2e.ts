import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { openSidebar, resetExtensionStorage, setStorage, waitForHost } from './support/chromium-sidebar';
import { translator } from './support/extension-pages';
import { clearDatabase, dumpDatabase } from './support/idb';
import { bestTimeLibrary, sampleExport, syntheticPosts } from './support/best-time-data';

/** Best-time hints (#5) in Chromium with the built extension: logging posts from the fixture
 * Instagram profile and Facebook Page through the sidebar, the hint changing, and the library
 * section (heatmaps, CSV import through the real file input, the post log). */

const en = translator('en');
const it = translator('it');
const TIMEOUT = 90_000;
let run: ChromiumRun;

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
}, TIMEOUT);
afterAll(async () => {
  await run?.close();
});

/** Settings and database emptied, every tab closed; audience zone Europe/Rome. Returns an open
 * library page on the Best time section (which also creates the database on first use). */
async function freshStart(): Promise<Page> {
  for (const p of run.context.pages()) await p.close();
  await resetExtensionStorage(run);
  await setStorage(run, { defaultTimeZone: 'Europe/Rome' });
  const library = await bestTimeLibrary(run);
  await clearDatabase(library);
  await library.reload();
  await library.getByTestId('best-time-section').waitFor();
  return library;
}

async function sidebarBestTime(page: Page): Promise<Frame> {
  await waitForHost(page);
  const frame = await openSidebar(page, run);
  await frame.getByTestId('sidebar-tab-best-time').click();
  return frame;
}

const attr = (frame: Frame | Page, testId: string, name: string) => frame.getByTestId(testId).first().getAttribute(name);

describe('sidebar: log from the page, the hint changes', () => {
  test(
    'Instagram profile: identify the account, create it, log a post (exact time), re-log, then the hint learns',
    async () => {
      const library = await freshStart();
      const page = await run.context.newPage();
      await page.goto(run.url('www.instagram.com', '/spallademo/'));
      const frame = await sidebarBestTime(page);

      // The account is read from the profile header and offered as a new account.
      await frame.getByTestId('best-time-sidebar-new-account').waitFor();
      expect(await frame.getByTestId('best-time-sidebar-new-account').textContent()).toContain(en('bestTimeSidebarNotAnAccount', '@spallademo'));
      await frame.getByTestId('best-time-sidebar-create-account').click();

      // Before logging: no data, the why comes from the starting figures.
      await expect.poll(() => attr(frame, 'best-time-sidebar-trust', 'data-value'), { timeout: 15_000 }).toBe('none');
      expect(await attr(frame, 'best-time-sidebar-why', 'data-kind')).toBe('prior');
      expect(await frame.getByTestId('best-time-sidebar-next').locator('li').count()).toBe(3);
      expect(['good', 'average', 'poor']).toContain(await frame.getByTestId('best-time-sidebar-now').locator('[data-value]').getAttribute('data-value'));

      // The account's posts on the profile, with exact times and counts read from the page.
      const post = frame.locator('[data-testid="best-time-sidebar-post"][data-permalink="https://www.instagram.com/p/CxY12aBcD3e/"]');
      await post.waitFor();
      expect(await post.getAttribute('data-logged')).toBe('false');
      expect(await post.getByTestId('best-time-sidebar-post-counts').textContent()).toContain(en('bestTimeCountReactions', 128));
      // Only this account's posts are offered (giulia.verdi's and luca.bianchi's are not).
      const permalinks = await frame.getByTestId('best-time-sidebar-post').evaluateAll((els) => els.map((e) => e.getAttribute('data-permalink')));
      expect(permalinks.length).toBeGreaterThan(0);
      for (const p of permalinks) expect(p).toMatch(/^https:\/\/www\.instagram\.com\/(p|reel)\//);

      await post.getByTestId('best-time-sidebar-log').click();
      await expect.poll(() => post.getAttribute('data-logged'), { timeout: 15_000 }).toBe('true');
      // The hint changed: one post behind it now.
      expect(await attr(frame, 'best-time-sidebar-trust', 'data-value')).toBe('thin');
      expect(await attr(frame, 'best-time-sidebar-trust', 'data-posts')).toBe('1');

      let rows = (await dumpDatabase(library)).postLog as { permalink: string; publishedAt: number; metrics: { reactions: number }; source: string; updatedAt: number; network: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        permalink: 'https://www.instagram.com/p/CxY12aBcD3e/',
        publishedAt: Date.parse('2026-11-20T12:34:00.000Z'),
        network: 'instagram',
        source: 'page',
      });
      expect(rows[0].metrics.reactions).toBe(128);
      const firstUpdate = rows[0].updatedAt;

      // Re-logging the same post updates it (newer counts win), it does not add one.
      await post.getByTestId('best-time-sidebar-log').click();
      await expect.poll(async () => ((await dumpDatabase(library)).postLog as { updatedAt: number }[])[0].updatedAt, { timeout: 10_000 }).toBeGreaterThan(firstUpdate);
      rows = (await dumpDatabase(library)).postLog as typeof rows;
      expect(rows).toHaveLength(1);

      // 120 more posts of this account (as if imported): Wednesday 15:00 does twice as well.
      const [account] = (await dumpDatabase(library)).accounts as { id: string; brandId: string }[];
      await library.evaluate(syntheticPosts, { brandId: account.brandId, accountId: account.id, network: 'instagram' });
      await frame.getByTestId('sidebar-tab-data').click();
      await frame.getByTestId('sidebar-tab-best-time').click();
      await expect.poll(() => attr(frame, 'best-time-sidebar-trust', 'data-value'), { timeout: 15_000 }).toBe('solid');
      expect(await attr(frame, 'best-time-sidebar-why', 'data-kind')).toBe('data');
      const next = await frame.getByTestId('best-time-sidebar-next').locator('li').evaluateAll((els) =>
        els.map((e) => [Number(e.getAttribute('data-day')), Number(e.getAttribute('data-hour'))]),
      );
      expect(next[0]).toEqual([2, 15]);
      expect(await frame.getByTestId('best-time-sidebar-why').textContent()).toContain('2.0x');
    },
    TIMEOUT * 2,
  );

  for (const lang of ['en', 'it'] as const) {
    test(
      `Facebook Page (${lang}): the time is read from the permalink's label and confirmed by the user`,
      async () => {
        const t = lang === 'en' ? en : it;
        const library = await freshStart();
        if (lang === 'it') await setStorage(run, { language: 'it' });
        const page = await run.context.newPage();
        await page.goto(run.url('www.facebook.com', `/spallademo${lang === 'it' ? '?lang=it' : ''}`));
        const frame = await sidebarBestTime(page);
        await frame.getByTestId('best-time-sidebar-create-account').click();
        await frame.getByTestId('best-time-sidebar').waitFor({ timeout: 15_000 });
        expect(await attr(frame, 'best-time-sidebar-trust', 'data-value')).toBe('none');

        const post = frame.getByTestId('best-time-sidebar-post').first();
        await post.waitFor();
        // Not exact: the label is shown and the time is offered for checking.
        const label = lang === 'en' ? 'Friday, November 20, 2026 at 12:34 PM' : 'Venerdì 20 novembre 2026 alle ore 12:34';
        expect(await post.textContent()).toContain(t('bestTimeSidebarCheckTime', label));
        const when = post.getByTestId('best-time-sidebar-post-when');
        expect(await when.inputValue()).toBe('2026-11-20T12:34');
        // The input draws its date in the browser's language; beside it, the interface language's.
        const whenText = async () => (await post.getByTestId('best-time-sidebar-post-when-text').textContent())?.replace(/[\u202f\u00a0]/g, ' ');
        expect(await whenText()).toBe(lang === 'en' ? 'Nov 20, 2026, 12:34 PM' : '20 nov 2026, 12:34');
        // The user corrects it by a minute, then logs it.
        await when.fill('2026-11-20T12:35');
        await post.getByTestId('best-time-sidebar-log').click();
        await expect.poll(() => post.getAttribute('data-logged'), { timeout: 15_000 }).toBe('true');
        expect(await attr(frame, 'best-time-sidebar-trust', 'data-posts')).toBe('1');
        // One post: the singular, in either language.
        expect(await frame.getByTestId('best-time-sidebar-trust').textContent()).toContain(lang === 'en' ? '1 post logged' : '1 post registrato');

        const rows = (await dumpDatabase(library)).postLog as { permalink: string; publishedAt: number; network: string; metrics: { reactions: number | null } }[];
        expect(rows).toHaveLength(1);
        expect(rows[0].network).toBe('facebook');
        expect(rows[0].permalink).toMatch(/^https:\/\/www\.facebook\.com\/spallademo\/posts\/pfbid/);
        // The label is in the browser's own zone: the same wall-clock time there.
        const expected = await page.evaluate(() => new Date(2026, 10, 20, 12, 35).getTime());
        expect(rows[0].publishedAt).toBe(expected);
        expect(rows[0].metrics.reactions).toBeGreaterThan(0);
        const { accounts, brands } = (await dumpDatabase(library)) as { accounts: { handle: string; name: string; network: string; brandId: string }[]; brands: { id: string; name: string }[] };
        expect(accounts).toEqual([expect.objectContaining({ handle: 'spallademo', name: 'Spalla Demo', network: 'facebook' })]);
        // A new account is a brand of its own name until the user files it under a client.
        expect(brands).toEqual([expect.objectContaining({ id: accounts[0].brandId, name: 'Spalla Demo' })]);
      },
      TIMEOUT * 2,
    );
  }

  test(
    "a page that is not an own Page or profile offers nothing to log: the feed, someone else's profile",
    async () => {
      await freshStart();
      // The feed; a stranger's profile ("Add friend"); a friend's (only the link to their
      // friends list tells it is no Page: docs/brands.md).
      for (const path of ['/', '/luca.bianchi', '/giulia.verdi']) {
        for (const p of run.context.pages()) if (p.url().includes('www.facebook.com')) await p.close();
        const page = await run.context.newPage();
        await page.goto(run.url('www.facebook.com', path));
        const frame = await sidebarBestTime(page);
        await frame.getByTestId('best-time-sidebar-no-account').waitFor({ timeout: 15_000 });
        expect(await frame.getByTestId('best-time-sidebar-no-account').textContent(), path).toBe(en('bestTimeSidebarNoAccount'));
        expect(await frame.getByTestId('best-time-sidebar-new-account').count(), path).toBe(0);
      }
    },
    TIMEOUT,
  );
});

describe('library: accounts, CSV import, heatmaps, post log', () => {
  test(
    'import an Instagram export with Italian headers through the UI: mapping, the file in US Pacific time, preview, report, heatmap, re-import updates',
    async () => {
      const library = await freshStart();
      await library.getByTestId('best-time-no-accounts').waitFor();
      await library.getByTestId('best-time-new-name').fill('Spalla Demo');
      await library.getByTestId('best-time-new-handle').fill('spallademo');
      await library.getByTestId('best-time-new-network').selectOption('instagram');
      await library.getByTestId('best-time-new-create').click();
      await library.getByTestId('best-time-account').waitFor();
      expect(await attr(library, 'best-time-trust', 'data-value')).toBe('none');
      expect(await library.getByTestId('best-time-days-without-data').textContent()).toBe(en('bestTimeNoDaysHaveData'));

      await library.getByTestId('best-time-import-file').setInputFiles(sampleExport('meta-instagram-it.csv'));
      await library.getByTestId('best-time-import-mapping').waitFor();
      // The mapping guessed from the Italian headers.
      const mapped = async (field: string) =>
        library.getByTestId(`best-time-import-map-${field}`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
      expect(await mapped('publishedAt')).toBe('Orario di pubblicazione');
      expect(await mapped('reactions')).toBe('Mi piace');
      expect(await mapped('saves')).toBe('Salvataggi');
      // Meta writes the times in US Pacific time, whatever the language: shown, with the reason.
      expect(await attr(library, 'best-time-import-zone', 'data-zone')).toBe('America/Los_Angeles');
      expect(await library.getByTestId('best-time-import-zone-why').textContent()).toBe(en('bestTimeImportZoneMeta', 'Europe/Rome'));
      // Dates 1-12 May only: month first (3 May, not 5 March).
      expect(await library.getByTestId('best-time-import-date-order').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(
        en('bestTimeImportDateAuto', en('bestTimeImportMdy')),
      );
      expect(await attr(library, 'best-time-import-summary', 'data-posts')).toBe('7');
      expect(await attr(library, 'best-time-import-summary', 'data-skipped')).toBe('1');
      expect(await library.getByTestId('best-time-import-preview-row').count()).toBe(7);
      const reasons = await library.getByTestId('best-time-import-skipped').locator('li').evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-line'), e.getAttribute('data-reason')]),
      );
      expect(reasons).toEqual([['3', 'duplicate']]);
      // "05/03/2025 18:30" Pacific: 01:30 UTC on 4 May, 03:30 in Rome.
      const tiramisu = library.getByTestId('best-time-import-preview-row').filter({ hasText: 'SAMPLEi02' });
      expect(await tiramisu.getAttribute('data-published')).toBe(String(Date.UTC(2025, 4, 4, 1, 30)));
      // Another zone chosen with the picker: the same cell read in Rome; then back.
      const chooseZone = async (query: string, option: string) => {
        await library.getByTestId('best-time-import-zone-search').fill(query);
        await library.getByTestId('best-time-import-zone-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
        await expect.poll(() => attr(library, 'best-time-import-zone', 'data-zone')).toBe(option.replace(/ /g, '_'));
      };
      await chooseZone('rome', 'Europe/Rome');
      expect(await tiramisu.getAttribute('data-published')).toBe(String(Date.UTC(2025, 4, 3, 16, 30)));
      await chooseZone('los angeles', 'America/Los Angeles');
      expect(await tiramisu.getAttribute('data-published')).toBe(String(Date.UTC(2025, 4, 4, 1, 30)));

      // Nothing written before "Import".
      expect((await dumpDatabase(library)).postLog).toHaveLength(0);
      await library.getByTestId('best-time-import-run').click();
      await library.getByTestId('best-time-import-result').waitFor();
      expect(await library.getByTestId('best-time-import-result').textContent()).toBe(en('bestTimeImportDone', 7, 0, 0));
      await expect.poll(() => library.getByTestId('best-time-log-row').count()).toBe(7);
      const filed = (await dumpDatabase(library)).postLog as { permalink: string; publishedAt: number }[];
      expect(filed.find((r) => r.permalink === 'https://www.instagram.com/p/SAMPLEi02/')?.publishedAt).toBe(Date.UTC(2025, 4, 4, 1, 30));

      // The learned heatmap: Sunday 4 May 03:30 Rome is in Sunday 03:00, one post behind it.
      const cell = library.getByTestId('best-time-learned-heatmap-cell-6-3');
      expect(await cell.getAttribute('data-posts')).toBe('1');
      // English hours are on the 12-hour clock (utils/i18n/dates.ts); Intl may put a narrow space before AM.
      expect((await cell.getAttribute('aria-label'))?.replace(/[\u202f\u00a0]/g, ' ')).toBe(
        en('bestTimeCellLearned', 'Sunday 3:00 AM', Number(await cell.getAttribute('data-score')).toFixed(2), 1),
      );
      // Keyboard: focus the cell, arrow right to Sunday 04:00, the detail line follows.
      await cell.focus();
      await library.keyboard.press('ArrowRight');
      expect(await library.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('best-time-learned-heatmap-cell-6-4');
      expect(await library.getByTestId('best-time-learned-heatmap-detail').textContent()).toContain('Sunday 4:00');
      // Side by side with the prior's grid, which has no posts.
      expect(await attr(library, 'best-time-prior-heatmap-cell-1-10', 'data-posts')).toBe('');
      expect(await library.getByTestId('best-time-prior-source').textContent()).toContain('Sprout Social 2023');
      expect(await library.getByTestId('best-time-learned-heatmap-legend').textContent()).toMatch(/lowest \d\.\d\d.*highest \d\.\d\d/);

      // The same file again: the same posts are updated, none added; the mapping is remembered.
      await library.getByTestId('best-time-import-file').setInputFiles(sampleExport('meta-instagram-it.csv'));
      await library.getByTestId('best-time-import-mapping').waitFor();
      expect(await library.getByTestId('best-time-import-mapping').textContent()).toContain(en('bestTimeImportRemembered'));
      expect(await attr(library, 'best-time-import-zone', 'data-zone')).toBe('America/Los_Angeles');
      await library.getByTestId('best-time-import-run').click();
      await library.getByTestId('best-time-import-result').waitFor();
      expect(await library.getByTestId('best-time-import-result').textContent()).toBe(en('bestTimeImportDone', 0, 7, 0));
      expect((await dumpDatabase(library)).postLog).toHaveLength(7);

      // The broken file imports nothing and says why.
      await library.getByTestId('best-time-import-file').setInputFiles(sampleExport('broken-not-an-export.csv'));
      await library.getByTestId('best-time-import-error').waitFor();
      expect(await library.getByTestId('best-time-import-error').textContent()).toBe(en('bestTimeImportNoDateColumn'));
      expect(await library.getByTestId('best-time-import-run').isDisabled()).toBe(true);
      expect(await library.getByTestId('best-time-import-zone-why').textContent()).toBe(en('bestTimeImportZoneAccount', 'Europe/Rome'));
      await library.getByTestId('best-time-import-cancel').click();
      expect((await dumpDatabase(library)).postLog).toHaveLength(7);

      // Choose no prior: the prior grid is flat and says so.
      await library.getByTestId('best-time-prior-select').selectOption('none');
      await expect.poll(() => library.getByTestId('best-time-prior-heatmap').locator('figcaption').textContent()).toBe(en('bestTimeNoPriorGrid'));

      // The post log: sort, filter, export, delete.
      await library.getByTestId('best-time-log-sort-reactions').click();
      const firstReactions = await library.getByTestId('best-time-log-row').first().locator('[data-metric="reactions"]').textContent();
      expect(firstReactions).toBe('451');
      await library.getByTestId('best-time-log-filter').fill('SAMPLEi02');
      await expect.poll(() => library.getByTestId('best-time-log-row').count()).toBe(1);
      const [download] = await Promise.all([library.waitForEvent('download'), library.getByTestId('best-time-log-export').click()]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
      expect(csv).toContain('https://www.instagram.com/p/SAMPLEi02/');
      expect(csv).toContain(',80,');
      await library.getByTestId('best-time-log-filter').fill('');
      await library.getByTestId('best-time-log-delete').first().click();
      await expect.poll(() => library.getByTestId('best-time-log-row').count()).toBe(6);
      expect((await dumpDatabase(library)).postLog).toHaveLength(6);
    },
    TIMEOUT * 2,
  );

  test(
    'manual entry in the account zone, with clear messages for bad input (Italian)',
    async () => {
      const library = await freshStart();
      await setStorage(run, { language: 'it' });
      await library.reload();
      await library.getByTestId('best-time-new-name').fill('Pagina Demo');
      await library.getByTestId('best-time-new-network').selectOption('facebook');
      await library.getByTestId('best-time-new-create').click();
      await library.getByTestId('best-time-manual').waitFor();
      await library.getByTestId('best-time-manual-add').click();
      expect(await library.getByTestId('best-time-manual-error').textContent()).toBe(it('bestTimeManualNeedsTime'));
      await library.getByTestId('best-time-manual-when').fill('2026-03-29T03:30');
      await library.getByTestId('best-time-manual-reactions').fill('molti');
      await library.getByTestId('best-time-manual-add').click();
      expect(await library.getByTestId('best-time-manual-error').textContent()).toBe(it('bestTimeManualBadNumber', it('bestTimeReactions')));
      await library.getByTestId('best-time-manual-reactions').fill('1.234');
      await library.getByTestId('best-time-manual-add').click();
      await library.getByTestId('best-time-manual-added').waitFor();
      const rows = (await dumpDatabase(library)).postLog as { publishedAt: number; metrics: { reactions: number }; source: string }[];
      expect(rows).toEqual([expect.objectContaining({ publishedAt: Date.UTC(2026, 2, 29, 1, 30), source: 'manual' })]);
      expect(rows[0].metrics.reactions).toBe(1234);
      expect(await attr(library, 'best-time-learned-heatmap-cell-6-3', 'data-posts')).toBe('1');
    },
    TIMEOUT,
  );
});
