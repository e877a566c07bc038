import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import {
  ffClickEdgeTab,
  ffHostInfo,
  ffOpenSidebar,
  ffSidebarFrame,
  ffSidebarValue,
  ffWaitForHost,
  launchFirefox,
  type FirefoxRun,
} from './support/firefox';
import { STARTER_REPLIES } from '../../utils/replies/starter';
import { PAGE_STORAGE_SCRIPT, withoutBackupClock } from './support/host';
import { LANGS, SURFACES, withLang } from './support/surfaces';

/** The starter replies the background seeds on install. */
const STARTERS = String(STARTER_REPLIES.length);

let run: FirefoxRun;
let page: Page;

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
});
afterAll(async () => {
  await run?.close();
});

/** `browser.storage` as our extension pages see it, reached from inside the sidebar
 * (WebDriver may not open a moz-extension:// page itself). */
async function storage(sidebar: Frame, code: string): Promise<unknown> {
  return sidebar.evaluate(code);
}

beforeEach(async () => {
  for (const p of await run.browser.pages()) await p.close().catch(() => {});
  page = await run.browser.newPage();
});

// The open/closed state is remembered per site: leave it closed for the next test.
afterEach(async () => {
  const info = await ffHostInfo(page).catch(() => null);
  if (info?.state === 'open') {
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'closed');
  }
});

async function visit(host: string, path: string) {
  await page.goto(run.url(host, path));
  return ffWaitForHost(page);
}

describe('Firefox: the sidebar on every surface', () => {
  for (const lang of LANGS) {
    for (const c of SURFACES) {
      test(`${c.name} (${lang}): host, open by click, site/surface, composer kind`, async () => {
        const info = await visit(c.host, withLang(c.path, lang));
        expect(info.count).toBe(1);
        expect(info.shadowVisible).toBe(false);
        expect(info.state).toBe('closed');

        if (c.composer) await page.click(c.composer);
        const frame = await ffOpenSidebar(page);
        expect(await ffSidebarValue(frame, 'sidebar-site', 'data-value', c.site)).toBe(c.site);
        expect(await ffSidebarValue(frame, 'sidebar-surface', 'data-value', c.surface)).toBe(c.surface);
        expect(await ffSidebarValue(frame, 'sidebar-composer', 'data-kind', c.kind ?? 'none')).toBe(c.kind ?? 'none');
        if (c.composer) {
          await page.focus(c.composer);
          expect(await ffSidebarValue(frame, 'sidebar-composer', 'data-focused', 'true')).toBe('true');
        }

        await ffClickEdgeTab(page);
        expect((await ffWaitForHost(page, (i) => i.state === 'closed')).count).toBe(1);
      });
    }
  }
});

describe('Firefox: sidebar behaviour', () => {
  test('the driver reaches into the sidebar iframe and its data comes from the background', async () => {
    await visit('www.facebook.com', '/');
    const frame = await ffOpenSidebar(page);
    expect(await frame.evaluate(() => location.protocol)).toBe('moz-extension:');
    expect(await ffSidebarValue(frame, 'sidebar-count-savedReplies', 'data-value', STARTERS)).toBe(STARTERS);
  });

  test('"Open the library" in the sidebar opens the library page', async () => {
    await visit('www.facebook.com', '/');
    const frame = await ffOpenSidebar(page);
    const before = (await run.browser.pages()).length;
    await frame.click('[data-testid="sidebar-open-library"]');
    // A new tab shows the library (BiDi may list its URL late: ask the page itself).
    let href = '';
    const deadline = Date.now() + 10_000;
    // The sidebar's tab in use (Replies on a fresh profile) names the section.
    while (!href.endsWith('/library.html#replies') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const pages = await run.browser.pages();
      if (pages.length <= before) continue;
      href = await pages[pages.length - 1].evaluate(() => location.href).catch(() => '');
    }
    expect(href).toMatch(/^moz-extension:\/\/.+\/library\.html#replies$/);
  });

  test('survives in-app navigation and follows the surface', async () => {
    await visit('www.facebook.com', '/');
    const frame = await ffOpenSidebar(page);
    expect(await ffSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed')).toBe('feed');
    await page.evaluate(() => {
      (window as any).__beforeNavigation = document.querySelector('spalla-sidebar');
    });
    await page.click('a[href^="/messages"]');
    expect(await ffSidebarValue(frame, 'sidebar-surface', 'data-value', 'messages')).toBe('messages');
    const same = await page.evaluate(
      () =>
        (window as any).__beforeNavigation === document.querySelector('spalla-sidebar') &&
        document.querySelectorAll('spalla-sidebar').length === 1,
    );
    expect(same).toBe(true);
  });

  test('close button inside the sidebar closes it', async () => {
    await visit('www.instagram.com', '/');
    const frame = await ffOpenSidebar(page);
    await frame.click('[data-testid="sidebar-close"]');
    await ffWaitForHost(page, (i) => i.state === 'closed');
  });

  test('turning Spalla off for a site hides it there, live', async () => {
    await visit('www.facebook.com', '/');
    const other = await run.browser.newPage();
    await other.goto(run.url('www.instagram.com', '/'));
    const sidebar = await ffOpenSidebar(other);
    await storage(sidebar, `browser.storage.local.set({ enabledSites: { facebook: false, instagram: true, business: true } })`);
    await ffWaitForHost(page, (i) => i.count === 0);
    expect((await ffHostInfo(other)).count).toBe(1);
    await storage(sidebar, `browser.storage.local.set({ enabledSites: { facebook: true, instagram: true, business: true } })`);
    await ffWaitForHost(page, (i) => i.count === 1);
    await ffClickEdgeTab(other);
  });

  test('follows Facebook dark mode', async () => {
    await visit('www.facebook.com', '/?theme=dark');
    const frame = await ffOpenSidebar(page);
    expect((await ffHostInfo(page)).theme).toBe('dark');
    const deadline = Date.now() + 5000;
    let dark = false;
    while (!dark && Date.now() < deadline) dark = await frame.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(dark).toBe(true);
  });

  test("the page's own scripts see no database and no localStorage key of ours", async () => {
    await visit('www.facebook.com', '/');
    await ffOpenSidebar(page);
    const seen = (await page.evaluate(PAGE_STORAGE_SCRIPT)) as { databases: string[]; localStorageKeys: string[] };
    expect(seen.databases).toEqual([]);
    expect(seen.localStorageKeys).toEqual([]);
  });

  test('a hostile page posting messages at our frames changes nothing', async () => {
    await visit('www.facebook.com', '/');
    const frame = await ffOpenSidebar(page);
    const before = withoutBackupClock(await storage(frame, 'browser.storage.local.get(null)'));
    await page.evaluate(async () => {
      const payloads: unknown[] = [
        { type: 'closeSidebar' },
        { type: 'toggleSidebar' },
        { type: 'setSidebarOpen', data: false },
        { type: 'pageState', state: null },
        'closeSidebar',
      ];
      for (let i = 0; i < window.frames.length; i++) for (const p of payloads) window.frames[i].postMessage(p, '*');
      for (const p of payloads) window.postMessage(p, '*');
      for (const name of ['wxt:content-script-started', 'spalla@spalla-extension.org:page-agent:wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'page-agent', messageId: 'evil' } }));
      }
      document.querySelector('spalla-sidebar')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 1000));
    });
    expect(await ffHostInfo(page)).toMatchObject({ count: 1, state: 'open' });
    expect(await ffSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed')).toBe('feed');
    expect(withoutBackupClock(await storage(frame, 'browser.storage.local.get(null)'))).toEqual(before);
    // Still alive: a real click on the tab still closes it.
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'closed');
    // And it opens again with a working sidebar.
    await ffClickEdgeTab(page);
    await ffSidebarFrame(page);
  });

  test('after the add-on is updated with pages open, the sidebar in them works again', async () => {
    await visit('www.facebook.com', '/');
    await ffOpenSidebar(page);
    // An update: the same build installed again over the running add-on (a framed
    // extension page has no `runtime.reload` in Firefox, so it cannot be asked from there).
    await run.install();
    // The new instance's sidebar answers the new background once it is up again.
    const sidebar = await ffOpenSidebar(page);
    expect(await ffSidebarValue(sidebar, 'sidebar-surface', 'data-value', 'feed')).toBe('feed');
    expect(await ffSidebarValue(sidebar, 'sidebar-count-savedReplies', 'data-value', STARTERS)).toBe(STARTERS);
    expect((await ffHostInfo(page)).count).toBe(1);
    // Closing and opening again works with the new background.
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'closed');
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'open');
  });
});
