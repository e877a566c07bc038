import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { launchChromiumWithExtension } from '../../support/chromium-launch.mjs';
import { optionalSiteOrigins } from '../../../utils/sites/networks';
import type { OptionalSiteKey } from '../../../utils/settings/items';
import type { ChromiumRun } from './chromium';
import { setStorage } from './chromium-sidebar';
import { CHROME_BUILD, requireBuild, tempProfile } from './paths';

/**
 * Chromium with the real build whose optional networks `sites` are granted, as a person's
 * "Allow" in the browser's prompt grants them. No test driver can answer that prompt
 * (microsoft/playwright#32755; ChromeDevTools/devtools-protocol#76, where the DevTools team
 * suggests this very workaround: a permission already held is granted without a prompt),
 * so the copy lists the origins among `host_permissions`. Switching the network on still
 * goes through the popup's `permissions.request` (answered `true` at once) or the stored
 * switch, and the background registers the page agent as it does for a person.
 */
export async function launchChromiumGranted(port: number, sites: OptionalSiteKey[]): Promise<ChromiumRun> {
  const dir = join(tempProfile(`build-${sites.join('-')}`), 'ext');
  cpSync(requireBuild(CHROME_BUILD), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...sites.flatMap(optionalSiteOrigins)];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const context = await launchChromiumWithExtension({ extensionDir: dir, port, profileDir: tempProfile('chromium') });
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL((await serviceWorker()).url()).host,
    install: async () => {
      throw new Error('installed at launch');
    },
    serviceWorker,
    url: (host, path) => `https://${host}${path}`,
    close: () => context.close(),
  };
}

export interface OptionalSitesReport {
  registered: string[];
}

export async function optionalSitesReport(worker: Worker): Promise<OptionalSitesReport | null> {
  return worker.evaluate('self.spalla.optionalSites()') as Promise<OptionalSitesReport | null>;
}

export async function registeredScriptIds(worker: Worker): Promise<string[]> {
  return worker.evaluate('chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))') as Promise<string[]>;
}

/** `launchChromiumGranted` with `site` switched on in storage beside Facebook, Instagram and
 * Business Suite, as the settings' switch stores it; returns once the background, following
 * the switch, has registered the page agent there. */
export async function launchChromiumWithSiteOn(port: number, site: OptionalSiteKey): Promise<ChromiumRun> {
  const run = await launchChromiumGranted(port, [site]);
  await setStorage(run, { enabledSites: { facebook: true, instagram: true, business: true, [site]: true } });
  const worker = await run.serviceWorker();
  // A plain loop: expect.poll only runs inside a test, and this runs in beforeAll.
  for (let tries = 0; !(await registeredScriptIds(worker)).includes(`spalla-agent-${site}`); tries++) {
    if (tries > 200) throw new Error(`the agent was not registered for ${site}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return run;
}
