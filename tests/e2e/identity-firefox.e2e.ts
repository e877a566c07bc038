import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageIdentity } from '../../utils/messaging/page-state';
import { CLIENTS } from '../fixtures/src/clients';
import { LABELS } from '../fixtures/src/i18n';
import { ffClickEdgeTab, ffOpenSidebar, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import { ffOpenLibrary, ffPoll } from './support/clips-firefox';

/** "Spalla follows the screen" (#13) in Firefox ESR: switching the Page acted as in the
 * account menu (no navigation), going to the other client's Page, Business Suite's asset.
 * The identity is the one the page agent pushed to the background (`pageStateChanged`),
 * read through `spalla.pageState(tabId)` on the background page, reached from the library
 * page (a framed sidebar has no `getBackgroundPage`). */

const TIMEOUT = 120_000;
const [GINO, LUCIA] = CLIENTS;
const t = LABELS.en;
let run: FirefoxRun;
let page: Page;
let library: Page;

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
  page = await run.browser.newPage();
  await page.goto(run.url('www.facebook.com', '/'));
  await ffWaitForHost(page);
  library = await ffOpenLibrary(run, await ffOpenSidebar(page));
  await page.bringToFront();
  // The sidebar covers the top bar's account button: close it.
  await ffClickEdgeTab(page);
  await ffWaitForHost(page, (info) => info.state === 'closed');
}, TIMEOUT);
afterAll(async () => {
  await run?.close();
});

async function pushedIdentity(host: string): Promise<PageIdentity | null | undefined> {
  return library.evaluate(async (pattern) => {
    const ext = (globalThis as any).browser;
    const bg = await ext.runtime.getBackgroundPage();
    const [tab] = await ext.tabs.query({ url: pattern });
    const state = tab ? bg.spalla.pageState(tab.id) : undefined;
    return state === undefined ? undefined : JSON.parse(JSON.stringify(state?.identity ?? null));
  }, `https://${host}/*`);
}

async function expectIdentity(host: string, expected: Partial<PageIdentity> | null) {
  const matches = (value: PageIdentity | null | undefined) =>
    expected === null ? value === null : !!value && Object.entries(expected).every(([k, v]) => (value as any)[k] === v);
  const got = await ffPoll(() => pushedIdentity(host), matches);
  if (expected === null) expect(got).toBeNull();
  else expect(got).toMatchObject(expected);
}

async function click(selector: string) {
  const el = await page.waitForSelector(selector, { timeout: 10_000 });
  await el!.click();
}

describe('Firefox: the account in view follows the screen', () => {
  test(
    'facebook.com: switching the Page acted as changes it without navigation; the other client\'s Page',
    async () => {
      await expectIdentity('www.facebook.com', null);
      const before = page.url();
      await click(`[role="banner"] [role="button"][aria-label="${t.yourProfile}"]`);
      await click(`[role="dialog"] [role="button"][aria-label="${t.switchTo(GINO.name)}"]`);
      await expectIdentity('www.facebook.com', { via: 'acting-as', handle: GINO.page, name: GINO.name });
      expect(page.url()).toBe(before);

      await click(`[role="banner"] [role="button"][aria-label="${t.yourProfile}"]`);
      await click(`[role="dialog"] [role="button"][aria-label="${t.switchTo(LUCIA.name)}"]`);
      await expectIdentity('www.facebook.com', { via: 'acting-as', handle: LUCIA.page, name: LUCIA.name });

      await page.evaluate((p) => (window as any).__fixture.navigate(p), `/${GINO.page}`);
      await expectIdentity('www.facebook.com', { via: 'page', handle: GINO.page, name: GINO.name });
      await click('[data-fixture-editor="fb-page-comment-1"]');
      await expectIdentity('www.facebook.com', { via: 'acting-as', name: LUCIA.name });
    },
    TIMEOUT,
  );

  test(
    'Business Suite: the asset in the address, switched in the asset list',
    async () => {
      await page.goto(run.url('business.facebook.com', `/latest/inbox/all?asset_id=${LUCIA.pageId}`));
      await ffWaitForHost(page);
      await expectIdentity('business.facebook.com', { network: 'facebook', via: 'inbox', externalId: LUCIA.pageId });
      await click(`[role="list"][aria-label="${t.bsAssets}"] a[href*="asset_id=${GINO.pageId}"]`);
      await expectIdentity('business.facebook.com', { via: 'inbox', externalId: GINO.pageId });
    },
    TIMEOUT,
  );
});
