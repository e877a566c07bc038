import { browser, type Browser } from '#imports';
import { sendMessage } from '../messaging/protocol';
import type { SiteKey } from '../settings/items';
import { siteForHost } from '../sites/site-key';

/** What the reinjection did with one tab (kept for the end-to-end tests). */
export interface ReinjectStep {
  tabId: number;
  url: string;
  step: 'not-ours' | 'seen' | 'waiting' | 'gone' | 'live' | 'injecting' | 'injected' | 'failed';
}

/** How long a loading tab is waited for before it is looked at anyway. */
const LOADING_WAIT_MS = 60_000;

/**
 * After an install or update, tabs that were already open hold an orphaned page agent
 * (Chrome cuts it off and never runs a manifest's content scripts in a page that had
 * finished loading), or none at all after a first install, so their sidebar would be
 * dead until the page reloads. Inject a new agent wherever none of ours answers; it
 * removes the host the orphan left behind.
 *
 * A tab still loading gets the manifest's content script by itself (at document_idle,
 * in Chromium and in Firefox): injecting there too would start a second agent (#11).
 * So a loading tab is looked at only once it has finished loading. The agent itself
 * leaves when one of ours already runs in the page (`utils/page-agent/single.ts`), so
 * an agent slow to answer costs an injection, never a second sidebar.
 *
 * `only` narrows the sites looked at: the optional networks (#14) get the agent only where
 * it is registered (`optional-sites.ts`).
 */
export async function injectIntoOpenTabs(
  log: (step: ReinjectStep) => void = () => {},
  only: (site: SiteKey) => boolean = () => true,
): Promise<void> {
  const files = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? [];
  if (files.length === 0) return;
  // Filter by host ourselves: a `url` query is not reliable across browsers. Tab URLs
  // are visible to us for the sites we hold permission for.
  const tabs = await browser.tabs.query({});
  const isOurSite = (url: string | undefined) => {
    const site = siteOf(url);
    return site !== null && only(site);
  };
  for (const tab of tabs) {
    if (typeof tab.id === 'number' && !isOurSite(tab.url)) log({ tabId: tab.id, url: tab.url ?? '', step: 'not-ours' });
  }
  await Promise.allSettled(
    tabs
      .filter((tab) => typeof tab.id === 'number' && !tab.discarded && isOurSite(tab.url))
      .map(async (tab) => {
        const tabId = tab.id!;
        const note = (step: ReinjectStep['step'], url = tab.url ?? '') => log({ tabId, url, step });
        note('seen');
        let current: Browser.tabs.Tab | null = tab;
        if (tab.status !== 'complete') {
          note('waiting');
          current = await loaded(tabId);
          // Closed, or gone to another site, meanwhile.
          if (!current || !isOurSite(current.url)) return note('gone', current?.url);
        }
        if (await hasLiveAgent(tabId)) return note('live');
        note('injecting');
        // Paths read from our own manifest.
        await browser.scripting.executeScript({ target: { tabId }, files: files as never[] }).then(
          () => note('injected'),
          () => note('failed'),
        );
      }),
  );
}

/** The tab once its status is "complete" (or after `LOADING_WAIT_MS`); null if closed.
 * Asked every quarter second: a `tabs.onUpdated` listener added this late in a Chromium
 * service worker missed the "complete" of the e2e test's held page (tests/e2e/one-agent). */
async function loaded(tabId: number): Promise<Browser.tabs.Tab | null> {
  const deadline = Date.now() + LOADING_WAIT_MS;
  for (;;) {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab || tab.status === 'complete' || Date.now() > deadline) return tab;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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

function siteOf(url: string | undefined): SiteKey | null {
  try {
    return url === undefined ? null : siteForHost(new URL(url).hostname);
  } catch {
    return null;
  }
}
