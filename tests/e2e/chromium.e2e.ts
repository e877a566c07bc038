import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumRun } from './support/chromium';
import {
  allStorage,
  clickEdgeTab,
  expectSidebarValue,
  hostInfo,
  inWorker,
  openSidebar,
  resetExtensionStorage,
  runToggleCommand,
  setStorage,
  waitForHost,
} from './support/chromium-sidebar';
import { PAGE_STORAGE_SCRIPT } from './support/host';
import { LANGS, SURFACES, withLang } from './support/surfaces';

let run: ChromiumRun;
let page: Page;

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
});
afterAll(async () => {
  await run?.close();
});
beforeEach(async () => {
  await resetExtensionStorage(run);
  for (const p of run.context.pages()) await p.close();
  page = await run.context.newPage();
});

async function visit(host: string, path: string) {
  await page.goto(run.url(host, path));
  return waitForHost(page);
}

describe('Chromium: the sidebar on every surface', () => {
  for (const lang of LANGS) {
    for (const c of SURFACES) {
      test(`${c.name} (${lang}): host, open by click, site/surface, composer kind`, async () => {
        const info = await visit(c.host, withLang(c.path, lang));
        expect(info.count).toBe(1);
        expect(info.shadowVisible).toBe(false); // closed shadow root: page scripts see nothing inside
        expect(info.state).toBe('closed');

        // A person clicks in the text box first, then opens the sidebar.
        if (c.composer) await page.locator(c.composer).first().click();
        const frame = await openSidebar(page, run);
        await expectSidebarValue(frame, 'sidebar-site', 'data-value', c.site);
        await expectSidebarValue(frame, 'sidebar-surface', 'data-value', c.surface);
        await expect.poll(() => frame.locator('[data-testid="sidebar-marker-missing"]').count()).toBe(0);
        await expectSidebarValue(frame, 'sidebar-composer', 'data-kind', c.kind ?? 'none');
        if (c.composer) {
          // The tab took focus: the box is remembered as last used, then focused again.
          await expectSidebarValue(frame, 'sidebar-composer', 'data-focused', 'false');
          await page.locator(c.composer).first().focus();
          await expectSidebarValue(frame, 'sidebar-composer', 'data-focused', 'true');
        }

        await clickEdgeTab(page);
        expect((await waitForHost(page, (i) => i.state === 'closed')).count).toBe(1);
      });
    }
  }
});

describe('Chromium: sidebar behaviour', () => {
  test('survives in-app navigation and follows the surface', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(page, run);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    await page.evaluate(() => {
      (window as any).__beforeNavigation = document.querySelector('spalla-sidebar');
    });
    await page.locator('a[href^="/messages"]').first().click();
    await page.waitForURL(/\/messages\//);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'messages');
    const same = await page.evaluate(
      () => (window as any).__beforeNavigation === document.querySelector('spalla-sidebar') && document.querySelectorAll('spalla-sidebar').length === 1,
    );
    expect(same).toBe(true); // no reload, the same single host
  });

  test('keyboard command (its handler in the service worker) toggles the sidebar', async () => {
    await visit('www.facebook.com', '/');
    expect(await runToggleCommand(run, 'https://www.facebook.com/*')).toEqual({ open: true });
    await waitForHost(page, (i) => i.state === 'open');
    expect(await runToggleCommand(run, 'https://www.facebook.com/*')).toEqual({ open: false });
    await waitForHost(page, (i) => i.state === 'closed');
  });

  test('close button inside the sidebar closes it', async () => {
    await visit('www.instagram.com', '/');
    const frame = await openSidebar(page, run);
    await frame.locator('[data-testid="sidebar-close"]').click();
    await waitForHost(page, (i) => i.state === 'closed');
  });

  test('"Open the library" in the sidebar opens the library page', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(page, run);
    const opened = run.context.waitForEvent('page');
    await frame.locator('[data-testid="sidebar-open-library"]').click();
    const library = await opened;
    await library.waitForLoadState();
    expect(library.url()).toBe(`chrome-extension://${run.extensionId}/library.html`);
    await expect.poll(() => library.locator('[data-testid="backup-export"]').count()).toBe(1);
  });

  test('remembers open/closed and width per site', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(page, run);
    const before = await hostInfo(page);
    // Drag the resize handle (the panel's inner edge) 100px further into the page.
    const edgeX = before.box!.x + 22 + 1;
    await page.mouse.move(edgeX, 300);
    await page.mouse.down();
    await page.mouse.move(edgeX - 100, 300, { steps: 5 });
    await page.mouse.up();
    const resized = await waitForHost(page, (i) => Math.abs(i.box!.width - before.box!.width - 100) <= 2);

    await page.reload();
    const after = await waitForHost(page, (i) => i.state === 'open');
    expect(after.box!.width).toBeCloseTo(resized.box!.width, 0);

    await visit('www.instagram.com', '/');
    expect((await hostInfo(page)).state).toBe('closed');
  });

  test('at 1280x720, a sidebar covering the box in use says so and moves aside', async () => {
    await visit('www.instagram.com', '/direct/t/200/');
    await openSidebar(page, run);
    const frame = await openSidebar(page, run);
    await page.locator('div[role="textbox"][contenteditable="true"]').focus();
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(1);
    await frame.locator('[data-testid="sidebar-move-side"]').click();
    await waitForHost(page, (i) => i.side === 'left');
    await page.locator('div[role="textbox"][contenteditable="true"]').focus();
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(0);
    // The box is usable again: a person can click into it.
    await page.locator('div[role="textbox"][contenteditable="true"]').click({ timeout: 5_000 });
  });

  test('side comes from the settings, live', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(page, run);
    expect((await hostInfo(page)).side).toBe('right');
    await setStorage(run, { sidebarSide: 'left' });
    const info = await waitForHost(page, (i) => i.side === 'left');
    expect(info.box!.x).toBe(0);
  });

  test('follows Facebook dark mode, and light mode', async () => {
    await visit('www.facebook.com', '/?theme=dark');
    let frame = await openSidebar(page, run);
    expect((await hostInfo(page)).theme).toBe('dark');
    await expect.poll(() => frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);

    await page.emulateMedia({ colorScheme: 'dark' });
    await visit('www.facebook.com', '/');
    frame = await openSidebar(page, run);
    expect((await hostInfo(page)).theme).toBe('light'); // the page's own theme beats the browser's
    await expect.poll(() => frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  });

  test('turning Spalla off for a site hides it there, live, and nowhere else', async () => {
    await visit('www.facebook.com', '/');
    await setStorage(run, { enabledSites: { facebook: false, instagram: true, business: true } });
    await waitForHost(page, (i) => i.count === 0);
    const other = await run.context.newPage();
    await other.goto(run.url('www.instagram.com', '/'));
    await waitForHost(other);
    await setStorage(run, { enabledSites: { facebook: true, instagram: true, business: true } });
    await waitForHost(page, (i) => i.count === 1);
  });

  test('works with third-party cookies blocked: data comes from the background', async () => {
    await visit('www.facebook.com', '/');
    let frame = await openSidebar(page, run);
    await expectSidebarValue(frame, 'sidebar-count-savedReplies', 'data-value', '0');
    // The sidebar's own IndexedDB is refused here (proves the blocking is on) …
    const ownDb = await frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open('probe');
          request.onsuccess = () => resolve('opened');
          request.onerror = () => resolve(`refused: ${request.error?.name}`);
        }),
    );
    expect(ownDb).toMatch(/^refused/);
    // … yet a reply stored by the background shows up.
    await inWorker(
      run,
      `new Promise((resolve, reject) => {
        const open = indexedDB.open('spalla');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('savedReplies', 'readwrite');
          const now = Date.now();
          tx.objectStore('savedReplies').put({ id: 'e2e-1', createdAt: now, updatedAt: now, title: 'Orari', body: 'Aperti 9-18',
            shortcut: 'orari', tags: [], networks: [], language: 'it', brandId: null, useCount: 0, lastUsedAt: null });
          tx.oncomplete = () => { db.close(); resolve(true); };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      })`,
    );
    await clickEdgeTab(page);
    await page.reload();
    frame = await openSidebar(page, run);
    await expectSidebarValue(frame, 'sidebar-count-savedReplies', 'data-value', '1');
  });

  test("the page's own scripts see no database and no localStorage key of ours", async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(page, run);
    await page.locator('[data-lexical-editor="true"]').first().click();
    const seen = (await page.evaluate(PAGE_STORAGE_SCRIPT)) as { databases: string[]; localStorageKeys: string[] };
    expect(seen.databases).toEqual([]);
    expect(seen.localStorageKeys).toEqual([]);
  });

  test('a hostile page posting messages at our frames changes nothing', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(page, run);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    const storageBefore = await allStorage(run);

    const attempts = await page.evaluate(async (extensionId) => {
      const payloads: unknown[] = [
        { type: 'closeSidebar' },
        { type: 'toggleSidebar' },
        { type: 'setSidebarOpen', data: false },
        { id: 1, type: 'pageStateChanged', data: { site: 'instagram', surface: 'messages' }, timestamp: Date.now() },
        { type: 'pageState', state: null },
        'closeSidebar',
        { enabledSites: { facebook: false } },
      ];
      let sent = 0;
      for (let i = 0; i < window.frames.length; i++) {
        for (const p of payloads) {
          window.frames[i].postMessage(p, '*');
          sent++;
        }
      }
      for (const p of payloads) {
        window.postMessage(p, '*');
        sent++;
      }
      // Imitate WXT's "a newer content script started" signal, which would stop our agent.
      for (const name of [`${extensionId}:page-agent:wxt:content-script-started`, 'wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'page-agent', messageId: 'evil' } }));
        sent++;
      }
      // Pages cannot reach our runtime without externally_connectable.
      try {
        (window as any).chrome?.runtime?.sendMessage?.(extensionId, { type: 'closeSidebar' });
      } catch {
        /* refused */
      }
      await new Promise((r) => setTimeout(r, 1000));
      return { sent, framesSeen: window.frames.length };
    }, run.extensionId);
    expect(attempts.sent).toBeGreaterThanOrEqual(9);
    expect(attempts.framesSeen).toBe(0); // the closed shadow root keeps our iframe out of window.frames

    const info = await hostInfo(page);
    expect(info).toMatchObject({ count: 1, state: 'open' });
    await expectSidebarValue(frame, 'sidebar-site', 'data-value', 'facebook');
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    expect(await allStorage(run)).toEqual(storageBefore);
    // The agent is alive and still ours: the command still reaches it.
    expect(await runToggleCommand(run, 'https://www.facebook.com/*')).toEqual({ open: false });
  });

  test('after the extension reloads with pages open, the old agent is gone and the new one works', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(page, run);
    await page.evaluate(() => {
      (window as any).__oldHost = document.querySelector('spalla-sidebar');
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const oldWorker = await run.serviceWorker();
    const newWorker = run.context.waitForEvent('serviceworker', { predicate: (w) => w !== oldWorker, timeout: 20_000 });
    await oldWorker.evaluate('chrome.runtime.reload()').catch(() => {});
    await newWorker;

    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const hosts = document.querySelectorAll('spalla-sidebar');
            return hosts.length === 1 && hosts[0] !== (window as any).__oldHost && !(window as any).__oldHost.isConnected;
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    // The new agent answers the new background.
    await expect.poll(() => runToggleCommand(run, 'https://www.facebook.com/*'), { timeout: 10_000 }).not.toBeNull();
    expect(errors).toEqual([]); // the orphaned agent went quietly
  });
});
