import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { readEditor, repliesStatus } from './support/editor-state';
import { chromiumSidebarFrame, launchChromium, type ChromiumRun } from './support/chromium';
import { inWorker, openSidebar, waitForHost } from './support/chromium-sidebar';
import { settledStarterReplies } from './support/replies-starters';

/** Saved replies in Chromium: the person a reply greets (#11.2) and what a reply asks
 * instead of leaving a hole (#12). Each insertion is read back from the editor's own
 * state (`__fixture.editors[id].read()`), on the fixture pages in English and Italian. */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

/** Anything an empty value could leave behind in the text. */
const HOLE = / {2}|\s[,.;:!?)]|\(\s*\)|[,;:]\s*[,.;:!?]/;

const read = (id: string) => readEditor(page, id);

async function seed(replies: object[]) {
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(replies)})`);
}

const status = () => repliesStatus(sidebar);

/** Opens a page of a site (with its sidebar) and waits for the editor. */
async function open(host: string, path: string, editor: string) {
  await page.goto(run.url(host, path));
  await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), editor);
  await waitForHost(page);
  sidebar = await chromiumSidebarFrame(page, run.extensionId).catch(() => openSidebar(page, run));
  await sidebar.locator('[data-testid="replies-item"]').first().waitFor();
}

/** Focuses a box as a person does (near its left edge: the sidebar may cover the right). */
async function focus(editor: string) {
  await page.locator(`[data-fixture-editor="${editor}"]`).click({ position: { x: 12, y: 10 } });
  await expect.poll(() => page.evaluate(() => (window as any).__fixture.focusedEditorId())).toBe(editor);
}

async function insert(replyId: string) {
  await sidebar.locator(`[data-testid="replies-item"][data-reply-id="${replyId}"]`).click();
}

/** Waits for `text` in the editor's state, then for the sidebar's "Inserted": the panel
 * answers once the insertion engine has checked the box's state, and until then it ignores
 * another reply clicked (a double click inserts once). On a loaded machine the check can
 * outlast the text's showing by a second: the next step waits for the answer, as a person
 * who sees it does. */
async function inserted(editor: string, text: string) {
  await expect.poll(() => read(editor)).toBe(text);
  await expect.poll(status).toBe('inserted');
}

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  page = await run.context.newPage();
});

afterAll(async () => {
  await run?.close();
});

describe('#12: a starter reply with an unknown value asks for it, and leaves no hole', () => {
  test('"Booking": the list shows "asks: Phone"; the click asks for it; the text has no hole', async () => {
    await open('www.facebook.com', '/luca.bianchi/posts/pfbid456', 'fb-post-comment');
    const item = sidebar.locator('[data-testid="replies-item"][data-reply-id="starter-en-booking"]');
    // The preview: a labelled place, not "call us on  or".
    await expect.poll(() => item.locator('[data-testid="replies-ask"]').getAttribute('data-label')).toBe('Phone');
    expect(await item.locator('[data-testid="replies-ask"]').innerText()).toBe('asks: Phone');
    expect(await item.locator('[data-testid="replies-preview"]').innerText()).not.toMatch(/on\s+or/);

    await focus('fb-post-comment');
    await insert('starter-en-booking');
    const form = sidebar.locator('[data-testid="replies-form"][data-reply-id="starter-en-booking"]');
    await form.waitFor();
    // Nothing goes in while it is unanswered.
    expect(await sidebar.locator('[data-testid="replies-form-insert"]').isDisabled()).toBe(true);
    expect(await read('fb-post-comment')).toBe('');
    await sidebar.locator('[data-testid="replies-field-0"]').fill('051 123 4567');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    await expect.poll(() => read('fb-post-comment')).toMatch(/call us on 051 123 4567 or|ring us on 051 123 4567 or/);
    const text = await read('fb-post-comment');
    // The box answers the post: Luca wrote it (Giulia only commented).
    expect(text).toMatch(/^(Hi|Hello) Luca! To book, /);
    expect(text.trimEnd()).not.toMatch(HOLE);
  });

  test('a variable with no value and no fallback is asked, in Italian, then fills the reply', async () => {
    await seed([{ id: 'g-nome', title: 'Saluto per nome', body: 'Ciao {{first_name}}, grazie!', language: 'it' }]);
    // Instagram, the logged-in account's own post: the page names nobody to greet.
    await open('www.instagram.com', '/p/CxY12aBcD3e/?lang=it', 'ig-post-comment');
    await focus('ig-post-comment');
    await insert('g-nome');
    await sidebar.locator('[data-testid="replies-form"]').waitFor();
    expect(await sidebar.locator('[data-testid="replies-form"] label[data-variable="first_name"]').count()).toBe(1);
    expect(await read('ig-post-comment')).toBe('');
    await sidebar.locator('[data-testid="replies-field-0"]').fill('Anna');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    await inserted('ig-post-comment', 'Ciao Anna, grazie!');
    // Not offered again for the next person.
    await focus('ig-post-comment');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await insert('g-nome');
    await sidebar.locator('[data-testid="replies-form"]').waitFor();
    expect(await sidebar.locator('[data-testid="replies-field-0"]').inputValue()).toBe('');
    await sidebar.locator('[data-testid="replies-form-cancel"]').click();
    expect(await read('ig-post-comment')).toBe('');
  });
});

describe('#11.2: the person a reply greets', () => {
  const HI = { id: 'g-hi', title: 'Saluto', body: 'Ciao {{first_name|amico}}!', language: 'it' };

  beforeAll(async () => {
    await seed([HI]);
  });

  for (const lang of ['en', 'it'] as const) {
    const q = lang === 'it' ? '?lang=it' : '';

    test(`${lang}: post page, top-level box → the post's author, not the commenter; reply box → the one it answers`, async () => {
      // Luca's post; Giulia commented last above the top-level box.
      await open('www.facebook.com', `/luca.bianchi/posts/pfbid456${q}`, 'fb-post-comment');
      expect(await page.locator('[data-fixture-editor="fb-post-reply"]').getAttribute('aria-label')).toBe(
        lang === 'it' ? 'Rispondi a Giulia Verdi' : 'Reply to Giulia Verdi',
      );
      await focus('fb-post-comment');
      await insert('g-hi');
      await inserted('fb-post-comment', 'Ciao Luca!');
      await focus('fb-post-reply');
      await insert('g-hi');
      await inserted('fb-post-reply', 'Ciao Giulia!');
    });

    test(`${lang}: feed, top-level box → the post's author`, async () => {
      await open('www.facebook.com', `/${q}`, 'fb-feed-comment-2');
      await focus('fb-feed-comment-2');
      await insert('g-hi');
      await inserted('fb-feed-comment-2', 'Ciao Luca!');
    });

    test(`${lang}: the Page's own post, commenting as the Page → nobody: the fallback`, async () => {
      // Spalla Demo's post, Luca commented; the box says "Comment as Spalla Demo".
      await open('www.facebook.com', `/spallademo${q}`, 'fb-page-comment-1');
      await focus('fb-page-comment-1');
      await insert('g-hi');
      await inserted('fb-page-comment-1', 'Ciao amico!');
      await expect.poll(() => sidebar.locator('[data-testid="replies-acting-as"]').getAttribute('data-kind')).toBe('page');
    });

    test(`${lang}: Instagram "Add a comment…" → the post's author, or the fallback on the account's own post`, async () => {
      await open('www.instagram.com', `/p/CzQ98kLmN0p/${q}`, 'ig-post-comment');
      await focus('ig-post-comment');
      await insert('g-hi');
      await inserted('ig-post-comment', 'Ciao giulia.verdi!');
      await page.evaluate(() => (window as any).__fixture.navigate('/p/CxY12aBcD3e/'));
      await page.waitForFunction(() => (window as any).__fixture.editors['ig-post-comment']?.read() === '');
      await focus('ig-post-comment');
      await insert('g-hi');
      await inserted('ig-post-comment', 'Ciao amico!');
    });
  }
});
