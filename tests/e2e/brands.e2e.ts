import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { expectSidebarValue, inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { settledStarterReplies } from './support/replies-starters';
import { ACCOUNTS, BRANDS, GINO, LUCIA, OFFERED, REPLIES } from './support/brands-data';

/** The brand in view (issue #13) in Chromium, on the two clients' fixture pages (Pizzeria Da
 * Gino, Fiori di Lucia): it follows the Page shown and the Page acted as, a manual pick holds
 * until the identity changes, an account in no brand is asked about once; saved replies and
 * the palette follow it, and another brand's reply asks before it goes into the real Lexical
 * editor. */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

async function seed(accounts: object[] = ACCOUNTS) {
  await inWorker(run, `self.spalla.brandsSeed(${JSON.stringify({ brands: BRANDS, accounts })})`);
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(REPLIES)})`);
}

/** A fresh page (and so a fresh tab memory) on `path`, with its sidebar open. */
async function open(path: string, host = 'www.facebook.com') {
  for (const p of run.context.pages()) await p.close();
  page = await run.context.newPage();
  await page.goto(run.url(host, path));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
}

async function navigate(path: string) {
  await page.evaluate((to) => (window as any).__fixture.navigate(to), path);
}

const brand = (expected: string) => expectSidebarValue(sidebar, 'sidebar-brand', 'data-value', expected);

const inSidebar = (selector: string) => sidebar.locator(selector);
const count = (selector: string) => () => inSidebar(selector).count();
const textOf = (selector: string) => () => inSidebar(selector).first().textContent({ timeout: 2000 }).catch(() => null);

/** The identity the agent of the test's tab last pushed to the background (spalla.pageState). */
async function pushedIdentity(): Promise<unknown> {
  return inWorker(
    run,
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://www.facebook.com/*' });
      return tab ? self.spalla.pageState(tab.id)?.identity : undefined;
    })()`,
  );
}

async function source(): Promise<string | null> {
  return sidebar.locator('[data-testid="sidebar-brand"]').getAttribute('data-source');
}

async function pick(value: string) {
  await sidebar.locator('[data-testid="sidebar-brand-switch"]').click();
  await sidebar.locator(`[data-testid="sidebar-brand-option"][data-value="${value}"]`).click();
}

/** The replies the list offers, in its order, read from the DOM. */
async function listed(): Promise<string[]> {
  return sidebar.locator('[data-testid="replies-item"]').evaluateAll((items) => items.map((el) => el.getAttribute('data-reply-id') ?? ''));
}

async function read(editorId: string): Promise<string> {
  return page.evaluate((id) => (window as any).__fixture.editors[id].read() as string, editorId);
}

/** Clicks into a Page's first comment box (Lexical) until it holds focus. */
async function focusComment(id = 'fb-page-comment-1') {
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), id);
  const box = page.locator(`[data-fixture-editor="${id}"]`);
  await expect
    .poll(async () => {
      const focused = await page.evaluate(() => (window as any).__fixture.focusedEditorId());
      if (focused !== id) await box.click({ position: { x: 12, y: 10 } });
      return focused;
    })
    .toBe(id);
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  // The seeds replace every reply: after the starters came, so that none comes after them.
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
});

afterAll(async () => {
  await run?.close();
});

beforeEach(async () => {
  await setStorage(run, { sidebarSide: 'right', language: 'en' });
  await seed();
});

describe('Chromium: the brand in view follows the screen', () => {
  test("going to the other client's Page switches the brand", async () => {
    await open('/pizzeriadagino');
    await brand(GINO);
    expect(await source()).toBe('account');
    await expect.poll(textOf('[data-testid="sidebar-brand"]')).toContain('Pizzeria Da Gino');
    // In-app navigation, as the site does it; and the Page by its numeric id.
    await navigate('/fioridilucia');
    await brand(LUCIA);
    await navigate('/profile.php?id=104729384756102');
    await brand(GINO);
  });

  test('acting as the other Page switches it (the account menu, no navigation), Messenger too', async () => {
    // The account menu is at the top right: the sidebar goes left, clear of it.
    await setStorage(run, { sidebarSide: 'left' });
    await open('/?as=pizzeriadagino');
    await brand(GINO);
    await page.getByRole('button', { name: 'Your profile' }).click();
    await page.getByRole('button', { name: 'Switch to Fiori di Lucia' }).click();
    await brand(LUCIA);
    // Messenger (in-app), still as Lucia's Page: her inbox, her brand, by her account.
    await navigate('/messages/t/100');
    await expect.poll(() => pushedIdentity()).toMatchObject({ via: 'inbox', handle: 'fioridilucia' });
    await brand(LUCIA);
    expect(await source()).toBe('account');
    await navigate('/');
    // Back to the person: the page names no Page, the brand seen last stays.
    await page.getByRole('button', { name: 'Your profile' }).click();
    await page.getByRole('button', { name: 'Switch to Marta Rossi' }).click();
    await expect.poll(() => source()).toBe('kept');
    await brand(LUCIA);
  });

  test('Instagram (the account logged in, a profile) and Business Suite (the asset) switch it too', async () => {
    await open('/?as=fioridilucia.bo', 'www.instagram.com');
    await brand(LUCIA);
    await navigate('/pizzeriadagino/');
    await brand(GINO);
    await open('/latest/inbox/all?asset_id=108837261549013', 'business.facebook.com');
    await brand(LUCIA);
    await navigate('/latest/inbox/all?asset_id=104729384756102');
    await brand(GINO);
  });

  test('a manual switch holds until the identity changes; "all brands" is a choice too', async () => {
    await open('/pizzeriadagino');
    await brand(GINO);
    // With the keyboard: Escape closes the list back onto the switch, ArrowDown opens it,
    // Home/arrows move, Enter picks.
    await sidebar.locator('[data-testid="sidebar-brand-switch"]').click();
    await expect.poll(count('[data-testid="sidebar-brand-list"]')).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(count('[data-testid="sidebar-brand-list"]')).toBe(0);
    await page.keyboard.press('ArrowDown');
    const options = sidebar.locator('[data-testid="sidebar-brand-option"]');
    await expect.poll(() => options.evaluateAll((els) => els.map((el) => el.getAttribute('data-value')))).toEqual([LUCIA, GINO, 'all', 'new']);
    await page.keyboard.press('Home'); // Fiori di Lucia (sorted by name)
    await page.keyboard.press('Enter');
    await brand(LUCIA);
    expect(await source()).toBe('manual');
    // The page changes around it (a comment box in use, a post of the same Page): the pick holds.
    await focusComment();
    await navigate('/pizzeriadagino');
    await expect.poll(() => source()).toBe('manual');
    await brand(LUCIA);
    await pick('all');
    await brand('all');
    // Another client's Page: automatic again; and back: no pick left over.
    await navigate('/fioridilucia');
    await brand(LUCIA);
    expect(await source()).toBe('account');
    await navigate('/pizzeriadagino');
    await brand(GINO);
  });

  test("a person's profile (a stranger, a friend) is only looked at: the brand stays and nothing is asked", async () => {
    await open('/pizzeriadagino');
    await brand(GINO);
    const asks = count('[data-testid="sidebar-brand-ask"]');
    // A Page in no brand is asked about...
    await navigate('/spallademo');
    await expect.poll(asks).toBe(1);
    await expect.poll(textOf('[data-testid="sidebar-brand-ask"]')).toContain('Spalla Demo');
    // ...a person's profile is not: their friends list and "Add friend" say it is no Page.
    for (const person of ['/luca.bianchi', '/giulia.verdi']) {
      await navigate('/pizzeriadagino');
      await brand(GINO);
      await navigate(person);
      await expect.poll(() => pushedIdentity()).toBeNull();
      await expect.poll(() => source()).toBe('kept');
      await brand(GINO);
      expect(await asks()).toBe(0);
    }
    // In Italian: only "Aggiungi agli amici" tells (Marco's friends list is hidden).
    await setStorage(run, { language: 'it' });
    await open('/pizzeriadagino?lang=it');
    await brand(GINO);
    await navigate('/marco.neri');
    await expect.poll(() => page.getByRole('button', { name: 'Aggiungi agli amici', exact: true }).count()).toBe(1);
    await expect.poll(() => pushedIdentity()).toBeNull();
    await expect.poll(() => source()).toBe('kept');
    await brand(GINO);
    expect(await asks()).toBe(0);
  });

  test('an account in no brand is asked about once, and remembered (reload: automatic)', async () => {
    // Lucia's brand knows her Instagram account only: her Facebook Page is in no brand.
    await seed(ACCOUNTS.filter((a) => !(a.brandId === LUCIA && a.network === 'facebook')));
    await open('/fioridilucia');
    const ask = sidebar.locator('[data-testid="sidebar-brand-ask"]');
    await ask.waitFor();
    await expect.poll(textOf('[data-testid="sidebar-brand-ask"]')).toContain('Fiori di Lucia');
    await brand('all');
    await ask.locator(`[data-testid="sidebar-brand-ask-option"][data-value="${LUCIA}"]`).click();
    await brand(LUCIA);
    await expect.poll(count('[data-testid="sidebar-brand-ask"]')).toBe(0);
    expect(await source()).toBe('account');
    await page.reload();
    await waitForHost(page);
    sidebar = await openSidebar(page, run);
    await brand(LUCIA);
    expect(await source()).toBe('account');
    await expect.poll(count('[data-testid="sidebar-brand-ask"]')).toBe(0);
  });

  test('in Italian: the question, the switch and the guard speak Italian', async () => {
    await setStorage(run, { language: 'it' });
    await seed(ACCOUNTS.filter((a) => !(a.brandId === LUCIA && a.network === 'facebook')));
    await open('/fioridilucia?lang=it&as=fioridilucia');
    await expect.poll(textOf('[data-testid="sidebar-brand-ask"]')).toContain('Di quale cliente è questo account?');
    expect(await textOf('[data-testid="sidebar-brand"]')()).toContain('Tutti i brand');
    await sidebar.locator('[data-testid="sidebar-brand-switch"]').click();
    expect(await textOf('[data-testid="sidebar-brand-option"][data-value="new"]')()).toBe('Nuovo brand…');
    await page.keyboard.press('Escape');
    await sidebar.locator(`[data-testid="sidebar-brand-ask-option"][data-value="${LUCIA}"]`).click();
    await brand(LUCIA);
    await focusComment();
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="shared-thanks"]').waitFor();
    // Gino's reply is not offered to Lucia: reach it through all brands, then the guard asks.
    await pick('all');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="gino-book"]').click();
    await expect.poll(textOf('[data-testid="replies-brand-warning"]')).toContain('ma qui stai lavorando per Fiori di Lucia');
    await sidebar.locator('[data-testid="replies-brand-cancel"]').click();
    expect(await read('fb-page-comment-1')).toBe('');
  });

  test('"New brand…" creates a brand, puts it in view and files the unknown account', async () => {
    await seed(ACCOUNTS.filter((a) => a.brandId !== LUCIA));
    await open('/fioridilucia');
    await sidebar.locator('[data-testid="sidebar-brand-ask"]').waitFor();
    await pick('new');
    const name = sidebar.locator('[data-testid="sidebar-brand-new-name"]');
    await expect.poll(() => name.inputValue()).toBe('Fiori di Lucia');
    await name.fill('  ');
    await sidebar.locator('[data-testid="sidebar-brand-new-create"]').click();
    await expect.poll(textOf('[data-testid="sidebar-brand-new-error"]')).toBe('Give the brand a name.');
    await name.fill('Lucia fiori');
    await sidebar.locator('[data-testid="sidebar-brand-new-create"]').click();
    await expect.poll(textOf('[data-testid="sidebar-brand"]')).toContain('Lucia fiori');
    expect(await source()).toBe('account');
    await expect.poll(count('[data-testid="sidebar-brand-ask"]')).toBe(0);
  });
});

describe('Chromium: saved replies follow the brand', () => {
  test('the list and the palette offer the brand first, then shared ones, never another brand', async () => {
    await open('/pizzeriadagino');
    await brand(GINO);
    await expect.poll(listed).toEqual(OFFERED[GINO]);
    await expect.poll(count('[data-testid="replies-shared-heading"]')).toBe(1);
    await navigate('/fioridilucia');
    await brand(LUCIA);
    await expect.poll(listed).toEqual(OFFERED[LUCIA]);
    // The palette (its key in a comment box): "pronti" is in Lucia's title and a shared
    // one's, and close enough to Gino's "pronto" for the search's typo tolerance.
    await focusComment();
    await page.keyboard.press('Alt+Shift+KeyR');
    const search = sidebar.locator('[data-testid="replies-search"]');
    await expect.poll(() => search.evaluate((el) => document.activeElement === el && document.hasFocus())).toBe(true);
    await page.keyboard.type('pronti');
    // Lucia's first, then the shared one; Gino's is not offered.
    await expect.poll(listed).toEqual(['lucia-bouquet', 'shared-welcome']);
    await expect.poll(() => sidebar.locator('[data-testid="replies-item"][data-highlighted="true"]').getAttribute('data-reply-id')).toBe('lucia-bouquet');
    // With all brands in view, Gino's matches as well.
    await pick('all');
    await expect.poll(async () => (await listed()).sort()).toEqual(['gino-hours', 'lucia-bouquet', 'shared-welcome']);
    await pick(LUCIA);
    await search.fill('');
    await expect.poll(listed).toEqual(OFFERED[LUCIA]);
    // All brands: everything, by use.
    await pick('all');
    await expect.poll(async () => (await listed()).sort()).toEqual(REPLIES.map((r) => r.id).sort());
  });

  test("a new reply from the sidebar is filed under the brand in view", async () => {
    await open('/fioridilucia');
    await brand(LUCIA);
    await sidebar.locator('[data-testid="replies-new"]').click();
    await expectSidebarValue(sidebar, 'replies-editor-brand', 'data-value', LUCIA);
    const editor = sidebar.locator('[data-testid="replies-sidebar-editor"]');
    await editor.locator('[data-testid="reply-editor-title"]').fill('Lucia: consegne');
    await editor.locator('[data-testid="reply-editor-body"]').fill('Consegniamo a domicilio a Bologna.');
    await editor.locator('[data-testid="reply-editor-save"]').click();
    await expect
      .poll(async () => (await inWorker<{ title: string; brandId: string | null }[]>(run, 'self.spalla.repliesAll()')).find((r) => r.title === 'Lucia: consegne')?.brandId)
      .toBe(LUCIA);
    // Offered with Lucia's own, before the shared ones.
    await expect.poll(listed).toEqual(['lucia-bouquet', expect.any(String), 'shared-thanks', 'shared-welcome']);
  });

  test("inserting another brand's reply asks first, then goes into the Lexical editor", async () => {
    // The manager acts as Gino's Page on it ("Comment as Pizzeria Da Gino").
    await open('/pizzeriadagino?as=pizzeriadagino');
    await brand(GINO);
    await focusComment();
    // All brands picked on Gino's Page: Lucia's reply is offered, and asked about.
    await pick('all');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="lucia-bouquet"]').click();
    const warning = sidebar.locator('[data-testid="replies-brand-warning"]');
    await expect.poll(textOf('[data-testid="replies-brand-warning"]')).toContain('Lucia: mazzi pronti');
    expect(await warning.textContent()).toContain('Pizzeria Da Gino');
    expect(await read('fb-page-comment-1')).toBe('');
    await sidebar.locator('[data-testid="replies-brand-confirm"]').click();
    await expect.poll(() => read('fb-page-comment-1')).toBe('Mazzi pronti da 15 € 💐');
    await expect.poll(count('[data-testid="replies-status"] [data-state="inserted"]')).toBe(1);
    // Gino's own reply and a shared one go in without a question.
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="shared-thanks"]').click();
    await expect.poll(() => read('fb-page-comment-1')).toContain('Grazie mille!');
    expect(await warning.count()).toBe(0);
  });

  test("another brand's typed shortcut is not expanded in place: the sidebar asks, then replaces it", async () => {
    await open('/pizzeriadagino?as=pizzeriadagino');
    await brand(GINO);
    await focusComment();
    await page.keyboard.type('Ciao ;mazzi');
    await page.keyboard.press('Tab');
    const warning = sidebar.locator('[data-testid="replies-brand-warning"]');
    await warning.waitFor();
    expect(await read('fb-page-comment-1')).toBe('Ciao ;mazzi');
    await sidebar.locator('[data-testid="replies-brand-confirm"]').click();
    await expect.poll(() => read('fb-page-comment-1')).toBe('Ciao Mazzi pronti da 15 € 💐');
    // Gino's own shortcut expands in place, as always.
    await focusComment();
    await page.keyboard.press('End');
    await page.keyboard.type(' ;forno');
    await page.keyboard.press('Tab');
    await expect.poll(() => read('fb-page-comment-1')).toBe('Ciao Mazzi pronti da 15 € 💐 Il forno è acceso dalle 19!');
  });
});
