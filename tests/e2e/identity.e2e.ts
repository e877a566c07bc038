import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageIdentity } from '../../utils/messaging/page-state';
import { inWorker, useChromium, waitForHost } from './support/chromium-sidebar';
import { CLIENTS } from '../fixtures/src/clients';
import { LABELS } from '../fixtures/src/i18n';

/** "Spalla follows the screen" (#13), the page side: the built extension in Chromium on the
 * two clients' fixture pages. The identity is read back from the page state the agent pushed
 * to the background (`pageStateChanged`, what the sidebar receives), through the test hook
 * `spalla.pageState(tabId)`. Going to the other client's Page, switching the Page acted as
 * (the account menu, no navigation), Messenger, a person's profile (not a Page), Business
 * Suite assets, Instagram. */

const TIMEOUT = 90_000;
const [GINO, LUCIA] = CLIENTS;
// One Chromium; for each test a fresh tab (every other one closed), storage cleared.
const current = useChromium();

/** The test's tab on `host` + `path`, once the agent is in. */
async function open(host: string, path: string): Promise<Page> {
  await current.page.goto(current.run.url(host, path));
  await waitForHost(current.page);
  return current.page;
}

/** The identity in the state the agent of the only tab on `host` last pushed. */
async function pushedIdentity(host: string): Promise<PageIdentity | null | undefined> {
  return inWorker(
    current.run,
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(`https://${host}/*`)} });
      return tab ? self.spalla.pageState(tab.id)?.identity : undefined;
    })()`,
  );
}

/** Waits until the pushed identity matches `expected` (a subset of its fields). */
async function expectIdentity(host: string, expected: Partial<PageIdentity> | null) {
  if (expected === null) {
    await expect.poll(() => pushedIdentity(host), { timeout: 15_000 }).toBeNull();
    return;
  }
  await expect.poll(() => pushedIdentity(host), { timeout: 15_000 }).toMatchObject(expected);
}

const navigate = (page: Page, path: string) => page.evaluate((p) => (window as any).__fixture.navigate(p), path);

describe.each(['en', 'it'] as const)('Chromium (%s): the account in view follows the screen', (lang) => {
  const t = LABELS[lang];
  const q = lang === 'it' ? '?lang=it' : '';

  test(
    'facebook.com: another client\'s Page, the Page acted as switched in the account menu, commenting, Messenger',
    async () => {
      const fb = 'www.facebook.com';
      const page = await open(fb, `/${q}`);
      // The person's own feed: no business account.
      await expectIdentity(fb, null);

      // Switch into Pizzeria Da Gino: labels change, the address does not.
      const before = page.url();
      await page.getByRole('button', { name: t.yourProfile, exact: true }).click();
      await page.getByRole('button', { name: t.switchTo(GINO.name) }).click();
      await expect.poll(() => page.getAttribute('[data-fixture-editor="fb-feed-comment-1"]', 'aria-label')).toBe(t.commentAs(GINO.name));
      expect(page.url()).toBe(before);
      await expectIdentity(fb, { network: 'facebook', via: 'acting-as', handle: GINO.page, name: GINO.name });

      // Switch to Fiori di Lucia.
      await page.getByRole('button', { name: t.yourProfile, exact: true }).click();
      await page.getByRole('button', { name: t.switchTo(LUCIA.name) }).click();
      await expectIdentity(fb, { via: 'acting-as', handle: LUCIA.page, name: LUCIA.name });

      // The other client's Page (in-app): the Page on screen...
      await navigate(page, `/${GINO.page}`);
      await expectIdentity(fb, { via: 'page', handle: GINO.page, name: GINO.name });
      // ...until the user comments there, as Fiori di Lucia.
      const box = page.locator('[data-fixture-editor="fb-page-comment-1"]');
      expect(await box.getAttribute('aria-label')).toBe(t.commentAs(LUCIA.name));
      await box.click();
      await expectIdentity(fb, { via: 'acting-as', name: LUCIA.name });

      // Messenger (in-app): the inbox of the Page acted as.
      await navigate(page, '/messages/t/100');
      await expectIdentity(fb, { via: 'inbox', handle: LUCIA.page, name: LUCIA.name });

      // Back as the person: nothing.
      await navigate(page, '/');
      await page.getByRole('button', { name: t.yourProfile, exact: true }).click();
      await page.getByRole('button', { name: t.switchTo('Marta Rossi') }).click();
      await expectIdentity(fb, null);
    },
    TIMEOUT,
  );

  test(
    "facebook.com: each Page's own address (username, profile.php?id=, /people/Name/id)",
    async () => {
      const fb = 'www.facebook.com';
      const page = await open(fb, `/${GINO.page}${q}`);
      await expectIdentity(fb, { via: 'page', handle: GINO.page, externalId: null, name: GINO.name });
      await navigate(page, `/${LUCIA.page}`);
      await expectIdentity(fb, { via: 'page', handle: LUCIA.page, name: LUCIA.name });
      await navigate(page, `/profile.php?id=${GINO.pageId}`);
      await expectIdentity(fb, { via: 'page', handle: null, externalId: GINO.pageId, name: GINO.name });
      await navigate(page, `/people/Fiori-di-Lucia/${LUCIA.pageId}/`);
      await expectIdentity(fb, { via: 'page', externalId: LUCIA.pageId, name: LUCIA.name });
    },
    TIMEOUT,
  );

  test(
    "facebook.com: a person's profile (a stranger, a friend, a hidden friends list) names nobody; a Page does",
    async () => {
      const fb = 'www.facebook.com';
      const page = await open(fb, `/${GINO.page}${q}`);
      await expectIdentity(fb, { via: 'page', handle: GINO.page });
      // A stranger: the link to their friends list and "Add friend".
      await navigate(page, '/luca.bianchi');
      await expectIdentity(fb, null);
      // A Page in no brand, between two people: still a Page.
      await navigate(page, '/spallademo');
      await expectIdentity(fb, { via: 'page', handle: 'spallademo', name: 'Spalla Demo' });
      // A friend: no "Add friend", only the link to their friends list tells.
      await navigate(page, '/giulia.verdi');
      await expect.poll(() => page.getByRole('button', { name: t.areFriends, exact: true }).count()).toBe(1);
      await expectIdentity(fb, null);
      await navigate(page, `/${LUCIA.page}`);
      await expectIdentity(fb, { via: 'page', handle: LUCIA.page });
      // A stranger whose friends list is hidden: only "Add friend" / "Aggiungi agli amici" tells.
      await navigate(page, '/marco.neri');
      await expect.poll(() => page.getByRole('button', { name: t.addFriend, exact: true }).count()).toBe(1);
      await expectIdentity(fb, null);
    },
    TIMEOUT,
  );

  test(
    'Business Suite: the asset in the address, switched in the asset list; home and inbox',
    async () => {
      const bs = 'business.facebook.com';
      const sep = q ? '&' : '?';
      const page = await open(bs, `/latest/inbox/all${q}${sep}asset_id=${GINO.pageId}`);
      await expectIdentity(bs, { network: 'facebook', via: 'inbox', externalId: GINO.pageId });
      // The Facebook thread's reply box names the Page.
      await page.locator('[data-network="facebook"]').first().click();
      await expectIdentity(bs, { via: 'inbox', externalId: GINO.pageId, name: GINO.name });
      await page.getByRole('link', { name: LUCIA.name }).click();
      await expectIdentity(bs, { via: 'inbox', externalId: LUCIA.pageId });
      await page.getByRole('link', { name: t.bsHome }).click();
      await expectIdentity(bs, { via: 'asset', externalId: LUCIA.pageId });
    },
    TIMEOUT,
  );

  test(
    'Instagram: the logged-in account, its profile, the other client\'s profile',
    async () => {
      const ig = 'www.instagram.com';
      const sep = q ? '&' : '?';
      const page = await open(ig, `/${q}${sep}as=${GINO.instagram}`);
      await expectIdentity(ig, { network: 'instagram', via: 'logged-in', handle: GINO.instagram, name: null });
      await page.getByRole('navigation').getByRole('link', { name: t.igProfile }).click();
      await expectIdentity(ig, { via: 'profile', handle: GINO.instagram, name: GINO.name });
      await navigate(page, `/${LUCIA.instagram}/`);
      await expectIdentity(ig, { via: 'profile', handle: LUCIA.instagram, name: LUCIA.name });
    },
    TIMEOUT,
  );
});
