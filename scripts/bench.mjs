#!/usr/bin/env node
// `npm run bench`: prints Spalla's figures. Budgets are printed beside them, never
// enforced here: a benchmark reports, a test decides.
//  1. gzipped size of every script that runs on facebook.com / instagram.com page load,
//     and what each module of the page agent and of its parts loaded on demand costs
//     (scripts/page-size.mjs)
//  2. page load -> <spalla-sidebar> present, in Chromium (median of runs)
//  3. toggle -> sidebar interactive (first open, and re-open), in Chromium (median)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startFixtureServer } from '../tests/fixtures/server.mjs';
import { launchChromiumWithExtension } from '../tests/support/chromium-launch.mjs';
import { pageModuleSizes, printPageModuleSizes } from './page-size.mjs';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
/** Issue #16: what runs on every page load, at most 20 KB gzipped. */
const PAGE_LOAD_BUDGET_KB = 20;

function ensureBuilt(dir, args) {
  if (!existsSync(join(root, dir, 'manifest.json')) || process.argv.includes('--rebuild')) {
    const r = spawnSync('npx', ['wxt', 'build', ...args], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

// 1. Page-load scripts: the content scripts the manifest declares for the sites.
function pageLoadScripts(dir) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'manifest.json'), 'utf8'));
  const rows = [];
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) {
      const bytes = readFileSync(join(root, dir, file));
      rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
  }
  return rows;
}

ensureBuilt('.output/chrome-mv3', []);
ensureBuilt('.output/firefox-mv2', ['-b', 'firefox']);

console.log('\nScripts that run on every Facebook / Instagram page load');
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  const rows = pageLoadScripts(dir);
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  for (const r of rows) console.log(`  ${dir}/${r.file}: ${(r.raw / 1024).toFixed(1)} KB raw, ${(r.gzip / 1024).toFixed(1)} KB gzipped`);
  console.log(`  ${dir} total: ${(total / 1024).toFixed(1)} KB gzipped (budget ${PAGE_LOAD_BUDGET_KB} KB: ${total <= PAGE_LOAD_BUDGET_KB * 1024 ? 'within' : 'OVER'})`);
}
console.log('\nThe page agent and its parts, module by module (a separate build with source maps)');
printPageModuleSizes(await pageModuleSizes());
const sidebarBundle = readFileSync(join(root, '.output/chrome-mv3/sidebar.html'), 'utf8');
console.log(`  (the sidebar's own bundle loads only when it opens: ${[...sidebarBundle.matchAll(/src="([^"]+)"/g)].map((m) => m[1]).join(', ')})`);

// 2 and 3: Chromium timings.
const server = await startFixtureServer({ port: 0 });
const extension = join(root, '.output/chrome-mv3');
const context = await launchChromiumWithExtension({ extensionDir: extension, port: server.port });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

// Records, from the page's own clock (0 = navigation start), when the host appears.
await context.addInitScript(() => {
  const seen = () => {
    if (document.querySelector('spalla-sidebar') && !window.__spallaHostAt) window.__spallaHostAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
});

async function hostBox(page) {
  return page.evaluate(() => {
    const host = document.querySelector('spalla-sidebar');
    const r = host.getBoundingClientRect();
    return { x: r.x, y: r.y, height: r.height, state: host.getAttribute('data-state') };
  });
}

async function timeToHost(url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__spallaHostAt, null, { polling: 10 });
    times.push(await page.evaluate(() => window.__spallaHostAt));
    const domReady = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    times.domReady = (times.domReady ?? []).concat(domReady);
    await page.close();
  }
  return times;
}

/** From the click on the edge tab to the sidebar showing this page's state. */
async function timeToInteractive() {
  const first = [];
  const again = [];
  for (let i = 0; i < RUNS; i++) {
    await worker.evaluate('chrome.storage.local.clear()');
    const page = await context.newPage();
    await page.goto('https://www.facebook.com/');
    await page.waitForFunction(() => window.__spallaHostAt, null, { polling: 10 });
    for (const bucket of [first, again]) {
      const box = await hostBox(page);
      const start = performance.now();
      await page.mouse.click(box.x + 11, box.y + box.height / 2);
      let frame;
      while (!frame) {
        frame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`));
        if (!frame) await new Promise((r) => setTimeout(r, 2));
      }
      await frame.waitForSelector('[data-testid="sidebar-surface"][data-value="feed"]', { state: 'visible', polling: 5 });
      bucket.push(performance.now() - start);
      if (bucket === first) {
        const closeBox = await hostBox(page);
        await page.mouse.click(closeBox.x + 11, closeBox.y + closeBox.height / 2);
        await page.waitForFunction(() => document.querySelector('spalla-sidebar').getAttribute('data-state') === 'closed');
      }
    }
    await page.close();
  }
  return { first, again };
}

console.log(`\nChromium, median of ${RUNS} runs`);
for (const url of ['https://www.facebook.com/', 'https://www.instagram.com/']) {
  const times = await timeToHost(url);
  console.log(`  page load -> sidebar host present (${new URL(url).host}): ${fmt(median(times))} after navigation start (DOMContentLoaded at ${fmt(median(times.domReady))})`);
}
const { first, again } = await timeToInteractive();
console.log(`  toggle -> sidebar interactive, first open (loads the sidebar bundle): ${fmt(median(first))}`);
console.log(`  toggle -> sidebar interactive, re-open: ${fmt(median(again))}`);

await context.close();
await server.close();

// 4. Each feature's own figures: one script per feature in tests/bench/ (TypeScript, run
// with tsx), each printing its figures. `npm run bench -- --only replies` runs one.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const benchDir = join(root, 'tests/bench');
const scripts = existsSync(benchDir)
  ? readdirSync(benchDir).filter((f) => /\.bench\.(ts|mjs)$/.test(f) && (!only || f.startsWith(only))).sort()
  : [];
for (const file of scripts) {
  console.log(`\n${file}`);
  const r = spawnSync('npx', ['tsx', join(benchDir, file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`  (${file} stopped with exit code ${r.status})`);
}
