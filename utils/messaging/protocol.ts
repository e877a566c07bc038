import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TableName } from '../db/schema';
import type { PageState } from './page-state';
import type { ReinjectStep } from '../background/reinject';
import type { BrandsProtocol, BrandView } from './features/brands';
import type { OptionalSitesReport } from '../background/optional-sites';
import type { PagePartName } from '../page-agent/parts';
import type { ClipsProtocol } from './features/clips';
import type { HashtagsProtocol } from './features/hashtags';
import type { ComposerText, HashtagSetsProtocol } from './features/hashtag-sets';
import type { RepliesProtocol } from './features/replies';
import type { TimingProtocol } from './features/timing';
import type { SyncProtocol } from './features/sync';

export interface Overview {
  counts: Record<TableName, number>;
  lastBackupAt: number | null;
}

/** Every runtime message between our frames, named by what it does. The background
 * and the page agent check the sender of each before acting (see `sender.ts`). Each
 * feature declares its own messages in `features/<feature>.ts`. */
export interface ProtocolMap extends BrandsProtocol, RepliesProtocol, HashtagsProtocol, HashtagSetsProtocol, TimingProtocol, ClipsProtocol, SyncProtocol {
  // sidebar -> background
  getOverview(): Overview;
  /** Sidebar's close button: the background tells the page agent of the same tab. */
  closeSidebar(): void;
  /** Opens the library page in a new tab (a framed sidebar has no `tabs` API in Firefox),
   * at the section of the sidebar's tab in use (`library.html#<section>`). */
  openLibrary(section?: string): void;
  /** What the reinjection after the last install or update did, tab by tab, and whether
   * it has finished (for the end-to-end tests: Firefox's background is reached only
   * through our pages). */
  getReinjection(): { steps: ReinjectStep[]; done: boolean };
  /** Where the page agent is registered for X, Threads and LinkedIn (#14), once the
   * background has followed the last change of a switch or a permission (for the pages'
   * end-to-end tests: Firefox's background is reached only through our pages). */
  getOptionalSites(): OptionalSitesReport | null;

  // page agent -> background
  pageStateChanged(state: PageState): void;
  /** The page agent's own few strings, in the interface language. */
  getAgentStrings(): Record<string, string>;
  /** Runs one of the agent's parts in the sender's frame (`utils/page-agent/parts.ts`). */
  loadPagePart(name: PagePartName): void;

  // background -> page agent (main frame of one tab)
  toggleSidebar(): { open: boolean };
  setSidebarOpen(open: boolean): void;
  getPageState(): PageState;
  /** Inserts text at the caret of the composer last used on the page (saved replies). */
  insertText(data: { text: string }): { ok: boolean; reason?: string };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Port names for live updates (background -> sidebar). */
export const SIDEBAR_PORT = 'spalla-sidebar';

export type SidebarPortMessage =
  | { type: 'pageState'; state: PageState | null }
  /** The tab's composer text changed (hashtags, #4). */
  | { type: 'composerText'; composer: ComposerText }
  /** The tab's brand in view changed (brands, #13). */
  | { type: 'brandInView'; view: BrandView };
