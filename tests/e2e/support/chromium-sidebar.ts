import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { chromiumSidebarFrame, launchChromium, type ChromiumRun } from './chromium';
import { edgeTabPoint, HOST_INFO_SCRIPT, pollHost, type HostInfo } from './host';
import { PALETTE_QUERY, type Way } from './replies-cases';

export async function hostInfo(page: Page): Promise<HostInfo> {
  return page.evaluate(HOST_INFO_SCRIPT) as Promise<HostInfo>;
}

/** Waits until the page shows what `check` wants of the host. */
export async function waitForHost(page: Page, check?: (info: HostInfo) => boolean): Promise<HostInfo> {
  return pollHost(() => hostInfo(page), check);
}

/** Clicks the edge tab where a person would: where `seen` showed it, else where it is now. */
export async function clickEdgeTab(page: Page, seen?: HostInfo): Promise<void> {
  const point = edgeTabPoint(seen ?? (await waitForHost(page)));
  await page.mouse.click(point.x, point.y);
}

/** Opens the sidebar with a click on the closed edge tab, as a person does. The click aims
 * where the tab was seen closed: read again, the host may have opened meanwhile (a clip
 * opens it when its save ends) and a click on the open tab would close it. A person
 * aiming at the closed tab as the panel opens hits the panel instead, which is harmless. */
export async function openSidebar(page: Page, run: ChromiumRun): Promise<Frame> {
  const info = await waitForHost(page);
  if (info.state !== 'open') {
    await clickEdgeTab(page, info);
    await waitForHost(page, (i) => i.state === 'open');
  }
  return chromiumSidebarFrame(page, run.extensionId);
}

/** Reads a `data-*` value of a test id inside the sidebar, waiting for `expected`. */
export async function expectSidebarValue(frame: Frame, testId: string, attribute: string, expected: string) {
  const locator = frame.locator(`[data-testid="${testId}"]`);
  await expect
    .poll(() => locator.getAttribute(attribute), { timeout: 10_000, interval: 100 })
    .toBe(expected);
}

/** Runs code in the extension's service worker. */
export async function inWorker<T>(run: ChromiumRun, fn: string): Promise<T> {
  const worker = await run.serviceWorker();
  return worker.evaluate(fn) as Promise<T>;
}

export async function resetExtensionStorage(run: ChromiumRun): Promise<void> {
  await inWorker(run, 'chrome.storage.local.clear()');
}

export async function setStorage(run: ChromiumRun, values: Record<string, unknown>): Promise<void> {
  await inWorker(run, `chrome.storage.local.set(${JSON.stringify(values)})`);
}

export async function allStorage(run: ChromiumRun): Promise<Record<string, unknown>> {
  return inWorker(run, 'chrome.storage.local.get(null)');
}

/** The keyboard command's handler, reached through the service worker (test drivers
 * cannot press browser commands). */
export async function runToggleCommand(run: ChromiumRun, urlPattern: string): Promise<{ open: boolean } | null> {
  return inWorker(
    run,
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(urlPattern)} });
      return self.spalla.handleCommand('toggle-sidebar', tab);
    })()`,
  );
}

/** One Chromium for the test file, and for each test a fresh page with the
 * extension's storage cleared. Read `current.run` and `current.page` inside tests. */
export function useChromium(): { run: ChromiumRun; page: Page } {
  const current = {} as { run: ChromiumRun; page: Page };
  beforeAll(async () => {
    current.run = await launchChromium(inject('fixturePort'));
  });
  afterAll(async () => {
    await current.run?.close();
  });
  beforeEach(async () => {
    await resetExtensionStorage(current.run);
    for (const p of current.run.context.pages()) await p.close();
    current.page = await current.run.context.newPage();
  });
  return current;
}

/** Clicks into a fixture editor (near its left edge: the open sidebar may cover the right of
 * a wide box) until it holds the focus. Chromium may hand focus back to the sidebar frame (the
 * frame that last had it) a moment after the page was rebuilt; on a loaded machine that moment
 * comes after the click. A person whose caret vanished clicks again: so does the test. */
export async function focusFixtureEditor(page: Page, editor: Locator, id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const focused = await page.evaluate(() => (window as any).__fixture.focusedEditorId() as string | null);
        if (focused !== id) await editor.click({ position: { x: 12, y: 12 } });
        return focused;
      },
      { timeout: 10_000 },
    )
    .toBe(id);
}
