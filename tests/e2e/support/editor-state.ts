import type { Frame, Page } from 'playwright-core';

/** What the page's editors hold, read from each editor's own state through the fixture's
 * harness (`window.__fixture`, tests/fixtures/src/app.tsx), and what the sidebar said of the
 * last insertion: the three reads every insertion test makes. */

/** The text editor `id` holds in its own state (Lexical, Draft.js, Quill or React's). */
export function readEditor(page: Page, id: string): Promise<string> {
  return page.evaluate((editorId) => (window as any).__fixture.editors[editorId].read() as string, id);
}

/** The id of the editor that holds the focus, or null. */
export function focusedEditorId(page: Page): Promise<string | null> {
  return page.evaluate(() => (window as any).__fixture.focusedEditorId());
}

/** The Replies panel's status of the last insertion (`data-state`), or null when none shows. */
export function repliesStatus(sidebar: Frame): Promise<string | null> {
  return sidebar.locator('[data-testid="replies-status"] [data-state]').getAttribute('data-state', { timeout: 1000 }).catch(() => null);
}
