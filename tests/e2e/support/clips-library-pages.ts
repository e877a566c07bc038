import type { Page } from 'playwright-core';
import type { ChromiumRun } from './chromium';
import { extensionUrl } from './extension-pages';

/** The library's "Content ideas" section (library.html#ideas), once it has loaded the
 * clips: the grid, or the empty state. An open page is reloaded. */
export async function openIdeas(run: ChromiumRun, page?: Page): Promise<Page> {
  const tab = page ?? (await run.context.newPage());
  const url = extensionUrl(run, 'library.html#ideas');
  // The same address again would only be a hash change: reload to read the database anew.
  if (tab.url() === url) await tab.reload();
  else await tab.goto(url);
  await tab.locator('[data-testid="clips-results"], [data-testid="clips-empty"]').first().waitFor();
  return tab;
}

/** Ids of the cards shown, in order. */
export async function shownIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="clips-card"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-clip-id')!));
}

export function card(page: Page, id: string) {
  return page.locator(`[data-testid="clips-card"][data-clip-id="${id}"]`);
}
