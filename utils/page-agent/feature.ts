import type { sendMessage } from '../messaging/protocol';
import type { SiteKey } from '../settings/items';
import type { SiteAdapter } from '../sites/types';
import type { AgentLifetime } from './lifetime';
import type { PageWatcher } from './page-watch';
import type { PageParts, PagePartName } from './parts';

/** What the page agent gives each in-page feature (`features/<feature>.ts`) and each part
 * loaded on demand (`parts.ts`). Every listener, observer and timer a feature makes goes
 * through `life`, so an extension update or the site being switched off tears it all down. */
export interface PageFeatureContext {
  life: AgentLifetime;
  site: SiteKey;
  adapter: SiteAdapter;
  watcher: PageWatcher;
  /** Spalla is switched on for this site right now. */
  enabled(): boolean;
  /** Opens or closes the sidebar (and remembers it, as a click on the edge tab does). */
  setSidebarOpen(open: boolean): void;
  /** Moves the keyboard focus into the open sidebar. */
  focusSidebar(): void;
  /** Calls `handler` with the sidebar's state now and each time it opens or closes. */
  onSidebar(handler: (open: boolean) => void): void;
  /** A runtime message really comes from our own extension. */
  fromUs(sender: { id?: string }): boolean;
  /** Loads a part of the agent (once) and gives it. */
  load<N extends PagePartName>(name: N): Promise<PageParts[N]>;
  /** The agent's messaging, for parts (which must not bundle their own). */
  send: typeof sendMessage;
  /** A string of the browser's own language (`browser.i18n.getMessage`), for parts. */
  browserMessage(key: string): string;
}

/** One in-page feature: clip buttons, shortcut expansion, hashtag harvest, ... */
export interface PageFeature {
  id: string;
  init(ctx: PageFeatureContext): void;
}
