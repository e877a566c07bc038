import type { BrowserContext, Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension } from '../../support/chromium-launch.mjs';
import { CHROME_BUILD, requireBuild, tempProfile } from './paths';

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
  const context = await launchChromiumWithExtension({ extensionDir: requireBuild(CHROME_BUILD), port, profileDir });
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
