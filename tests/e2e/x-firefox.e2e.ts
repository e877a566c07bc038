// X (#14) in Firefox: X switched on in the library's settings (its permission answered by
// the preference, see optional-sites-firefox.e2e.ts), then a saved reply into X's reply
// box (Draft.js) with the caret mid-text, read back from Draft's own state, undo; and
// `{{first_name}}` from "In risposta a @handle".
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffOpenLibrary, ffPoll } from './support/clips-firefox';
import { ffOpenSidebar, ffSeedReplies, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import { expectedAfter, expectedBeforeUndo, LEFT, SEED, TYPED } from './support/replies-cases';

let run: FirefoxRun;
let page: Page;
let sidebar: Frame;
let ids = new Map<string, string>();
const POST = '/giuliaverdi/status/1790000000000000001?lang=it';

async function read(id: string): Promise<string> {
  return page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
}


async function focusReplyBox() {
  const box = await page.waitForSelector('[data-fixture-editor="x-reply"]', { timeout: 10_000 });
  const rect = await box!.boundingBox();
  await ffPoll(
    async () => {
      const focused = await page.evaluate(() => (window as any).__fixture.focusedEditorId());
      if (focused !== 'x-reply') await page.mouse.click(rect!.x + 12, rect!.y + 8);
      return focused;
    },
    (focused) => focused === 'x-reply',
    10_000,
  );
}

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const facebook = await run.browser.newPage();
  await facebook.goto(run.url('www.facebook.com', '/'));
  const library = await ffOpenLibrary(run, await ffOpenSidebar(facebook));
  await library.evaluate(() => {
    location.hash = '#settings';
  });
  await library.waitForSelector('[data-testid="settings-site-x"]', { timeout: 20_000 });
  await library.bringToFront();
  await library.click('[data-testid="settings-site-x"]');
  await ffPoll(
    () => library.$eval('[data-testid="settings-site-x"]', (el) => (el as HTMLInputElement).checked),
    (on) => on,
  );

  page = await run.browser.newPage();
  await page.goto(run.url('x.com', POST));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  ids = await ffSeedReplies(sidebar, SEED);
});

afterAll(async () => {
  await run?.close();
});

describe('Firefox: X', () => {
  test("a reply into X's reply box (Draft.js) with the caret mid-text, undo; the name from \"In risposta a @handle\"", async () => {
    await focusReplyBox();
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    expect(await ffPoll(() => read('x-reply'), (v) => v === TYPED)).toBe(TYPED);
    await sidebar.click(`[data-testid="replies-item"][data-reply-id="${ids.get('r-thanks')}"]`);
    // The fallback gives way to the name of the person answered: Giulia.
    const after = expectedAfter('caret mid-text').replace('amico', 'Giulia');
    expect(await ffPoll(() => read('x-reply'), (v) => v === after)).toBe(after);
    expect(await ffPoll(() => page.evaluate(() => (window as any).__fixture.focusedEditorId()), (v) => v === 'x-reply')).toBe('x-reply');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');
    expect(await ffPoll(() => read('x-reply'), (v) => v === expectedBeforeUndo('caret mid-text', 'click'))).toBe(
      expectedBeforeUndo('caret mid-text', 'click'),
    );
  });
});
