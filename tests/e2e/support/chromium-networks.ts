import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OptionalSiteKey } from '../../../utils/settings/items';
import { optionalSiteOrigins } from '../../../utils/sites/networks';
import { launchChromiumWithExtension } from '../../support/chromium-launch.mjs';
import type { ChromiumRun } from './chromium';
import { inWorker, setStorage } from './chromium-sidebar';
import { CHROME_BUILD, requireBuild, tempProfile } from './paths';

/** Chromium with the built extension, the given networks' origins already granted (as a
 * person's "Allow" grants them: Chromium's prompt cannot be answered by a test driver, see
 * optional-sites.e2e.ts) and their switches on, waiting until the page agent is registered
 * for them. */
export async function launchChromiumWithNetworks(port: number, sites: OptionalSiteKey[]): Promise<ChromiumRun> {
  const dir = join(tempProfile(`build-${sites.join('-')}-granted`), 'ext');
  cpSync(requireBuild(CHROME_BUILD), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...sites.flatMap(optionalSiteOrigins)];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const context = await launchChromiumWithExtension({ extensionDir: dir, port, profileDir: tempProfile('chromium') });
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const run: ChromiumRun = {
    context,
    extensionId: new URL((await serviceWorker()).url()).host,
    install: async () => {
      throw new Error('installed at launch');
    },
    serviceWorker,
    url: (host, path) => `https://${host}${path}`,
    close: () => context.close(),
  };
  const switches = Object.fromEntries(['facebook', 'instagram', 'business', ...sites].map((s) => [s, true]));
  await setStorage(run, { enabledSites: switches });
  // Outside a test (a beforeAll): wait by hand until the agent is registered.
  const want = JSON.stringify([...sites].sort());
  const deadline = Date.now() + 20_000;
  for (;;) {
    const report = await inWorker<{ registered: string[] } | null>(run, 'self.spalla.optionalSites()');
    if (JSON.stringify([...(report?.registered ?? [])].sort()) === want) return run;
    if (Date.now() > deadline) throw new Error(`page agent not registered for ${want}: ${JSON.stringify(report)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
