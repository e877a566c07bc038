import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { ChromiumRun } from './support/chromium';
import { expectSidebarValue, inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { launchChromiumWithSiteOn } from './support/optional-sites';
import { BRANDS, GINO, LUCIA } from './support/brands-data';

/** The brand in view on X (#13, #14) in Chromium, X switched on with its permission granted:
 * a client's profile gives its brand, the other client's profile switches it (in-app, the
 * handle in another case), and the account logged in (the side navigation's "Profile" link of
 * tests/fixtures/src/x.tsx, @spallademo) is asked about once and filed as an X account. */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

/** Each client with an X account; the agency's own (@spallademo) is in no brand. */
const ACCOUNTS = [
  { brandId: GINO, network: 'x', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino' },
  { brandId: LUCIA, network: 'x', name: 'Fiori di Lucia', handle: 'fioridilucia' },
];

const brand = (expected: string) => expectSidebarValue(sidebar, 'sidebar-brand', 'data-value', expected);
const source = () => sidebar.locator('[data-testid="sidebar-brand"]').getAttribute('data-source');
const asks = () => sidebar.locator('[data-testid="sidebar-brand-ask"]').count();

/** A fresh page (and so a fresh tab memory) on `path`, with its sidebar open. */
async function open(path: string) {
  for (const p of run.context.pages()) await p.close();
  page = await run.context.newPage();
  await page.goto(run.url('x.com', path));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
}

async function navigate(path: string) {
  await page.evaluate((to) => (window as any).__fixture.navigate(to), path);
}

beforeAll(async () => {
  run = await launchChromiumWithSiteOn(inject('fixturePort'), 'x');
});

afterAll(async () => {
  await run?.close();
});

beforeEach(async () => {
  await setStorage(run, { sidebarSide: 'right', language: 'en' });
  await inWorker(run, `self.spalla.brandsSeed(${JSON.stringify({ brands: BRANDS, accounts: ACCOUNTS })})`);
});

describe('Chromium: the brand in view follows X', () => {
  test("a client's X profile gives its brand; the other client's switches it", async () => {
    await open('/pizzeriadagino');
    await brand(GINO);
    expect(await source()).toBe('account');
    await navigate('/FiorIdiLucia');
    await brand(LUCIA);
    expect(await source()).toBe('account');
    await navigate('/pizzeriadagino/media');
    await brand(GINO);
  });

  test('the account logged in, in no brand, is asked about once and filed as an X account', async () => {
    await open('/home');
    await expect.poll(asks).toBe(1);
    await expect.poll(() => sidebar.locator('[data-testid="sidebar-brand-ask"]').textContent()).toContain('spallademo');
    await brand('all');
    await sidebar.locator(`[data-testid="sidebar-brand-ask-option"][data-value="${GINO}"]`).click();
    await brand(GINO);
    await expect.poll(asks).toBe(0);
    // Filed under Gino's brand as X's @spallademo: a reload finds it by itself.
    await page.reload();
    await waitForHost(page);
    sidebar = await openSidebar(page, run);
    await brand(GINO);
    expect(await source()).toBe('account');
    expect(await asks()).toBe(0);
  });
});
