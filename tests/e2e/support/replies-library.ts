import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ChromiumRun } from './chromium';
import { extensionUrl, type ChosenFile } from './extension-pages';

/** The library page on its "Saved replies" section, once its list has loaded. */
export async function openRepliesLibrary(run: ChromiumRun, page?: Page): Promise<Page> {
  const tab = page ?? (await run.context.newPage());
  await tab.goto(extensionUrl(run, 'library.html#replies'));
  await tab.getByTestId('replies-section').waitFor();
  return tab;
}

/** Clicks a button that opens a (hidden) file input and picks `file` in the chooser. */
export async function chooseFileThrough(page: Page, buttonTestId: string, file: ChosenFile, mimeType: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(buttonTestId).click()]);
  await chooser.setFiles({ name: file.name, mimeType, buffer: Buffer.from(file.bytes) });
}

/** Clicks the export button and returns the file the browser downloaded. */
export async function downloadThrough(page: Page, buttonTestId: string): Promise<ChosenFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(buttonTestId).click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

/** The titles the list shows, in order. */
export async function listedTitles(page: Page): Promise<string[]> {
  return page.getByTestId('reply-title').allTextContents();
}

/** The list item of the reply titled `title`. */
export function replyItem(page: Page, title: string) {
  return page.locator(`[data-testid="reply-item"][data-title="${title.replace(/"/g, '\\"')}"]`);
}
