import type { SiteKey, SiteSwitches } from './items';

// The settings' plain values and checks, without the storage items: the page agent imports
// these and never `items.ts` (which brings @wxt-dev/storage into its bundle, issue #16).

export function siteSwitchedOn(switches: SiteSwitches | null | undefined, site: SiteKey): boolean {
  return switches?.[site] === true;
}

export const SIDEBAR_MIN_WIDTH = 280;
export const SIDEBAR_MAX_WIDTH = 640;
export const SIDEBAR_DEFAULT_WIDTH = 360;

export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT_WIDTH;
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, width)));
}

/** Whether posts scrolled past may be learned: only after a yes (`hashtagsLearnFromFeedItem`). */
export function feedLearningAllowed(answer: boolean | null | undefined): boolean {
  return answer === true;
}
