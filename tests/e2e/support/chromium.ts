import type { BrowserContext, Page, Worker } from 'playwright-core';
import { installExtension, launchChromiumWithExtension } from '../../support/chromium-launch.mjs';
import { CHROME_BUILD, requireBuild, tempProfile } from './paths';

export interface ChromiumRun {
  context: BrowserContext;
  extensionId: string;
  /** Installs the build (done at launch unless `install: false`); sets `extensionId`. */
  install(): Promise<void>;
  serviceWorker(): Promise<Worker>;
  url(host: string, path: string): string;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, third-party cookies blocked (this
 * Chromium's default), and the three sites resolved to the fixture server. */
export async function launchChromium(
  port: number,
  { profileDir = tempProfile('chromium'), install = true, extraArgs = [] as string[] } = {},
): Promise<ChromiumRun> {
  const extensionDir = requireBuild(CHROME_BUILD);
  const context = await launchChromiumWithExtension({ extensionDir, port, profileDir, loadAtStart: install, extraArgs });
  // The newest worker: after an extension reload the old one is gone.
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const run: ChromiumRun = {
    context,
    extensionId: install ? new URL((await serviceWorker()).url()).host : '',
    install: async () => {
      run.extensionId = await installExtension(context, extensionDir);
    },
    serviceWorker,
    // Chromium maps the host to the fixture port, so no port in the URL.
    url: (host, path) => `https://${host}${path}`,
    close: () => context.close(),
  };
  return run;
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
