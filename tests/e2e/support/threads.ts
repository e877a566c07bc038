import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromiumWithExtension } from '../../support/chromium-launch.mjs';
import { optionalSiteOrigins } from '../../../utils/sites/networks';
import type { ChromiumRun } from './chromium';
import { CHROME_BUILD, requireBuild, tempProfile } from './paths';

/**
 * Chromium with the real build whose Threads origins are granted, as a person's "Allow" on
 * the switch's prompt grants them (no test driver can answer that prompt: see
 * optional-sites.e2e.ts), and Threads switched on in storage, which the background follows
 * (it registers the page agent for www.threads.com and www.threads.net).
 */
export async function launchChromiumWithThreads(port: number): Promise<ChromiumRun> {
  const dir = join(tempProfile('build-threads-granted'), 'ext');
  cpSync(requireBuild(CHROME_BUILD), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...optionalSiteOrigins('threads')];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const context = await launchChromiumWithExtension({ extensionDir: dir, port, profileDir: tempProfile('chromium') });
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  const worker = await serviceWorker();
  const run: ChromiumRun = {
    context,
    extensionId: new URL(worker.url()).host,
    install: async () => {
      throw new Error('installed at launch');
    },
    serviceWorker,
    url: (host, path) => `https://${host}${path}`,
    close: () => context.close(),
  };
  await switchThreadsOn(run);
  return run;
}

/** Threads on, the other sites as they were; waits until the agent is registered. */
export async function switchThreadsOn(run: ChromiumRun): Promise<void> {
  const worker = await run.serviceWorker();
  await worker.evaluate(`(async () => {
    const { enabledSites } = await chrome.storage.local.get('enabledSites');
    await chrome.storage.local.set({ enabledSites: { facebook: true, instagram: true, business: true, ...enabledSites, threads: true } });
  })()`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ids = (await worker.evaluate('chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))')) as string[];
    if (ids.includes('spalla-agent-threads')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the page agent was not registered for Threads');
}
