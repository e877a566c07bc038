import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD, requireBuild } from './paths';
import { edgeTabPoint, HOST_INFO_SCRIPT, pollHost, type HostInfo } from './host';
import { settledStarterReplies } from './replies-starters';

export interface FirefoxRun {
  browser: Browser;
  /** Installs the build (done at launch unless `install: false`). */
  install(): Promise<void>;
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary
 * add-on, browsing through a CONNECT proxy that sends every HTTPS request to the
 * fixture server: pages load as https://www.facebook.com/, as on the real site. */
export async function launchFirefox(
  proxyPort: number,
  { install = true, prefs = {} }: { install?: boolean; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxRun> {
  const extension = requireBuild(FIREFOX_BUILD);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      ...prefs,
    },
  });
  if (install) await browser.installExtension(extension);
  return {
    browser,
    install: async () => void (await browser.installExtension(extension)),
    url: (host, path) => `https://${host}${path}`,
    close: () => browser.close(),
  };
}

export async function ffHostInfo(page: Page): Promise<HostInfo> {
  return page.evaluate(HOST_INFO_SCRIPT) as Promise<HostInfo>;
}

export async function ffWaitForHost(page: Page, check?: (info: HostInfo) => boolean): Promise<HostInfo> {
  return pollHost(() => ffHostInfo(page), check);
}

export async function ffClickEdgeTab(page: Page): Promise<void> {
  const point = edgeTabPoint(await ffWaitForHost(page));
  await page.mouse.click(point.x, point.y);
}

/** The sidebar iframe. Puppeteer lists it with a stale URL on Firefox, yet evaluating
 * inside it works: find it by its own `location.href`. */
export async function ffSidebarFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('/sidebar.html')) {
        const ready = await frame.evaluate(() => !!document.querySelector('[data-testid="sidebar-close"]')).catch(() => false);
        if (ready) return frame;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sidebar frame not found');
}

export async function ffOpenSidebar(page: Page): Promise<Frame> {
  const info = await ffWaitForHost(page);
  if (info.state !== 'open') {
    await ffClickEdgeTab(page);
    await ffWaitForHost(page, (i) => i.state === 'open');
  }
  return ffSidebarFrame(page);
}

/** A `data-*` value of a test id inside the sidebar, once it equals `expected`. */
export async function ffSidebarValue(frame: Frame, testId: string, attribute: string, expected: string): Promise<string | null> {
  const deadline = Date.now() + 10_000;
  let value: string | null = null;
  while (Date.now() < deadline) {
    value = await frame.evaluate(
      (id, attr) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attr) ?? null,
      testId,
      attribute,
    );
    if (value === expected) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return value;
}

/** The extension's base URL, read from inside the sidebar frame. */
export async function ffExtensionBase(frame: Frame): Promise<string> {
  return frame.evaluate(() => new URL('/', location.href).href);
}

/** A runtime message from our sidebar frame, in @webext-core/messaging's format (WebDriver
 * cannot reach Firefox's background: tests speak through the sidebar, as it does). */
export async function ffFromSidebar<T>(sidebar: Frame, type: string, data: unknown): Promise<T> {
  const answer = await sidebar.evaluate(
    (t, d) => (globalThis as any).browser.runtime.sendMessage({ id: Date.now(), type: t, data: d, timestamp: Date.now() }),
    type,
    data as never,
  );
  if (answer?.err) throw new Error(JSON.stringify(answer.err));
  return answer.res as T;
}

/** Replaces the starter replies with `replies` (the saved-replies matrix's own), saved
 * through the sidebar frame; answers seed id -> the id the store gave it, once the sidebar
 * lists the first. */
export async function ffSeedReplies(sidebar: Frame, replies: readonly ({ id: string; useCount?: number } & Record<string, unknown>)[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const starters = await settledStarterReplies(() => ffFromSidebar<{ id: string }[]>(sidebar, 'repliesList', undefined));
  for (const starter of starters) await ffFromSidebar(sidebar, 'repliesDelete', { id: starter.id });
  for (const reply of replies) {
    const { id, useCount: _u, ...draft } = reply;
    const saved = await ffFromSidebar<{ ok: boolean; reply: { id: string } }>(sidebar, 'repliesSave', { tags: [], networks: [], ...draft });
    if (!saved.ok) throw new Error(`reply ${id} not saved`);
    ids.set(id, saved.reply.id);
  }
  // The panel reloads on the background's "changed" signal.
  await sidebar.waitForSelector(`[data-testid="replies-item"][data-reply-id="${ids.get(replies[0].id)}"]`, { timeout: 10_000 });
  return ids;
}
