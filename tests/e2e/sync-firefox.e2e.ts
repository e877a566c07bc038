import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { ffApp } from './support/app-driver';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { ffOpenLibrary } from './support/clips-firefox';
import { ffOpenSidebar, launchFirefox, type FirefoxRun } from './support/firefox';
import { app, openBrands, shareThroughUi, startTestSyncServer, timeUntil, type TestSyncServer } from './support/sync';

/**
 * Team sharing (issue #15) across browsers: one brand shared by a Chromium profile (MV3
 * service worker) and joined by a Firefox profile (MV2 background page), through one sync
 * server in the test process. A reply made in each reaches the other. Firefox is driven by
 * puppeteer over WebDriver BiDi: its library is opened from the sidebar, as a person does
 * (WebDriver may not open moz-extension:// pages itself).
 */

let server: TestSyncServer;
let chromium: ChromiumRun;
let firefox: FirefoxRun;
let chromiumLibrary: PlaywrightPage;
let firefoxLibrary: Page;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits in Firefox's page until `selector` matches (puppeteer's own waits are unreliable
 * in a moz-extension page over BiDi: poll the DOM instead). */
async function ffWaitFor(page: Page, selector: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await page.evaluate((s) => !!document.querySelector(s), selector).catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${selector} not shown within ${timeout} ms`);
}

/** Clicks a test id's element in its middle, where a person would. */
async function ffClick(page: Page, testId: string): Promise<void> {
  const element = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 15_000 });
  await element!.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const box = await element!.boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

/** Types into an input of Firefox's library as a person does (a click, then keys). */
async function ffFill(page: Page, testId: string, text: string): Promise<void> {
  await ffClick(page, testId);
  await page.keyboard.type(text);
}

beforeAll(async () => {
  server = await startTestSyncServer();
  // Firefox browses through the fixtures' proxy, which it is told to use even for 127.0.0.1
  // (support/firefox.ts); the sync server on 127.0.0.1 is reached directly, as without a proxy.
  const prefs = { 'network.proxy.allow_hijacking_localhost': false };
  [chromium, firefox] = await Promise.all([launchChromium(inject('fixturePort')), launchFirefox(inject('fixtureProxyPort'), { prefs })]);
  chromiumLibrary = await chromium.context.newPage();
  await openBrands(chromium, chromiumLibrary);
  const page = await firefox.browser.newPage();
  await page.goto(firefox.url('www.facebook.com', '/'));
  firefoxLibrary = await ffOpenLibrary(firefox, await ffOpenSidebar(page));
  await firefoxLibrary.evaluate(() => {
    history.replaceState(null, '', '#brands');
    setTimeout(() => location.reload(), 0);
  });
  await ffWaitFor(firefoxLibrary, '[data-testid="brands-section"]');
});

afterAll(async () => {
  await Promise.all([chromium?.close(), firefox?.close()]);
  await server?.stop().catch(() => {});
});

describe('a brand shared between Chromium and Firefox', () => {
  test('Chromium shares, Firefox joins with the code; a reply made in each reaches the other', async () => {
    const token = await server.addToken('editor', '*');
    const brand = await app(chromiumLibrary, 'createBrand', 'Pizzeria condivisa');
    const fromChromium = await app(chromiumLibrary, 'saveReply', { title: 'Da Chromium', body: 'Scritta in Chromium', brandId: brand });
    const code = await shareThroughUi(chromium, chromiumLibrary, brand, server.url, token);

    // Firefox joins through its library's form.
    await ffClick(firefoxLibrary, 'sync-join-open');
    await ffFill(firefoxLibrary, 'sync-server', server.url);
    await ffFill(firefoxLibrary, 'sync-code', code);
    await ffFill(firefoxLibrary, 'sync-token', token);
    await ffClick(firefoxLibrary, 'sync-join-submit');
    await ffWaitFor(firefoxLibrary, `[data-testid="sync-status"][data-brand-id="${brand}"][data-phase="connected"]`);

    // What Chromium had before the join is in Firefox.
    await timeUntil(() => ffApp(firefoxLibrary, 'get', 'savedReplies', fromChromium), (r) => (r as { body?: string } | null)?.body === 'Scritta in Chromium');
    expect(await ffApp(firefoxLibrary, 'get', 'brands', brand)).toMatchObject({ name: 'Pizzeria condivisa' });

    // A reply made in Firefox reaches Chromium; one made in Chromium now reaches Firefox.
    let since = performance.now();
    const fromFirefox = await ffApp(firefoxLibrary, 'saveReply', { title: 'Da Firefox', body: 'Scritta in Firefox', brandId: brand });
    const toChromium = await timeUntil(() => app(chromiumLibrary, 'get', 'savedReplies', fromFirefox), (r) => (r as { body?: string } | null)?.body === 'Scritta in Firefox', { since });
    since = performance.now();
    const later = await app(chromiumLibrary, 'saveReply', { title: 'Ancora da Chromium', body: 'Dopo il join', brandId: brand });
    const toFirefox = await timeUntil(() => ffApp(firefoxLibrary, 'get', 'savedReplies', later), (r) => (r as { body?: string } | null)?.body === 'Dopo il join', { since });
    console.log(`Firefox -> Chromium ${Math.round(toChromium)} ms, Chromium -> Firefox ${Math.round(toFirefox)} ms`);
    expect(toChromium).toBeLessThan(2_000);
    expect(toFirefox).toBeLessThan(2_000);
  });
});
