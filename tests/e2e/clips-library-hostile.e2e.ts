import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredImage } from '../../utils/db/clips';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { resetExtensionStorage } from './support/chromium-sidebar';
import { clearDatabase, writeRows } from './support/idb';
import { card, openIdeas, shownIds } from './support/clips-library-pages';
import { T0, clip, emptyRows, image } from './support/clips-library-seed';

/** Clips whose every page-supplied field is hostile are shown as text in the library:
 * in the grid, the list and the detail view. Each payload would set `window.__pwned`
 * or open a dialog if it ran. */

const PWN = 'window.__pwned=1;alert(1)';
const PAYLOADS: Record<string, string> = {
  img: `<img src=x onerror="${PWN}">`,
  script: `<script>${PWN}</script>`,
  link: '<a href="javascript:alert(1)">click me</a>',
  svg: `<svg onload="${PWN}"><script>${PWN}</script></svg>`,
  entities: '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;img src=x onerror=alert(1)&#x3E;',
  rtl: 'Invoice \u202Egnp.exe and \u2067isolate\u2069 \u200F',
  iframe: '<iframe src="javascript:alert(1)"></iframe>',
  breakout: `"><img src=x onerror="${PWN}"><"`,
  template: "{{constructor.constructor('window.__pwned=1')()}} ${alert(1)}",
  style: '<style>body{display:none}</style><b>bold?</b>',
  mxss: `<math><mtext><table><mglyph><style><img src=x onerror="${PWN}">`,
  long: `${'<b>long</b> '.repeat(8000)}end`,
};

const SVG_WITH_SCRIPT = `<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2" onload="${PWN}"><script>${PWN}</script><rect width="2" height="2" fill="red"/></svg>`;

function hostileRows() {
  const rows = emptyRows();
  const names = Object.keys(PAYLOADS);
  rows.clips = names.map((name, index) =>
    clip(`h-${name}`, {
      text: `${PAYLOADS[name]}\nsecond line`,
      authorName: PAYLOADS[name],
      authorHandle: PAYLOADS[name].slice(0, 200),
      note: PAYLOADS[name],
      tags: [PAYLOADS[name].slice(0, 200)],
      hashtags: [PAYLOADS[name].slice(0, 200)],
      permalink: index % 2 ? `javascript:${PWN}//${name}` : `data:text/html,${PAYLOADS[name]}`,
      imageIds: [`img-${name}`],
      clippedAt: T0 - index,
    }),
  );
  rows.images = names.map((name, index): StoredImage => {
    const base = image(`img-${name}`, `h-${name}`, 'thumbnail');
    if (index % 3) return { ...base, sourceUrl: `javascript:${PWN}` };
    return { ...base, mimeType: 'image/svg+xml', blob: new Blob([SVG_WITH_SCRIPT], { type: 'image/svg+xml' }) };
  });
  return rows;
}

let run: ChromiumRun;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  run = await launchChromium(inject('fixturePort'));
  await resetExtensionStorage(run);
  page = await openIdeas(run);
  await clearDatabase(page);
  await writeRows(page, hostileRows());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Control: the listener does see a dialog the page opens (so an empty list means none).
  await page.evaluate(() => alert('control'));
  expect(dialogs.splice(0)).toEqual(['control']);
  await openIdeas(run, page);
});
afterAll(async () => {
  await run?.close();
});

/** Nothing from a payload became markup anywhere in the page. */
async function noMarkupFromPayloads(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById('root')!;
    return {
      scripts: root.querySelectorAll('script').length,
      iframes: document.querySelectorAll('iframe').length,
      svgs: root.querySelectorAll('svg').length,
      styles: root.querySelectorAll('style').length,
      math: root.querySelectorAll('math').length,
      bold: root.querySelectorAll('b').length,
      withHandlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      // Links that lead anywhere but http(s) or the library's own sections (#ideas…).
      scriptLinks: [...document.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.href) && a.origin !== location.origin).length,
      imgNotBlob: [...document.querySelectorAll('img')].filter((img) => !img.src.startsWith('blob:')).length,
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
    };
  });
}

const CLEAN = { scripts: 0, iframes: 0, svgs: 0, styles: 0, math: 0, bold: 0, withHandlers: 0, scriptLinks: 0, imgNotBlob: 0, pwned: null };

test(`${Object.keys(PAYLOADS).length} payloads in text, author, handle, note, tags and image alt are shown as text in the grid and the list`, async () => {
  expect(await shownIds(page)).toEqual(Object.keys(PAYLOADS).map((name) => `h-${name}`));
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    const c = card(page, `h-${name}`);
    expect(await c.getByTestId('clips-card-author').textContent()).toBe(payload);
    expect(await c.getByTestId('clips-card-text').textContent()).toBe(`${payload}\nsecond line`.slice(0, 600));
    const thumb = c.getByTestId('clips-card-thumbnail');
    await thumb.waitFor();
    expect(await thumb.getAttribute('alt')).toContain(payload);
  }
  await page.getByTestId('clips-layout-list').click();
  await page.getByTestId('clips-search').fill('onerror');
  await expect.poll(() => shownIds(page)).toContain('h-img');
  await page.getByTestId('clips-search').fill('');
  // Let SVG images (with their script) load and any handler fire.
  await page.waitForTimeout(500);
  expect(await noMarkupFromPayloads(page)).toEqual(CLEAN);
  expect(dialogs).toEqual([]);
});

test('the detail view of each shows the exact text, the permalink as text, no link', async () => {
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    await card(page, `h-${name}`).getByTestId('clips-card-open').click();
    const detail = page.getByTestId('clips-detail');
    expect(await detail.getByTestId('clips-detail-text').textContent()).toBe(`${payload}\nsecond line`);
    expect(await detail.getByTestId('clips-detail-author').textContent()).toBe(payload);
    expect(await detail.getByTestId('clips-detail-note').inputValue()).toBe(payload);
    expect(await detail.getByTestId('clips-detail-link').count()).toBe(0);
    expect(await detail.getByTestId('clips-detail-source-text').textContent()).toMatch(/^(javascript|data):/);
    await detail.getByTestId('clips-detail-image').first().waitFor();
    expect(await noMarkupFromPayloads(page)).toEqual(CLEAN);
    await detail.getByTestId('clips-detail-close').click();
  }
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => document.body.innerText.includes('second line'))).toBe(true); // the page still shows (no injected style hid it)
});
