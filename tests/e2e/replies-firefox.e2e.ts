import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffFromSidebar, ffOpenSidebar, ffSeedReplies, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import {
  expectedAfter,
  expectedBeforeUndo,
  KINDS,
  LEFT,
  normalize,
  PALETTE_QUERY,
  SEED,
  STARTS,
  TYPED,
  WAYS,
  type Kind,
  type Start,
  type Way,
} from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';

/** Saved replies in Firefox ESR: the same matrix as in Chromium (6 editors x click /
 * typed shortcut / palette x empty / caret mid-text), read back from each editor's OWN
 * state, text around intact, undo checked. WebDriver cannot reach Firefox's
 * background, so the replies are saved through the sidebar frame's own runtime
 * messages (as the sidebar itself does). One browser, one page. */

let run: FirefoxRun;
let page: Page;
let sidebar: Frame;
/** Seed id -> the id the store gave it. */
const ids = new Map<string, string>();
const BENCH = '/spalla-test/editors';

const until = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 5_000): Promise<T> => {
  const deadline = Date.now() + timeout;
  let value = await fn();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await fn();
  }
  return value;
};

async function read(id: string): Promise<string> {
  return page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
}

async function focusedEditor(): Promise<string | null> {
  return page.evaluate(() => (window as any).__fixture.focusedEditorId());
}

/** A runtime message from the sidebar frame. */
const fromSidebar = <T>(type: string, data: unknown): Promise<T> => ffFromSidebar<T>(sidebar, type, data);

async function clickAt(target: Page | Frame, selector: string, dx = 12, dy = 12) {
  const el = await target.waitForSelector(selector, { timeout: 10_000 });
  await el!.evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const box = await el!.boundingBox();
  await page.mouse.click(box!.x + dx, box!.y + dy);
}

async function combo(...keys: string[]) {
  for (const key of keys) await page.keyboard.down(key as never);
  for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
}

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
  page = await run.browser.newPage();
  await page.goto(run.url('www.facebook.com', BENCH));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  // The starters out of the way: their shortcuts (";grazie") are the matrix's own.
  for (const [seedId, id] of await ffSeedReplies(sidebar, SEED)) ids.set(seedId, id);
});

afterAll(async () => {
  await run?.close();
});

async function resetBench(id: string) {
  await clickAt(page, '[role="main"] h1', 4, 4);
  await page.evaluate(() => (window as any).__fixture.navigate('/'));
  await page.evaluate((path) => (window as any).__fixture.navigate(path), BENCH);
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), {}, id);
}

async function prepare(kind: Kind, start: Start) {
  const id = `bench-${kind}`;
  await resetBench(id);
  await clickAt(page, `[data-testid="editor-${kind}"]`);
  expect(await until(focusedEditor, (v) => v === id)).toBe(id);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    expect(await until(async () => normalize(kind, await read(id)), (v) => v === TYPED)).toBe(TYPED);
  }
  return id;
}

async function status(): Promise<string | null> {
  return sidebar.evaluate(() => document.querySelector('[data-testid="replies-status"] [data-state]')?.getAttribute('data-state') ?? null);
}

async function insertBy(way: Way) {
  if (way === 'click') {
    await sidebar.click(`[data-testid="replies-item"][data-reply-id="${ids.get('r-thanks')}"]`);
  } else if (way === 'shortcut') {
    await page.keyboard.type(';grazie');
    await page.keyboard.press('Tab');
  } else {
    await combo('Alt', 'Shift', 'KeyR');
    const focused = await until(
      () => sidebar.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null),
      (v) => v === 'replies-search',
    );
    expect(focused).toBe('replies-search');
    await page.keyboard.type(PALETTE_QUERY);
    const first = await until(
      () => sidebar.evaluate(() => document.querySelector('[data-testid="replies-item"][data-highlighted="true"]')?.getAttribute('data-reply-id') ?? null),
      (v) => v === ids.get('r-thanks'),
    );
    expect(first).toBe(ids.get('r-thanks'));
    await page.keyboard.press('Enter');
  }
}

describe('Firefox: saved replies into every editor, three ways', () => {
  for (const kind of KINDS) {
    for (const way of WAYS) {
      for (const start of STARTS) {
        test(`${kind} / ${way} / ${start}`, async () => {
          const id = await prepare(kind, start);
          await insertBy(way);
          const after = await until(async () => normalize(kind, await read(id)), (v) => v === expectedAfter(start));
          expect(after).toBe(expectedAfter(start));
          if (way !== 'shortcut') expect(await until(status, (v) => v === 'inserted')).toBe('inserted');
          expect(await until(focusedEditor, (v) => v === id)).toBe(id);
          await combo('Control', 'KeyZ');
          const undone = await until(async () => normalize(kind, await read(id)), (v) => v === expectedBeforeUndo(start, way), 3_000);
          expect(undone).toBe(expectedBeforeUndo(start, way));
        });
      }
    }
  }
});

describe('Firefox: saved replies, beyond the matrix', () => {
  test('fill-in form, then a variable without value nor fallback asked in the form', async () => {
    const id = await prepare('lexical-plain', 'caret mid-text');
    await sidebar.click(`[data-testid="replies-item"][data-reply-id="${ids.get('r-hours')}"]`);
    await sidebar.waitForSelector('[data-testid="replies-form"]');
    await sidebar.type('[data-testid="replies-field-0"]', '19:30');
    await sidebar.select('[data-testid="replies-field-1"]', 'L');
    await sidebar.click('[data-testid="replies-form-insert"]');
    const text = 'Oggi siamo aperti fino alle 19:30, taglia L.';
    expect(await until(() => read(id), (v) => v === `Ciao ${text} mondo`)).toBe(`Ciao ${text} mondo`);

    const next = await prepare('plain-textarea', 'empty');
    await sidebar.click(`[data-testid="replies-item"][data-reply-id="${ids.get('r-name')}"]`);
    await sidebar.waitForSelector('[data-testid="replies-form"] label[data-variable="first_name"]');
    expect(await read(next)).toBe('');
    await sidebar.type('[data-testid="replies-field-0"]', 'Anna');
    await sidebar.click('[data-testid="replies-form-insert"]');
    expect(await until(() => read(next), (v) => v === 'Ciao Anna!')).toBe('Ciao Anna!');
  });
});
