// X, Threads and LinkedIn are optional permissions (#14), in Firefox: switching X on in the
// library's settings asks for X's origins, the page agent is registered from the background
// page and appears in the open X tab without a reload; switching off removes it and gives
// the permission back.
//
// Firefox asks with a doorhanger that WebDriver cannot answer; its preference
// `extensions.webextOptionalPermissionPrompts` set to false answers "Allow" for the person
// (Firefox's own xpcshell tests of optional permissions set it so, in
// toolkit/components/extensions/test/xpcshell/), so the request (which Firefox still refuses
// outside a click), the grant and everything after it are real.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { optionalSiteOrigins } from '../../utils/sites/networks';
import { ffBackgroundHook, ffOpenLibrary, ffPoll } from './support/clips-firefox';
import { ffHostInfo, ffOpenSidebar, ffWaitForHost, launchFirefox, type FirefoxRun } from './support/firefox';

let run: FirefoxRun;

beforeAll(async () => {
  run = await launchFirefox(inject('fixtureProxyPort'), { prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
afterAll(async () => {
  await run?.close();
});

async function xPermitted(library: Page): Promise<boolean> {
  return library.evaluate(
    (origins) => (globalThis as any).browser.permissions.contains({ origins }),
    optionalSiteOrigins('x'),
  ) as Promise<boolean>;
}

async function loadId(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__fixture.loadId as string);
}

describe('Firefox: switching X on and off', () => {
  test('on: asks, registers, the agent appears in the open X tab without a reload; off: removed, permission given back', async () => {
    const facebook = await run.browser.newPage();
    await facebook.goto(run.url('www.facebook.com', '/'));
    const sidebar = await ffOpenSidebar(facebook);
    const library = await ffOpenLibrary(run, sidebar);
    await library.evaluate(() => {
      location.hash = '#settings';
    });
    await library.waitForSelector('[data-testid="settings-site-x"]', { timeout: 20_000 });

    const x = await run.browser.newPage();
    await x.goto(run.url('x.com', '/home'));
    await x.waitForFunction(() => (window as any).__fixture !== undefined, { timeout: 20_000 });
    const firstLoad = await loadId(x);
    expect((await ffHostInfo(x)).count).toBe(0);
    expect(await xPermitted(library)).toBe(false);

    await library.bringToFront();
    await library.click('[data-testid="settings-site-x"]');
    await ffPoll(() => xPermitted(library), (ok) => ok);
    expect(await xPermitted(library)).toBe(true);
    const report = await ffPoll(
      () => ffBackgroundHook<{ registered: string[] } | null>(library, 'optionalSites'),
      (r) => r?.registered.includes('x') === true,
    );
    expect(report?.registered).toEqual(['x']);
    await ffWaitForHost(x);
    expect(await loadId(x)).toBe(firstLoad); // no reload
    expect(await library.$eval('[data-testid="settings-site-x"]', (el) => (el as HTMLInputElement).checked)).toBe(true);

    await library.bringToFront();
    await library.click('[data-testid="settings-site-x"]');
    await ffWaitForHost(x, (info) => info.count === 0);
    await ffPoll(() => xPermitted(library), (ok) => !ok);
    expect(await xPermitted(library)).toBe(false);
    const after = await ffPoll(
      () => ffBackgroundHook<{ registered: string[] } | null>(library, 'optionalSites'),
      (r) => r?.registered.length === 0,
    );
    expect(after?.registered).toEqual([]);
    const registered = await library.evaluate(async () => {
      const bg = await (globalThis as any).browser.runtime.getBackgroundPage();
      return (await bg.browser.scripting.getRegisteredContentScripts()).map((s: { id: string }) => s.id);
    });
    expect(registered).toEqual([]);
  });
});
