import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { translateMessage, type MessageCatalog } from '../../../utils/i18n/format';
import type { ChromiumRun } from './chromium';
import { ROOT } from './paths';

export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

/** The extension's own strings in one language, formatted as the app does (plural forms,
 * numbers in the language's way). No fallback to English: a string missing from the language
 * fails the test. */
export function translator(language: 'en' | 'it'): Translate {
  const file = join(ROOT, 'public/_locales', language, 'messages.json');
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as MessageCatalog;
  return (key, ...substitutions) => {
    const text = translateMessage(catalog, language, key, substitutions);
    if (text === null) throw new Error(`"${key}" is missing from ${language}/messages.json`);
    return text;
  };
}

export function extensionUrl(run: ChromiumRun, file: string): string {
  return `chrome-extension://${run.extensionId}/${file}`;
}

/** Opens popup.html or library.html in a tab of its own, once its settings have loaded
 * (the pages render nothing before their strings and settings are there). */
export async function openExtensionPage(run: ChromiumRun, file: 'popup.html' | 'library.html', page?: Page): Promise<Page> {
  const tab = page ?? (await run.context.newPage());
  await tab.goto(extensionUrl(run, file));
  await tab.getByTestId('settings-language').waitFor();
  return tab;
}

export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

/** What a person does to restore: click "Restore from a backup…" and pick a file in the
 * chooser (which the app opens through its real, hidden file input). */
export async function chooseBackupFile(page: Page, file: ChosenFile): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('backup-import-open').click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/zip', buffer: Buffer.from(file.bytes) });
}

/** Clicks "Export backup" and returns the file the browser downloaded. */
export async function exportThroughUi(page: Page): Promise<ChosenFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  await page.getByTestId('backup-exported').waitFor();
  return { name: download.suggestedFilename(), bytes };
}

/** "Delete all my data…" → "Delete everything", as a person does. */
export async function deleteAllThroughUi(page: Page): Promise<void> {
  await page.getByTestId('delete-all-open').click();
  await page.getByTestId('delete-all-confirm').click();
  await page.getByTestId('delete-all-done').waitFor();
}
