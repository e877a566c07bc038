import { browser } from '#imports';
import { SITE_MATCHES } from '../sites/matches';

/** Chrome does not run a manifest's content scripts in tabs that were already open
 * when the extension is installed or updated: the old page agent is cut off (WXT's
 * context notices and removes its host) and these tabs would have no sidebar until
 * reloaded. Inject the new agent into them. Firefox injects by itself. */
export async function injectIntoOpenTabs(): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return;
  const tabs = await browser.tabs.query({ url: SITE_MATCHES });
  await Promise.allSettled(
    tabs
      .filter((tab) => typeof tab.id === 'number' && !tab.discarded)
      .map((tab) => browser.scripting.executeScript({ target: { tabId: tab.id! }, files: files as never[] /* paths read from our own manifest */ })),
  );
}
