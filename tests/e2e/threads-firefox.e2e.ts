// Threads (#14) in Firefox ESR, on one box: Threads switched on in the library's settings
// (Firefox's permission prompt answered "Allow" by its preference, see
// optional-sites-firefox.e2e.ts), then a saved reply into the post page's Lexical reply box by
// a click, a typed shortcut and the palette, into an empty box and with the caret mid-text,
// read back from the editor's own state, the text around kept, undo taking it back.
// `{{first_name|amico}}` greets the author of the post answered, by the handle Threads shows.
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

const BOX: NetworkBox = { id: 'th-post-reply', path: '/@giulia.verdi/post/DQ1mAgE0p2x', away: '/search' };

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const facebook = await run.browser.newPage();
  await facebook.goto(run.url('www.facebook.com', '/'));
  await ffSwitchNetworkOn(run, facebook, 'threads');
  await facebook.close();

  page = await run.browser.newPage();
  await page.goto(run.url('www.threads.com', BOX.path));
  await ffWaitForHost(page);
  sidebar = await ffOpenSidebar(page);
  ids = await ffSeedReplies(sidebar, SEED);
});

afterAll(async () => {
  await run?.close();
});

describe('Firefox: a saved reply into the Threads reply box (Lexical)', () => {
  for (const way of WAYS) {
    for (const start of STARTS) {
      test(`${way} / ${start}`, async () => {
        await ffFreshBox(page, BOX, start);
        await ffInsertBy(page, sidebar, way, ids.get('r-thanks')!, 'grazie');
        const after = expectedAfter(start).replace('amico', 'giulia.verdi');
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
