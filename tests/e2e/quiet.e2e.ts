// Nothing runs while nothing is asked (issue #16), in Chromium: with the sidebar closed and
// learning from the feed off, scrolling a feed of 50 posts makes the page agent send no
// runtime message and run no timer, animation frame or observer (microtask): only its
// event listeners answer the events they listen to (focus tracking, keys in a composer,
// the pointer entering the posts).
//
// How it is counted: the agent's runtime messages by the service worker, which receives
// every one of them (a listener of its own added by the test); what the agent's code runs,
// and why, from Chromium's trace of the page's renderer (tests/support/agent-trace.ts).
//
// The scrolling is first a fixed amount of work, traced, so that what it checks does not
// depend on the machine's speed: an endless feed growing from 10 to 50 posts as it is
// scrolled, top to bottom and back, once by keyboard with the pointer away from the page,
// once by mouse wheel with the pointer over the feed (which loads the clip controls: asked
// for by the pointer, one request and their labels), and once more by wheel after that.
// Then, as the issue words it, a minute of scrolling (wheel and keys, up and down, at least
// one whole pass however slow the machine) during which the agent sends no message.
// Each step waits for the page to have painted the scroll.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { AgentTrace, byCause, inPage, type AgentCall } from '../support/agent-trace';
import { inWorker, setStorage, useChromium, waitForHost } from './support/chromium-sidebar';

const current = useChromium();
const POSTS = 50;

/** Two frames: the scroll has been painted and its events dispatched. */
const painted = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Scrolls to the end (every post loaded, the last in view) or back to the top. */
async function scrollWith(page: Page, step: () => Promise<void>, toEnd: boolean) {
  for (let i = 0; i < 400; i++) {
    const done = await page.evaluate(
      ({ end, posts }) =>
        end
          ? document.querySelectorAll('[role="feed"] [aria-posinset]').length === posts && innerHeight + scrollY >= document.documentElement.scrollHeight - 2
          : scrollY <= 0,
      { end: toEnd, posts: POSTS },
    );
    if (done) return;
    await step();
    await painted(page);
  }
  throw new Error(`the feed did not scroll to its ${toEnd ? 'end' : 'top'}`);
}

/** The runtime messages our agent sent since the last call (their types). */
async function agentMessages(): Promise<string[]> {
  return inWorker(current.run, 'self.__agentMessages.splice(0)');
}

/** Calls of our code that were not an event listener answering its event. */
const notEvents = (calls: AgentCall[]) => calls.filter((c) => !c.cause.startsWith('EventDispatch:'));

describe('Chromium: nothing runs while nothing is asked', () => {
  test('sidebar closed, learning off: scrolling 50 posts sends no message and runs no timer, frame callback or observer; the pointer over the posts loads the clip controls once; then a minute of scrolling sends nothing', async () => {
    const { run, page } = current;
    await setStorage(run, { hashtagsLearnFromFeed: false });
    await inWorker(
      run,
      `(() => {
        self.__agentMessages = [];
        chrome.runtime.onMessage.addListener((message, sender) => {
          if (sender.tab) self.__agentMessages.push(typeof message?.type === 'string' ? message.type : '?');
        });
      })()`,
    );
    // An endless feed: 10 posts, 10 more each time it is scrolled near its end, up to 50
    // (what an observer of the page would see grow).
    await page.goto(run.url('www.facebook.com', `/spalla-test/long-feed?posts=${POSTS}&grow=1`));
    await page.waitForFunction(() => document.querySelectorAll('[role="feed"] [aria-posinset]').length === 10);
    expect((await waitForHost(page)).state).toBe('closed');
    // The agent's start-up is over: its last look at a late-rendering page comes 2 s after
    // it starts (utils/page-agent/page-watch.ts), and it started before its host was there.
    const hostAt = await page.evaluate(() => performance.now());
    await page.waitForFunction((t) => performance.now() > t + 2200, hostAt);
    await painted(page);
    const atStart = await agentMessages();
    expect(atStart).toContain('getAgentStrings'); // the counting works: start-up was seen

    // 1. The keyboard, the pointer away from the page: down to the end and back.
    let trace = await AgentTrace.start(run.context, page, run.extensionId);
    await scrollWith(page, () => page.keyboard.press('PageDown'), true);
    await scrollWith(page, () => page.keyboard.press('PageUp'), false);
    let calls = inPage(await trace.stop());
    expect(await agentMessages()).toEqual([]);
    expect(notEvents(calls)).toEqual([]);
    // The trace does see our code: the key listener (saved replies' shortcuts) answered.
    expect(byCause(calls)['EventDispatch:keydown']?.count ?? 0).toBeGreaterThan(0);
    expect(await page.locator('spalla-clip').count()).toBe(0);

    // 2. The wheel, the pointer over the feed: the posts are hovered, which asks for the
    // clip controls: their part is loaded, once, and their labels asked for.
    const feed = await page.evaluate(() => {
      const r = document.querySelector('[role="feed"]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: Math.min(innerHeight / 2, r.bottom - 10) };
    });
    await page.mouse.move(feed.x, feed.y);
    await scrollWith(page, () => page.mouse.wheel(0, 400), true);
    await expect.poll(() => page.locator('spalla-clip').count()).toBeGreaterThan(0);
    expect((await agentMessages()).sort()).toEqual(['getClipStrings', 'loadPagePart']);

    // 3. Once more, the controls loaded: back to the top and down again by wheel.
    trace = await AgentTrace.start(run.context, page, run.extensionId);
    await scrollWith(page, () => page.mouse.wheel(0, -400), false);
    await scrollWith(page, () => page.mouse.wheel(0, 400), true);
    calls = inPage(await trace.stop());
    expect(await agentMessages()).toEqual([]);
    expect(notEvents(calls)).toEqual([]);
    expect(byCause(calls)['EventDispatch:pointerover']?.count ?? 0).toBeGreaterThan(0);

    // 4. A minute of scrolling, the pointer still over the feed: not one message.
    const minuteEnds = Date.now() + 60_000;
    let passes = 0;
    while (Date.now() < minuteEnds || passes === 0) {
      const byKeys = passes % 2 === 1;
      await scrollWith(page, () => (byKeys ? page.keyboard.press('PageUp') : page.mouse.wheel(0, -400)), false);
      await scrollWith(page, () => (byKeys ? page.keyboard.press('PageDown') : page.mouse.wheel(0, 400)), true);
      passes++;
    }
    expect(await agentMessages()).toEqual([]);
  }, 150_000);
});
