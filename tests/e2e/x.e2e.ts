import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { textLength } from '../../utils/limits/length';
import type { ChromiumRun } from './support/chromium';
import { expectSidebarValue, inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { launchChromiumGranted, registeredScriptIds } from './support/optional-sites';
import { expectedAfter, expectedBeforeUndo, LEFT, PALETTE_QUERY, RENDERED, SEED, STARTS, TYPED, WAYS, type Start, type Way } from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';

/** X (#14) in Chromium: the surfaces and their markers in English and Italian; saved
 * replies into X's Draft.js composer (click, typed shortcut, palette x empty box, caret
 * mid-text), read back from Draft's own state with undo; `{{first_name}}` from "Replying to
 * @handle" / "In risposta a @handle"; the message box; X's weighted counter. X is switched
 * on with its permission granted (see support/optional-sites.ts). */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

async function read(id: string): Promise<string> {
  return page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
}

async function focusedEditor(): Promise<string | null> {
  return page.evaluate(() => (window as any).__fixture.focusedEditorId());
}

async function status(): Promise<string | null> {
  return sidebar.locator('[data-testid="replies-status"] [data-state]').getAttribute('data-state', { timeout: 1000 }).catch(() => null);
}

/** In-app navigation (a new Draft editor, state and history, without a reload). */
async function go(path: string, editorId?: string) {
  await page.locator('[role="banner"]').click({ position: { x: 4, y: 4 } });
  await page.evaluate((p) => (window as any).__fixture.navigate(p), path);
  if (editorId) await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), editorId);
}

/** Clicks into the editor until it holds the focus (Chromium may hand focus back to the
 * sidebar frame a moment after the page was rebuilt). */
async function focusEditor(id: string) {
  const editor = page.locator(`[data-fixture-editor="${id}"]`);
  await expect
    .poll(
      async () => {
        const focused = await focusedEditor();
        if (focused !== id) await editor.click({ position: { x: 12, y: 8 } });
        return focused;
      },
      { timeout: 10_000 },
    )
    .toBe(id);
}

async function prepare(path: string, id: string, start: Start) {
  await go('/messages');
  await go(path, id);
  await focusEditor(id);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => read(id)).toBe(TYPED);
  }
}

async function insertBy(way: Way, replyId = 'r-thanks') {
  if (way === 'click') {
    await sidebar.locator(`[data-testid="replies-item"][data-reply-id="${replyId}"]`).click();
  } else if (way === 'shortcut') {
    await page.keyboard.type(';grazie');
    await page.keyboard.press('Tab');
  } else {
    await page.keyboard.press('Alt+Shift+KeyR');
    const search = sidebar.locator('[data-testid="replies-search"]');
    await expect.poll(() => search.evaluate((el) => document.activeElement === el && document.hasFocus())).toBe(true);
    await page.keyboard.type(PALETTE_QUERY);
    await expect.poll(() => sidebar.locator('[data-testid="replies-item"][data-highlighted="true"]').getAttribute('data-reply-id')).toBe('r-thanks');
    await page.keyboard.press('Enter');
  }
}

beforeAll(async () => {
  run = await launchChromiumGranted(inject('fixturePort'), ['x']);
  await setStorage(run, { enabledSites: { facebook: true, instagram: true, business: true, x: true } });
  const worker = await run.serviceWorker();
  // The background follows the stored switch and registers the agent for X.
  for (let tries = 0; !(await registeredScriptIds(worker)).includes('spalla-agent-x'); tries++) {
    if (tries > 200) throw new Error('the agent was not registered for X');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(SEED)})`);
  page = await run.context.newPage();
  await page.goto(run.url('x.com', '/home'));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').waitFor();
});

afterAll(async () => {
  await run?.close();
});

describe('X: surfaces and markers', () => {
  test.each([
    ['/home', 'feed'],
    ['/giuliaverdi/status/1790000000000000001', 'post'],
    ['/compose/post', 'composer'],
    ['/messages/1790-luca', 'messages'],
    ['/damario', 'profile'],
  ])('%s is %s, with every required marker (English and Italian)', async (path, surface) => {
    for (const lang of ['en', 'it']) {
      await go(`${path}?lang=${lang}`);
      await expectSidebarValue(sidebar, 'sidebar-site', 'data-value', 'x');
      await expectSidebarValue(sidebar, 'sidebar-surface', 'data-value', surface);
      expect(await sidebar.locator('[data-testid="sidebar-marker-missing"]').count()).toBe(0);
    }
  });
});

describe("X: saved replies into the home composer (Draft.js), three ways", () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`${way} / ${start}`, async () => {
        const id = 'x-home';
        await prepare('/home', id, start);
        await insertBy(way);
        await expect.poll(() => read(id), { timeout: 5_000 }).toBe(expectedAfter(start));
        if (way !== 'shortcut') await expect.poll(() => status()).toBe('inserted');
        await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(id);
        await page.keyboard.press('Control+z');
        await expect.poll(() => read(id), { timeout: 3_000 }).toBe(expectedBeforeUndo(start, way));
      });
    }
  }
});

describe('X: the person answered, and the counter', () => {
  test.each([
    ['en', 'Replying to'],
    ['it', 'In risposta a'],
  ])('%s: "{{first_name}}" is the first name of the @handle in "%s @handle"', async (lang) => {
    const id = 'x-reply';
    await prepare(`/giuliaverdi/status/1790000000000000001?lang=${lang}`, id, 'empty');
    const item = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]');
    await expect.poll(() => item.locator('[data-testid="replies-preview"]').textContent()).toBe('Ciao Giulia!');
    await item.click();
    await expect.poll(() => read(id)).toBe('Ciao Giulia!');
    // A reply on X takes 280, counted as X counts (twitter-text: the emoji counts 2).
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('280');
    // Here the reply greets Giulia (the fallback "amico" gives way to her name).
    const rendered = RENDERED.replace('amico', 'Giulia');
    expect(Number(await count.getAttribute('data-length'))).toBe(textLength(rendered, 'twitter-text'));
    expect(textLength(rendered, 'twitter-text')).not.toBe(rendered.length);
  });

  test('the message box greets the person of the conversation', async () => {
    const id = 'x-dm';
    await prepare('/messages/1790-luca', id, 'empty');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').click();
    await expect.poll(() => read(id)).toBe('Ciao Luca!');
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('10000');
  });

  test('the compose dialog takes a reply too', async () => {
    const id = 'x-compose';
    await prepare('/compose/post', id, 'caret mid-text');
    await insertBy('click');
    await expect.poll(() => read(id)).toBe(expectedAfter('caret mid-text'));
  });
});
