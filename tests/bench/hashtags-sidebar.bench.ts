// How soon after the last keystroke the sidebar shows suggestions for the new text, in
// Chromium with the built extension (.output/chrome-mv3), on the Facebook fixture feed's
// Lexical comment box. Prints figures, asserts nothing.
// Run: `npm run bench -- --only hashtags-sidebar` (or `npx tsx` this file).
//
// Method: words are typed one at a time (30 ms between keys, as a quick typist). The page
// notes the time of each keydown (Date.now(), same clock as the sidebar frame); inside the
// sidebar a MutationObserver notes when the suggestion list changes to the text's new
// length (`data-for-length`). Latency = that moment - the last keydown. It includes the
// agent's 150 ms debounce, the trip page agent -> background -> sidebar, the model's
// answer and React's render.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, '.output/chrome-mv3');
const WORDS = 'pizza napoletana forno legna sabato sera amici cena ristorante vino rosso dolce tiramisù caffè espresso prenota tavolo terrazza estate musica'.split(' ');

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.log('  build first: npx wxt build');
  process.exit(1);
}

const server = await startFixtureServer({ port: 0 });
const context = await launchChromiumWithExtension({ extensionDir, port: server.port });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
await worker.evaluate(
  `chrome.storage.local.set({ hashtagsLearnFromFeed: true, sidebarTab: 'hashtags', sidebarState: { facebook: { open: true, width: 360 }, instagram: { open: false, width: 360 }, business: { open: false, width: 360 } } })`,
);

const page = await context.newPage();
await page.goto('https://www.facebook.com/');
await page.waitForFunction(`!!window.__fixture?.editors['fb-feed-comment-1'] && !!document.querySelector('spalla-sidebar')`);
let frame: Frame | undefined;
for (let i = 0; i < 100 && !frame; i++) {
  frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
  if (!frame) await page.waitForTimeout(100);
}
if (!frame) throw new Error('sidebar frame not found');
await frame.waitForSelector('[data-testid="hashtags-composer"]');
await page.evaluate(`document.addEventListener('keydown', () => { window.__lastKey = Date.now(); }, true)`);
await frame.evaluate(`(() => {
  window.__updates = [];
  new MutationObserver(() => {
    const list = document.querySelector('[data-testid="hashtags-suggestions-composer"]');
    const length = list ? Number(list.getAttribute('data-for-length')) : -1;
    const last = window.__updates[window.__updates.length - 1];
    if (!last || last.length !== length) window.__updates.push({ length, at: Date.now() });
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-for-length'] });
})()`);

await page.click('[data-fixture-editor="fb-feed-comment-1"]');
const latencies: number[] = [];
let misses = 0;
for (const [i, word] of WORDS.entries()) {
  await page.keyboard.type(i === 0 ? word : ` ${word}`, { delay: 30 });
  const lastKey = (await page.evaluate('window.__lastKey')) as number;
  const length = ((await page.evaluate(`window.__fixture.editors['fb-feed-comment-1'].read()`)) as string).length;
  let at: number | null = null;
  for (let tries = 0; tries < 60 && at === null; tries++) {
    const updates = (await frame.evaluate('window.__updates')) as { length: number; at: number }[];
    at = updates.find((u) => u.length === length && u.at >= lastKey)?.at ?? null;
    if (at === null) await page.waitForTimeout(50);
  }
  if (at === null) misses++;
  else latencies.push(at - lastKey);
  await page.waitForTimeout(300);
}

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
console.log(`  last keystroke -> suggestions shown for the new text, ${latencies.length} words typed in a Lexical comment box (Chromium, built extension)`);
console.log(`  median ${pct(50)} ms, p95 ${pct(95)} ms, max ${sorted[sorted.length - 1]} ms (includes the 150 ms debounce); not seen within 3 s: ${misses}`);

await context.close();
await server.close();
