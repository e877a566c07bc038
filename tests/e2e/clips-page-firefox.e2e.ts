// Clipping posts (issue #6) in Firefox: the clip control on an Instagram feed post, the
// sidebar's Ideas tab showing the image from the stored blob while the site's address
// answers 403, and the context-menu handler on a plain page (reached through the
// background page, since test drivers cannot click extension menus).
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffClickEdgeTab, ffHostInfo, ffOpenSidebar, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import { CLIP_CONTROL_POINT, denyFixtureImages, PWNED_FLAG } from './support/clips-page';

let run: FirefoxRun;
let page: Page;

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
});
afterAll(async () => {
  await denyFixtureImages(inject('fixturePort'), 'Firefox', []).catch(() => {});
  await run?.close();
});
beforeEach(async () => {
  for (const p of await run.browser.pages()) await p.close().catch(() => {});
  page = await run.browser.newPage();
});

/** The library page (a top-level extension page: it may open the database), opened the
 * way a person does, from the sidebar (WebDriver may not open moz-extension:// itself). */
async function openLibrary(frame: Frame): Promise<Page> {
  const before = new Set(await run.browser.pages());
  await frame.click('[data-testid="sidebar-open-library"]');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const p of await run.browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.endsWith('/library.html')) return p;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('library page did not open');
}

/** Counts (or clears) the clips and images with the raw IndexedDB API, in the library page. */
async function tables(library: Page, clear = false): Promise<{ clips: { permalink: string; text: string; network: string }[]; roles: string[] }> {
  return library.evaluate(async (clearing) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('spalla');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['clips', 'images'], clearing ? 'readwrite' : 'readonly');
    const get = (name: string) =>
      new Promise<any[]>((resolve) => {
        if (clearing) tx.objectStore(name).clear();
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
    const [clips, images] = await Promise.all([get('clips'), get('images')]);
    db.close();
    return { clips: clips.map((c) => ({ permalink: c.permalink, text: c.text, network: c.network })), roles: images.map((i) => i.role).sort() };
  }, clear);
}

async function clickClipControl(key: string) {
  let point: { error?: string; x: number; y: number; hover: { x: number; y: number } } = { error: 'not yet', x: 0, y: 0, hover: { x: 0, y: 0 } };
  for (let i = 0; point.error && i < 40; i++) {
    if (i) await new Promise((r) => setTimeout(r, 250));
    point = (await page.evaluate(`(${CLIP_CONTROL_POINT})(${JSON.stringify(key)})`)) as typeof point;
    if (point.error && (await ffHostInfo(page)).state === 'open') {
      await ffClickEdgeTab(page);
      await ffWaitForHost(page, (info) => info.state === 'closed');
    }
  }
  if (point.error) throw new Error(point.error);
  await page.mouse.move(point.hover.x, point.hover.y);
  await page.mouse.click(point.x, point.y);
}

async function waitIn(frame: Frame, selector: string) {
  await frame.waitForSelector(selector, { timeout: 20_000 });
}

describe('Firefox: clipping', () => {
  test('the clip control saves an Instagram post; the sidebar shows its image from the stored blob after the address answers 403', async () => {
    await page.goto(run.url('www.instagram.com', '/?lang=it'));
    let frame = await ffOpenSidebar(page);
    const library = await openLibrary(frame);
    await tables(library, true).catch(() => null); // no database yet in a fresh profile
    await page.bringToFront();
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'closed');

    await clickClipControl('CxY12aBcD3e');
    await ffWaitForHost(page, (i) => i.state === 'open');
    frame = await ffOpenSidebar(page);
    await waitIn(frame, '[data-testid="clips-page-capture-ok"] [data-updated="false"]');
    expect(await frame.$eval('[data-testid="clips-page-editor-text"]', (el) => el.textContent)).toBe(
      "Il nuovo menù d'autunno è arrivato ☕🍂 #autunno #bologna #caffè",
    );
    const db = await tables(library);
    expect(db.clips).toEqual([{ permalink: 'https://www.instagram.com/p/CxY12aBcD3e/', text: "Il nuovo menù d'autunno è arrivato ☕🍂 #autunno #bologna #caffè", network: 'instagram' }]);
    expect(db.roles).toEqual(['full', 'thumbnail']);

    await denyFixtureImages(inject('fixturePort'), 'Firefox', ['ig-coffee']);
    try {
      const status = await page.evaluate(() =>
        fetch('/__fixture/img/ig-coffee.png?stp=dst-jpg_e35&_nc_ht=scontent.cdninstagram.com&oe=6756A1B2').then((r) => r.status),
      );
      expect(status).toBe(403);
      await page.reload();
      frame = await ffOpenSidebar(page);
      await waitIn(frame, '[data-testid="clips-page-thumb"]');
      const deadline = Date.now() + 10_000;
      let shown = { src: '', width: 0 };
      while (Date.now() < deadline && shown.width === 0) {
        shown = await frame.$eval('[data-testid="clips-page-thumb"]', (img) => ({
          src: (img as HTMLImageElement).src.slice(0, 16),
          width: (img as HTMLImageElement).naturalWidth,
        }));
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(shown.src).toMatch(/^data:image\//);
      expect(shown.width).toBeGreaterThan(0);
    } finally {
      await denyFixtureImages(inject('fixturePort'), 'Firefox', []);
    }
    await ffClickEdgeTab(page);
  });

  test('the context-menu handler clips a selection from example.org (through the background page)', async () => {
    await page.goto(run.url('www.facebook.com', '/'));
    const frame = await ffOpenSidebar(page);
    const library = await openLibrary(frame);
    await tables(library, true).catch(() => null);
    await ffClickEdgeTab(page).catch(() => {});

    await page.bringToFront();
    await page.goto('https://example.org/');
    const selection = await page.evaluate(() => {
      const p = document.querySelectorAll('article p')[1];
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().replace(/\s+/g, ' ').trim();
    });
    const title = await page.title();
    const result = await library.evaluate(
      async (text, pageTitle) => {
        const ext = (globalThis as any).browser;
        const bg = await ext.runtime.getBackgroundPage();
        const [tab] = await ext.tabs.query({ url: 'https://example.org/*' });
        return bg.spalla.clipFromMenu(
          { menuItemId: 'clip-selection', selectionText: text, pageUrl: 'https://example.org/' },
          { ...tab, title: pageTitle },
        );
      },
      selection,
      title,
    );
    expect(result.ok).toBe(true);
    const db = await tables(library);
    expect(db.clips).toHaveLength(1);
    expect(db.clips[0]).toMatchObject({ network: 'web', text: selection });
    expect(db.clips[0].permalink).toMatch(/^https:\/\/example\.org\/#:~:text=The%20porticoes/);
    expect(await page.evaluate((flag) => (window as any)[flag], PWNED_FLAG)).toBeUndefined();
  });
});
