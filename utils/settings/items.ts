import { storage } from '#imports';

/** Every setting the content scripts need at once lives here, in `browser.storage`,
 * as versioned items. Bump an item's `version` and add a migration when its shape
 * changes. */

export type SiteKey = 'facebook' | 'instagram' | 'business';
export type LanguageChoice = 'auto' | 'en' | 'it';
export type SidebarSide = 'left' | 'right';

export interface SiteSwitches {
  facebook: boolean;
  instagram: boolean;
  business: boolean;
}

export const enabledSitesItem = storage.defineItem<SiteSwitches>('local:enabledSites', {
  fallback: { facebook: true, instagram: true, business: true },
  version: 1,
});

export const languageItem = storage.defineItem<LanguageChoice>('local:language', {
  fallback: 'auto',
  version: 1,
});

export const sidebarSideItem = storage.defineItem<SidebarSide>('local:sidebarSide', {
  fallback: 'right',
  version: 1,
});

/** IANA time zone of the audience; null = the browser's own zone. */
export const defaultTimeZoneItem = storage.defineItem<string | null>('local:defaultTimeZone', {
  fallback: null,
  version: 1,
});

export interface SidebarSiteState {
  open: boolean;
  /** CSS pixels. */
  width: number;
}

export const SIDEBAR_MIN_WIDTH = 280;
export const SIDEBAR_MAX_WIDTH = 640;
export const SIDEBAR_DEFAULT_WIDTH = 360;

/** Open/closed and width, remembered per site. */
export const sidebarStateItem = storage.defineItem<Record<SiteKey, SidebarSiteState>>('local:sidebarState', {
  fallback: {
    facebook: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    instagram: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    business: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
  },
  version: 1,
});

/** The sidebar tab last shown (an id from `entrypoints/sidebar/tabs.tsx`); null = the first. */
export const sidebarTabItem = storage.defineItem<string | null>('local:sidebarTab', {
  fallback: null,
  version: 1,
});

export interface BackupStatus {
  /** When the user last exported a backup (epoch ms). */
  lastBackupAt: number | null;
  /** When any stored record last changed (epoch ms). */
  dataChangedAt: number | null;
}

export const backupStatusItem = storage.defineItem<BackupStatus>('local:backupStatus', {
  fallback: { lastBackupAt: null, dataChangedAt: null },
  version: 1,
});

/** A text the user chose to use as a draft (e.g. "use as draft" on a clip in the
 * library): the sidebar offers it, ready to insert into a composer, until used or
 * dismissed. */
export interface DraftToInsert {
  text: string;
  /** Without "#". */
  hashtags: string[];
  /** Where it came from, e.g. a clip id. */
  sourceId: string | null;
  createdAt: number;
}

export const draftToInsertItem = storage.defineItem<DraftToInsert | null>('local:draftToInsert', {
  fallback: null,
  version: 1,
});

export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT_WIDTH;
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, width)));
}

// Saved replies (#3): typed shortcuts.

/** Typed before a reply's shortcut (";ciao"). Never empty: see `validShortcutPrefix`. */
export const replyShortcutPrefixItem = storage.defineItem<string>('local:replyShortcutPrefix', {
  fallback: ';',
  version: 1,
});

export type ReplyShortcutKey = 'Tab' | 'Space';

/** The key that expands a typed shortcut. */
export const replyShortcutKeyItem = storage.defineItem<ReplyShortcutKey>('local:replyShortcutKey', {
  fallback: 'Tab',
  version: 1,
});
