import { describe, expect, test } from 'vitest';
import type { Frame } from 'playwright-core';
import { focusFixtureEditor, inWorker, openSidebar, setStorage, useChromium, waitForHost } from './support/chromium-sidebar';
import {
  editorSelector,
  FB_COMMENT,
  IG_COMMENT,
  LEARN_KEY,
  PLACEMENT_KEY,
  READ_EDITOR,
} from './support/hashtags-helpers';

/** Hashtags in the sidebar, end to end in Chromium: what is typed in the fixture
 * composers (real Lexical, React textarea) reaches the sidebar's suggestions and
 * linter; a click inserts through the insertion engine, read back from the editor's
 * own state; the harvest learns from the fixture feed only when allowed. */

const current = useChromium();

async function clearModel() {
  await inWorker(current.run, 'self.spalla.hashtagsClear()');
}

async function modelInfo(): Promise<{ hashtags: number; pairs: number }> {
  return inWorker(current.run, 'self.spalla.hashtagsInfo()');
}

async function read(id: string): Promise<string> {
  return current.page.evaluate(READ_EDITOR(id)) as Promise<string>;
}

/** The page with the sidebar open on the Hashtags tab (the harvest question answered
 * yes unless kept unanswered). */
async function openHashtags(host: string, path: string, { keepNotice = false } = {}): Promise<Frame> {
  if (!keepNotice) await setStorage(current.run, { [LEARN_KEY]: true });
  await current.page.goto(current.run.url(host, path));
  await waitForHost(current.page);
  const frame = await openSidebar(current.page, current.run);
  await frame.locator('[data-testid="sidebar-tab-hashtags"]').click();
  return frame;
}

/** Clicks into a fixture editor until it holds the focus (after a click in the sidebar
 * frame, Chromium may hand focus back to that frame a moment late, on a busy machine),
 * types `text` as a person does, and waits for it in the editor's own state. */
async function typeIn(id: string, text: string) {
  await current.page.waitForFunction((editorId) => !!(window as any).__fixture?.editors[editorId]?.element(), id);
  await focusFixtureEditor(current.page, current.page.locator(editorSelector(id)), id);
  await current.page.keyboard.type(text, { delay: 10 });
  await expect.poll(() => read(id)).toContain(text);
}

const suggestions = (frame: Frame, list = 'composer') =>
  frame.locator(`[data-testid="hashtags-suggestions-${list}"] [data-testid="hashtags-suggestion"]`);

async function suggestedTags(frame: Frame, list = 'composer'): Promise<string[]> {
  return suggestions(frame, list).evaluateAll((els) => els.map((el) => el.getAttribute('data-tag') ?? ''));
}

const lintCodes = (frame: Frame) =>
  frame.locator('[data-testid="hashtags-composer"] [data-testid="hashtags-lint-issue"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));

describe('Chromium: suggestions and the linter follow the composer', () => {
  test('Facebook Lexical comment: typing shows suggestions with reasons and the linter; a click inserts at the end', async () => {
    const frame = await openHashtags('www.facebook.com', '/');
    await typeIn(FB_COMMENT, 'Stasera pizza napoletana nel nostro ristorante #pizza #Pizza');

    const state = frame.locator('[data-testid="hashtags-composer-state"]');
    await expect.poll(() => state.getAttribute('data-has-text'), { timeout: 10_000 }).toBe('true');
    expect(await state.getAttribute('data-network')).toBe('facebook');
    await expect.poll(() => lintCodes(frame), { timeout: 10_000 }).toContain('repeated');
    await expect.poll(() => frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-count')).toBe('2');

    await expect.poll(() => suggestions(frame).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const tags = await suggestedTags(frame);
    expect(tags.map((t) => t.toLowerCase())).not.toContain('pizza'); // already in the text
    // Every suggestion says why, in words.
    const reasons = await frame.locator('[data-testid="hashtags-suggestions-composer"] [data-testid="hashtags-suggestion-reason"]').allTextContents();
    expect(reasons.length).toBe(tags.length);
    expect(reasons.every((r) => r.trim().length > 3)).toBe(true);

    const before = await read(FB_COMMENT);
    await suggestions(frame).first().click();
    await expect.poll(() => read(FB_COMMENT), { timeout: 10_000 }).toBe(`${before} #${tags[0]}`);
    await expect(frame.locator('[data-testid="hashtags-insert-status"]').getAttribute('data-status')).resolves.toBe('inserted');
    // The sidebar hears the new text: three hashtags now.
    await expect.poll(() => frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-count'), { timeout: 10_000 }).toBe('3');
  });

  test('Instagram React textarea: suggestion inserted; at the limit it asks first and inserts only when told', async () => {
    const frame = await openHashtags('www.instagram.com', '/');
    await typeIn(IG_COMMENT, 'Colazione al bar: cappuccino e cornetto');
    await expect.poll(() => suggestions(frame).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await frame.locator('[data-testid="hashtags-composer-state"]').getAttribute('data-network')).toBe('instagram');
    const [first] = await suggestedTags(frame);
    await suggestions(frame).first().click();
    await expect.poll(() => read(IG_COMMENT), { timeout: 10_000 }).toBe(`Colazione al bar: cappuccino e cornetto #${first}`);

    // Fill up to Instagram's 5, then one more click must ask.
    await current.page.locator(editorSelector(IG_COMMENT)).click();
    await current.page.keyboard.press('End');
    await current.page.keyboard.type(' #uno #due #tre #quattro', { delay: 10 });
    await expect.poll(() => frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-count'), { timeout: 10_000 }).toBe('5');
    await expect.poll(() => suggestions(frame).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const full = await read(IG_COMMENT);
    const [next] = await suggestedTags(frame);
    await suggestions(frame).first().click();
    await expect.poll(() => frame.locator('[data-testid="hashtags-insert-status"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('over-limit');
    expect(await read(IG_COMMENT)).toBe(full);

    await frame.locator('[data-testid="hashtags-confirm-over"]').click();
    await expect.poll(() => read(IG_COMMENT), { timeout: 10_000 }).toBe(`${full} #${next}`);
    await expect.poll(() => lintCodes(frame), { timeout: 10_000 }).toContain('over-limit');
  });

  test('placement "at the caret": the hashtag goes where the cursor was, with spaces around it', async () => {
    await setStorage(current.run, { [PLACEMENT_KEY]: 'caret' });
    const frame = await openHashtags('www.instagram.com', '/');
    await typeIn(IG_COMMENT, 'Buongiorno amici');
    for (let i = 0; i < 'amici'.length; i++) await current.page.keyboard.press('ArrowLeft');
    // Suggestions for the whole text (#amici is its last word): a list made for a part of
    // it could still be replaced between reading its first tag and clicking it.
    await expect.poll(() => suggestedTags(frame), { timeout: 10_000 }).toContain('amici');
    const [first] = await suggestedTags(frame);
    await suggestions(frame).first().click();
    await expect.poll(() => read(IG_COMMENT), { timeout: 10_000 }).toBe(`Buongiorno #${first} amici`);
  });

  test('the paste box suggests for any text and lints it; the avoid list is flagged and never suggested', async () => {
    const text = "Matrimonio in villa con vista sul lago, fiori e sposi felici #wedding #l'amore #2025";
    let frame = await openHashtags('www.facebook.com', '/');
    await frame.locator('[data-testid="hashtags-paste-input"]').fill(text);
    await expect.poll(() => suggestions(frame, 'paste').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const pasteCodes = () =>
      frame.locator('[data-testid="hashtags-paste"] [data-testid="hashtags-lint-issue"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    expect(await pasteCodes()).toEqual(['digits-only', 'cut-by-punctuation']);
    const [avoided] = await suggestedTags(frame, 'paste');

    // The same text with #wedding and the first suggestion on the avoid list.
    await setStorage(current.run, { hashtagAvoidList: ['Wedding', avoided] });
    frame = await openHashtags('www.facebook.com', '/');
    await frame.locator('[data-testid="hashtags-paste-input"]').fill(text);
    await expect.poll(() => suggestions(frame, 'paste').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await pasteCodes()).toEqual(['digits-only', 'cut-by-punctuation', 'avoided']);
    expect(await suggestedTags(frame, 'paste')).not.toContain(avoided);
  });
});

describe('Chromium: hashtag sets', () => {
  test('save the hashtags of a text as a set; insert it in one click, trimmed to the limit in its order', async () => {
    const frame = await openHashtags('www.instagram.com', '/');
    await frame.locator('[data-testid="hashtags-paste-input"]').fill('Cena #ristorante #napoli #pizza #vino #cena #amici #weekend');
    await frame.locator('[data-testid="hashtags-save-paste-tags-open"]').click();
    await frame.locator('[data-testid="hashtags-save-set-name"]').fill('Ristorante');
    await frame.locator('[data-testid="hashtags-save-set-confirm"]').click();
    const set = frame.locator('[data-testid="hashtags-set"][data-name="Ristorante"]');
    await expect.poll(() => set.count(), { timeout: 10_000 }).toBe(1);

    await typeIn(IG_COMMENT, 'Sabato sera #pizza');
    await expect.poll(() => frame.locator('[data-testid="hashtags-lint"]').first().getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    await set.locator('[data-testid="hashtags-set-insert"]').click();
    // #pizza is there already; 4 more fit under 5, in the set's order.
    await expect.poll(() => read(IG_COMMENT), { timeout: 10_000 }).toBe('Sabato sera #pizza #ristorante #napoli #vino #cena');
    await expect.poll(() => frame.locator('[data-testid="hashtags-insert-status"]').getAttribute('data-status')).toBe('trimmed');
    expect(await frame.locator('[data-testid="hashtags-insert-result"]').textContent()).toContain('#amici #weekend');
  });
});

describe('Chromium: the harvest', () => {
  /** The harvest's longest wait before it sends what it read (utils/page-agent/features/
   * hashtags-harvest.ts: scroll idle + scan + batch wait), twice. */
  const HARVEST_WINDOW_MS = 2 * (250 + 300 + 2000);

  /** Fails as soon as something is learned within `ms` (the model is read every 200 ms). */
  async function expectNothingLearnedFor(ms: number) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      expect((await modelInfo()).hashtags).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('fresh profile: the sidebar asks first; scrolling the feed learns nothing until yes, then learns', async () => {
    // A fresh profile's settings: nothing stored, nothing learned.
    await inWorker(current.run, 'chrome.storage.local.clear()');
    await clearModel();
    const frame = await openHashtags('www.facebook.com', '/', { keepNotice: true });
    const notice = frame.locator('[data-testid="hashtags-harvest-notice"]');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    expect(await inWorker(current.run, `chrome.storage.local.get('${LEARN_KEY}').then((v) => v['${LEARN_KEY}'] ?? null)`)).toBe(null);

    // Not answered: the whole feed goes by and nothing is learned.
    await current.page.mouse.wheel(0, 4000);
    await expectNothingLearnedFor(HARVEST_WINDOW_MS);
    await current.page.mouse.wheel(0, -8000);
    await expectNothingLearnedFor(HARVEST_WINDOW_MS);

    // Yes in the notice: stored, the notice goes, and the posts in view are learned.
    await frame.locator('[data-testid="hashtags-harvest-yes"]').click();
    await expect.poll(() => inWorker(current.run, `chrome.storage.local.get('${LEARN_KEY}').then((v) => v['${LEARN_KEY}'])`)).toBe(true);
    await expect.poll(() => notice.count()).toBe(0);
    await current.page.mouse.wheel(0, 2000);
    await expect.poll(async () => (await modelInfo()).hashtags, { timeout: 15_000 }).toBeGreaterThan(0);
  });

  test('"No, thanks" in the notice is stored as an answer: the notice goes and nothing is learned', async () => {
    await inWorker(current.run, 'chrome.storage.local.clear()');
    await clearModel();
    const frame = await openHashtags('www.facebook.com', '/', { keepNotice: true });
    const notice = frame.locator('[data-testid="hashtags-harvest-notice"]');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    await frame.locator('[data-testid="hashtags-harvest-no"]').click();
    await expect.poll(() => inWorker(current.run, `chrome.storage.local.get('${LEARN_KEY}').then((v) => v['${LEARN_KEY}'])`)).toBe(false);
    await expect.poll(() => notice.count()).toBe(0);
    await current.page.mouse.wheel(0, 4000);
    await expectNothingLearnedFor(HARVEST_WINDOW_MS);
  });

  // The first post of each fixture feed carries #autunno with a tag no vocabulary knows.
  for (const [site, host, network, partner] of [
    ['Facebook', 'www.facebook.com', 'facebook', 'spalla'],
    ['Instagram', 'www.instagram.com', 'instagram', 'bologna'],
  ] as const) {
    test(`${site} feed: learns the hashtags of posts scrolled past when allowed, nothing when not`, async () => {
      const suggestedWithAutunno = async () =>
        (await inWorker<{ tag: string }[]>(current.run, `self.spalla.hashtagsSuggest({ text: '#autunno', network: '${network}', limit: 20 })`)).map((s) => s.tag.toLowerCase());
      await clearModel();
      await setStorage(current.run, { [LEARN_KEY]: false });
      await current.page.goto(current.run.url(host, '/'));
      await waitForHost(current.page);
      await current.page.mouse.wheel(0, 4000);
      await current.page.waitForTimeout(3500); // longer than a scan plus a batch
      expect((await modelInfo()).hashtags).toBe(0);
      expect(await suggestedWithAutunno()).not.toContain(partner);

      // Switched on while on the page: posts coming into view are read from then on.
      await setStorage(current.run, { [LEARN_KEY]: true });
      await current.page.mouse.wheel(0, -8000);
      await expect.poll(async () => (await modelInfo()).hashtags, { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(suggestedWithAutunno, { timeout: 10_000 }).toContain(partner);
    });
  }
});
