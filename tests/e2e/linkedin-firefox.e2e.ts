// LinkedIn (#14) in Firefox ESR, on one box: LinkedIn switched on in the library's settings
// (Firefox's permission prompt answered "Allow" by its preference, see
// optional-sites-firefox.e2e.ts), then a saved reply into the feed's first comment box (a
// real Quill 1 editor, as LinkedIn runs) by a click, a typed shortcut and the palette, into
// an empty box and with the caret mid-text, read back from Quill's own model
// (`quill.getText()`), the text around kept, undo taking it back. The first post is Spalla
// Demo's: `{{first_name|amico}}` greets "Spalla".
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

const BOX: NetworkBox = { id: 'li-feed-comment-1', path: '/feed/', away: '/messaging/thread/300/' };

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const facebook = await run.browser.newPage();
  await facebook.goto(run.url('www.facebook.com', '/'));
  await ffSwitchNetworkOn(run, facebook, 'linkedin');
  await facebook.close();

  page = await run.browser.newPage();
  await page.goto(run.url('www.linkedin.com', BOX.path));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  ids = await ffSeedReplies(sidebar, SEED);
});

afterAll(async () => {
  await run?.close();
});

describe("Firefox: a saved reply into LinkedIn's comment box (Quill 1)", () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`${way} / ${start}`, async () => {
        await ffFreshBox(page, BOX, start);
        await ffInsertBy(page, sidebar, way, ids.get('r-thanks')!, 'grazie');
        const after = expectedAfter(start).replace('amico', 'Spalla');
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
