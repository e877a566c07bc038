import { browser } from '#imports';

/** Opens the full-page library in a new tab (after `afterIndex` when given), at an
 * optional section (`#backup`). */
export async function openLibraryTab({ hash = '', afterIndex }: { hash?: string; afterIndex?: number } = {}) {
  await browser.tabs.create({
    url: browser.runtime.getURL(`/library.html${hash}`),
    ...(afterIndex === undefined ? {} : { index: afterIndex + 1 }),
  });
}

/** The library's sections (`entrypoints/library/sections.tsx`), by the hash that opens
 * each: the background accepts only these from the sidebar. */
export const LIBRARY_SECTION_IDS = ['replies', 'hashtags', 'best-time', 'ideas', 'brands', 'settings'] as const;
export type LibrarySectionId = (typeof LIBRARY_SECTION_IDS)[number];

export function isLibrarySection(value: unknown): value is LibrarySectionId {
  return typeof value === 'string' && (LIBRARY_SECTION_IDS as readonly string[]).includes(value);
}
