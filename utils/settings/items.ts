import { storage } from '#imports';
import { SIDEBAR_DEFAULT_WIDTH } from './plain';

export { clampSidebarWidth, feedLearningAllowed, SIDEBAR_DEFAULT_WIDTH, SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH, siteSwitchedOn } from './plain';

/** Every setting the content scripts need at once lives here, in `browser.storage`,
 * as versioned items. Bump an item's `version` and add a migration when its shape
 * changes.
 *
 * Each `defineItem` is marked pure (`@__PURE__`), so a bundle keeps only the items it uses:
 * defining one reads it from storage at once (@wxt-dev/storage's `defineItem` runs
 * `getOrInitValue` after its migrations), and the page agent, on every page load (issue #16),
 * used to define all of them. */

export type SiteKey = 'facebook' | 'instagram' | 'business' | OptionalSiteKey;
/** The networks whose host permission is optional (#14): asked for when the user switches
 * one on, never at install or update (`utils/sites/networks.ts`). */
export type OptionalSiteKey = 'x' | 'threads' | 'linkedin';
export type LanguageChoice = 'auto' | 'en' | 'it';
export type SidebarSide = 'left' | 'right';

/** On/off per site. The optional networks (#14) are off until the user switches one on and
 * grants its permission; a value stored before they existed lacks them, which reads as off
 * (`siteSwitchedOn`). */
export interface SiteSwitches {
  facebook: boolean;
  instagram: boolean;
  business: boolean;
  x?: boolean;
  threads?: boolean;
  linkedin?: boolean;
}

export const enabledSitesItem = /* @__PURE__ */ storage.defineItem<SiteSwitches>('local:enabledSites', {
  fallback: { facebook: true, instagram: true, business: true },
  version: 1,
});

export const languageItem = /* @__PURE__ */ storage.defineItem<LanguageChoice>('local:language', {
  fallback: 'auto',
  version: 1,
});

export const sidebarSideItem = /* @__PURE__ */ storage.defineItem<SidebarSide>('local:sidebarSide', {
  fallback: 'right',
  version: 1,
});

/** IANA time zone of the audience; null = the browser's own zone. */
export const defaultTimeZoneItem = /* @__PURE__ */ storage.defineItem<string | null>('local:defaultTimeZone', {
  fallback: null,
  version: 1,
});

export interface SidebarSiteState {
  open: boolean;
  /** CSS pixels. */
  width: number;
}

/** Open/closed and width, remembered per site. */
export const sidebarStateItem = /* @__PURE__ */ storage.defineItem<Record<SiteKey, SidebarSiteState>>('local:sidebarState', {
  fallback: {
    facebook: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    instagram: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    business: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    x: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    threads: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
    linkedin: { open: false, width: SIDEBAR_DEFAULT_WIDTH },
  },
  version: 1,
});

/** The sidebar tab last shown (an id from `entrypoints/sidebar/tabs.tsx`); null = the first. */
export const sidebarTabItem = /* @__PURE__ */ storage.defineItem<string | null>('local:sidebarTab', {
  fallback: null,
  version: 1,
});

export interface BackupStatus {
  /** When the user last exported a backup (epoch ms). */
  lastBackupAt: number | null;
  /** When any stored record last changed (epoch ms). */
  dataChangedAt: number | null;
}

export const backupStatusItem = /* @__PURE__ */ storage.defineItem<BackupStatus>('local:backupStatus', {
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

export const draftToInsertItem = /* @__PURE__ */ storage.defineItem<DraftToInsert | null>('local:draftToInsert', {
  fallback: null,
  version: 1,
});

/** Clipping (#6): the largest full image kept per clipped image, in bytes; a bigger one
 * is scaled down to fit, and 0 keeps thumbnails only. */
export const CLIPS_FULL_IMAGE_LIMITS = [0, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000] as const;
export const clipsFullImageLimitItem = /* @__PURE__ */ storage.defineItem<number>('local:clipsFullImageLimit', {
  fallback: 2_000_000,
  version: 1,
});

/** Clipping (#6): what the last clip did, so the sidebar's Ideas tab (in whichever tab
 * the user clipped from) shows the clip just saved, or why it was not saved. */
export interface LastCapture {
  clipId: string | null;
  /** Why nothing was saved: 'quota', 'no-post', 'invalid', 'error'. */
  error: string | null;
  /** The clip existed already and was updated. */
  updated: boolean;
  at: number;
  /** The address of the page it was clipped from, when known: the report belongs to it. */
  pageUrl?: string;
  /** The brand in view is shared read-only (#15): see `CaptureResult`. */
  readOnly?: 'all-brands' | 'unchanged';
}

export const clipsLastCaptureItem = /* @__PURE__ */ storage.defineItem<LastCapture | null>('local:clipsLastCapture', {
  fallback: null,
  version: 1,
});

/** Hashtag suggestions (issue #4): learn hashtags and their co-occurrence (never the
 * post, its author or its text) from posts scrolled past on Facebook and Instagram.
 *
 * Asked first (issue #12): `null` means the user has not answered, and nothing is
 * learned until they say yes in the sidebar's first-run question (or turn it on in
 * Settings); `true`/`false` is their answer. The page agent's harvest and the background
 * both check it with `feedLearningAllowed`.
 *
 * Existing users: this used to fall back to `true` and the sidebar only *told* that it
 * was on. WXT stores nothing until a value is set (@wxt-dev/storage `defineItem`: the
 * fallback is not written), so a user who never moved a switch has no value stored and
 * now reads `null`: learning stops and they are asked, like a new user, even if they
 * dismissed the old notice (that was not a yes). A user who moved a switch has `true` or
 * `false` stored: that was their own answer, and it is kept. No stored value changes
 * shape, so no version bump or migration is needed. */
export const hashtagsLearnFromFeedItem = /* @__PURE__ */ storage.defineItem<boolean | null>('local:hashtagsLearnFromFeed', {
  fallback: null,
  version: 1,
});

// Hashtags in the sidebar (#4)

/** How many hashtags Instagram links per post: 5 since December 2025, 30 before; any
 * other number the user sets (1-30). See `utils/hashtags/limits.ts`. */
export const instagramHashtagLimitItem = /* @__PURE__ */ storage.defineItem<number>('local:instagramHashtagLimit', {
  fallback: 5,
  version: 1,
});

export type HashtagPlacement = 'end' | 'caret';

/** Where a clicked suggestion goes: after the text (with a separating space) or at the caret. */
export const hashtagPlacementItem = /* @__PURE__ */ storage.defineItem<HashtagPlacement>('local:hashtagPlacement', {
  fallback: 'end',
  version: 1,
});

/** Hashtags never to suggest and to flag in the linter, without "#", as the user wrote
 * them. Ships empty. A setting (not a table) because it is a short list the user edits
 * by hand, imports and exports as plain text. */
export const hashtagAvoidListItem = /* @__PURE__ */ storage.defineItem<string[]>('local:hashtagAvoidList', {
  fallback: [],
  version: 1,
});

// --- Best time (#5) ---------------------------------------------------------------

/** Column mappings the user confirmed for post CSV imports, per header signature
 * (`headerSignature` in utils/timing/csv-import.ts): the next file with the same columns
 * opens with the same mapping. */
export const bestTimeCsvMappingsItem = /* @__PURE__ */ storage.defineItem<
  // timeZone: the file's zone (null = the account's); absent in mappings saved before it existed.
  Record<string, { columns: Record<string, number | null>; dateOrder: 'auto' | 'dmy' | 'mdy'; timeZone?: string | null }>
>('local:bestTimeCsvMappings', { fallback: {}, version: 1 });

/** The prior each account (brand id) starts from: a prior id from utils/timing/priors.ts,
 * or 'none'. An account not listed starts from its network's default prior. */
export const bestTimePriorChoiceItem = /* @__PURE__ */ storage.defineItem<Record<string, string>>('local:bestTimePriorChoice', {
  fallback: {},
  version: 1,
});

// Saved replies (#3): typed shortcuts.

/** Typed before a reply's shortcut (";ciao"). Never empty: see `validShortcutPrefix`. */
export const replyShortcutPrefixItem = /* @__PURE__ */ storage.defineItem<string>('local:replyShortcutPrefix', {
  fallback: ';',
  version: 1,
});

export type ReplyShortcutKey = 'Tab' | 'Space';

/** The key that expands a typed shortcut. */
export const replyShortcutKeyItem = /* @__PURE__ */ storage.defineItem<ReplyShortcutKey>('local:replyShortcutKey', {
  fallback: 'Tab',
  version: 1,
});
