// X (#14) in Firefox ESR, on one box: X switched on in the library's settings (its
// permission answered by the preference, see optional-sites-firefox.e2e.ts), then a saved
// reply into a post page's reply box (Draft.js) by a click, a typed shortcut and the palette,
// into an empty box and with the caret mid-text, read back from Draft's own state, the text
// around kept, undo taking it back. The page is Italian: `{{first_name|amico}}` greets
// "Giulia", the author of the post answered.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { ffPoll } from './support/clips-firefox';
import { ffOpenSidebar, ffSeedReplies, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';
import { ffCombo, ffFocusedEditor, ffFreshBox, ffInsertBy, ffRead, ffRepliesStatus, ffSwitchNetworkOn, type NetworkBox } from './support/firefox-network-box';
import { expectedAfter, expectedBeforeUndo, SEED, STARTS, WAYS } from './support/replies-cases';

let run: FirefoxRun;
let page: Page;
let sidebar: Frame;
let ids = new Map<string, string>();

const BOX: NetworkBox = { id: 'x-reply', path: '/giuliaverdi/status/1790000000000000001?lang=it', away: '/messages?lang=it' };

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const facebook = await run.browser.newPage();
  await facebook.goto(run.url('www.facebook.com', '/'));
  await ffSwitchNetworkOn(run, facebook, 'x');
  await facebook.close();

  page = await run.browser.newPage();
  await page.goto(run.url('x.com', BOX.path));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  ids = await ffSeedReplies(sidebar, SEED);
});

afterAll(async () => {
  await run?.close();
});

describe("Firefox: a saved reply into X's reply box (Draft.js)", () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`${way} / ${start}`, async () => {
        await ffFreshBox(page, BOX, start);
        await ffInsertBy(page, sidebar, way, ids.get('r-thanks')!, 'grazie');
        const after = expectedAfter(start).replace('amico', 'Giulia');
        expect(await ffPoll(() => ffRead(page, BOX.id), (v) => v === after, 10_000)).toBe(after);
        if (way !== 'shortcut') expect(await ffPoll(() => ffRepliesStatus(sidebar), (v) => v === 'inserted')).toBe('inserted');
        expect(await ffPoll(() => ffFocusedEditor(page), (v) => v === BOX.id)).toBe(BOX.id);
        await ffCombo(page, 'Control', 'KeyZ');
        const before = expectedBeforeUndo(start, way);
        expect(await ffPoll(() => ffRead(page, BOX.id), (v) => v === before, 5_000)).toBe(before);
      });
    }
  }
});
