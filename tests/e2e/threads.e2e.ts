// Threads (#14) end to end in Chromium, on the www.threads.com fixture (tests/fixtures/src/
// threads-app.tsx) with Threads switched on and its permission granted:
// - saved replies into Threads' Lexical reply box, click / typed shortcut / palette x empty
//   box / caret mid-text, read back from the editor's own state, the text around kept, undo;
//   the greeting from the post answered; the new-thread and reply dialogs;
// - clipping one post of each kind (text, photo, carousel, video, quote, repost), each in the
//   library with its image after the image address answers 403;
// - the hashtag linter on Threads' one topic tag, and the page's surface with no marker missing.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { focusedEditorId, readEditor, repliesStatus } from './support/editor-state';
import type { ChromiumRun } from './support/chromium';
import { inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { openIdeas } from './support/clips-library-pages';
import { clickClipControl, expectCardThumbnailFromBlob } from './support/clips-flow';
import { denyFixtureImages } from './support/clips-page';
import { openExtensionPage } from './support/extension-pages';
import { clearDatabase, dumpDatabase } from './support/idb';
import { settledStarterReplies } from './support/replies-starters';
import { insertReplyBy } from './support/replies-ways';
import { launchChromiumWithThreads } from './support/threads';

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;
const port = () => inject('fixturePort');

/** Giulia's photo post: her reply box greets her by handle. */
const POST_PAGE = '/@giulia.verdi/post/DQ1mAgE0p2x';
const BOX = 'th-post-reply';
const SEED = [
  {
    id: 'r-thanks',
    title: 'Ringraziamento',
    shortcut: 'grazie',
    body: 'Grazie {{first_name|amico}}! 👍🏽 #caffè\nSeconda riga',
    language: 'it',
    useCount: 5,
  },
];
const rendered = (name: string) => `Grazie ${name}! 👍🏽 #caffè\nSeconda riga`;
const TYPED = 'Ciao  mondo';
const LEFT = 6;

const read = (id: string) => readEditor(page, id);

const focusedEditor = () => focusedEditorId(page);

const status = () => repliesStatus(sidebar);

/** A fresh reply box (new Lexical state and history) by in-app navigation, no reload. */
async function resetPostPage() {
  // A click on the page first (its empty margin, left of the column): Chromium hands focus
  // back to the frame that last had it (the sidebar) when a focused element is removed.
  await page.mouse.click(200, 600);
  await page.evaluate(() => (window as any).__fixture.navigate('/search'));
  await page.evaluate((path) => (window as any).__fixture.navigate(path), POST_PAGE);
  await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), BOX);
}

/** Clicks a box until it holds the focus (Chromium may hand it back to the sidebar frame a
 * moment after the page is rebuilt; a person whose caret vanished clicks again). */
async function focusBox(id: string) {
  const box = page.locator(`[data-fixture-editor="${id}"]`);
  await expect
    .poll(
      async () => {
        const focused = await focusedEditor();
        if (focused !== id) await box.click({ position: { x: 12, y: 10 } });
        return focused;
      },
      { timeout: 10_000 },
    )
    .toBe(id);
}

beforeAll(async () => {
  run = await launchChromiumWithThreads(port());
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(SEED)})`);
  page = await run.context.newPage();
  await page.goto(run.url('www.threads.com', POST_PAGE));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').waitFor();
});

afterAll(async () => {
  await run?.close();
});

describe('Chromium: saved replies into the Threads reply box (Lexical), three ways', () => {
  for (const way of ['click', 'shortcut', 'palette'] as const) {
    for (const start of ['empty', 'caret mid-text'] as const) {
      test(`${way} / ${start}`, async () => {
        await resetPostPage();
        await focusBox(BOX);
        if (start === 'caret mid-text') {
          await page.keyboard.type(TYPED);
          for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
          await expect.poll(() => read(BOX)).toBe(TYPED);
        }
        await insertReplyBy(page, sidebar, way);
        const after = start === 'empty' ? rendered('giulia.verdi') : `Ciao ${rendered('giulia.verdi')} mondo`;
        await expect.poll(() => read(BOX), { timeout: 10_000 }).toBe(after);
        if (way !== 'shortcut') await expect.poll(() => status()).toBe('inserted');
        // Undo takes back the insertion (a typed shortcut stays: undo takes the expansion).
        await page.locator(`[data-fixture-editor="${BOX}"]`).focus();
        await page.keyboard.press('Control+KeyZ');
        const shortcut = way === 'shortcut' ? ';grazie' : '';
        await expect.poll(() => read(BOX), { timeout: 10_000 }).toBe(start === 'empty' ? shortcut : `Ciao ${shortcut} mondo`);
      });
    }
  }

  test('the reply dialog greets the author of the post above the box; the new-thread dialog greets nobody (the fallback)', async () => {
    await page.evaluate(() => (window as any).__fixture.navigate('/'));
    await page.locator('[data-pressable-container] [role="button"]:has(svg[aria-label="Reply"])').nth(1).click();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['th-reply']?.element());
    await focusBox('th-reply');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
    await expect.poll(() => read('th-reply'), { timeout: 10_000 }).toBe(rendered('giulia.verdi'));
    await page.keyboard.press('Escape');

    await page.locator('[role="region"] [role="button"]', { hasText: "What's new?" }).click();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['th-composer']?.element());
    await focusBox('th-composer');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
    await expect.poll(() => read('th-composer'), { timeout: 10_000 }).toBe(rendered('amico'));
    await page.keyboard.press('Escape');
  });
});

describe('Chromium: the Italian Threads page', () => {
  test('"Rispondi" opens the reply dialog; the reply greets the post author; Italian labels change nothing the adapter reads', async () => {
    await page.goto(run.url('www.threads.com', '/?lang=it'));
    await waitForHost(page);
    sidebar = await openSidebar(page, run);
    await sidebar.locator('[data-testid="sidebar-tab-replies"]').click();
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').waitFor();
    await page.locator('[data-pressable-container] [role="button"]:has(svg[aria-label="Rispondi"])').nth(1).click();
    await page.waitForFunction(() => !!(window as any).__fixture?.editors['th-reply']?.element());
    await focusBox('th-reply');
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => read('th-reply')).toBe(TYPED);
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').click();
    await expect.poll(() => read('th-reply'), { timeout: 10_000 }).toBe(`Ciao ${rendered('giulia.verdi')} mondo`);
    await page.locator('[data-fixture-editor="th-reply"]').focus();
    await page.keyboard.press('Control+KeyZ');
    await expect.poll(() => read('th-reply'), { timeout: 10_000 }).toBe(TYPED);
    await page.keyboard.press('Escape');
  });
});

describe('Chromium: the sidebar on Threads', () => {
  test('the composer dialog is the composer surface, with no marker missing; the hashtag linter follows one topic tag per post', async () => {
    await page.goto(run.url('www.threads.com', '/intent/post'));
    await waitForHost(page);
    const frame = await openSidebar(page, run);
    await expect.poll(() => frame.locator('[data-testid="sidebar-surface"]').getAttribute('data-value'), { timeout: 10_000 }).toBe('composer');
    expect(await frame.locator('[data-testid="sidebar-site"]').getAttribute('data-value')).toBe('threads');
    expect(await frame.locator('[data-testid="sidebar-marker-missing"]').count()).toBe(0);

    await setStorage(run, { hashtagsLearnFromFeed: false });
    await frame.locator('[data-testid="sidebar-tab-hashtags"]').click();
    // Typed as a person types; if the focus went to the sidebar frame meanwhile (Chromium
    // may hand it back there after the tab change), the person clicks the box and types again.
    const typed = 'Menù nuovo #bologna #caffè e #autunno';
    await expect
      .poll(
        async () => {
          const now = await read('th-composer');
          if (now !== typed) {
            await focusBox('th-composer');
            await page.keyboard.press('Control+KeyA');
            await page.keyboard.type(typed, { delay: 10 });
          }
          return now;
        },
        { timeout: 20_000 },
      )
      .toBe(typed);
    const state = frame.locator('[data-testid="hashtags-composer-state"]');
    await expect.poll(() => state.getAttribute('data-network'), { timeout: 10_000 }).toBe('threads');
    const issue = frame.locator('[data-testid="hashtags-composer"] [data-testid="hashtags-lint-issue"][data-code="one-topic-tag"]');
    await expect.poll(() => issue.count(), { timeout: 10_000 }).toBe(1);
    // The issue shows from the first extra tag typed; its words follow the text as it settles
    // (a loaded run read it at "#ca").
    await expect.poll(() => issue.textContent(), { timeout: 10_000 }).toBe('Threads makes one topic tag per post: #bologna. Plain text: #caffè, #autunno.');
    expect(await frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-limit')).toBe('1');
    sidebar = frame;
  });
});

/** Runs in the library page: whether the card's thumbnail shows the bytes of the stored
 * image row `imageId` (read with the raw IndexedDB API). A carousel has one thumbnail per
 * picture: the card shows the first. */
const SHOWN_IS_STORED = `async ([clipId, imageId]) => {
  const img = document.querySelector('[data-testid="clips-card"][data-clip-id="' + clipId + '"] [data-testid="clips-card-thumbnail"]');
  if (!img) return 'no thumbnail shown';
  const shown = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('spalla');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const row = await new Promise((resolve, reject) => {
    const r = db.transaction('images').objectStore('images').get(imageId);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  if (!row) return 'no stored image ' + imageId;
  const stored = new Uint8Array(await row.blob.arrayBuffer());
  return shown.length > 0 && shown.length === stored.length && shown.every((b, i) => b === stored[i]);
}`;

interface DumpedClip {
  id: string;
  network: string;
  permalink: string | null;
  authorHandle: string | null;
  text: string;
  hashtags: string[];
  imageIds: string[];
  links?: string[];
}

describe('Chromium: clipping Threads posts', () => {
  const KINDS = [
    { kind: 'text', code: 'DQt3xtP0st1', handle: 'spallademo', images: [] as string[], hashtags: ['Bologna'], text: "Nuovo menù d'autunno da oggi ☕🍂\nChi passa a provarlo?" },
    { kind: 'photo', code: 'DQ1mAgE0p2x', handle: 'giulia.verdi', images: ['th-market'], hashtags: ['farmers market', 'bologna'], text: 'Sunday market haul 🥕🍅 #bologna' },
    { kind: 'carousel', code: 'DQcArOuSeL3', handle: 'spallademo', images: ['th-cake-1', 'th-cake-2', 'th-cake-3'], hashtags: ['dolci'], text: 'Le torte della settimana 🍰 Scorri →' },
    { kind: 'video', code: 'DQvIdEo4lAt', handle: 'luca.bianchi', images: ['th-latte'], hashtags: ['latte art'], text: 'Latte art in slow motion ☕' },
    { kind: 'quote', code: 'DQqUoTe5aBc', handle: 'marco.neri', images: [], hashtags: [], text: 'Proprio così 👇 Il mercato della domenica è il migliore.' },
    { kind: 'repost', code: 'DQrEpOsT6xy', handle: 'luca.bianchi', images: [], hashtags: ['weekend'], text: 'Weekend vibes ✨ Dieci anni di forno in via Marsala 🥖' },
  ];

  test('one post of each kind clipped from the feed; each in the library with its images after the addresses answer 403', async () => {
    const library = await openExtensionPage(run, 'library.html');
    await clearDatabase(library).catch(() => {});
    const clipsNow = async () => ((await dumpDatabase(library)).clips ?? []) as DumpedClip[];
    await page.goto(run.url('www.threads.com', '/'));
    await waitForHost(page);

    for (const [i, { code }] of KINDS.entries()) {
      await clickClipControl(page, code);
      await expect.poll(async () => (await clipsNow()).length, { timeout: 15_000 }).toBe(i + 1);
    }
    const dump = await dumpDatabase(library);
    const clips = dump.clips as DumpedClip[];
    const images = dump.images as { id: string; role: string; sourceUrl: string | null }[];
    await library.close();
    for (const k of KINDS) {
      const clip = clips.find((c) => c.permalink === `https://www.threads.com/@${k.handle}/post/${k.code}`);
      expect({ kind: k.kind, found: !!clip }).toEqual({ kind: k.kind, found: true });
      expect({ kind: k.kind, network: clip!.network, author: clip!.authorHandle, hashtags: clip!.hashtags }).toEqual({
        kind: k.kind,
        network: 'threads',
        author: k.handle,
        hashtags: k.hashtags,
      });
      expect({ kind: k.kind, text: clip!.text }).toEqual({ kind: k.kind, text: k.text });
      // Each picture (a video's poster frame) as a thumbnail and the full image, fetched from
      // its address at clip time.
      const rows = clip!.imageIds.map((id) => images.find((i) => i.id === id)!);
      const names = [...new Set(rows.map((r) => /img\/([\w-]+)\.png/.exec(r.sourceUrl ?? '')?.[1]))];
      expect({ kind: k.kind, names, rows: rows.length }).toEqual({ kind: k.kind, names: k.images, rows: 2 * k.images.length });
    }

    // Every image address expires; the library still shows each clip's picture from the stored blob.
    await denyFixtureImages(port(), 'Chrome', KINDS.flatMap((k) => k.images));
    try {
      expect(await page.evaluate(() => fetch('/__fixture/img/th-market.png').then((r) => r.status))).toBe(403);
      const ideas = await openIdeas(run);
      try {
        for (const k of KINDS.filter((kind) => kind.images.length > 0)) {
          const clip = clips.find((c) => c.permalink?.endsWith(`/post/${k.code}`))!;
          await expectCardThumbnailFromBlob(ideas, clip.id);
          // The very bytes stored as the clip's first picture's thumbnail.
          const firstThumbnail = clip.imageIds.map((id) => images.find((i) => i.id === id)!).find((r) => r.role === 'thumbnail')!;
          expect(await ideas.evaluate(`(${SHOWN_IS_STORED})(${JSON.stringify([clip.id, firstThumbnail.id])})`)).toBe(true);
        }
      } finally {
        await ideas.close();
      }
    } finally {
      await denyFixtureImages(port(), 'Chrome', []);
    }
  });
});


describe('Chromium: best time for a Threads account', () => {
  test.each([
    ['en', 'No published study gives best times for Threads yet'],
    ['it', 'Nessuno studio pubblicato indica ancora gli orari migliori per Threads'],
  ])('%s: no published study covers Threads: the account starts flat, and the sidebar says why', async (lang, words) => {
    await setStorage(run, { language: lang });
    try {
      await page.goto(run.url('www.threads.com', `/@spallademo?lang=${lang}`));
      await waitForHost(page);
      const frame = await openSidebar(page, run);
      await frame.locator('[data-testid="sidebar-tab-best-time"]').click();
      const create = frame.locator('[data-testid="best-time-sidebar-create-account"]');
      const note = frame.locator('[data-testid="best-time-no-study"]');
      await expect.poll(async () => (await create.count()) + (await note.count()), { timeout: 10_000 }).toBeGreaterThan(0);
      if (await create.count()) await create.click();
      await expect.poll(() => note.getAttribute('data-network'), { timeout: 10_000 }).toBe('threads');
      expect(await note.textContent()).toContain(words);
    } finally {
      await setStorage(run, { language: 'auto' });
    }
  });
});
