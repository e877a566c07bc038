import type { Frame, Page } from 'puppeteer-core';
import { ffClickEdgeTab, ffHostInfo, ffWaitForHost, type FirefoxRun } from './firefox';
import { CLIP_CONTROL_POINT, POST_HOVER_POINT } from './clips-page';

/** Steps of the Firefox clipping tests (issue #6), driven by puppeteer over WebDriver BiDi. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The library page (a top-level extension page: it may open the database), opened the
 * way a person does, from the sidebar (WebDriver may not open moz-extension:// itself). */
export async function ffOpenLibrary(run: FirefoxRun, sidebar: Frame): Promise<Page> {
  const before = new Set(await run.browser.pages());
  await sidebar.click('[data-testid="sidebar-open-library"]');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const p of await run.browser.pages()) {
      if (before.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      // At the section of the sidebar's tab in use (`#ideas` from the Ideas tab).
      if (/\/library\.html(#[a-z-]+)?$/.test(href)) return p;
    }
    await sleep(200);
  }
  throw new Error('library page did not open');
}

/** The library's "Content ideas" section (library.html#ideas), read anew from the
 * database: the page is reloaded on that address, then waits for the grid or the empty state. */
export async function ffShowIdeas(library: Page): Promise<void> {
  await library.evaluate(() => {
    // Marks this document, so that the wait below sees the reloaded one only.
    (window as any).__spallaBeforeReload = true;
    history.replaceState(null, '', '#ideas');
    setTimeout(() => location.reload(), 0);
  });
  await library.waitForFunction(
    () =>
      !(window as any).__spallaBeforeReload &&
      location.hash === '#ideas' &&
      !!document.querySelector('[data-testid="clips-results"], [data-testid="clips-empty"]'),
    { timeout: 20_000, polling: 100 },
  );
}

export interface FfClipRow {
  id: string;
  permalink: string | null;
  text: string;
  network: string;
  authorName: string | null;
  hashtags: string[];
  imageIds: string[];
}

/** The clips and the roles of the images, read (or cleared first) with the raw IndexedDB
 * API in the library page. */
export async function ffClipTables(library: Page, clear = false): Promise<{ clips: FfClipRow[]; roles: string[] }> {
  return library.evaluate(async (clearing) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('spalla');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['clips', 'images'], clearing ? 'readwrite' : 'readonly');
    const get = (name: string) =>
      new Promise<any[]>((resolve) => {
        if (clearing) tx.objectStore(name).clear();
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
    const [clips, images] = await Promise.all([get('clips'), get('images')]);
    db.close();
    return {
      clips: clips.map((c) => ({
        id: c.id,
        permalink: c.permalink,
        text: c.text,
        network: c.network,
        authorName: c.authorName,
        hashtags: c.hashtags,
        imageIds: c.imageIds,
      })),
      roles: images.map((i) => i.role).sort(),
    };
  }, clear);
}

/** Calls `spalla.<hook>(...args)` on the background page (Firefox's background is a page
 * an extension page reaches with `runtime.getBackgroundPage()`). */
export async function ffBackgroundHook<T>(library: Page, hook: string, ...args: unknown[]): Promise<T> {
  return library.evaluate(
    async (name, params) => {
      const bg = await (globalThis as any).browser.runtime.getBackgroundPage();
      return bg.spalla[name](...params);
    },
    hook,
    args,
  ) as Promise<T>;
}

/** Hovers the post whose permalink contains `key`, then clicks its clip control where a
 * person would (closing the sidebar first when it covers the post's corner). */
export async function ffClickClipControl(page: Page, key: string): Promise<void> {
  let point: { error?: string; x: number; y: number; hover: { x: number; y: number } } = { error: 'not yet', x: 0, y: 0, hover: { x: 0, y: 0 } };
  for (let i = 0; point.error && i < 40; i++) {
    if (i) await sleep(250);
    if (i && (await ffHostInfo(page)).state === 'open') {
      await ffClickEdgeTab(page);
      await ffWaitForHost(page, (info) => info.state === 'closed');
    }
    // A person's pointer comes into the post first: that loads the clip controls (#16).
    const onPost = (await page.evaluate(`(${POST_HOVER_POINT})(${JSON.stringify(key)})`)) as { error?: string; x: number; y: number };
    if (onPost.error) continue;
    // From outside the post onto it (the pointer may rest there from before the agent started).
    await page.mouse.move(1, 1);
    await page.mouse.move(onPost.x, onPost.y, { steps: 2 });
    point = (await page.evaluate(`(${CLIP_CONTROL_POINT})(${JSON.stringify(key)})`)) as typeof point;
  }
  if (point.error) throw new Error(point.error);
  await page.mouse.move(point.hover.x, point.hover.y);
  await page.mouse.click(point.x, point.y);
}

/** Polls `read` until `done` says yes (or the time is up), and answers the last value. */
export async function ffPoll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(150);
    value = await read();
  }
  return value;
}
