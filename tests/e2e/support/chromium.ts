import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, requireBuild, SITES, tempProfile } from './paths';

export interface ChromiumRun {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, third-party cookies blocked (this
 * Chromium's default), and the three sites resolved to the fixture server. */
export async function launchChromium(port: number, { profileDir = tempProfile('chromium') } = {}): Promise<ChromiumRun> {
  const extension = requireBuild(CHROME_BUILD);
  // Developer mode on, as for anyone who loads an unpacked build: without it Chrome
  // (137+) disables an unpacked extension when it reloads, instead of reloading it.
  const prefs = join(profileDir, 'Default/Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(profileDir, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  const rules = SITES.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 720 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      `--host-resolver-rules=${rules}`,
    ],
  });
  // The newest worker: after an extension reload the old one is gone.
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    // Chromium maps the host to the fixture port, so no port in the URL.
    url: (host, path) => `https://${host}${path}`,
    close: () => context.close(),
  };
}

/** The sidebar iframe (an extension page) inside `page`, once it has loaded. */
export async function chromiumSidebarFrame(page: Page, extensionId: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
    if (frame) {
      await frame.waitForSelector('[data-testid="sidebar-close"]', { timeout: 10_000 });
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('sidebar frame not found');
}
