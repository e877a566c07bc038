import { browser } from '#imports';
import { onMessage, sendMessage } from '../messaging/protocol';
import type { SiteKey } from '../settings/items';
import { SIDEBAR_DEFAULT_WIDTH, siteSwitchedOn } from '../settings/plain';
import { enabledSitesSetting, languageSetting, sidebarSideSetting, sidebarStateSetting } from '../settings/page-settings';
import { ADAPTERS } from '../sites';
import { siteForHost } from '../sites/site-key';
import { AgentLifetime } from './lifetime';
import { claimPage } from './single';
import { openPageParts } from './parts';
import { watchPage } from './page-watch';
import { HOST_TAG, SidebarHost, type SidebarHostLabels } from './sidebar-host';
import type { PageFeature, PageFeatureContext } from './feature';
import { clipsFeature } from './features/clips';
import { hashtagsFeature } from './features/hashtags';
import { repliesFeature } from './features/replies';
import { timingFeature } from './features/timing';

/** The in-page features, each started on its own: one that throws leaves the others. */
const FEATURES: PageFeature[] = [repliesFeature, hashtagsFeature, timingFeature, clipsFeature];

/** Until the background answers in the chosen language, the browser's own. */
function browserLabels(): SidebarHostLabels {
  const get = (key: 'sidebarTabOpen' | 'sidebarTabClose' | 'sidebarResize' | 'sidebarFrameTitle') =>
    browser.i18n.getMessage(key) || key;
  return {
    open: get('sidebarTabOpen'),
    close: get('sidebarTabClose'),
    resize: get('sidebarResize'),
    frameTitle: get('sidebarFrameTitle'),
  };
}

export async function startPageAgent(): Promise<void> {
  const site = siteForHost(location.hostname);
  if (!site || window.top !== window) return;
  const adapter = ADAPTERS[site];
  const life = new AgentLifetime();
  // A second copy of this same agent (manifest script + reinjection) leaves at once,
  // before it removes, adds or listens to anything.
  if (!claimPage(life)) return;

  // An earlier agent (cut off by an extension update) may have left its host behind.
  // Removing it moves focus out of its iframe, which may make the old agent remove it
  // first, from its own blur handler: hence the catch.
  for (const stale of document.querySelectorAll(HOST_TAG)) {
    try {
      stale.remove();
    } catch {
      /* already gone */
    }
  }

  const [enabled, side, sidebarStates] = await Promise.all([
    enabledSitesSetting.getValue(),
    sidebarSideSetting.getValue(),
    sidebarStateSetting.getValue(),
  ]);
  if (!life.isValid) return;
  const remembered = sidebarStates[site] ?? { open: false, width: SIDEBAR_DEFAULT_WIDTH };
  // Each feature's heavier code loads when first needed (`parts.ts`).
  const parts = openPageParts(life, (name) => sendMessage('loadPagePart', name));

  const host = new SidebarHost({
    side,
    width: remembered.width,
    sidebarUrl: browser.runtime.getURL(`/sidebar.html?site=${site}`),
    labels: browserLabels(),
    onToggle: (open) => life.isValid && setOpen(open),
    onResize: (width) => {
      void rememberSidebar(site, { width });
      watcher.refresh(); // a wider panel may now cover the box in use
    },
  });
  life.onEnd(() => host.destroy());

  const watcher = watchPage(
    life,
    adapter,
    (state) => {
      host.setTheme(state.theme);
      sendMessage('pageStateChanged', state).catch(() => {});
    },
    () => host.panelRect(),
  );

  const sidebarHandlers: ((open: boolean) => void)[] = [];
  let announcedOpen: boolean | null = null;
  /** Tells the features that the sidebar opened or closed (once per change). */
  function announceSidebar() {
    const open = host.isOpen && enabledNow;
    if (open === announcedOpen) return;
    announcedOpen = open;
    for (const handler of sidebarHandlers) {
      try {
        handler(open);
      } catch (error) {
        console.warn('[Spalla] a page feature failed on the sidebar opening or closing', error);
      }
    }
  }

  function setOpen(open: boolean) {
    host.setOpen(open);
    watcher.refresh();
    announceSidebar();
    void rememberSidebar(site!, { open });
  }

  function place(on: boolean) {
    if (on && !host.element.isConnected) document.documentElement.append(host.element);
    if (!on) host.element.remove();
  }

  place(siteSwitchedOn(enabled, site));
  host.setOpen(remembered.open);
  host.setTheme(watcher.current().theme);

  // Single-page apps sometimes rebuild the document; keep exactly one host in it.
  let enabledNow = siteSwitchedOn(enabled, site);
  life.observe(document.documentElement, { childList: true }, () => {
    if (!host.element.isConnected && enabledNow) place(true);
  });

  const unwatch = [
    enabledSitesSetting.watch((value) => {
      enabledNow = siteSwitchedOn(value, site);
      place(enabledNow);
      announceSidebar();
    }),
    sidebarSideSetting.watch((value) => {
      host.setSide(value);
      watcher.refresh();
    }),
    // The sidebar's "make it narrower" (the box in use is covered) writes the width.
    sidebarStateSetting.watch((value) => {
      const width = value?.[site!]?.width;
      if (width === undefined || width === host.currentWidth) return;
      host.setWidth(width);
      watcher.refresh();
    }),
    languageSetting.watch(() => void loadLabels()),
  ];
  life.onEnd(() => unwatch.forEach((stop) => stop()));

  // Messages come only from our background (tabs.sendMessage); check anyway.
  const fromUs = (sender: { id?: string }) => sender.id === browser.runtime.id;
  const removers = [
    onMessage('toggleSidebar', ({ sender }) => {
      if (!fromUs(sender) || !enabledNow) return { open: host.isOpen };
      setOpen(!host.isOpen);
      if (host.isOpen) host.focusFrame();
      return { open: host.isOpen };
    }),
    onMessage('setSidebarOpen', ({ sender, data }) => {
      if (fromUs(sender) && enabledNow) setOpen(data === true);
    }),
    onMessage('getPageState', ({ sender }) => {
      if (!fromUs(sender)) throw new Error('refused');
      return watcher.current();
    }),
    onMessage('insertText', async ({ sender, data }) => {
      if (!fromUs(sender)) throw new Error('refused');
      if (typeof data?.text !== 'string' || data.text.length === 0 || data.text.length > 20_000) {
        return { ok: false, reason: 'bad-text' };
      }
      const composer = watcher.lastComposer();
      if (!composer) return { ok: false, reason: 'no-composer' };
      try {
        return await (await parts.load('composer')).insert(composer, data.text);
      } catch {
        return { ok: false, reason: 'error' };
      }
    }),
  ];
  life.onEnd(() => removers.forEach((remove) => remove()));

  const featureContext: PageFeatureContext = {
    life,
    site,
    adapter,
    watcher,
    enabled: () => enabledNow,
    setSidebarOpen: (open) => setOpen(open),
    focusSidebar: () => host.focusFrame(),
    onSidebar: (handler) => {
      sidebarHandlers.push(handler);
      if (announcedOpen !== null) handler(announcedOpen);
    },
    fromUs,
    load: parts.load,
    send: sendMessage,
    browserMessage: (key) => browser.i18n.getMessage(key as never),
  };
  for (const feature of FEATURES) {
    try {
      feature.init(featureContext);
    } catch (error) {
      console.warn(`[Spalla] page feature "${feature.id}" failed to start`, error);
    }
  }
  announceSidebar();

  // The edge tab's own words, in the interface language the user chose.
  async function loadLabels() {
    const strings = await sendMessage('getAgentStrings').catch(() => null);
    if (strings && life.isValid) host.setLabels({ ...browserLabels(), ...pickLabels(strings) });
  }
  void loadLabels();
}

function pickLabels(strings: Record<string, string>): Partial<SidebarHostLabels> {
  const out: Partial<SidebarHostLabels> = {};
  if (strings.sidebarTabOpen) out.open = strings.sidebarTabOpen;
  if (strings.sidebarTabClose) out.close = strings.sidebarTabClose;
  if (strings.sidebarResize) out.resize = strings.sidebarResize;
  if (strings.sidebarFrameTitle) out.frameTitle = strings.sidebarFrameTitle;
  return out;
}

async function rememberSidebar(site: SiteKey, change: Partial<{ open: boolean; width: number }>) {
  const all = await sidebarStateSetting.getValue();
  await sidebarStateSetting.setValue({ ...all, [site]: { ...all[site], ...change } });
}
