import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { PALETTE_QUERY, type Way } from './replies-cases';

/** Inserts the matrix's reply ("r-thanks") the way asked, in Chromium: a click in the
 * sidebar, the typed shortcut ";grazie" + Tab, or the palette key then its search. */
export async function insertReplyBy(page: Page, sidebar: Frame, way: Way): Promise<void> {
  if (way === 'click') {
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
  } else if (way === 'shortcut') {
    await page.keyboard.type(';grazie');
    await page.keyboard.press('Tab');
  } else {
    // The page agent's palette key (the browser command runs the same path).
    await page.keyboard.press('Alt+Shift+KeyR');
    const search = sidebar.locator('[data-testid="replies-search"]');
    await expect.poll(() => search.evaluate((el) => document.activeElement === el && document.hasFocus())).toBe(true);
    await page.keyboard.type(PALETTE_QUERY);
    await expect.poll(() => sidebar.locator('[data-testid="replies-item"][data-highlighted="true"]').getAttribute('data-reply-id')).toBe('r-thanks');
    await page.keyboard.press('Enter');
  }
}
