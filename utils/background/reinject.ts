import { browser } from '#imports';
import { sendMessage } from '../messaging/protocol';
import { siteForHost } from '../sites/site-key';

/** After an install or update, tabs that were already open hold an orphaned page agent:
 * Chrome cuts it off and never runs a manifest's content scripts there, so their
 * sidebar would be dead until the page reloads. Inject a new agent wherever none of ours
 * answers; it removes the host the orphan left behind. (Firefox keeps a reloaded
 * add-on's agent running: it answers, and nothing is injected.) */
/** What the reinjection did with one tab (kept for the end-to-end tests). */
export interface ReinjectStep {
  tabId: number;
  url: string;
  step: 'not-ours' | 'seen' | 'live' | 'injecting' | 'injected' | 'failed';
}

export async function injectIntoOpenTabs(log: (step: ReinjectStep) => void = () => {}): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return;
  // Filter by host ourselves: a `url` query is not reliable across browsers. Tab URLs
  // are visible to us for the sites we hold permission for.
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (typeof tab.id === 'number' && !isOurSite(tab.url)) log({ tabId: tab.id, url: tab.url ?? '', step: 'not-ours' });
  }
  await Promise.allSettled(
    tabs
      .filter((tab) => typeof tab.id === 'number' && !tab.discarded && isOurSite(tab.url))
      .map(async (tab) => {
        const note = (step: ReinjectStep['step']) => log({ tabId: tab.id!, url: tab.url ?? '', step });
        note('seen');
        if (await hasLiveAgent(tab.id!)) return note('live');
        note('injecting');
        // Paths read from our own manifest.
        await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: files as never[] }).then(
          () => note('injected'),
          () => note('failed'),
        );
      }),
  );
}

/** An agent of this extension instance answers; an orphan cannot. */
async function hasLiveAgent(tabId: number): Promise<boolean> {
  const answer = sendMessage('getPageState', undefined, { tabId, frameId: 0 }).then(
    (state) => state != null,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000));
  return Promise.race([answer, timeout]);
}

function isOurSite(url: string | undefined): boolean {
  try {
    return url !== undefined && siteForHost(new URL(url).hostname) !== null;
  } catch {
    return false;
  }
}
