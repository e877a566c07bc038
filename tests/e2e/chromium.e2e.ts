import { describe, expect, test } from 'vitest';
import {
  allStorage,
  clickEdgeTab,
  expectSidebarValue,
  hostInfo,
  inWorker,
  openSidebar,
  runToggleCommand,
  setStorage,
  useChromium,
  waitForHost,
} from './support/chromium-sidebar';
import { STARTER_REPLIES } from '../../utils/replies/starter';
import { PAGE_STORAGE_SCRIPT, withoutBackupClock } from './support/host';
import { LANGS, SURFACES, withLang } from './support/surfaces';

const current = useChromium();

/** Waits until the page has handled what the click queued. A click's `selectionchange` is a
 * task of lower priority than input in Chromium: on a busy machine the editor can handle it
 * after the next click, and a Lexical editor then puts its selection back in the DOM, which
 * moves focus back into the box (seen in a loaded run: "Messenger (it)" reported the box
 * focused after the edge tab was clicked). A person's next click comes long after. */
async function editorSettled(page: typeof current.page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 2_000 }))),
      ),
  );
}

async function visit(host: string, path: string) {
  await current.page.goto(current.run.url(host, path));
  return waitForHost(current.page);
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
        if (c.composer) {
          await current.page.locator(c.composer).first().click();
          await editorSettled(current.page);
        }
        const frame = await openSidebar(current.page, current.run);
        await expectSidebarValue(frame, 'sidebar-site', 'data-value', c.site);
        await expectSidebarValue(frame, 'sidebar-surface', 'data-value', c.surface);
        await expect.poll(() => frame.locator('[data-testid="sidebar-marker-missing"]').count()).toBe(0);
        await expectSidebarValue(frame, 'sidebar-composer', 'data-kind', c.kind ?? 'none');
        if (c.composer) {
          // The tab took focus: the box is remembered as last used, then focused again.
          await expectSidebarValue(frame, 'sidebar-composer', 'data-focused', 'false');
          await current.page.locator(c.composer).first().focus();
          await expectSidebarValue(frame, 'sidebar-composer', 'data-focused', 'true');
        }

        await clickEdgeTab(current.page);
        expect((await waitForHost(current.page, (i) => i.state === 'closed')).count).toBe(1);
      });
    }
  }
});

describe('Chromium: sidebar behaviour', () => {
  test('survives in-app navigation and follows the surface', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(current.page, current.run);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    await current.page.evaluate(() => {
      (window as any).__beforeNavigation = document.querySelector('spalla-sidebar');
    });
    await current.page.locator('a[href^="/messages"]').first().click();
    await current.page.waitForURL(/\/messages\//);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'messages');
    const same = await current.page.evaluate(
      () => (window as any).__beforeNavigation === document.querySelector('spalla-sidebar') && document.querySelectorAll('spalla-sidebar').length === 1,
    );
    expect(same).toBe(true); // no reload, the same single host
  });

  test('keyboard command (its handler in the service worker) toggles the sidebar', async () => {
    await visit('www.facebook.com', '/');
    expect(await runToggleCommand(current.run, 'https://www.facebook.com/*')).toEqual({ open: true });
    await waitForHost(current.page, (i) => i.state === 'open');
    expect(await runToggleCommand(current.run, 'https://www.facebook.com/*')).toEqual({ open: false });
    await waitForHost(current.page, (i) => i.state === 'closed');
  });

  test('close button inside the sidebar closes it', async () => {
    await visit('www.instagram.com', '/');
    const frame = await openSidebar(current.page, current.run);
    await frame.locator('[data-testid="sidebar-close"]').click();
    await waitForHost(current.page, (i) => i.state === 'closed');
  });

  test('"Open the library" in the sidebar opens the library page', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(current.page, current.run);
    const opened = current.run.context.waitForEvent('page');
    await frame.locator('[data-testid="sidebar-open-library"]').click();
    const library = await opened;
    await library.waitForLoadState();
    // At the section of the tab in use: Replies on a fresh profile (every tab: sidebar-layout.e2e.ts).
    expect(library.url()).toBe(`chrome-extension://${current.run.extensionId}/library.html#replies`);
    await expect.poll(() => library.locator('[data-testid="library-section-replies"]').count()).toBe(1);
  });

  test('remembers open/closed and width per site', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(current.page, current.run);
    const before = await hostInfo(current.page);
    // Drag the resize handle (the panel's inner edge) 100px further into the page.
    const edgeX = before.box!.x + 22 + 1;
    await current.page.mouse.move(edgeX, 300);
    await current.page.mouse.down();
    await current.page.mouse.move(edgeX - 100, 300, { steps: 5 });
    await current.page.mouse.up();
    const resized = await waitForHost(current.page, (i) => Math.abs(i.box!.width - before.box!.width - 100) <= 2);

    await current.page.reload();
    const after = await waitForHost(current.page, (i) => i.state === 'open');
    expect(after.box!.width).toBeCloseTo(resized.box!.width, 0);

    await visit('www.instagram.com', '/');
    expect((await hostInfo(current.page)).state).toBe('closed');
  });

  test('at 1280x720, a sidebar covering the box in use says so and moves aside', async () => {
    await visit('www.instagram.com', '/direct/t/200/');
    await openSidebar(current.page, current.run);
    const frame = await openSidebar(current.page, current.run);
    await current.page.locator('div[role="textbox"][contenteditable="true"]').focus();
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(1);
    await frame.locator('[data-testid="sidebar-move-side"]').click();
    await waitForHost(current.page, (i) => i.side === 'left');
    await current.page.locator('div[role="textbox"][contenteditable="true"]').focus();
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(0);
    // The box is usable again: a person can click into it.
    await current.page.locator('div[role="textbox"][contenteditable="true"]').click({ timeout: 5_000 });
  });

  test('side comes from the settings, live', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(current.page, current.run);
    expect((await hostInfo(current.page)).side).toBe('right');
    await setStorage(current.run, { sidebarSide: 'left' });
    const info = await waitForHost(current.page, (i) => i.side === 'left');
    expect(info.box!.x).toBe(0);
  });

  test('follows Facebook dark mode, and light mode', async () => {
    await visit('www.facebook.com', '/?theme=dark');
    let frame = await openSidebar(current.page, current.run);
    expect((await hostInfo(current.page)).theme).toBe('dark');
    await expect.poll(() => frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);

    await current.page.emulateMedia({ colorScheme: 'dark' });
    await visit('www.facebook.com', '/');
    frame = await openSidebar(current.page, current.run);
    expect((await hostInfo(current.page)).theme).toBe('light'); // the page's own theme beats the browser's
    await expect.poll(() => frame.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
  });

  test('turning Spalla off for a site hides it there, live, and nowhere else', async () => {
    await visit('www.facebook.com', '/');
    await setStorage(current.run, { enabledSites: { facebook: false, instagram: true, business: true } });
    await waitForHost(current.page, (i) => i.count === 0);
    const other = await current.run.context.newPage();
    await other.goto(current.run.url('www.instagram.com', '/'));
    await waitForHost(other);
    await setStorage(current.run, { enabledSites: { facebook: true, instagram: true, business: true } });
    await waitForHost(current.page, (i) => i.count === 1);
  });

  test('works with third-party cookies blocked: data comes from the background', async () => {
    await visit('www.facebook.com', '/');
    let frame = await openSidebar(current.page, current.run);
    // The starter replies, seeded by the background on install.
    const starters = STARTER_REPLIES.length;
    await expectSidebarValue(frame, 'sidebar-count-savedReplies', 'data-value', String(starters));
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
      current.run,
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
    await clickEdgeTab(current.page);
    await current.page.reload();
    frame = await openSidebar(current.page, current.run);
    await expectSidebarValue(frame, 'sidebar-count-savedReplies', 'data-value', String(starters + 1));
  });

  test("the page's own scripts see no database and no localStorage key of ours", async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(current.page, current.run);
    await current.page.locator('[data-lexical-editor="true"]').first().click();
    const seen = (await current.page.evaluate(PAGE_STORAGE_SCRIPT)) as { databases: string[]; localStorageKeys: string[] };
    expect(seen.databases).toEqual([]);
    expect(seen.localStorageKeys).toEqual([]);
  });

  test('a hostile page posting messages at our frames changes nothing', async () => {
    await visit('www.facebook.com', '/');
    const frame = await openSidebar(current.page, current.run);
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    const storageBefore = withoutBackupClock(await allStorage(current.run));

    const attempts = await current.page.evaluate(async (extensionId) => {
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
    }, current.run.extensionId);
    expect(attempts.sent).toBeGreaterThanOrEqual(9);
    expect(attempts.framesSeen).toBe(0); // the closed shadow root keeps our iframe out of window.frames

    const info = await hostInfo(current.page);
    expect(info).toMatchObject({ count: 1, state: 'open' });
    await expectSidebarValue(frame, 'sidebar-site', 'data-value', 'facebook');
    await expectSidebarValue(frame, 'sidebar-surface', 'data-value', 'feed');
    expect(withoutBackupClock(await allStorage(current.run))).toEqual(storageBefore);
    // The agent is alive and still ours: the command still reaches it.
    expect(await runToggleCommand(current.run, 'https://www.facebook.com/*')).toEqual({ open: false });
  });

  test('after the extension reloads with pages open, the old agent is gone and the new one works', async () => {
    await visit('www.facebook.com', '/');
    await openSidebar(current.page, current.run);
    await current.page.evaluate(() => {
      (window as any).__oldHost = document.querySelector('spalla-sidebar');
    });
    const errors: string[] = [];
    current.page.on('pageerror', (error) => errors.push(error.message));
    const oldWorker = await current.run.serviceWorker();
    const newWorker = current.run.context.waitForEvent('serviceworker', { predicate: (w) => w !== oldWorker, timeout: 20_000 });
    await oldWorker.evaluate('chrome.runtime.reload()').catch(() => {});
    await newWorker;

    await expect
      .poll(
        () =>
          current.page.evaluate(() => {
            const hosts = document.querySelectorAll('spalla-sidebar');
            return hosts.length === 1 && hosts[0] !== (window as any).__oldHost && !(window as any).__oldHost.isConnected;
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    // The new agent answers the new background.
    await expect.poll(() => runToggleCommand(current.run, 'https://www.facebook.com/*'), { timeout: 10_000 }).not.toBeNull();
    expect(errors).toEqual([]); // the orphaned agent went quietly
  });
});
