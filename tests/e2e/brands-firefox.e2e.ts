import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffOpenSidebar, ffSidebarValue, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';

/** The brand in view in Firefox ESR, on the two clients' fixture pages, through the UI only
 * (WebDriver cannot reach Firefox's background): each client's Page is asked about once and
 * filed under a new brand named after it; then going to the other client's Page and acting
 * as the other Page switch the brand by themselves. */

let run: FirefoxRun;
let page: Page;
let sidebar: Frame;

async function navigate(path: string) {
  await page.evaluate((to) => (window as any).__fixture.navigate(to), path);
}

async function attribute(testId: string, name: string): Promise<string | null> {
  return sidebar.evaluate((id, attr) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attr) ?? null, testId, name);
}

/** Waits until the sidebar's brand in view is `expected` (or, with a function, passes it). */
async function brandInView(expected: string | ((value: string | null) => boolean)): Promise<string | null> {
  if (typeof expected === 'string') return ffSidebarValue(sidebar, 'sidebar-brand', 'data-value', expected);
  const deadline = Date.now() + 10_000;
  let value = await attribute('sidebar-brand', 'data-value');
  while (!expected(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await attribute('sidebar-brand', 'data-value');
  }
  return value;
}

async function clickAt(target: Page | Frame, selector: string) {
  const el = await target.waitForSelector(selector, { timeout: 10_000 });
  await el!.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const box = await el!.boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
}

/** "Which client is this account?" → "New brand “NAME”": the brand it made, now in view.
 * Until then the brand seen last stays (`before`; all brands in a fresh tab). */
async function fileUnderNewBrand(before: string): Promise<string> {
  await sidebar.waitForSelector('[data-testid="sidebar-brand-ask"]', { timeout: 10_000 });
  expect(await brandInView(before)).toBe(before);
  await clickAt(sidebar, '[data-testid="sidebar-brand-ask-new"]');
  const id = await brandInView((value) => value !== null && value !== '' && value !== 'all' && value !== before);
  expect(await attribute('sidebar-brand', 'data-source')).toBe('account');
  return id!;
}

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
  page = await run.browser.newPage();
  await page.goto(run.url('www.facebook.com', '/pizzeriadagino'));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  // The account menu is at the top right: the sidebar goes left, clear of it.
  await sidebar.evaluate(() => (globalThis as any).browser.storage.local.set({ sidebarSide: 'left' }));
});

afterAll(async () => {
  await run?.close();
});

describe('Firefox: the brand in view follows the screen', () => {
  test("each client asked once; then the other client's Page and acting as the other Page switch it", async () => {
    const gino = await fileUnderNewBrand('all');
    expect(await sidebar.evaluate(() => document.querySelector('[data-testid="sidebar-brand"]')?.textContent)).toContain('Pizzeria Da Gino');
    await navigate('/fioridilucia');
    const lucia = await fileUnderNewBrand(gino);
    expect(lucia).not.toBe(gino);

    // Remembered: back on Gino's Page, no question, his brand.
    await navigate('/pizzeriadagino');
    expect(await brandInView(gino)).toBe(gino);
    expect(await sidebar.$('[data-testid="sidebar-brand-ask"]')).toBeNull();

    // The feed as Marta (names no Page: the brand stays), then acting as each Page in turn.
    await navigate('/');
    await page.waitForSelector('[aria-label="Your profile"]');
    await clickAt(page, '[role="banner"] [role="button"][aria-label="Your profile"]');
    await clickAt(page, '[aria-label="Switch to Fiori di Lucia"]');
    expect(await brandInView(lucia)).toBe(lucia);
    await clickAt(page, '[role="banner"] [role="button"][aria-label="Your profile"]');
    await clickAt(page, '[aria-label="Switch to Pizzeria Da Gino"]');
    expect(await brandInView(gino)).toBe(gino);
  });
});
