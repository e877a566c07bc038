import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffOpenSidebar, ffSidebarFrame, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import { editorSelector, FB_COMMENT, IG_COMMENT, LEARN_KEY, rawMessage, READ_EDITOR } from './support/hashtags-helpers';

/** Hashtags in the sidebar, end to end in Firefox ESR: typing in the fixture composers
 * (real Lexical, React textarea) updates suggestions and the linter; a click inserts,
 * read back from the editor's own state; the harvest learns from the fixture feed
 * only when allowed. Storage and the model are reached from inside the sidebar frame
 * (WebDriver may not open a moz-extension:// page). */

let run: FirefoxRun;
let page: Page;

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'));
});
afterAll(async () => {
  await run?.close();
});
beforeEach(async () => {
  for (const p of await run.browser.pages()) await p.close().catch(() => {});
  page = await run.browser.newPage();
});

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const read = (id: string) => page.evaluate(READ_EDITOR(id)) as Promise<string>;

async function openHashtags(host: string, path: string, settings: Record<string, unknown> = {}): Promise<Frame> {
  await page.goto(run.url(host, path));
  await ffWaitForHost(page);
  let frame = await ffOpenSidebar(page);
  await frame.evaluate(`browser.storage.local.clear().then(() => browser.storage.local.set(${JSON.stringify({ [LEARN_KEY]: true, sidebarTab: 'hashtags', ...settings })}))`);
  await frame.evaluate(rawMessage('clearLearnedHashtags'));
  // Start again from a clean page with those settings (the sidebar reopens, remembered).
  await page.reload();
  await ffWaitForHost(page);
  frame = await ffOpenSidebar(page);
  await frame.evaluate(`browser.storage.local.set({ sidebarTab: 'hashtags' })`);
  await poll(() => frame.evaluate(() => !!document.querySelector('[data-testid="hashtags-composer"]')), Boolean);
  return frame;
}

async function typeIn(id: string, text: string) {
  await page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId], {}, id);
  await page.click(editorSelector(id));
  await page.keyboard.type(text, { delay: 10 });
}

const suggestedTags = (frame: Frame, list = 'composer') =>
  frame.evaluate(
    (l) => [...document.querySelectorAll(`[data-testid="hashtags-suggestions-${l}"] [data-testid="hashtags-suggestion"]`)].map((el) => el.getAttribute('data-tag') ?? ''),
    list,
  );

const lintCount = (frame: Frame) =>
  frame.evaluate(() => document.querySelector('[data-testid="hashtags-composer"] [data-testid="hashtags-lint"]')?.getAttribute('data-count') ?? null);

const lintCodes = (frame: Frame) =>
  frame.evaluate(() => [...document.querySelectorAll('[data-testid="hashtags-composer"] [data-testid="hashtags-lint-issue"]')].map((el) => el.getAttribute('data-code')));

async function clickSuggestion(frame: Frame, tag: string) {
  await frame.click(`[data-testid="hashtags-suggestions-composer"] [data-testid="hashtags-suggestion"][data-tag="${tag}"]`);
}

describe('Firefox: suggestions and the linter follow the composer', () => {
  test('Facebook Lexical comment: typing updates the linter and suggestions; a click inserts into Lexical', async () => {
    const frame = await openHashtags('www.facebook.com', '/');
    await typeIn(FB_COMMENT, 'Stasera pizza napoletana nel nostro ristorante #pizza #Pizza');
    expect(await poll(() => lintCount(frame), (v) => v === '2')).toBe('2');
    expect(await poll(() => lintCodes(frame), (v) => v.includes('repeated'))).toContain('repeated');
    const tags = await poll(() => suggestedTags(frame), (v) => v.length > 0);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.map((t) => t.toLowerCase())).not.toContain('pizza');

    const before = await read(FB_COMMENT);
    await clickSuggestion(frame, tags[0]);
    expect(await poll(() => read(FB_COMMENT), (v) => v !== before)).toBe(`${before} #${tags[0]}`);
    expect(await poll(() => lintCount(frame), (v) => v === '3')).toBe('3');
  });

  test('Instagram React textarea: a click inserts; at the limit nothing goes in until confirmed', async () => {
    const frame = await openHashtags('www.instagram.com', '/');
    await typeIn(IG_COMMENT, 'Colazione al bar: cappuccino e cornetto #uno #due #tre #quattro');
    const tags = await poll(() => suggestedTags(frame), (v) => v.length > 0);
    await clickSuggestion(frame, tags[0]);
    const typed = 'Colazione al bar: cappuccino e cornetto #uno #due #tre #quattro';
    expect(await poll(() => read(IG_COMMENT), (v) => v !== typed)).toBe(`${typed} #${tags[0]}`);

    expect(await poll(() => lintCount(frame), (v) => v === '5')).toBe('5');
    const more = await poll(() => suggestedTags(frame), (v) => v.length > 0 && !v.includes(tags[0]));
    await clickSuggestion(frame, more[0]);
    const status = () => frame.evaluate(() => document.querySelector('[data-testid="hashtags-insert-status"]')?.getAttribute('data-status') ?? null);
    expect(await poll(status, (v) => v === 'over-limit')).toBe('over-limit');
    expect(await read(IG_COMMENT)).toBe(`${typed} #${tags[0]}`);
    await frame.click('[data-testid="hashtags-confirm-over"]');
    expect(await poll(() => read(IG_COMMENT), (v) => v.endsWith(`#${more[0]}`))).toBe(`${typed} #${tags[0]} #${more[0]}`);
    expect(await poll(() => lintCodes(frame), (v) => v.includes('over-limit'))).toContain('over-limit');
  });
});

describe('Firefox: the harvest', () => {
  for (const [site, host, network, partner] of [
    ['Facebook', 'www.facebook.com', 'facebook', 'spalla'],
    ['Instagram', 'www.instagram.com', 'instagram', 'bologna'],
  ] as const) {
    test(`${site} feed: learns from posts in view when allowed, nothing when not`, async () => {
      const frame = await openHashtags(host, '/', { [LEARN_KEY]: false });
      const info = () => frame.evaluate(rawMessage('getHashtagModelInfo')) as Promise<{ hashtags: number }>;
      const withAutunno = async () =>
        ((await frame.evaluate(rawMessage('suggestHashtags', { text: '#autunno', network, limit: 20 }))) as { tag: string }[]).map((s) => s.tag.toLowerCase());
      await page.mouse.wheel({ deltaY: 3000 });
      await new Promise((r) => setTimeout(r, 3500)); // longer than a scan plus a batch
      expect((await info()).hashtags).toBe(0);
      expect(await withAutunno()).not.toContain(partner);

      await frame.evaluate(`browser.storage.local.set({ ${LEARN_KEY}: true })`);
      await page.mouse.wheel({ deltaY: -6000 });
      expect((await poll(info, (v) => v.hashtags > 0, 15_000)).hashtags).toBeGreaterThan(0);
      expect(await poll(withAutunno, (v) => v.includes(partner))).toContain(partner);
      await ffSidebarFrame(page);
    });
  }
});
