import { browser, type Browser } from '#imports';
import { countAll } from '../db/wipe';
import { getDb } from '../db/app-db';
import { loadTranslator } from '../i18n/catalog';
import { isFromExtensionPage, isFromPageAgent, isFromSidebar } from '../messaging/sender';
import type { PageState } from '../messaging/page-state';
import { onMessage, sendMessage } from '../messaging/protocol';
import { backupStatusItem } from '../settings/items';
import { isLibrarySection, openLibraryTab } from '../library-tab';
import { isOptionalSite } from '../sites/networks';
import { activeOptionalSites, followOptionalSites, type OptionalSitesReport } from './optional-sites';
import { injectIntoOpenTabs, type ReinjectStep } from './reinject';
import { SidebarPorts } from './sidebar-ports';
import { answerPagePartRequests } from './page-parts';
import type { BackgroundContext } from './context';
import { startBrandInView } from './brand-in-view';
import { startClips } from './features/clips';
import { startHashtags } from './features/hashtags';
import { startHashtagSets } from './features/hashtag-sets';
import { startReplies } from './features/replies';
import { startRepliesStarter } from './features/replies-starter';
import { startTiming } from './features/timing';
import { startSync } from './features/sync';

/** Strings the page agent shows itself (its edge tab); everything else is in the sidebar. */
const AGENT_STRING_KEYS = ['sidebarTabOpen', 'sidebarTabClose', 'sidebarResize', 'sidebarFrameTitle'];

function extensionOrigin() {
  return browser.runtime.getURL('/');
}

async function askPageState(tabId: number): Promise<PageState | null> {
  try {
    return await sendMessage('getPageState', undefined, { tabId, frameId: 0 });
  } catch {
    return null; // No agent in that tab (site switched off, or still loading).
  }
}

/** Runs a keyboard command against a tab. Exposed on the service worker's global as
 * `spalla.handleCommand` so that end-to-end tests can reach it (test drivers cannot
 * press browser commands); page scripts cannot reach a service worker's global. */
export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<{ open: boolean } | null> {
  const target = tab?.id != null ? tab : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id == null) return null;
  if (command === 'toggle-sidebar') {
    try {
      return await sendMessage('toggleSidebar', undefined, { tabId: target.id, frameId: 0 });
    } catch {
      return null; // Not one of our sites, or Spalla is off there.
    }
  }
  return null;
}

/** Asks the page agent of a tab to insert text at its last composer's caret. Exposed as
 * `spalla.insertText` for end-to-end tests (the sidebar will call it next). */
export async function insertText(tabId: number, text: string): Promise<{ ok: boolean; reason?: string }> {
  try {
    return await sendMessage('insertText', { text }, { tabId, frameId: 0 });
  } catch {
    return { ok: false, reason: 'no-agent' };
  }
}

async function overview() {
  const db = getDb();
  const counts = await countAll(db);
  const { lastBackupAt } = await backupStatusItem.getValue();
  return { counts, lastBackupAt };
}

export function startBackground(): void {
  const ports = new SidebarPorts(askPageState);
  ports.listen();

  onMessage('getOverview', ({ sender }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin())) throw new Error('refused');
    return overview();
  });

  onMessage('closeSidebar', async ({ sender }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin())) throw new Error('refused');
    await sendMessage('setSidebarOpen', false, { tabId: sender.tab!.id!, frameId: 0 });
  });

  onMessage('openLibrary', async ({ sender, data }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin())) throw new Error('refused');
    // Only a known section becomes the address's hash; anything else opens the default.
    await openLibraryTab({ hash: isLibrarySection(data) ? `#${data}` : '', afterIndex: sender.tab?.index });
  });

  onMessage('pageStateChanged', ({ sender, data }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    ports.update(sender.tab!.id!, data);
  });

  onMessage('getAgentStrings', async ({ sender }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    const { t } = await loadTranslator();
    return Object.fromEntries(AGENT_STRING_KEYS.map((key) => [key, t(key)]));
  });

  answerPagePartRequests();

  browser.commands.onCommand.addListener((command, tab) => void handleCommand(command, tab));

  // What the reinjection did, for the end-to-end tests (`reinjectLog`, `reinjected`,
  // and the `getReinjection` message in Firefox).
  const reinjectLog: ReinjectStep[] = [];
  let reinjection: Promise<void> = Promise.resolve();
  let reinjectionDone = true;
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    reinjectionDone = false;
    // The optional networks only where their agent is registered (switched on, permitted).
    reinjection = activeOptionalSites()
      .then((active) => injectIntoOpenTabs((step) => reinjectLog.push(step), (site) => !isOptionalSite(site) || active.includes(site)))
      .finally(() => {
        reinjectionDone = true;
      });
  });
  onMessage('getReinjection', ({ sender }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin())) throw new Error('refused');
    return { steps: reinjectLog.slice(), done: reinjectionDone };
  });

  // X, Threads and LinkedIn (#14): the agent registered where switched on and permitted.
  let optionalSitesReport: OptionalSitesReport | null = null;
  const optionalSitesSettled = followOptionalSites((report) => {
    optionalSitesReport = report;
  });
  onMessage('getOptionalSites', async ({ sender }) => {
    if (!isFromExtensionPage(sender, browser.runtime.id, extensionOrigin())) throw new Error('refused');
    await optionalSitesSettled();
    return optionalSitesReport;
  });

  const testHooks: Record<string, unknown> = {
    optionalSites: async () => {
      await optionalSitesSettled();
      return optionalSitesReport;
    },
    handleCommand,
    insertText,
    reinjectLog: () => reinjectLog.slice(),
    reinjected: () => reinjection,
    // The page state the agent of a tab last pushed (`pageStateChanged`), as the sidebar got it.
    pageState: (tabId: number) => ports.lastState(tabId),
  };
  (globalThis as unknown as { spalla: object }).spalla = testHooks;

  const ctx: BackgroundContext = {
    ports,
    extensionOrigin: extensionOrigin(),
    expose: (name, fn) => {
      testHooks[name] = fn;
    },
  };
  for (const start of [startBrandInView, startReplies, startRepliesStarter, startHashtags, startHashtagSets, startTiming, startClips, startSync]) {
    try {
      start(ctx);
    } catch (error) {
      // One broken feature must not take the others (or the sidebar) down with it.
      console.error('[Spalla] a feature failed to start', error);
    }
  }
}
