import { browser } from '#imports';

/** Opens the full-page library in a new tab (after `afterIndex` when given), at an
 * optional section (`#backup`). */
export async function openLibraryTab({ hash = '', afterIndex }: { hash?: string; afterIndex?: number } = {}) {
  await browser.tabs.create({
    url: browser.runtime.getURL(`/library.html${hash}`),
    ...(afterIndex === undefined ? {} : { index: afterIndex + 1 }),
  });
}
