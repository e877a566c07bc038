import type { OptionalSiteKey } from '../../../utils/settings/items';
import type { ChromiumRun } from './chromium';
import { inWorker, setStorage } from './chromium-sidebar';
import { launchChromiumGranted } from './optional-sites';

/** Chromium with the built extension, the given networks' origins already granted (as a
 * person's "Allow" grants them: Chromium's prompt cannot be answered by a test driver, see
 * optional-sites.e2e.ts) and their switches on, waiting until the page agent is registered
 * for them. */
export async function launchChromiumWithNetworks(port: number, sites: OptionalSiteKey[]): Promise<ChromiumRun> {
  const run = await launchChromiumGranted(port, sites);
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
