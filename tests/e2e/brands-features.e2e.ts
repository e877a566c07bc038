// Hashtags, clips and best time follow the brand in view (issue #13), in Chromium with the
// built extension on the two clients' fixture pages (Pizzeria Da Gino, Fiori di Lucia): the
// sidebar's suggestions and sets (read from its DOM), what the harvest learns and where a
// new set is filed, where a clip lands (read back from the database through the library
// page), whose best-time hint shows.
import { beforeEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { focusFixtureEditor, inWorker, openSidebar, setStorage, useChromium, waitForHost } from './support/chromium-sidebar';
import { readEditor } from './support/editor-state';
import { openExtensionPage } from './support/extension-pages';
import { editorSelector, LEARN_KEY } from './support/hashtags-helpers';
import { clearDatabase, dumpDatabase, writeRows } from './support/idb';

const current = useChromium();

/** The two clients, as the fixtures show them (tests/fixtures/src/clients.ts). */
const SEED = {
  brands: [
    { id: 'gino', name: 'Pizzeria Da Gino' },
    { id: 'lucia', name: 'Fiori di Lucia' },
  ],
  accounts: [
    { id: 'gino-fb', brandId: 'gino', network: 'facebook', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino', externalId: '104729384756102' },
    { id: 'gino-ig', brandId: 'gino', network: 'instagram', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino' },
    { id: 'lucia-fb', brandId: 'lucia', network: 'facebook', name: 'Fiori di Lucia', handle: 'fioridilucia', externalId: '108837261549013' },
    { id: 'lucia-ig', brandId: 'lucia', network: 'instagram', name: 'Fiori di Lucia', handle: 'fioridilucia.bo' },
  ],
};

async function library(): Promise<Page> {
  return openExtensionPage(current.run, 'library.html');
}

beforeEach(async () => {
  const page = await library();
  // A fresh profile has no database until the background first writes: nothing to clear.
  await clearDatabase(page).catch((error: Error) => {
    if (!/cannot open the "spalla" database/.test(error.message)) throw error;
  });
  await page.close();
  await inWorker(current.run, `self.spalla.hashtagsClear()`);
  await inWorker(current.run, `self.spalla.brandsSeed(${JSON.stringify(SEED)})`);
});

async function database() {
  const page = await library();
  const dump = await dumpDatabase(page);
  await page.close();
  return dump as Record<string, Record<string, unknown>[]>;
}

/** The brand in view of the (only) tab on `host`, as the background's features see it. */
async function brandInView(host: string): Promise<string | null> {
  const view = await inWorker<{ brandId: string | null }>(
    current.run,
    `(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://${host}/*' });
      return self.spalla.brandInView(tab.id);
    })()`,
  );
  return view.brandId;
}

/** Picks a brand (null = all brands) with the sidebar header's switch, as a person does, and
 * waits for the header to show it. */
async function choose(frame: Frame, brandId: string | null) {
  const value = brandId ?? 'all';
  await frame.locator('[data-testid="sidebar-brand-switch"]').click();
  await frame.locator(`[data-testid="sidebar-brand-option"][data-value="${value}"]`).click();
  await expect.poll(() => attr(frame, 'sidebar-brand', 'data-value'), { timeout: 10_000 }).toBe(value);
}

async function openTab(host: string, path: string, tab: string): Promise<Frame> {
  await current.page.goto(current.run.url(host, path));
  await waitForHost(current.page);
  const frame = await openSidebar(current.page, current.run);
  await frame.locator(`[data-testid="sidebar-tab-${tab}"]`).click();
  return frame;
}

/** Clicks into a fixture editor until it holds the focus (the last click was in the sidebar
 * frame, to which Chromium may hand focus back a moment late), types `text` as a person
 * does, and waits for it in the editor's own state: what the sidebar shows follows from it. */
async function typeInto(id: string, text: string) {
  await current.page.waitForFunction((editor) => !!(window as any).__fixture?.editors[editor]?.element(), id);
  await focusFixtureEditor(current.page, current.page.locator(editorSelector(id)), id);
  await current.page.keyboard.type(text, { delay: 10 });
  await expect.poll(() => readEditor(current.page, id)).toBe(text);
}

const attr = (frame: Frame, testId: string, name: string) => frame.locator(`[data-testid="${testId}"]`).first().getAttribute(name);

describe('hashtags follow the brand in view', () => {
  const GINO = ['ginoforno', 'ginonapoli', 'ginoset'];
  const LUCIA = ['luciamazzi', 'luciaricette', 'luciaset'];
  const now = Date.now();
  const set = (id: string, name: string, tags: string[], brandId: string | null) => ({ id, name, tags, network: null, brandId, createdAt: now, updatedAt: now });

  async function seedLearningAndSets() {
    for (let i = 0; i < 2; i++) {
      for (const [brandId, tags] of [
        ['gino', ['agenziatest', 'ginoforno', 'ginonapoli']],
        ['lucia', ['agenziatest', 'luciamazzi', 'luciaricette']],
      ] as const) {
        await inWorker(current.run, `self.spalla.hashtagsLearn(${JSON.stringify({ tags, network: 'facebook', source: 'own', brandId })})`);
      }
    }
    const page = await library();
    await writeRows(page, {
      hashtagSets: [
        set('set-gino', 'Gino', ['agenziatest', 'ginoset'], 'gino'),
        set('set-lucia', 'Lucia', ['agenziatest', 'luciaset'], 'lucia'),
        set('set-shared', 'Condiviso', ['agenziatest', 'condivisoset'], null),
      ],
    } as never);
    await page.close();
  }

  const suggested = (frame: Frame) =>
    frame
      .locator('[data-testid="hashtags-suggestions-composer"] [data-testid="hashtags-suggestion"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-tag') ?? '').sort());
  const setNames = (frame: Frame) =>
    frame.locator('[data-testid="hashtags-set"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''));
  const ours = (tags: string[]) => tags.filter((t) => /^(gino|lucia|condiviso)/.test(t));

  test("on Gino's Page: Gino's learning and sets plus the shared; picking Lucia, then all brands, changes them for the same text", async () => {
    await seedLearningAndSets();
    const frame = await openTab('www.facebook.com', '/pizzeriadagino', 'hashtags');
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('gino');
    await expect.poll(() => attr(frame, 'sidebar-brand', 'data-value'), { timeout: 10_000 }).toBe('gino');

    await typeInto('fb-page-comment-1', 'Ciao a tutti #agenziatest');

    await expect.poll(async () => ours(await suggested(frame)), { timeout: 15_000 }).toEqual([...GINO, 'condivisoset'].sort());
    await expect.poll(() => setNames(frame), { timeout: 10_000 }).toEqual(['Gino', 'Condiviso']);

    await choose(frame, 'lucia');
    await expect.poll(async () => ours(await suggested(frame)), { timeout: 15_000 }).toEqual(['condivisoset', ...LUCIA].sort());
    await expect.poll(() => setNames(frame), { timeout: 10_000 }).toEqual(['Lucia', 'Condiviso']);

    await choose(frame, null);
    await expect.poll(async () => ours(await suggested(frame)), { timeout: 15_000 }).toEqual([...GINO, ...LUCIA, 'condivisoset'].sort());
    await expect.poll(() => setNames(frame), { timeout: 10_000 }).toEqual(['Condiviso', 'Gino', 'Lucia']);
  });

  test("what is learned and saved on Lucia's Page is filed under Lucia", async () => {
    await setStorage(current.run, { [LEARN_KEY]: true });
    const frame = await openTab('www.facebook.com', '/fioridilucia', 'hashtags');
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('lucia');

    // The harvest reads Lucia's post (#fiori #peonie) as it scrolls into view.
    const learnedUnder = async () => {
      await inWorker(current.run, 'self.spalla.hashtagsFlush()');
      const stats = (await database()).hashtagStats as { id: string; keys: string[] }[];
      return Object.fromEntries(stats.map((s) => [s.id, [...s.keys].sort()]));
    };
    await expect.poll(learnedUnder, { timeout: 20_000 }).toEqual({ 'facebook-brand-lucia': ['fiori', 'peonie'] });

    // A set saved from the sidebar is Lucia's.
    await typeInto('fb-page-comment-1', 'Mazzi pronti #peonie #mazzidafiori');
    await frame.locator('[data-testid="hashtags-save-composer-tags-open"]').click();
    await frame.locator('[data-testid="hashtags-save-set-name"]').fill('Peonie');
    await frame.locator('[data-testid="hashtags-save-set-confirm"]').click();
    await expect.poll(() => frame.locator('[data-testid="hashtags-set"][data-name="Peonie"]').count(), { timeout: 10_000 }).toBe(1);
    const sets = (await database()).hashtagSets as { name: string; tags: string[]; brandId: string | null }[];
    expect(sets.map((s) => [s.name, s.tags, s.brandId])).toEqual([['Peonie', ['peonie', 'mazzidafiori'], 'lucia']]);

    // Lucia's set is not offered on Gino's Page.
    await current.page.evaluate(() => (window as any).__fixture.navigate('/pizzeriadagino'));
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('gino');
    await expect.poll(() => frame.locator('[data-testid="hashtags-set"]').count(), { timeout: 10_000 }).toBe(0);
  });
});

describe('clips land under the brand in view', () => {
  test("the sidebar's clip, the keyboard command and the context menu file under the Page's brand; recent ideas are that brand's", async () => {
    const frame = await openTab('www.facebook.com', '/pizzeriadagino', 'ideas');
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('gino');
    await frame.locator('[data-testid="clips-page-clip-in-view"]').click();
    await frame.locator('[data-testid="clips-page-capture-ok"]').waitFor({ timeout: 30_000 });

    // Lucia's Page, in the same tab: the keyboard command clips the post under the pointer.
    await current.page.evaluate(() => (window as any).__fixture.navigate('/fioridilucia'));
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('lucia');
    const box = await current.page.evaluate(() => {
      const link = document.querySelector('a[href*="pfbid6001"]')!;
      const post = link.closest('.fb-post')!;
      post.scrollIntoView({ block: 'center' });
      const r = post.getBoundingClientRect();
      return { x: r.left + r.width / 3, y: r.top + r.height / 2 };
    });
    await current.page.mouse.move(box.x, box.y);
    const viaCommand = await inWorker<{ ok: boolean }>(
      current.run,
      `(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://www.facebook.com/*' });
        return self.spalla.clipCommand(tab);
      })()`,
    );
    expect(viaCommand.ok).toBe(true);
    // The context menu on a selection of that page.
    const viaMenu = await inWorker<{ ok: boolean }>(
      current.run,
      `(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://www.facebook.com/*' });
        return self.spalla.clipFromMenu(
          { menuItemId: 'clip-selection', selectionText: 'Peonie arrivate stamattina', pageUrl: tab.url },
          tab,
        );
      })()`,
    );
    expect(viaMenu.ok).toBe(true);

    const db = await database();
    const clips = db.clips as { id: string; permalink: string | null; brandId: string | null; imageIds: string[] }[];
    const byBrand = (brandId: string) => clips.filter((c) => c.brandId === brandId);
    expect(byBrand('gino').map((c) => c.permalink)).toEqual([expect.stringContaining('pfbid5001')]);
    expect(byBrand('lucia').map((c) => c.permalink).sort()).toEqual([expect.stringContaining('https://www.facebook.com/fioridilucia'), expect.stringContaining('pfbid6001')].sort());
    expect(clips).toHaveLength(3);
    // Each clip's images carry its brand.
    const images = db.images as { clipId: string; brandId: string | null }[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image.brandId).toBe(clips.find((c) => c.id === image.clipId)!.brandId);

    // Lucia in view: her two clips, not Gino's.
    const recent = () => frame.locator('[data-testid="clips-page-recent-item"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-clip-id')).sort());
    await expect.poll(recent, { timeout: 10_000 }).toEqual(byBrand('lucia').map((c) => c.id).sort());
    // All brands: every clip.
    await choose(frame, null);
    await expect.poll(recent, { timeout: 10_000 }).toEqual(clips.map((c) => c.id).sort());
  });
});

describe('best time follows the brand in view', () => {
  test("the profile's account when it is the brand's; on a feed, the brand's account on that network", async () => {
    const frame = await openTab('www.instagram.com', '/pizzeriadagino/', 'best-time');
    await expect.poll(() => attr(frame, 'best-time-sidebar-account', 'data-value'), { timeout: 15_000 }).toBe('gino-ig');
    expect(await attr(frame, 'best-time-sidebar-account', 'data-on-page')).toBe('true');
    expect(await frame.locator('[data-testid="best-time-sidebar-posts"]').count()).toBe(1);

    // Lucia's profile, in the same tab.
    await current.page.evaluate(() => (window as any).__fixture.navigate('/fioridilucia.bo/'));
    await expect.poll(() => attr(frame, 'best-time-sidebar-account', 'data-value'), { timeout: 15_000 }).toBe('lucia-ig');

    // Facebook's feed acting as Gino's Page: Gino's Facebook account, and no posts to log
    // (the feed's posts are not that account's).
    const fb = await openTab('www.facebook.com', '/?as=pizzeriadagino', 'best-time');
    await expect.poll(() => brandInView('www.facebook.com'), { timeout: 15_000 }).toBe('gino');
    await expect.poll(() => attr(fb, 'best-time-sidebar-account', 'data-value'), { timeout: 15_000 }).toBe('gino-fb');
    expect(await attr(fb, 'best-time-sidebar-account', 'data-on-page')).toBe('false');
    expect(await fb.locator('[data-testid="best-time-sidebar-posts"]').count()).toBe(0);
    // The user picks Lucia: her Facebook account.
    await choose(fb, 'lucia');
    await expect.poll(() => attr(fb, 'best-time-sidebar-account', 'data-value'), { timeout: 15_000 }).toBe('lucia-fb');
    // All brands: the feed shows no account of its own, so no hint.
    await choose(fb, null);
    await fb.locator('[data-testid="best-time-sidebar-no-account"]').waitFor({ timeout: 15_000 });
  });
});
