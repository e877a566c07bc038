import { browser, type Browser } from '#imports';
import { isFromSidebar } from '../messaging/sender';
import type { PageState } from '../messaging/page-state';
import { SIDEBAR_PORT, type SidebarPortMessage } from '../messaging/protocol';

type Port = Browser.runtime.Port;

/** Live updates from the background to each tab's sidebar: the sidebar opens a port
 * when it loads; the background pushes that tab's page state into it. */
export class SidebarPorts {
  private readonly ports = new Map<number, Set<Port>>();
  private readonly states = new Map<number, PageState>();
  private readonly stateListeners = new Set<(tabId: number, state: PageState) => void>();

  constructor(private readonly askPageState: (tabId: number) => Promise<PageState | null>) {}

  listen(): void {
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== SIDEBAR_PORT) return;
      const sender = port.sender;
      const origin = browser.runtime.getURL('/');
      if (!sender || !isFromSidebar(sender, browser.runtime.id, origin)) {
        port.disconnect();
        return;
      }
      const tabId = sender.tab!.id!;
      const set = this.ports.get(tabId) ?? new Set();
      set.add(port);
      this.ports.set(tabId, set);
      port.onDisconnect.addListener(() => {
        set.delete(port);
        if (set.size === 0) this.ports.delete(tabId);
      });
      void this.sendCurrent(tabId, port);
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      this.states.delete(tabId);
      this.ports.delete(tabId);
    });
  }

  /** The page agent of `tabId` reported a new state. */
  update(tabId: number, state: PageState): void {
    this.states.set(tabId, state);
    this.post(tabId, { type: 'pageState', state });
    for (const listener of this.stateListeners) listener(tabId, state);
  }

  /** Calls `listener` with every state a page agent reports (the brand in view follows it). */
  onState(listener: (tabId: number, state: PageState) => void): void {
    this.stateListeners.add(listener);
  }

  /** The tab's page state: the last one reported, else asked of its page agent (after the
   * background was stopped and started again). */
  async current(tabId: number): Promise<PageState | null> {
    const state = this.states.get(tabId) ?? (await this.askPageState(tabId));
    if (state) this.states.set(tabId, state);
    return state;
  }

  /** Tabs with a sidebar connected now. */
  connectedTabs(): number[] {
    return [...this.ports.keys()];
  }

  /** The state the page agent of `tabId` last reported (for the end-to-end tests). */
  lastState(tabId: number): PageState | null {
    return this.states.get(tabId) ?? null;
  }

  private async sendCurrent(tabId: number, port: Port) {
    const state = await this.current(tabId);
    try {
      port.postMessage({ type: 'pageState', state: state ?? null } satisfies SidebarPortMessage);
    } catch {
      // The sidebar closed meanwhile.
    }
  }

  /** Sends a live update to every sidebar of `tabId` (features push their own messages). */
  post(tabId: number, message: SidebarPortMessage) {
    for (const port of this.ports.get(tabId) ?? []) {
      try {
        port.postMessage(message);
      } catch {
        // Disconnected; onDisconnect cleans up.
      }
    }
  }
}
