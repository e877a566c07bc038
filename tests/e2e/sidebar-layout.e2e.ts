import { describe, expect, test } from 'vitest';
import { hostInfo, openSidebar, setStorage, useChromium, waitForHost } from './support/chromium-sidebar';

/** The sidebar as a person sees it (issue #12, "A manager's first hour"): measured in
 * Chromium with the built extension on the fixture pages. Nothing overflows, every tab
 * label reads in full in both languages, one scrolling area per view, nothing the user
 * is about to click moves, and messages belong to their page. */

const current = useChromium();
// `utils/settings/items.ts` (it needs WXT's imports): SIDEBAR_DEFAULT_WIDTH, SIDEBAR_MIN_WIDTH.
const SIDEBAR_DEFAULT_WIDTH = 360;
const SIDEBAR_MIN_WIDTH = 280;
const TABS = ['replies', 'hashtags', 'best-time', 'ideas', 'data'] as const;

async function sidebarAt(path: string, settings: { language?: string; width?: number; tab?: string; side?: string } = {}) {
  const width = settings.width ?? SIDEBAR_DEFAULT_WIDTH;
  await setStorage(current.run, {
    language: settings.language ?? 'en',
    sidebarState: {
      facebook: { open: true, width },
      instagram: { open: true, width },
      business: { open: true, width },
    },
    ...(settings.tab ? { sidebarTab: settings.tab } : {}),
    ...(settings.side ? { sidebarSide: settings.side } : {}),
  });
  await current.page.goto(current.run.url('www.facebook.com', path));
  await waitForHost(current.page, (i) => i.state === 'open');
  const frame = await openSidebar(current.page, current.run);
  await frame.waitForSelector('[data-testid="sidebar-surface"]');
  return frame;
}

/** What the layout test reads inside the sidebar frame, for the tab shown. */
interface LayoutReport {
  frameWidth: number;
  documentOverflowX: number;
  tabs: { id: string; label: string; scrollWidth: number; clientWidth: number; labelHeight: number; lineHeight: number }[];
  scrollables: string[];
  panelOverflowX: number;
}

const LAYOUT_SCRIPT = `(() => {
  const root = document.documentElement;
  const tabs = [...document.querySelectorAll('[role="tab"]')].map((tab) => {
    const label = tab.querySelector('[data-tab-label]');
    const style = getComputedStyle(label);
    return {
      id: tab.dataset.testid,
      label: label.textContent,
      scrollWidth: tab.scrollWidth,
      clientWidth: tab.clientWidth,
      labelHeight: label.getBoundingClientRect().height,
      lineHeight: parseFloat(style.lineHeight),
    };
  });
  // Every element that shows a scrollbar now: overflow auto/scroll with more content than box.
  const scrollables = [];
  if (root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth) scrollables.push('document');
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.getClientRects().length) continue; // not rendered (a hidden panel)
    const style = getComputedStyle(el);
    const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
    const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
    if (x || y) scrollables.push((el.dataset.testid || el.localName) + (x ? ':x' : '') + (y ? ':y' : ''));
  }
  const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
  return {
    frameWidth: innerWidth,
    documentOverflowX: root.scrollWidth - root.clientWidth,
    tabs,
    scrollables,
    panelOverflowX: panel.scrollWidth - panel.clientWidth,
  };
})()`;

describe('Chromium: the sidebar layout (#12)', () => {
  for (const language of ['en', 'it']) {
    for (const width of [SIDEBAR_DEFAULT_WIDTH, SIDEBAR_MIN_WIDTH]) {
      test(`${language}, ${width} px: every tab label whole on one line, no horizontal overflow, one scrolling area`, async () => {
        await current.page.setViewportSize({ width: 1280, height: 720 });
        const frame = await sidebarAt('/', { language, width });
        // The interface language reached the sidebar (the labels are the catalog's).
        await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe(language);
        for (const id of TABS) {
          await frame.locator(`[data-testid="sidebar-tab-${id}"]`).click();
          await frame.waitForSelector(`[data-testid="sidebar-panel-${id}"]:not([hidden])`);
          const report = (await frame.evaluate(LAYOUT_SCRIPT)) as LayoutReport;
          expect(report.frameWidth).toBe(width);
          expect(report.documentOverflowX, `${id}: document overflows sideways`).toBe(0);
          expect(report.panelOverflowX, `${id}: panel overflows sideways`).toBe(0);
          for (const tab of report.tabs) {
            expect(tab.label.length).toBeGreaterThan(0);
            expect(tab.scrollWidth, `${tab.id} "${tab.label}" is cut`).toBeLessThanOrEqual(tab.clientWidth);
            expect(tab.labelHeight, `${tab.id} "${tab.label}" wraps`).toBeLessThan(tab.lineHeight * 1.5);
          }
          expect(report.scrollables.length, `${id}: ${report.scrollables.join(', ')}`).toBeLessThanOrEqual(1);
        }
      });
    }
  }

  test('focusing a comment box moves no reply in the list ("Acting as …" has its line kept)', async () => {
    await current.page.setViewportSize({ width: 1280, height: 720 });
    const frame = await sidebarAt('/spallademo/posts/pfbid123', { tab: 'replies' });
    const items = frame.locator('[data-testid="replies-item"]');
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    await expect.poll(() => frame.locator('[data-testid="replies-acting-as"]').count()).toBe(0);
    const positions = () =>
      frame.evaluate(() =>
        [...document.querySelectorAll('[data-testid="replies-item"]')].map((el) => {
          const r = el.getBoundingClientRect();
          return [el.getAttribute('data-reply-id'), r.x, r.y, r.width, r.height];
        }),
      );
    const before = await positions();

    await current.page.waitForFunction(() => !!(window as any).__fixture?.editors['fb-post-reply']?.element());
    await current.page.locator('[data-fixture-editor="fb-post-reply"]').focus();
    // The line the focus brings is there, and the composer is known as focused...
    await expect.poll(() => frame.locator('[data-testid="replies-acting-as"]').getAttribute('data-kind')).toBe('profile');
    await expect.poll(() => frame.locator('[data-testid="sidebar-composer"]').getAttribute('data-focused')).toBe('true');
    // ...and every reply is exactly where the pointer was aimed before.
    expect(await positions()).toEqual(before);
  });

  test('"This page" is one line; its details open over the panel and move nothing', async () => {
    await current.page.setViewportSize({ width: 1280, height: 720 });
    const frame = await sidebarAt('/', { tab: 'replies' });
    const tablistTop = () => frame.evaluate(() => document.querySelector('[role="tablist"]')!.getBoundingClientRect().top);
    const header = await frame.evaluate(() => document.querySelector('header')!.getBoundingClientRect().height);
    expect(header).toBeLessThan(56); // the name and the page line, nothing more
    const top = await tablistTop();
    expect(await frame.locator('[data-testid="sidebar-composer"]').isVisible()).toBe(false);
    await frame.locator('[data-testid="sidebar-surface"]').click();
    await expect.poll(() => frame.locator('[data-testid="sidebar-composer"]').isVisible()).toBe(true);
    expect(await tablistTop()).toBe(top);
    // It closes as a menu does: a click elsewhere in the sidebar.
    await frame.locator('[data-testid="sidebar-panel-replies"]').click({ position: { x: 5, y: 300 } });
    await expect.poll(() => frame.locator('[data-testid="sidebar-composer"]').isVisible()).toBe(false);
    // No problem on this page: no notice takes room.
    expect(await frame.locator('[data-testid="sidebar-marker-missing"], [data-testid="sidebar-no-agent"]').count()).toBe(0);
  });

  test('"Open the library" opens the section of the tab in use', async () => {
    const expected: Record<(typeof TABS)[number], string> = {
      replies: '#replies',
      hashtags: '#hashtags',
      'best-time': '#best-time',
      ideas: '#ideas',
      data: '#settings',
    };
    const frame = await sidebarAt('/');
    for (const id of TABS) {
      await frame.locator(`[data-testid="sidebar-tab-${id}"]`).click();
      const opened = current.run.context.waitForEvent('page');
      await frame.locator('[data-testid="sidebar-open-library"]').click();
      const library = await opened;
      await library.waitForLoadState();
      expect(library.url()).toBe(`chrome-extension://${current.run.extensionId}/library.html${expected[id]}`);
      // The library shows that section (its navigation link is the current one).
      const section = expected[id].slice(1);
      await expect
        .poll(() => library.locator(`[data-testid="library-nav-${section}"]`).getAttribute('aria-current'))
        .toBe('page');
      await library.close();
    }
  });

  test('"Clipped to your ideas" belongs to its page: gone after in-app navigation', async () => {
    await current.page.setViewportSize({ width: 1280, height: 720 });
    const frame = await sidebarAt('/', { tab: 'ideas' });
    await current.page.waitForSelector('[role="article"]');
    await frame.locator('[data-testid="clips-page-clip-in-view"]').click();
    await expect.poll(() => frame.locator('[data-testid="clips-page-capture-ok"]').count(), { timeout: 15_000 }).toBe(1);

    await current.page.evaluate(() => (window as any).__fixture.navigate('/spallademo/posts/pfbid123'));
    await expect.poll(() => frame.locator('[data-testid="sidebar-surface"]').getAttribute('data-value')).toBe('post');
    await expect.poll(() => frame.locator('[data-testid="clips-page-capture-ok"]').count()).toBe(0);
    // The clip itself is kept: it is listed among the recent ones.
    expect(await frame.locator('[data-testid="clips-page-recent-item"]').count()).toBeGreaterThan(0);
  });

  test('at 1280x1024, a sidebar over the right fifth of the "Create post" dialog says so and offers the way out that clears it', async () => {
    await current.page.setViewportSize({ width: 1280, height: 1024 });
    // A sidebar widened to 490 px: its panel starts at x = 790, over the right 100 px of
    // the centred 500 px dialog (x = 390 to 890).
    const frame = await sidebarAt('/', { width: 490, tab: 'replies' });
    await current.page.locator('[role="button"].fb-create-trigger').click();
    const dialog = current.page.locator('[role="dialog"]');
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBe(500);
    expect(box.x + box.width / 2).toBeCloseTo(640, 0);
    const host = await hostInfo(current.page);
    const panelLeft = host.box!.x + host.box!.width - 490;
    expect(box.x + box.width - panelLeft).toBeCloseTo(100, 0);

    await current.page.locator('[data-fixture-editor="fb-create-post"]').click({ position: { x: 40, y: 30 } });
    await current.page.keyboard.type('Nuovi orari dal lunedì al sabato');
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(1);
    // A centred dialog is as covered on the left: moving is not offered, narrowing is,
    // to the room right of the dialog (1280 - 890 - 8 px of gap).
    expect(await frame.locator('[data-testid="sidebar-move-side"]').count()).toBe(0);
    const narrower = frame.locator('[data-testid="sidebar-narrower"]');
    expect(await narrower.getAttribute('data-width')).toBe('382');
    await narrower.click();
    await waitForHost(current.page, (i) => i.box!.width === 382 + 22);
    await current.page.locator('[data-fixture-editor="fb-create-post"]').click({ position: { x: 300, y: 30 } });
    await current.page.keyboard.press('Control+End');
    await current.page.keyboard.type(' e domenica');
    await expect.poll(() => frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(0);
    expect(await current.page.evaluate(() => (window as any).__fixture.editors['fb-create-post'].read())).toContain(
      'Nuovi orari dal lunedì al sabato e domenica',
    );
    // The new width is remembered for the site.
    const state = (await current.run.serviceWorker().then((w) => w.evaluate('chrome.storage.local.get("sidebarState")'))) as any;
    expect(state.sidebarState.facebook.width).toBe(382);
  });

  test('a box only brushed by the panel (under 16 px) is not reported as covered', async () => {
    await current.page.setViewportSize({ width: 1280, height: 1024 });
    // Panel from x = 890 on: it touches the dialog's right edge and covers nothing.
    const frame = await sidebarAt('/', { width: 390, tab: 'replies' });
    await current.page.locator('[role="button"].fb-create-trigger').click();
    await current.page.locator('[data-fixture-editor="fb-create-post"]').click({ position: { x: 40, y: 30 } });
    await current.page.keyboard.type('Ciao');
    await expect.poll(() => frame.locator('[data-testid="sidebar-composer"]').getAttribute('data-focused')).toBe('true');
    await expect.poll(() => frame.locator('[data-testid="sidebar-composer"]').getAttribute('data-kind')).toBe('lexical');
    expect(await frame.locator('[data-testid="sidebar-covered-notice"]').count()).toBe(0);
  });
});

