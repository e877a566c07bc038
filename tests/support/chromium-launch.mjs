// How Spalla's Chromium is started with the extension loaded, for the end-to-end
// tests, the benchmarks and the playground alike (see docs/testing.md).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

import { FIXTURE_HOSTS } from '../fixtures/server.mjs';

// The hosts the fixture server answers as (one list, the server's).
export { FIXTURE_HOSTS };

/**
 * Starts Chromium with the unpacked extension in `extensionDir`, the fixture hosts
 * resolved to 127.0.0.1:`port`, third-party cookies blocked (this Chromium's default).
 * With `loadAtStart: false` the extension is not there yet: `installExtension(context, dir)`
 * installs it later (as a person does, while pages are open).
 * `extraArgs` go on Chromium's command line after ours (e.g. `--log-net-log=FILE`).
 * @param {{ extensionDir: string, port: number, headless?: boolean, profileDir?: string, loadAtStart?: boolean, extraArgs?: string[] }} options
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function launchChromiumWithExtension({ extensionDir, port, headless = true, profileDir, loadAtStart = true, extraArgs = [] }) {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'spalla-chromium-'));
  // Developer mode on, as for anyone who loads an unpacked build: without it Chrome
  // (137+) disables an unpacked extension when it reloads, instead of reloading it.
  const prefs = join(profile, 'Default/Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    // Playwright passes --disable-extensions by default: without removing it no
    // extension loads, silently.
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: headless ? { width: 1280, height: 720 } : null,
    args: [
      // Installing later goes through the DevTools protocol (Extensions.loadUnpacked).
      ...(loadAtStart
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : ['--enable-unsafe-extension-debugging']),
      '--no-sandbox',
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(headless ? ['--disable-gpu'] : []),
      `--host-resolver-rules=${FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      ...extraArgs,
    ],
  });
}

/**
 * Installs the unpacked extension in `extensionDir` into a running Chromium (started with
 * `loadAtStart: false`) through the DevTools protocol, as "Load unpacked" does.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionDir
 * @returns {Promise<string>} the extension id
 */
export async function installExtension(context, extensionDir) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to install into');
  const session = await browser.newBrowserCDPSession();
  try {
    const { id } = await session.send('Extensions.loadUnpacked', { path: extensionDir });
    return id;
  } finally {
    await session.detach().catch(() => {});
  }
}
