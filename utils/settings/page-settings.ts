import { browser } from 'wxt/browser';
import type { HashtagPlacement, LanguageChoice, ReplyShortcutKey, SidebarSide, SidebarSiteState, SiteKey, SiteSwitches } from './items';
import { SIDEBAR_DEFAULT_WIDTH } from './plain';

/**
 * The settings the page agent reads, as plain `browser.storage.local` reads and a change
 * listener (issue #16): the same keys, fallbacks and stored values as their items in
 * `items.ts` (`page-settings.test.ts` compares them), without @wxt-dev/storage, whose item
 * machinery (a lock and a read per item when it is defined, migrations) was the largest
 * library in the agent's share of the page's heap (docs/testing.md, "Lighter on the page").
 * Only items at version 1 without migrations can be read this way; an item that gets a
 * migration must be read through `items.ts` again.
 */
export interface PageSetting<T> {
  /** As the item's key: `local:<name>`. */
  readonly key: `local:${string}`;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Called with the new value (or the fallback once removed) when another value is stored. */
  watch(callback: (value: T, old: T) => void): () => void;
}

type Change = { newValue?: unknown; oldValue?: unknown };

function pageSetting<T>(key: `local:${string}`, fallback: T): PageSetting<T> {
  const name = key.slice('local:'.length);
  return {
    key,
    fallback,
    async getValue() {
      const stored = (await browser.storage.local.get(name))[name];
      return (stored ?? fallback) as T;
    },
    async setValue(value) {
      await browser.storage.local.set({ [name]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, Change>, area: string) => {
        const change = changes[name];
        if (area !== 'local' || !change) return;
        // As @wxt-dev/storage: a write of an equal value is no change.
        if (JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback((change.newValue ?? fallback) as T, (change.oldValue ?? fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const closed = { open: false, width: SIDEBAR_DEFAULT_WIDTH };

export const enabledSitesSetting = pageSetting<SiteSwitches>('local:enabledSites', { facebook: true, instagram: true, business: true });
export const languageSetting = pageSetting<LanguageChoice>('local:language', 'auto');
export const sidebarSideSetting = pageSetting<SidebarSide>('local:sidebarSide', 'right');
export const sidebarStateSetting = pageSetting<Record<SiteKey, SidebarSiteState>>('local:sidebarState', {
  facebook: closed,
  instagram: closed,
  business: closed,
  x: closed,
  threads: closed,
  linkedin: closed,
});
export const hashtagsLearnFromFeedSetting = pageSetting<boolean | null>('local:hashtagsLearnFromFeed', null);
export const instagramHashtagLimitSetting = pageSetting<number>('local:instagramHashtagLimit', 5);
export const hashtagPlacementSetting = pageSetting<HashtagPlacement>('local:hashtagPlacement', 'end');
export const replyShortcutPrefixSetting = pageSetting<string>('local:replyShortcutPrefix', ';');
export const replyShortcutKeySetting = pageSetting<ReplyShortcutKey>('local:replyShortcutKey', 'Tab');
