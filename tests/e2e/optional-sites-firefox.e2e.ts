// X, Threads and LinkedIn are optional permissions (#14), in Firefox: switching each on in the
// library's settings asks for its origins, the page agent is registered from the background
// page and appears in the network's open tab without a reload; switching off removes it and
// gives the permission back.
//
// Firefox asks with a doorhanger that WebDriver cannot answer; its preference
// `extensions.webextOptionalPermissionPrompts` set to false answers "Allow" for the person
// (Firefox's own xpcshell tests of optional permissions set it so, in
// toolkit/components/extensions/test/xpcshell/), so the request (which Firefox still refuses
// outside a click), the grant and everything after it are real.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { OptionalSiteKey } from '../../utils/settings/items';
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

async function permitted(library: Page, site: OptionalSiteKey): Promise<boolean> {
  return library.evaluate(
    (origins) => (globalThis as any).browser.permissions.contains({ origins }),
    optionalSiteOrigins(site),
  ) as Promise<boolean>;
}

async function loadId(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__fixture.loadId as string);
}

const NETWORKS = [
  { site: 'x', host: 'x.com', path: '/home' },
  { site: 'threads', host: 'www.threads.com', path: '/' },
  { site: 'linkedin', host: 'www.linkedin.com', path: '/feed/' },
] as const;

describe('Firefox: switching each network on and off', () => {
  test.each(NETWORKS)('$site on: asks, registers, the agent appears in the open tab without a reload; off: removed, permission given back', async ({ site, host, path }) => {
    const toggle = `[data-testid="settings-site-${site}"]`;
    const facebook = await run.browser.newPage();
    await facebook.goto(run.url('www.facebook.com', '/'));
    const sidebar = await ffOpenSidebar(facebook);
    const library = await ffOpenLibrary(run, sidebar);
    await library.evaluate(() => {
      location.hash = '#settings';
    });
    await library.waitForSelector(toggle, { timeout: 20_000 });

    const open = await run.browser.newPage();
    await open.goto(run.url(host, path));
    await open.waitForFunction(() => (window as any).__fixture !== undefined, { timeout: 20_000 });
    const firstLoad = await loadId(open);
    expect((await ffHostInfo(open)).count).toBe(0);
    expect(await permitted(library, site)).toBe(false);

    await library.bringToFront();
    await library.click(toggle);
    await ffPoll(() => permitted(library, site), (ok) => ok);
    expect(await permitted(library, site)).toBe(true);
    const report = await ffPoll(
      () => ffBackgroundHook<{ registered: string[] } | null>(library, 'optionalSites'),
      (r) => r?.registered.includes(site) === true,
    );
    expect(report?.registered).toEqual([site]);
    await ffWaitForHost(open);
    expect(await loadId(open)).toBe(firstLoad); // no reload
    expect(await library.$eval(toggle, (el) => (el as HTMLInputElement).checked)).toBe(true);

    await library.bringToFront();
    await library.click(toggle);
    await ffWaitForHost(open, (info) => info.count === 0);
    await ffPoll(() => permitted(library, site), (ok) => !ok);
    expect(await permitted(library, site)).toBe(false);
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
    for (const page of [open, library, facebook]) await page.close();
  });
});
