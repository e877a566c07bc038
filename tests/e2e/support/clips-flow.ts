import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { ChromiumRun } from './chromium';
import { clickEdgeTab, hostInfo, openSidebar, waitForHost } from './chromium-sidebar';
import { CLIP_CONTROL_POINT, POST_HOVER_POINT } from './clips-page';
import { openExtensionPage } from './extension-pages';
import { dumpDatabase } from './idb';

// Clipping a post as a person does and reading what was saved (Chromium), shared by the
// clipping tests of every network.

export interface DumpedClip {
  id: string;
  permalink: string | null;
  text: string;
  note: string;
  tags: string[];
  status: string;
  imageIds: string[];
  authorName: string | null;
  hashtags: string[];
  network: string;
}
export interface DumpedImage {
  id: string;
  clipId: string;
  role: string;
  sourceUrl: string | null;
  blob: { blobType: string; bytes: number[] };
}

/** The clips and images in the database, read from the library page. */
export async function clipDatabase(run: ChromiumRun) {
  const library = await openExtensionPage(run, 'library.html');
  const dump = await dumpDatabase(library);
  await library.close();
  return { clips: dump.clips as DumpedClip[], images: dump.images as DumpedImage[] };
}

/** Moves the pointer onto the post's own link, as a person does before clipping. */
export async function hoverPost(page: Page, key: string) {
  await page.waitForFunction((k) => document.querySelector(`a[href*="${k}"]`) !== null, key);
  const point = (await page.evaluate(`(${POST_HOVER_POINT})(${JSON.stringify(key)})`)) as { error?: string; x: number; y: number };
  if (point.error) throw new Error(point.error);
  // From outside the post onto it (the pointer may already rest there, from before the
  // agent started: a person's pointer moves in).
  await page.mouse.move(1, 1);
  await page.mouse.move(point.x, point.y, { steps: 2 });
}

/** Hovers the post, then clicks its clip control where a person would. */
export async function clickClipControl(page: Page, key: string) {
  type Point = { error?: string; x: number; y: number; hover: { x: number; y: number } };
  const locate = () => page.evaluate(`(${CLIP_CONTROL_POINT})(${JSON.stringify(key)})`) as Promise<Point>;
  let point: Point = { error: 'not looked for yet', x: 0, y: 0, hover: { x: 0, y: 0 } };
  // The page may still be settling (images loading, the app rendering): look again.
  for (let i = 0; point.error && i < 40; i++) {
    if (i) await page.waitForTimeout(250);
    if (i && (await hostInfo(page)).state === 'open') {
      // The open sidebar covers the post's corner: a person closes it first.
      await clickEdgeTab(page);
      await waitForHost(page, (info) => info.state === 'closed');
    }
    // The pointer comes into the post (which loads the clip controls, #16).
    await hoverPost(page, key);
    point = await locate();
  }
  if (point.error) throw new Error(point.error);
  await page.mouse.move(point.hover.x, point.hover.y);
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
}

export async function openIdeasFrame(page: Page, run: ChromiumRun): Promise<Frame> {
  const frame = await openSidebar(page, run);
  await frame.locator('[data-testid="sidebar-panel-ideas"]').waitFor({ state: 'visible' });
  return frame;
}

/** After a clip the sidebar opens by itself on the Ideas tab once the save ends (the
 * background's reveal): wait for that, click nothing. Clicking the tab instead raced the
 * reveal under load: the test saw the tab closed, the reveal opened the sidebar, and the
 * click meant to open it closed it. */
export async function revealedIdeas(page: Page, run: ChromiumRun): Promise<Frame> {
  await waitForHost(page, (info) => info.state === 'open');
  return openIdeasFrame(page, run);
}

/** Waits until the library card of `clipId` shows its thumbnail from the stored blob (a
 * `blob:` address, loaded), as it must once the site's image address no longer answers. */
export async function expectCardThumbnailFromBlob(library: Page, clipId: string): Promise<void> {
  const shown = library.locator(`[data-testid="clips-card"][data-clip-id="${clipId}"] [data-testid="clips-card-thumbnail"]`);
  await shown.waitFor();
  await expect
    .poll(() => shown.evaluate((img: HTMLImageElement) => ({ blob: img.src.startsWith('blob:'), loaded: img.complete && img.naturalWidth > 0 })))
    .toEqual({ blob: true, loaded: true });
}
