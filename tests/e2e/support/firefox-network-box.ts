import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffBackgroundHook, ffOpenLibrary, ffPoll } from './clips-firefox';
import { ffOpenSidebar, ffSeedReplies, ffWaitForHost, launchFirefox, type FirefoxRun } from './firefox';
import { expectedAfter, expectedBeforeUndo, LEFT, PALETTE_QUERY, SEED, STARTS, TYPED, WAYS, type Start, type Way } from './replies-cases';

/** Issue #14 in Firefox, on one box per network: a network switched on in the library's
 * settings as a person does (Firefox's permission prompt answered "Allow" by the
 * `extensions.webextOptionalPermissionPrompts` preference, see optional-sites-firefox.e2e.ts),
 * then a saved reply put into the network's box by a click, a typed shortcut and the palette,
 * into an empty box and with the caret mid-text, read back from the editor's own state
 * (`__fixture.editors[id].read()`), undo taking it back. Used by x-firefox, threads-firefox
 * and linkedin-firefox. */

export type Network = 'x' | 'threads' | 'linkedin';

/** Switches `network` on in the library's settings and waits until the background has
 * registered the page agent for it. */
export async function ffSwitchNetworkOn(run: FirefoxRun, fromPage: Page, network: Network): Promise<void> {
  const library = await ffOpenLibrary(run, await ffOpenSidebar(fromPage));
  await library.evaluate(() => {
    location.hash = '#settings';
  });
  const toggle = `[data-testid="settings-site-${network}"]`;
  await library.waitForSelector(toggle, { timeout: 20_000 });
  await library.bringToFront();
  if (!(await library.$eval(toggle, (el) => (el as HTMLInputElement).checked))) await library.click(toggle);
  const report = await ffPoll(
    () => ffBackgroundHook<{ registered: string[] } | null>(library, 'optionalSites'),
    (r) => r?.registered.includes(network) === true,
  );
  if (!report?.registered.includes(network)) throw new Error(`the agent was not registered for ${network}`);
  await library.close();
}

export interface NetworkBox {
  /** The fixture editor's id. */
  id: string;
  /** The page the box is on, and another page of the same site to navigate through (a fresh
   * editor, its state and history, without a reload). */
  path: string;
  away: string;
}

export async function ffRead(page: Page, id: string): Promise<string> {
  return page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
}

export async function ffFocusedEditor(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as any).__fixture.focusedEditorId());
}

export async function ffCombo(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.down(key as never);
  for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
}

/** A fresh box by in-app navigation, focused by a click (again while the focus is not there:
 * a person clicks again when the caret is gone); with `caret mid-text`, TYPED typed and the
 * caret moved LEFT characters back. */
export async function ffFreshBox(page: Page, box: NetworkBox, start: Start): Promise<void> {
  await page.bringToFront();
  await page.evaluate((path) => (window as any).__fixture.navigate(path), box.away);
  await page.evaluate((path) => (window as any).__fixture.navigate(path), box.path);
  await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), {}, box.id);
  const focused = await ffPoll(
    async () => {
      const now = await ffFocusedEditor(page);
      if (now !== box.id) {
        const el = await page.$(`[data-fixture-editor="${box.id}"]`);
        await el!.evaluate((node) => node.scrollIntoView({ block: 'center' }));
        const rect = await el!.boundingBox();
        await page.mouse.click(rect!.x + 12, rect!.y + 10);
      }
      return now;
    },
    (v) => v === box.id,
    10_000,
  );
  if (focused !== box.id) throw new Error(`${box.id} did not take the focus (${focused})`);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    const typed = await ffPoll(() => ffRead(page, box.id), (v) => v === TYPED);
    if (typed !== TYPED) throw new Error(`typed "${TYPED}", the editor holds "${typed}"`);
  }
}

/** The saved reply `replyId` in by `way`: its item clicked in the sidebar, `;shortcut` typed
 * and Tab, or the palette (Alt+Shift+R, PALETTE_QUERY typed, Enter on the first match). */
export async function ffInsertBy(page: Page, sidebar: Frame, way: Way, replyId: string, shortcut: string): Promise<void> {
  if (way === 'click') {
    await sidebar.click(`[data-testid="replies-item"][data-reply-id="${replyId}"]`);
  } else if (way === 'shortcut') {
    await page.keyboard.type(`;${shortcut}`);
    await page.keyboard.press('Tab');
  } else {
    await ffCombo(page, 'Alt', 'Shift', 'KeyR');
    const focused = await ffPoll(
      () => sidebar.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
      (v) => v === 'replies-search',
      5_000,
    );
    if (focused !== 'replies-search') throw new Error(`the palette did not open (focus on ${focused})`);
    await page.keyboard.type(PALETTE_QUERY);
    const first = await ffPoll(
      () => sidebar.evaluate(() => document.querySelector('[data-testid="replies-item"][data-highlighted="true"]')?.getAttribute('data-reply-id') ?? null),
      (v) => v === replyId,
      5_000,
    );
    if (first !== replyId) throw new Error(`the palette's first match is ${first}, not ${replyId}`);
    await page.keyboard.press('Enter');
  }
}

export async function ffRepliesStatus(sidebar: Frame): Promise<string | null> {
  return sidebar.evaluate(() => document.querySelector('[data-testid="replies-status"] [data-state]')?.getAttribute('data-state') ?? null);
}

/** The whole Firefox file of one network: `network` switched on from a Facebook tab's library
 * as a person does, then the saved reply `r-thanks` into `box` on `host` by each way (click,
 * typed shortcut, palette) and start (empty, caret mid-text), read back from the editor's own
 * state with `{{first_name|amico}}` as `greeted`, focus kept in the box, undo taking it back. */
export function describeNetworkBox(title: string, network: Network, host: string, box: NetworkBox, greeted: string): void {
  let run: FirefoxRun;
  let page: Page;
  let sidebar: Frame;
  let ids = new Map<string, string>();

  beforeAll(async () => {
    run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    const facebook = await run.browser.newPage();
    await facebook.goto(run.url('www.facebook.com', '/'));
    await ffSwitchNetworkOn(run, facebook, network);
    await facebook.close();

    page = await run.browser.newPage();
    await page.goto(run.url(host, box.path));
    await ffWaitForHost(page);
    sidebar = await ffOpenSidebar(page);
    ids = await ffSeedReplies(sidebar, SEED);
  });

  afterAll(async () => {
    await run?.close();
  });

  describe(title, () => {
    for (const way of WAYS) {
      for (const start of STARTS) {
        test(`${way} / ${start}`, async () => {
          await ffFreshBox(page, box, start);
          await ffInsertBy(page, sidebar, way, ids.get('r-thanks')!, 'grazie');
          const after = expectedAfter(start).replace('amico', greeted);
          expect(await ffPoll(() => ffRead(page, box.id), (v) => v === after, 10_000)).toBe(after);
          if (way !== 'shortcut') expect(await ffPoll(() => ffRepliesStatus(sidebar), (v) => v === 'inserted')).toBe('inserted');
          expect(await ffPoll(() => ffFocusedEditor(page), (v) => v === box.id)).toBe(box.id);
          await ffCombo(page, 'Control', 'KeyZ');
          const before = expectedBeforeUndo(start, way);
          expect(await ffPoll(() => ffRead(page, box.id), (v) => v === before, 5_000)).toBe(before);
        });
      }
    }
  });
}
