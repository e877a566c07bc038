import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { focusedEditorId, readEditor, repliesStatus } from './support/editor-state';
import type { ChromiumRun } from './support/chromium';
import { launchChromiumWithNetworks } from './support/chromium-networks';
import { inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { expectedAfter, expectedBeforeUndo, LEFT, SEED, STARTS, TYPED, WAYS, type Start, type Way } from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';
import { clickClipControl, clipDatabase, revealedIdeas, expectCardThumbnailFromBlob } from './support/clips-flow';
import { denyFixtureImages } from './support/clips-page';
import { openIdeas } from './support/clips-library-pages';
import { openExtensionPage } from './support/extension-pages';
import { clearDatabase } from './support/idb';
import { bestTimeLibrary } from './support/best-time-data';
import { insertReplyBy } from './support/replies-ways';

/** LinkedIn's Quill 1 composers in Chromium: saved replies by click, typed shortcut and
 * palette, into an empty box and with the caret mid-text, read back from Quill's own
 * model (`quill.getText()`), then undone with Quill's History (Ctrl+Z). The test bench
 * first (a Quill whose instance is reachable and one whose is not), then LinkedIn's
 * own boxes. */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

interface Box {
  /** Where the box lives: host and path. */
  host: string;
  path: string;
  /** Fixture editor id (`window.__fixture.editors`). */
  id: string;
  /** Opens the surface around the box, when a click is needed (a dialog). */
  open?: () => Promise<void>;
  /** The first name the page gives for `{{first_name}}` (the reply's fallback otherwise). */
  greets?: string;
  /** A plain contenteditable: typed double spaces read back as no-break spaces. */
  plain?: boolean;
}

const BENCH = (id: string): Box => ({ host: 'www.facebook.com', path: '/spalla-test/editors', id });

/** A page of the same site that unmounts the box (fresh editor and history on return). */
function awayFrom(box: Box): string {
  if (box.host !== 'www.linkedin.com') return '/';
  return box.path.startsWith('/messaging') ? '/feed/' : '/messaging/thread/301/';
}

const read = (id: string) => readEditor(page, id);

const focusedEditor = () => focusedEditorId(page);

const status = () => repliesStatus(sidebar);

beforeAll(async () => {
  run = await launchChromiumWithNetworks(inject('fixturePort'), ['linkedin']);
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(SEED)})`);
  page = await run.context.newPage();
  await page.goto(run.url('www.facebook.com', '/spalla-test/editors'));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator(`[data-testid="replies-item"][data-reply-id="r-thanks"]`).waitFor();
});

afterAll(async () => {
  await run?.close();
});

/** A fresh box (new Quill, new History) through in-app navigation, focused. */
async function prepare(box: Box, start: Start) {
  const here = new URL(page.url());
  if (here.host !== box.host) {
    await page.goto(run.url(box.host, box.path));
    await waitForHost(page);
    sidebar = await openSidebar(page, run);
    await sidebar.locator(`[data-testid="replies-item"][data-reply-id="r-thanks"]`).waitFor();
  } else {
    // Focus off the box first: Chromium hands it to the sidebar frame when a focused
    // element is removed.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate((away) => (window as any).__fixture.navigate(away), awayFrom(box));
    await page.evaluate((path) => (window as any).__fixture.navigate(path), box.path);
  }
  await box.open?.();
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), box.id);
  const editor = page.locator(`[data-fixture-editor="${box.id}"]`);
  await editor.click({ position: { x: 12, y: 12 } });
  await expect
    .poll(
      async () => {
        const focused = await focusedEditor();
        if (focused !== box.id) await editor.click({ position: { x: 12, y: 12 } });
        return focused;
      },
      { timeout: 10_000 },
    )
    .toBe(box.id);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => readBox(box)).toBe(TYPED);
  }
}

async function insertBy(way: Way) {
  await insertReplyBy(page, sidebar, way);
}

/** What the box holds, as the matrix compares it. */
async function readBox(box: Box): Promise<string> {
  const value = await read(box.id);
  return box.plain ? value.replace(/\u00a0/g, ' ') : value;
}

async function insertedAndUndone(box: Box, way: Way, start: Start) {
  await prepare(box, start);
  await insertBy(way);
  // The matrix's reply greets "{{first_name|amico}}": the page's name where it gives one.
  const after = expectedAfter(start).replace('amico', box.greets ?? 'amico');
  await expect.poll(() => readBox(box), { timeout: 5_000 }).toBe(after);
  if (way !== 'shortcut') {
    await expect.poll(() => status()).not.toBeNull();
    expect(await status()).toBe('inserted');
  }
  await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(box.id);
  await page.keyboard.press('Control+z');
  await expect.poll(() => readBox(box), { timeout: 3_000 }).toBe(expectedBeforeUndo(start, way));
}

describe('Chromium: Quill 1 on the test bench', () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`bench-quill / ${way} / ${start}`, () => insertedAndUndone(BENCH('bench-quill'), way, start));
    }
  }
  for (const start of STARTS) {
    test(`bench-quill-hidden (instance out of reach, typed as lines) / click / ${start}`, async () => {
      const box = BENCH('bench-quill-hidden');
      await prepare(box, start);
      await insertBy('click');
      await expect.poll(() => read(box.id), { timeout: 5_000 }).toBe(expectedAfter(start));
      await expect.poll(() => status()).toBe('inserted');
    });
  }
});

const LI = (path: string, id: string, more: Partial<Box> = {}): Box => ({ host: 'www.linkedin.com', path, id, ...more });
const openShareDialog = async () => {
  await page.locator('.share-box-feed-entry__trigger').click();
};
/** LinkedIn's Quill boxes: a feed comment box (Quill's instance at `__quill`) and the post
 * composer in its dialog (the instance under another name, as opencues found it). */
const QUILL_BOXES: [string, Box][] = [
  // The first post is Spalla Demo's: its comment box greets "Spalla".
  ['feed comment box', LI('/feed/', 'li-feed-comment-1', { greets: 'Spalla' })],
  ['post composer ("Start a post")', LI('/feed/', 'li-share', { open: openShareDialog })],
];

describe('Chromium: LinkedIn Quill 1 composers', () => {
  for (const [name, box] of QUILL_BOXES) {
    for (const way of WAYS) {
      for (const start of STARTS) {
        test(`${name} / ${way} / ${start}`, () => insertedAndUndone(box, way, start));
      }
    }
  }
});

describe('Chromium: LinkedIn messages and names', () => {
  for (const start of STARTS) {
    test(`message box (plain contenteditable) / click / ${start}`, () => insertedAndUndone(LI('/messaging/thread/300/', 'li-message', { greets: 'Luca', plain: true }), 'click', start));
  }

  const greet = async (box: Box, expected: string) => {
    await prepare(box, 'empty');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').click();
    await expect.poll(() => read(box.id), { timeout: 5_000 }).toBe(expected);
  };

  test("{{first_name}}: a feed comment box greets the post's author", () => greet(LI('/feed/', 'li-feed-comment-2'), 'Ciao Luca!'));
  test('{{first_name}}: a reply box greets the comment it answers, not the post (Italian page)', async () => {
    // The first post of the fixture (tests/fixtures/src/linkedin.tsx): Spalla Demo's, its first comment by Luca Bianchi.
    const urn = `urn:li:activity:${((BigInt(Date.parse('2026-11-20T12:34:00.000Z')) << 22n) + 1234n).toString()}`;
    await greet(LI(`/feed/update/${urn}/?lang=it`, 'li-post-reply'), 'Ciao Luca!');
  });
  test('{{first_name}}: a message box greets the thread\'s contact', () => greet(LI('/messaging/thread/301/', 'li-message'), 'Ciao Giulia!'));
});

/** The address of the first full image in the database. */
function full0(db: Awaited<ReturnType<typeof clipDatabase>>): string {
  return db.images.find((r) => r.role === 'full' && r.sourceUrl)!.sourceUrl!;
}

describe('Chromium: clipping LinkedIn posts', () => {
  test('LinkedIn: a text, an image, a three-image, a video post and a repost clipped from the feed; each in the library with its images after their addresses answer 403', async () => {
    await setStorage(run, { hashtagsLearnFromFeed: false });
    const library0 = await openExtensionPage(run, 'library.html');
    await clearDatabase(library0).catch(() => undefined);
    await library0.close();
    await page.goto(run.url('www.linkedin.com', '/feed/'));
    await waitForHost(page);
    // The fixture's posts (tests/fixtures/src/linkedin.tsx): activity ids carry their time.
    const id = (iso: string) => ((BigInt(Date.parse(iso)) << 22n) + 1234n).toString();
    const posts = [
      { kind: 'text', at: '2026-11-20T12:34:00.000Z', author: 'Spalla Demo', images: [] as string[] },
      { kind: 'image', at: '2026-11-19T08:15:00.000Z', author: 'Luca Bianchi', images: ['li-breakfast'] },
      { kind: 'three images', at: '2026-11-18T17:00:00.000Z', author: 'Spalla Demo', images: ['li-shop-1', 'li-shop-2', 'li-shop-3'] },
      { kind: 'video', at: '2026-11-17T10:00:00.000Z', author: 'Giulia Verdi', images: ['li-video-poster'] },
      { kind: 'repost', at: '2026-11-16T09:00:00.000Z', author: 'Luca Bianchi', images: [] as string[] },
    ];
    for (const post of posts) {
      await clickClipControl(page, id(post.at));
      const frame = await revealedIdeas(page, run);
      await frame.locator('[data-testid="clips-page-capture-ok"]').waitFor();
    }
    const db = await clipDatabase(run);
    expect(db.clips).toHaveLength(posts.length);
    for (const post of posts) {
      const permalink = `https://www.linkedin.com/feed/update/urn:li:activity:${id(post.at)}/`;
      const clip = db.clips.find((c) => c.permalink === permalink);
      expect(clip, post.kind).toMatchObject({ network: 'linkedin', authorName: post.author });
      expect((clip as unknown as { postedAt: number }).postedAt, post.kind).toBe(Date.parse(post.at));
      const full = clip!.imageIds.map((i) => db.images.find((r) => r.id === i)!).filter((r) => r.role === 'full' || r.role === 'poster');
      expect(full.map((r) => new URL(r.sourceUrl!).pathname.split('/').pop()), post.kind).toEqual(post.images);
    }
    // The text post was cut with "…more": the clip holds all of it, its hashtags too.
    const text = db.clips.find((c) => c.permalink?.includes(id(posts[0].at)))!;
    expect(text.text.endsWith('#autunno #caffè #bologna')).toBe(true);
    expect(text.hashtags).toEqual(['autunno', 'caffè', 'bologna']);

    // Every image address expires; the library draws each clip's thumbnail from its blob.
    await denyFixtureImages(inject('fixturePort'), 'Chrome', posts.flatMap((p) => p.images));
    try {
      // The page's own picture no longer loads.
      const loads = (src: string) =>
        page.evaluate((url) => new Promise<boolean>((resolve) => Object.assign(new Image(), { onload: () => resolve(true), onerror: () => resolve(false), src: `${url}&again=${Date.now()}` })), src);
      const first = full0(db);
      expect(await loads(first)).toBe(false);
      const library = await openIdeas(run);
      try {
        for (const clip of db.clips.filter((c) => c.imageIds.length > 0)) {
          await expectCardThumbnailFromBlob(library, clip.id);
        }
      } finally {
        await library.close();
      }
    } finally {
      await denyFixtureImages(inject('fixturePort'), 'Chrome', []);
    }
  });
});

describe('Chromium: best time for a LinkedIn account', () => {
  test('no published study covers LinkedIn: the account starts flat, and the library says so in English and Italian', async () => {
    const library = await bestTimeLibrary(run);
    try {
      await library.getByTestId('best-time-new-name').fill('Spalla Demo');
      await library.getByTestId('best-time-new-handle').fill('spalla-demo');
      await library.getByTestId('best-time-new-network').selectOption('linkedin');
      await library.getByTestId('best-time-new-create').click();
      const note = library.getByTestId('best-time-no-study');
      await expect.poll(() => note.textContent()).toBe('No published study gives best times for LinkedIn yet: this grid starts flat and learns only from the account’s own posts.');
      // Nothing to choose but "no starting figures".
      expect(await library.getByTestId('best-time-prior-select').evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value))).toEqual(['none']);
      await setStorage(run, { language: 'it' });
      await library.reload();
      await expect
        .poll(() => library.getByTestId('best-time-no-study').textContent(), { timeout: 10_000 })
        .toBe('Nessuno studio pubblicato indica ancora gli orari migliori per LinkedIn: questa griglia parte piatta e impara solo dai post dell’account.');
    } finally {
      await setStorage(run, { language: 'auto' });
      await library.close();
    }
  });
});

describe('Chromium: hashtags on LinkedIn', () => {
  test("the linter follows LinkedIn's rule in its post composer: five hashtags pass, a sixth gets a hint", async () => {
    await page.goto(run.url('www.linkedin.com', '/feed/'));
    await waitForHost(page);
    const frame = await openSidebar(page, run);
    await frame.locator('[data-testid="sidebar-tab-hashtags"]').click();
    await openShareDialog();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['li-share']?.element());
    await page.locator('[data-fixture-editor="li-share"]').click();
    await page.keyboard.type('Menù d’autunno #caffè #bologna #autunno #menu #colazione', { delay: 5 });
    const state = frame.locator('[data-testid="hashtags-composer-state"]');
    await expect.poll(() => state.getAttribute('data-has-text'), { timeout: 10_000 }).toBe('true');
    expect(await state.getAttribute('data-network')).toBe('linkedin');
    const codes = () =>
      frame.locator('[data-testid="hashtags-composer"] [data-testid="hashtags-lint-issue"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    await expect.poll(() => frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-count'), { timeout: 10_000 }).toBe('5');
    expect(await codes()).not.toContain('many-hashtags');
    await page.keyboard.type(' #dolci', { delay: 5 });
    await expect.poll(codes, { timeout: 10_000 }).toContain('many-hashtags');
    expect(await read('li-share')).toBe('Menù d’autunno #caffè #bologna #autunno #menu #colazione #dolci');
    expect(await frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-max-length')).toBe('3000');
  });

  test("in a comment box the linter counts against a comment's 1,250 characters, not a post's 3,000", async () => {
    await page.goto(run.url('www.linkedin.com', '/feed/'));
    await waitForHost(page);
    const frame = await openSidebar(page, run);
    await frame.locator('[data-testid="sidebar-tab-hashtags"]').click();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['li-feed-comment-1']?.element());
    await page.locator('[data-fixture-editor="li-feed-comment-1"]').click();
    await page.keyboard.type('Bravissimi! #bologna', { delay: 5 });
    const lint = frame.locator('[data-testid="hashtags-composer"] [data-testid="hashtags-lint"]');
    await expect.poll(() => lint.getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => lint.getAttribute('data-max-length'), { timeout: 10_000 }).toBe('1250');
    await expect.poll(() => frame.locator('[data-testid="hashtags-composer"] [data-testid="hashtags-lint-count"]').textContent()).toMatch(/of 1[,.\u202f\u00a0]?250\b/u);
  });
});
