import { browser } from '#imports';
import { enabledSitesItem, siteSwitchedOn, type OptionalSiteKey, type SiteKey } from '../settings/items';
import { OPTIONAL_SITE_ORIGINS, OPTIONAL_SITES } from '../sites/networks';
import { injectIntoOpenTabs, type ReinjectStep } from './reinject';

/**
 * The page agent on X, Threads and LinkedIn (#14). Their host permissions are optional, so
 * the manifest cannot declare the agent there: it is registered with
 * `scripting.registerContentScripts` (Chromium MV3, and Firefox MV2 since 102) for each
 * network that is switched on AND whose permission the user granted, and unregistered when
 * either stops being true. Registered scripts persist across sessions (Chromium's default;
 * Firefox since 105, bugzilla.mozilla.org 1751436); the background still compares what is
 * registered with what should be at every start, so a permission taken back in the
 * browser's own settings while Spalla was not running is noticed.
 *
 * The switch in the popup or the library asks for the permission (a user gesture is needed
 * there) and writes the switch; this module only follows the two, so a popup that closes
 * while the browser asks (Firefox) loses nothing: `permissions.onAdded` arrives here.
 *
 * A network switched on with its site already open gets the agent at once: the open tabs
 * are injected like after an update (`reinject.ts`), without a reload.
 */

const SCRIPT_ID_PREFIX = 'spalla-agent-';

function scriptId(site: OptionalSiteKey): string {
  return `${SCRIPT_ID_PREFIX}${site}`;
}

/** The page agent's files, as the manifest names them for the three Meta sites, relative to
 * the extension's root (Firefox's `getManifest()` gives full moz-extension:// addresses,
 * which `registerContentScripts` refuses). */
function agentFiles(): string[] {
  const root = browser.runtime.getURL('/');
  return (browser.runtime.getManifest().content_scripts?.flatMap((script) => script.js ?? []) ?? []).map((file) =>
    file.startsWith(root) ? file.slice(root.length) : file,
  );
}

/** Whether the user granted every page origin of `site`. */
export async function sitePermitted(site: OptionalSiteKey): Promise<boolean> {
  return browser.permissions.contains({ origins: OPTIONAL_SITE_ORIGINS[site].pages }).catch(() => false);
}

/** The optional networks whose agent should run now: switched on and permitted. */
export async function activeOptionalSites(): Promise<OptionalSiteKey[]> {
  const switches = await enabledSitesItem.getValue();
  const on = OPTIONAL_SITES.filter((site) => siteSwitchedOn(switches, site));
  const permitted = await Promise.all(on.map(sitePermitted));
  return on.filter((_, i) => permitted[i]);
}

/** What the last synchronisation did, for the end-to-end tests. */
export interface OptionalSitesReport {
  registered: OptionalSiteKey[];
  added: OptionalSiteKey[];
  removed: OptionalSiteKey[];
  injected: ReinjectStep[];
  /** Why the last synchronisation failed, if it did. */
  error?: string;
}

/** Registers the agent for the networks that should have it and unregisters it elsewhere;
 * injects it into the open tabs of a network that just got it. */
export async function syncOptionalSites(): Promise<OptionalSitesReport> {
  const files = agentFiles();
  const wanted = new Set(await activeOptionalSites());
  const existing = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  const have = new Set(
    existing
      .map((script) => script.id)
      .filter((id) => id.startsWith(SCRIPT_ID_PREFIX))
      .map((id) => id.slice(SCRIPT_ID_PREFIX.length) as OptionalSiteKey),
  );
  const added = OPTIONAL_SITES.filter((site) => wanted.has(site) && !have.has(site));
  const removed = [...have].filter((site) => !wanted.has(site));
  if (removed.length) {
    await browser.scripting.unregisterContentScripts({ ids: removed.map(scriptId) }).catch(() => {});
  }
  if (added.length && files.length) {
    await browser.scripting.registerContentScripts(
      added.map((site) => ({
        id: scriptId(site),
        matches: OPTIONAL_SITE_ORIGINS[site].pages,
        js: files,
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  const injected: ReinjectStep[] = [];
  if (added.length) {
    const newly = new Set<SiteKey>(added);
    await injectIntoOpenTabs((step) => injected.push(step), (site) => newly.has(site));
  }
  return { registered: [...wanted], added, removed, injected };
}

/** Keeps the registrations in step with the switches and the permissions, from now on. */
export function followOptionalSites(onReport: (report: OptionalSitesReport) => void = () => {}): () => Promise<void> {
  // One synchronisation at a time: a second change waits for the first to finish.
  let queue: Promise<void> = Promise.resolve();
  const sync = () => {
    queue = queue.then(() =>
      syncOptionalSites().then(onReport, (error) => {
        console.warn('[Spalla] optional sites', error);
        onReport({ registered: [], added: [], removed: [], injected: [], error: String(error) });
      }),
    );
    return queue;
  };
  enabledSitesItem.watch(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  void sync();
  return () => queue;
}
