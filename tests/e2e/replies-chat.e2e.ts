import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { inWorker, openSidebar, waitForHost } from './support/chromium-sidebar';
import { SEED } from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';

/** The Messenger chat windows docked at the bottom of facebook.com pages (`?chat=ID` on
 * the fixture): a message box, 20,000 characters, the partner's name from the window
 * itself. A saved reply with {{first_name}} clicked in the sidebar goes into the chat's
 * Lexical editor, read back from the editor's own state. English and Italian; the feed
 * and a post page (where a comment box beside it stays a comment box). */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

const read = (id: string) => page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(SEED)})`);
  page = await run.context.newPage();
});

afterAll(async () => {
  await run?.close();
});

async function focusAndInsert(id: string) {
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), id);
  // Near the box's left edge: the open sidebar may cover the right of the page.
  await page.locator(`[data-fixture-editor="${id}"]`).click({ position: { x: 12, y: 8 } });
  await expect.poll(() => page.evaluate(() => (window as any).__fixture.focusedEditorId())).toBe(id);
  await expect.poll(() => sidebar.locator('[data-testid="replies-panel"]').getAttribute('data-box')).toBe('facebook-message');
  await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').click();
}

describe('Chromium: saved replies in a Messenger chat window on facebook.com', () => {
  for (const [path, lang, thread, first] of [
    ['/', 'en', '100', 'Luca'],
    ['/spallademo/posts/pfbid123', 'it', '101', 'Giulia'],
    ['/', 'it', '101', 'Giulia'],
    ['/spallademo/posts/pfbid123', 'en', '100', 'Luca'],
  ] as const) {
    test(`${path === '/' ? 'feed' : 'post page'} (${lang}): the chat with ${first} is a message box, {{first_name}} is ${first}`, async () => {
      await page.goto(run.url('www.facebook.com', `${path}?lang=${lang}&chat=${thread}`));
      await waitForHost(page);
      sidebar = await openSidebar(page, run);
      await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').waitFor();
      const id = `fb-chat-${thread}`;
      await focusAndInsert(id);
      await expect.poll(() => read(id)).toBe(`Ciao ${first}!`);
      // The counter counts against Messenger's limit, not a comment's.
      const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"] [data-testid="replies-count"]');
      await expect.poll(() => count.getAttribute('data-limit')).toBe('20000');
      expect(await count.getAttribute('data-length')).toBe(String(`Ciao ${first}!`.length));

      // A comment box on the same page stays a comment box.
      const comment = path === '/' ? 'fb-feed-comment-1' : 'fb-post-comment';
      await page.locator(`[data-fixture-editor="${comment}"]`).click({ position: { x: 12, y: 8 } });
      await expect.poll(() => page.evaluate(() => (window as any).__fixture.focusedEditorId())).toBe(comment);
      await expect.poll(() => sidebar.locator('[data-testid="replies-panel"]').getAttribute('data-box')).toBe('facebook-comment');
      await expect.poll(() => count.getAttribute('data-limit')).toBe('8000');
    });
  }
});
