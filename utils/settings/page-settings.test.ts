import { describe, expect, it, vi } from 'vitest';
import * as items from './items';
import * as page from './page-settings';

/** Each page setting beside its item in items.ts. */
const PAIRS = [
  [page.enabledSitesSetting, items.enabledSitesItem],
  [page.languageSetting, items.languageItem],
  [page.sidebarSideSetting, items.sidebarSideItem],
  [page.sidebarStateSetting, items.sidebarStateItem],
  [page.hashtagsLearnFromFeedSetting, items.hashtagsLearnFromFeedItem],
  [page.instagramHashtagLimitSetting, items.instagramHashtagLimitItem],
  [page.hashtagPlacementSetting, items.hashtagPlacementItem],
  [page.replyShortcutPrefixSetting, items.replyShortcutPrefixItem],
  [page.replyShortcutKeySetting, items.replyShortcutKeyItem],
] as const;

describe('page settings (the page agent reads them without @wxt-dev/storage)', () => {
  it('covers every setting the page agent uses, with its item key and fallback', () => {
    expect(PAIRS.map(([setting]) => setting)).toEqual(Object.values(page));
    for (const [setting, item] of PAIRS) {
      expect(setting.key).toBe(item.key);
      expect(setting.fallback).toEqual(item.fallback);
    }
  });

  it('reads what the item wrote, and the fallback when nothing or null is stored', async () => {
    expect(await page.sidebarSideSetting.getValue()).toBe('right');
    await items.sidebarSideItem.setValue('left');
    expect(await page.sidebarSideSetting.getValue()).toBe('left');
    await items.hashtagsLearnFromFeedItem.setValue(true);
    expect(await page.hashtagsLearnFromFeedSetting.getValue()).toBe(true);
    await items.hashtagsLearnFromFeedItem.setValue(null);
    expect(await page.hashtagsLearnFromFeedSetting.getValue()).toBeNull();
  });

  it('writes what the item reads', async () => {
    const state = { ...items.sidebarStateItem.fallback, facebook: { open: true, width: 420 } };
    await page.sidebarStateSetting.setValue(state);
    expect(await items.sidebarStateItem.getValue()).toEqual(state);
  });

  it('tells a change of its own key only, not a write of an equal value, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = page.replyShortcutPrefixSetting.watch(seen);
    await items.replyShortcutPrefixItem.setValue('//');
    await items.replyShortcutKeyItem.setValue('Space');
    await items.replyShortcutPrefixItem.setValue('//');
    expect(seen.mock.calls).toEqual([['//', ';']]);
    await items.replyShortcutPrefixItem.removeValue();
    expect(seen.mock.calls.at(-1)).toEqual([';', '//']);
    stop();
    await items.replyShortcutPrefixItem.setValue('!!');
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
