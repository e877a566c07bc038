// Threads (#14) in Firefox ESR, on one box: Threads switched on in the library's settings
// (Firefox's permission prompt answered "Allow" by its preference, see
// optional-sites-firefox.e2e.ts), then a saved reply into the post page's Lexical reply box,
// with a click and with a typed shortcut, into an empty box and with the caret mid-text, read
// back from the editor's own state, the text around kept, undo taking it back.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffBackgroundHook, ffOpenLibrary, ffPoll } from './support/clips-firefox';
import { ffFromSidebar, ffOpenSidebar, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';

let run: FirefoxRun;
let page: Page;
let sidebar: Frame;
let replyId = '';

const POST_PAGE = '/@giulia.verdi/post/DQ1mAgE0p2x';
const BOX = 'th-post-reply';
const RENDERED = 'Grazie giulia.verdi! 👍🏽 #caffè\nSeconda riga';
const TYPED = 'Ciao  mondo';
const LEFT = 6;

async function read(): Promise<string> {
  return page.evaluate((id) => (window as any).__fixture.editors[id].read() as string, BOX);
}

async function focusedEditor(): Promise<string | null> {
  return page.evaluate(() => (window as any).__fixture.focusedEditorId());
}

/** A runtime message from the sidebar frame. */
const fromSidebar = <T>(type: string, data: unknown): Promise<T> => ffFromSidebar<T>(sidebar, type, data);

async function combo(...keys: string[]) {
  for (const key of keys) await page.keyboard.down(key as never);
  for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
}

/** A fresh box (new Lexical state and history) by in-app navigation; then a click in it,
 * again while the focus is not there (a person clicks again when the caret is gone). */
async function prepare(start: 'empty' | 'caret mid-text') {
  await page.mouse.click(200, 600);
  await page.evaluate(() => (window as any).__fixture.navigate('/search'));
  await page.evaluate((path) => (window as any).__fixture.navigate(path), POST_PAGE);
  await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), {}, BOX);
  const focused = await ffPoll(
    async () => {
      const now = await focusedEditor();
      if (now !== BOX) {
        const box = await page.$(`[data-fixture-editor="${BOX}"]`);
        const rect = await box!.boundingBox();
        await page.mouse.click(rect!.x + 12, rect!.y + 10);
      }
      return now;
    },
    (v) => v === BOX,
    10_000,
  );
  expect(focused).toBe(BOX);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    expect(await ffPoll(read, (v) => v === TYPED)).toBe(TYPED);
  }
}

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  // Threads on, from the library's settings, as a person switches it on.
  const facebook = await run.browser.newPage();
  await facebook.goto(run.url('www.facebook.com', '/'));
  const fbSidebar = await ffOpenSidebar(facebook);
  const library = await ffOpenLibrary(run, fbSidebar);
  await library.evaluate(() => {
    location.hash = '#settings';
  });
  await library.waitForSelector('[data-testid="settings-site-threads"]', { timeout: 20_000 });
  await library.click('[data-testid="settings-site-threads"]');
  const report = await ffPoll(
    () => ffBackgroundHook<{ registered: string[] } | null>(library, 'optionalSites'),
    (r) => r?.registered.includes('threads') === true,
  );
  expect(report?.registered).toEqual(['threads']);
  await library.close();
  await facebook.close();

  page = await run.browser.newPage();
  await page.goto(run.url('www.threads.com', POST_PAGE));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  const saved = await fromSidebar<{ ok: boolean; reply: { id: string } }>('repliesSave', {
    title: 'Ringraziamento Threads',
    body: 'Grazie {{first_name|amico}}! 👍🏽 #caffè\nSeconda riga',
    shortcut: 'thgrazie',
    tags: [],
    networks: [],
    language: 'it',
  });
  expect(saved.ok).toBe(true);
  replyId = saved.reply.id;
  await sidebar.waitForSelector(`[data-testid="replies-item"][data-reply-id="${replyId}"]`, { timeout: 10_000 });
});

afterAll(async () => {
  await run?.close();
});

describe('Firefox: a saved reply into the Threads reply box (Lexical)', () => {
  for (const way of ['click', 'shortcut'] as const) {
    for (const start of ['empty', 'caret mid-text'] as const) {
      test(`${way} / ${start}`, async () => {
        await prepare(start);
        if (way === 'click') {
          await sidebar.click(`[data-testid="replies-item"][data-reply-id="${replyId}"]`);
        } else {
          await page.keyboard.type(';thgrazie');
          await page.keyboard.press('Tab');
        }
        const expected = start === 'empty' ? RENDERED : `Ciao ${RENDERED} mondo`;
        expect(await ffPoll(read, (v) => v === expected, 10_000)).toBe(expected);
        expect(await ffPoll(focusedEditor, (v) => v === BOX)).toBe(BOX);
        await combo('Control', 'KeyZ');
        const shortcut = way === 'shortcut' ? ';thgrazie' : '';
        const before = start === 'empty' ? shortcut : `Ciao ${shortcut} mondo`;
        expect(await ffPoll(read, (v) => v === before, 5_000)).toBe(before);
      });
    }
  }
});
