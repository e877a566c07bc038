import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { focusedEditorId, readEditor, repliesStatus } from './support/editor-state';
import type { Clip, StoredImage as ClipImage } from '../../utils/db/clips';
import { textLength } from '../../utils/limits/length';
import type { ChromiumRun } from './support/chromium';
import { expectSidebarValue, focusFixtureEditor, inWorker, openSidebar, setStorage, waitForHost } from './support/chromium-sidebar';
import { insertReplyBy } from './support/replies-ways';
import { launchChromiumWithSiteOn } from './support/optional-sites';
import { denyFixtureImages } from './support/clips-page';
import { clickClipControl, expectCardThumbnailFromBlob } from './support/clips-flow';
import { openIdeas } from './support/clips-library-pages';
import { openExtensionPage } from './support/extension-pages';
import { dumpDatabase } from './support/idb';
import { expectedAfter, expectedBeforeUndo, LEFT, RENDERED, SEED, STARTS, TYPED, WAYS, type Start, type Way } from './support/replies-cases';
import { settledStarterReplies } from './support/replies-starters';

/** X (#14) in Chromium: the surfaces and their markers in English and Italian; saved
 * replies into X's Draft.js composer (click, typed shortcut, palette x empty box, caret
 * mid-text), read back from Draft's own state with undo; `{{first_name}}` from "Replying to
 * @handle" / "In risposta a @handle"; the message box; X's weighted counter. X is switched
 * on with its permission granted (see support/optional-sites.ts). */

let run: ChromiumRun;
let page: Page;
let sidebar: Frame;

const read = (id: string) => readEditor(page, id);

const focusedEditor = () => focusedEditorId(page);

const status = () => repliesStatus(sidebar);

/** In-app navigation (a new Draft editor, state and history, without a reload). */
async function go(path: string, editorId?: string) {
  await page.locator('[role="banner"]').click({ position: { x: 4, y: 4 } });
  await page.evaluate((p) => (window as any).__fixture.navigate(p), path);
  if (editorId) await page.waitForFunction((id) => !!(window as any).__fixture?.editors[id]?.element(), editorId);
}

function focusEditor(id: string) {
  return focusFixtureEditor(page, page.locator(`[data-fixture-editor="${id}"]`), id);
}

async function prepare(path: string, id: string, start: Start) {
  await go('/messages');
  await go(path, id);
  await focusEditor(id);
  if (start === 'caret mid-text') {
    await page.keyboard.type(TYPED);
    for (let i = 0; i < LEFT; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => read(id)).toBe(TYPED);
  }
}

function insertBy(way: Way) {
  return insertReplyBy(page, sidebar, way);
}

beforeAll(async () => {
  run = await launchChromiumWithSiteOn(inject('fixturePort'), 'x');
  await settledStarterReplies(() => inWorker(run, 'self.spalla.repliesAll()'));
  await inWorker(run, `self.spalla.repliesSeed(${JSON.stringify(SEED)})`);
  page = await run.context.newPage();
  await page.goto(run.url('x.com', '/home'));
  await waitForHost(page);
  sidebar = await openSidebar(page, run);
  await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"]').waitFor();
});

afterAll(async () => {
  await run?.close();
});

describe('X: surfaces and markers', () => {
  test.each([
    ['/home', 'feed'],
    ['/giuliaverdi/status/1790000000000000001', 'post'],
    ['/compose/post', 'composer'],
    ['/messages/1790-luca', 'messages'],
    ['/damario', 'profile'],
  ])('%s is %s, with every required marker (English and Italian)', async (path, surface) => {
    for (const lang of ['en', 'it']) {
      await go(`${path}?lang=${lang}`);
      await expectSidebarValue(sidebar, 'sidebar-site', 'data-value', 'x');
      await expectSidebarValue(sidebar, 'sidebar-surface', 'data-value', surface);
      expect(await sidebar.locator('[data-testid="sidebar-marker-missing"]').count()).toBe(0);
    }
  });
});

describe("X: saved replies into the home composer (Draft.js), three ways", () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`${way} / ${start}`, async () => {
        const id = 'x-home';
        await prepare('/home', id, start);
        await insertBy(way);
        await expect.poll(() => read(id), { timeout: 5_000 }).toBe(expectedAfter(start));
        if (way !== 'shortcut') await expect.poll(() => status()).toBe('inserted');
        await expect.poll(() => focusedEditor(), { timeout: 5_000 }).toBe(id);
        await page.keyboard.press('Control+z');
        await expect.poll(() => read(id), { timeout: 3_000 }).toBe(expectedBeforeUndo(start, way));
      });
    }
  }
});

describe('X: the person answered, and the counter', () => {
  test.each([
    ['en', 'Replying to'],
    ['it', 'In risposta a'],
  ])('%s: "{{first_name}}" is the first name of the @handle in "%s @handle"', async (lang) => {
    const id = 'x-reply';
    await prepare(`/giuliaverdi/status/1790000000000000001?lang=${lang}`, id, 'empty');
    const item = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]');
    await expect.poll(() => item.locator('[data-testid="replies-preview"]').textContent()).toBe('Ciao Giulia!');
    await item.click();
    await expect.poll(() => read(id)).toBe('Ciao Giulia!');
    // A reply on X takes 280, counted as X counts (twitter-text: the emoji counts 2).
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('280');
    // Here the reply greets Giulia (the fallback "amico" gives way to her name).
    const rendered = RENDERED.replace('amico', 'Giulia');
    expect(Number(await count.getAttribute('data-length'))).toBe(textLength(rendered, 'twitter-text'));
    expect(textLength(rendered, 'twitter-text')).not.toBe(rendered.length);
  });

  test('the message box greets the person of the conversation', async () => {
    const id = 'x-dm';
    await prepare('/messages/1790-luca', id, 'empty');
    await sidebar.locator('[data-testid="replies-item"][data-reply-id="r-name"]').click();
    await expect.poll(() => read(id)).toBe('Ciao Luca!');
    const count = sidebar.locator('[data-testid="replies-item"][data-reply-id="r-thanks"] [data-testid="replies-count"]');
    await expect.poll(() => count.getAttribute('data-limit')).toBe('10000');
  });

  test('the compose dialog takes a reply too', async () => {
    const id = 'x-compose';
    await prepare('/compose/post', id, 'caret mid-text');
    await insertBy('click');
    await expect.poll(() => read(id)).toBe(expectedAfter('caret mid-text'));
  });
});

/** What pbs.twimg.com (the fixture server) answers a browser whose User-Agent holds `ua`. */
function cdnStatus(path: string, ua: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: inject('fixturePort'), path, headers: { host: 'pbs.twimg.com', 'user-agent': ua }, rejectUnauthorized: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

type StoredImage = Pick<ClipImage, 'id' | 'clipId' | 'role' | 'sourceUrl'>;

async function stored(): Promise<{ clips: Clip[]; images: StoredImage[] }> {
  const library = await openExtensionPage(run, 'library.html');
  try {
    const dump = await dumpDatabase(library);
    return { clips: dump.clips as Clip[], images: dump.images as StoredImage[] };
  } finally {
    await library.close();
  }
}

describe('X: clipping a post of each kind', () => {
  const ID = (n: number) => `179000000000000000${n}`;
  const KINDS = [
    { kind: 'text', n: 1, handle: 'giuliaverdi', name: 'Giulia Verdi', text: "Finalmente il nuovo menù d'autunno 🍂 #bologna #cucina", hashtags: ['bologna', 'cucina'], sources: [] as string[] },
    { kind: 'image', n: 2, handle: 'damario', name: 'Trattoria Da Mario', text: 'Tagliatelle al ragù, come una volta #pasta', hashtags: ['pasta'], sources: ['x-ragu'] },
    { kind: 'multi-image', n: 3, handle: 'damario', name: 'Trattoria Da Mario', text: 'Due piatti per il weekend #weekend', hashtags: ['weekend'], sources: ['x-piatto-1', 'x-piatto-2'] },
    { kind: 'video', n: 4, handle: 'lucabianchi', name: 'Luca Bianchi', text: 'Dietro le quinte in cucina 🎬 #chef', hashtags: ['chef'], sources: ['x-video-cucina'] },
    // A quote: the quoting post's own words and author; the quoted post's photo is shown inside it.
    { kind: 'quote', n: 5, handle: 'spallademo', name: 'Spalla Demo', text: 'Da provare! #consigli', hashtags: ['consigli'], sources: ['x-ragu'] },
    // A repost: the original post, by its own author.
    { kind: 'repost', n: 6, handle: 'lucabianchi', name: 'Luca Bianchi', text: 'Aperti anche a pranzo da lunedì #orari', hashtags: ['orari'], sources: [] },
  ];

  test('text, image, multi-image, video, quote and repost: author, handle, clean permalink, text, hashtags, images, counts, time; the image shows from the stored blob after its address answers 403', async () => {
    await go('/home?lang=it');
    for (const [i, { n }] of KINDS.entries()) {
      await clickClipControl(page, ID(n));
      await expect.poll(async () => (await stored()).clips.length, { timeout: 20_000 }).toBe(i + 1);
    }
    const db = await stored();
    for (const expected of KINDS) {
      const clip = db.clips.find((c) => c.permalink === `https://x.com/${expected.handle}/status/${ID(expected.n)}`);
      expect(clip, expected.kind).toBeDefined();
      expect(clip).toMatchObject({ network: 'x', authorName: expected.name, authorHandle: expected.handle, text: expected.text, hashtags: expected.hashtags });
      const full = clip!.imageIds.map((id) => db.images.find((img) => img.id === id)!).filter((img) => img.role !== 'thumbnail');
      expect(full.map((img) => new URL(img.sourceUrl!).pathname.split('/').pop()!.replace(/\.png$/, '')), expected.kind).toEqual(expected.sources);
      for (const img of full) expect(new URL(img.sourceUrl!).hostname).toBe('pbs.twimg.com');
    }
    const text = db.clips.find((c) => c.permalink?.endsWith(ID(1)))!;
    // Italian counts: "1.234 Mi piace", "12 risposte", "34 repost".
    expect(text.counts).toEqual({ reactions: 1234, comments: 12, shares: 34 });
    expect(text.postedAt).toBe(Date.parse('2026-11-20T12:34:00.000Z'));

    // The image address expires; the library still shows the clip's image, from the stored blob.
    const image = db.clips.find((c) => c.permalink?.endsWith(ID(2)))!;
    await denyFixtureImages(inject('fixturePort'), 'Chrome', ['x-ragu']);
    try {
      expect(await cdnStatus('/media/x-ragu?format=png&name=large', 'Chrome')).toBe(403);
      const library = await openIdeas(run);
      try {
        await expectCardThumbnailFromBlob(library, image.id);
      } finally {
        await library.close();
      }
    } finally {
      await denyFixtureImages(inject('fixturePort'), 'Chrome', []);
    }
  });
});

describe("X: the hashtag linter on X's rule, and best time without a study", () => {
  test('past two hashtags a hint; past 280 weighted characters too long (the 20 characters typed and 130 CJK letters fill it)', async () => {
    await go('/home', 'x-home');
    await sidebar.locator('[data-testid="sidebar-tab-hashtags"]').click();
    await focusEditor('x-home');
    await page.keyboard.type('Menù #uno #due ');
    const lint = sidebar.locator('[data-testid="hashtags-lint"]');
    await expect.poll(() => lint.getAttribute('data-count')).toBe('2');
    expect(await lint.getAttribute('data-limit')).toBe('none');
    expect(await sidebar.locator('[data-testid="hashtags-lint-issue"]').count()).toBe(0);
    await page.keyboard.type('#tre ');
    await expect.poll(() => sidebar.locator('[data-testid="hashtags-lint-issue"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
      'many-hashtags',
    ]);
    // "Menù #uno #due #tre " is 20; 130 CJK letters weigh 260: 280 in all, still fits.
    await page.keyboard.type('日'.repeat(130));
    await expect.poll(async () => (await read('x-home')).length).toBe(20 + 130);
    expect(await sidebar.locator('[data-testid="hashtags-lint-issue"][data-code="too-long"]').count()).toBe(0);
    await page.keyboard.type('日');
    await expect.poll(() => sidebar.locator('[data-testid="hashtags-lint-issue"][data-code="too-long"]').count()).toBe(1);
  });

  test.each([
    ['en', 'No published study gives best times for X yet'],
    ['it', 'Nessuno studio pubblicato indica ancora gli orari migliori per X'],
  ])('%s: an X account starts flat, and the sidebar says why', async (lang, words) => {
    await setStorage(run, { language: lang });
    await go(`/damario?lang=${lang}`);
    await sidebar.locator('[data-testid="sidebar-tab-best-time"]').click();
    const create = sidebar.locator('[data-testid="best-time-sidebar-create-account"]');
    const note = sidebar.locator('[data-testid="best-time-no-study"]');
    await expect.poll(async () => (await create.count()) + (await note.count())).toBeGreaterThan(0);
    if (await create.count()) await create.click();
    await expect.poll(() => note.getAttribute('data-network')).toBe('x');
    expect(await note.textContent()).toContain(words);
  });
});
