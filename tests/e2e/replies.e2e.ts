import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { focusedEditorId, readEditor, repliesStatus } from './support/editor-state';
import { chromiumSidebarFrame, launchChromium, type ChromiumRun } from './support/chromium';
import { focusFixtureEditor, inWorker, openSidebar, waitForHost } from './support/chromium-sidebar';
import {
  expectedAfter,
  expectedBeforeUndo,
  KINDS,
  LEFT,
  normalize,
  RENDERED,
  SEED,
  STARTS,
  TYPED,
  WAYS,
  type Kind,
  type Start,
  type Way,
} from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';
import { insertReplyBy } from './support/replies-ways';

/** Saved replies in Chromium: the matrix (6 editors x click / typed shortcut / palette x
 * empty / caret mid-text), each read back from the editor's OWN state with the text
 * around it and undo checked; then names from the page, the fill-in form, a variable
 * asked for, the clipboard fallback, a real comment box on each site. One browser,
 * one page; editors are reset by in-app navigation between cases. */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

const BENCH = '/spalla-test/editors';

const read = (id: string) => readEditor(page, id);

/** Fresh editors (new Lexical / Draft / React state and history) without a reload. */
async function resetBench(id: string) {
  // A click on the page's heading first: Chromium hands focus back to the frame that
  // last had it (the sidebar) when a focused element is removed, a moment later.
  await page.locator('[role="main"] h1').click({ position: { x: 4, y: 4 } });
  await page.evaluate(() => (window as any).__fixture.navigate('/'));
  await page.evaluate((path) => (window as any).__fixture.navigate(path), BENCH);
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), id);
}

const focusedEditor = () => focusedEditorId(page);

async function seed(replies: object[]) {
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(replies)})`);
}

async function useCount(id: string): Promise<number> {
  const all = await inWorker<{ id: string; useCount: number }[]>(run, 'self.spalla.repliesAll()');
  return all.find((r) => r.id === id)?.useCount ?? -1;
}

const status = () => repliesStatus(sidebar);

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  // `seed` replaces every reply: after the starters came, so that none comes after it.
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await seed(SEED);
  page = await run.context.newPage();
  await page.goto(run.url('www.facebook.com', BENCH));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator(`[data-testid="replies-item"][data-reply-id="r-thanks"]`).waitFor();
});

afterAll(async () => {
  await run?.close();
});

async function prepare(kind: Kind, start: Start) {
  const id = `bench-${kind}`;
  await resetBench(id);
  const editor = page.locator(`[data-testid="editor-${kind}"]`);
  await focusFixtureEditor(page, editor, id);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => normalize(kind, await read(id))).toBe(TYPED);
  }
  return { id, editor };
}

async function insertBy(way: Way) {
  await insertReplyBy(page, sidebar, way);
}

describe('Chromium: saved replies into every editor, three ways', () => {
  for (const kind of KINDS) {
    for (const way of WAYS) {
      for (const start of STARTS) {
        test(`${kind} / ${way} / ${start}`, async () => {
          const { id } = await prepare(kind, start);
          await insertBy(way);
          await expect.poll(async () => normalize(kind, await read(id)), { timeout: 5_000 }).toBe(expectedAfter(start));
          // The sidebar reports success (it checked the editor's state too); a new
          // insertion clears the last status first, before the text lands.
          if (way !== 'shortcut') {
            await expect.poll(() => status()).not.toBeNull();
            if ((await status()) !== 'inserted') console.log(kind, way, start, await sidebar.locator('[data-testid="replies-status"]').innerText());
            expect(await status()).toBe('inserted');
          }
          // Focus is back in the composer, so the editor's own undo applies.
          await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(id);
          await page.keyboard.press('Control+z');
          await expect.poll(async () => normalize(kind, await read(id)), { timeout: 3_000 }).toBe(expectedBeforeUndo(start, way));
        });
      }
    }
  }
});

describe('Chromium: saved replies, beyond the matrix', () => {
  test('use count is recorded for a click insertion', async () => {
    const before = await useCount('r-thanks');
    await prepare('plain-textarea', 'empty');
    await insertBy('click');
    await expect.poll(() => status()).toBe('inserted');
    await expect.poll(() => useCount('r-thanks')).toBe(before + 1);
  });

  test('{{cursor}} places the caret: typing goes there', async () => {
    const { id } = await prepare('lexical-plain', 'empty');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-cursor"]').click();
    await expect.poll(() => read(id)).toBe('Prima dopo');
    // The text shows in Lexical's state before the insertion has moved the caret back
    // and handed focus to the page: type once the sidebar reports it done, as a person
    // does after seeing the reply land (on a loaded machine the gap is long enough for
    // the key to go at the end, or into the sidebar).
    await expect.poll(() => status()).toBe('inserted');
    await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(id);
    await page.keyboard.type('X');
    await expect.poll(() => read(id)).toBe('Prima Xdopo');
    const ta = await prepare('react-textarea', 'empty');
    await page.keyboard.type(';cur');
    await page.keyboard.press('Tab');
    await expect.poll(() => read(ta.id)).toBe('Prima dopo');
    await page.keyboard.type('Y');
    await expect.poll(() => read(ta.id)).toBe('Prima Ydopo');
  });

  test('fill-in fields: the form asks, the answers go in and are offered next time', async () => {
    const { id } = await prepare('draft', 'caret mid-text');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-hours"]').click();
    const form = sidebar.locator('[data-testid="replies-form"]');
    await form.waitFor();
    // An empty free-text field holds the insertion back.
    expect(await sidebar.locator('[data-testid="replies-form-insert"]').isDisabled()).toBe(true);
    await sidebar.locator('[data-testid="replies-field-0"]').fill('19:30');
    await sidebar.locator('[data-testid="replies-field-1"]').selectOption('M');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    const text = 'Oggi siamo aperti fino alle 19:30, taglia M.';
    await expect.poll(() => read(id)).toBe(`Ciao ${text} mondo`);

    // Typed shortcut of a reply with fields: the form opens, pre-filled, and the reply
    // replaces just the shortcut.
    const next = await prepare('plain-textarea', 'empty');
    await page.keyboard.type('Allora ;orari');
    await page.keyboard.press('Tab');
    await form.waitFor();
    expect(await sidebar.locator('[data-testid="replies-field-0"]').inputValue()).toBe('19:30');
    expect(await sidebar.locator('[data-testid="replies-field-1"]').inputValue()).toBe('M');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    await expect.poll(() => read(next.id)).toBe(`Allora ${text}`);
  });

  test('a variable without fallback nor value is asked in the form (never a hole), clicked or typed', async () => {
    // A fresh page and sidebar: nothing left pending from the previous test's insertion
    // (its focus hand-back, its use count re-sorting the list) can land in this one.
    await page.reload();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['bench-draft']?.element());
    await waitForHost(page);
    sidebar = await chromiumSidebarFrame(page, run.extensionId).catch(() => openSidebar(page, run));
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').waitFor();
    // (The caret mid-text is the matrix's business: here, what is asked and what goes in.)
    const { id } = await prepare('draft', 'empty');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').click();
    await sidebar.locator('[data-testid="replies-form"] label[data-variable="first_name"]').waitFor();
    expect(await sidebar.locator('[data-testid="replies-form-insert"]').isDisabled()).toBe(true);
    expect(await read(id)).toBe('');
    await sidebar.locator('[data-testid="replies-field-0"]').fill('Anna');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    await expect.poll(() => read(id)).toBe('Ciao Anna!');
    // Typed: the form opens; the reply then replaces just the shortcut.
    const next = await prepare('plain-textarea', 'empty');
    await page.keyboard.type(';nome');
    await page.keyboard.press('Tab');
    await sidebar.locator('[data-testid="replies-form"] label[data-variable="first_name"]').waitFor();
    expect(await read(next.id)).toBe(';nome');
    await sidebar.locator('[data-testid="replies-field-0"]').fill('Luca');
    await sidebar.locator('[data-testid="replies-form-insert"]').click();
    await expect.poll(() => read(next.id)).toBe('Ciao Luca!');
  });

  test('an unknown shortcut is left alone; with Space as the key, the space still types', async () => {
    const { id } = await prepare('plain-textarea', 'empty');
    await page.keyboard.type(';nessuna');
    await page.keyboard.press('Tab');
    // The box's own state follows the keys as the page handles them (on a loaded machine, after
    // a while: a fixed wait once read ';n'); a Tab that replaced the text would never give this.
    await expect.poll(() => read(id)).toBe(';nessuna');
    await page.waitForTimeout(300);
    expect(await read(id)).toBe(';nessuna');
    await inWorker(run, `chrome.storage.local.set({ replyShortcutKey: 'Space' })`);
    await page.waitForTimeout(300);
    await prepare('plain-textarea', 'empty');
    await page.keyboard.type(';nessuna ok ;grazie');
    await page.keyboard.press('Space');
    await expect.poll(() => read(id)).toBe(`;nessuna ok ${RENDERED}`);
    await inWorker(run, `chrome.storage.local.set({ replyShortcutKey: 'Tab' })`);
    await page.waitForTimeout(300);
  });

  test('palette: Escape leaves with nothing changed and focus back in the composer', async () => {
    const { id } = await prepare('lexical-plain', 'caret mid-text');
    await page.keyboard.press('Alt+Shift+KeyR');
    const search = sidebar.locator('[data-testid="replies-search"]');
    await expect.poll(() => search.evaluate((el) => document.activeElement === el && document.hasFocus())).toBe(true);
    await page.keyboard.type('orari');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(id);
    await page.keyboard.type('X');
    await expect.poll(() => read(id)).toBe('Ciao X mondo');
  });

  test('the background command opens the palette too', async () => {
    await prepare('plain-textarea', 'empty');
    await inWorker(
      run,
      `(async () => { const [tab] = await chrome.tabs.query({ url: 'https://www.facebook.com/*' }); await self.spalla.repliesOpenPalette(tab.id); })()`,
    );
    const search = sidebar.locator('[data-testid="replies-search"]');
    await expect.poll(() => search.evaluate((el) => document.activeElement === el)).toBe(true);
    await page.keyboard.press('Escape');
  });

  test('search, filter and sort', async () => {
    const items = () => sidebar.locator('[data-testid="replies-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reply-id')));
    await sidebar.locator('[data-testid="replies-search"]').fill('');
    await sidebar.locator('[data-testid="replies-sort"]').selectOption('title');
    await expect.poll(items).toEqual(['r-cursor', 'r-hours', 'r-thanks', 'r-name', 'r-en']);
    await sidebar.locator('[data-testid="replies-filter-language"]').selectOption('en');
    await expect.poll(items).toEqual(['r-en']);
    await sidebar.locator('[data-testid="replies-filter-language"]').selectOption('');
    await sidebar.locator('[data-testid="replies-filter-network"]').selectOption('facebook');
    await expect.poll(items).toEqual(['r-cursor', 'r-hours', 'r-thanks', 'r-name']);
    await sidebar.locator('[data-testid="replies-filter-network"]').selectOption('');
    await sidebar.locator('[data-testid="replies-search"]').fill('apertura');
    await expect.poll(async () => (await items())[0]).toBe('r-hours');
    await sidebar.locator('[data-testid="replies-search"]').fill('');
    await sidebar.locator('[data-testid="replies-sort"]').selectOption('most-used');
  });

  test('insertion fails: the sidebar says it is inserting meanwhile, then the reply is on the clipboard and the sidebar says why', async () => {
    await run.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.facebook.com' });
    const { id } = await prepare('lexical-plain', 'caret mid-text');
    // The page swallows the main-world helper's requests (as a hostile page could).
    await page.evaluate(() => {
      (window as any).__swallow = (event: Event) => event.stopImmediatePropagation();
      window.addEventListener('spalla:insert-request', (window as any).__swallow, true);
    });
    // While the engine waits for the page, the sidebar says so: what the notice said is
    // kept by an observer in the sidebar's frame (the wait can be shorter than a poll).
    await sidebar.evaluate(() => {
      const seen = ((window as any).__insertingSaid = [] as string[]);
      new MutationObserver(() => {
        const notice = document.querySelector('[data-testid="replies-inserting"]');
        if (notice && !seen.includes(notice.textContent ?? '')) seen.push(notice.textContent ?? '');
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
    await expect.poll(() => status(), { timeout: 10_000 }).toBe('failed-copied');
    expect(await sidebar.evaluate(() => (window as any).__insertingSaid)).toEqual([expect.stringMatching(/^Inserting “.+”…$/)]);
    expect(await sidebar.locator('[data-testid="replies-inserting"]').count()).toBe(0);
    expect(await sidebar.locator('[data-testid="replies-status"]').innerText()).toMatch(/Ctrl\+V/);
    expect(await read(id)).toBe(TYPED);
    await page.bringToFront();
    await page.evaluate(() => window.removeEventListener('spalla:insert-request', (window as any).__swallow, true));
    const clipboard = await page.evaluate(async () => {
      window.focus();
      return navigator.clipboard.readText();
    });
    expect(clipboard).toBe(RENDERED);
  });

  test('Facebook reply box: the name comes from the page ("Reply to Luca Bianchi")', async () => {
    await page.evaluate(() => (window as any).__fixture.navigate('/spallademo/posts/pfbid123'));
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['fb-post-reply']?.element());
    await page.locator('[data-fixture-editor="fb-post-reply"]').click();
    await page.keyboard.type(';nome');
    await page.keyboard.press('Tab');
    await expect.poll(() => read('fb-post-reply')).toBe('Ciao Luca!');
    // The counter counts against the Facebook comment limit; the identity is shown.
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('8000');
    expect(await count.getAttribute('data-length')).toBe(String('Ciao Luca!'.length));
    expect(await sidebar.locator('[data-testid="replies-acting-as"]').getAttribute('data-kind')).toBe('profile');
  });

  test('Instagram comment textarea on the feed: click insertion, limit 2,200', async () => {
    await page.goto(run.url('www.instagram.com', '/'));
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['ig-feed-comment-1']?.element());
    sidebar = await openSidebar(page, run);
    await page.locator('[data-fixture-editor="ig-feed-comment-1"]').click();
    await page.keyboard.type('Ciao  mondo');
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
    await expect.poll(() => read('ig-feed-comment-1')).toBe(`Ciao ${RENDERED} mondo`);
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('2200');
    // The "Post" button enables: React's state holds the text.
    expect(await page.locator('form:has([data-fixture-editor="ig-feed-comment-1"]) button[type="submit"]').isEnabled()).toBe(true);
  });

  test('Business Suite: acting as the Page, shown; a Page reply goes in without a warning', async () => {
    await seed([...SEED, { id: 'r-page', title: 'Firma Pagina', body: 'Grazie da {{my_name}}', brandId: 'brand-1' }]);
    await page.goto(run.url('business.facebook.com', '/latest/inbox/all'));
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['bs-inbox-reply']?.element());
    sidebar = await chromiumSidebarFrame(page, run.extensionId).catch(() => openSidebar(page, run));
    // The open sidebar covers this box's right half: focus it as Tab would.
    await page.locator('[data-fixture-editor="bs-inbox-reply"]').focus();
    await expect.poll(() => sidebar.locator('[data-testid="replies-acting-as"]').getAttribute('data-kind')).toBe('page');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-page"]').click();
    await expect.poll(() => read('bs-inbox-reply')).toBe('Grazie da Spalla Demo');
  });

  test('a Page reply into a box acting as the personal profile: warned first', async () => {
    await page.goto(run.url('www.facebook.com', '/'));
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['fb-feed-comment-1']?.element());
    sidebar = await chromiumSidebarFrame(page, run.extensionId).catch(() => openSidebar(page, run));
    await page.locator('[data-fixture-editor="fb-feed-comment-1"]').click();
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-page"]').click();
    await sidebar.locator('[data-testid="replies-identity-warning"]').waitFor();
    expect(await read('fb-feed-comment-1')).toBe('');
    await sidebar.locator('[data-testid="replies-identity-confirm"]').click();
    await expect.poll(() => read('fb-feed-comment-1')).toBe('Grazie da Marta Rossi');
  });
});
