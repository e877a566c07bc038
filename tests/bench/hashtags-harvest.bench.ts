// Main-thread time the hashtag harvest adds while 500 fixture posts scroll past, in
// Chromium with the built extension (.output/chrome-mv3). Prints figures, asserts
// nothing. Run: `npm run bench -- --only hashtags-harvest` (or `npx tsx` this file).
//
// Method: the same page (www.facebook.com/spalla-test/long-feed, 500 posts) is scrolled
// from top to bottom in steps of 80% of the viewport, two frames per step, then left
// idle long enough for the last batch to go out. Chromium's own counters
// (CDP Performance.getMetrics: TaskDuration = main-thread busy time, ScriptDuration =
// JavaScript) are read before and after. Runs alternate harvest off / on; the median
// of each is taken and the difference divided by the number of posts.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, '.output/chrome-mv3');
const POSTS = Number(process.env.HARVEST_POSTS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LEARN_KEY = 'hashtagsLearnFromFeed';

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.log('  build first: npx wxt build');
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const server = await startFixtureServer({ port: 0 });
const context = await launchChromiumWithExtension({ extensionDir, port: server.port });
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

async function oneRun(harvest: boolean): Promise<{ task: number; script: number; learned: number }> {
  await worker.evaluate(`chrome.storage.local.set({ ${LEARN_KEY}: ${harvest}, hashtagHarvestNoticeSeen: true })`);
  await worker.evaluate('self.spalla.hashtagsClear()');
  const page = await context.newPage();
  await page.goto(`https://www.facebook.com/spalla-test/long-feed?posts=${POSTS}`);
  await page.waitForFunction((n) => document.querySelectorAll('[role="feed"] > * [role="article"]').length >= n, POSTS);
  await page.waitForFunction(() => !!document.querySelector('spalla-sidebar'));
  await page.waitForTimeout(1000); // the agent's start-up is not what is measured
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m: { name: string }) => m.name === name)?.value ?? 0) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const before = await metrics();
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const step = Math.round(innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await frame();
      await frame();
    }
  });
  await page.waitForTimeout(3000); // the last scan and batch
  const after = await metrics();
  const info = (await worker.evaluate('self.spalla.hashtagsInfo()')) as { hashtags: number };
  await cdp.detach();
  await page.close();
  return { task: after.task - before.task, script: after.script - before.script, learned: info.hashtags };
}

const off: { task: number; script: number }[] = [];
const on: { task: number; script: number; learned: number }[] = [];
await oneRun(false); // warm-up: caches, JIT
for (let i = 0; i < RUNS; i++) {
  off.push(await oneRun(false));
  on.push(await oneRun(true));
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const offTask = median(off.map((r) => r.task));
const onTask = median(on.map((r) => r.task));
const offScript = median(off.map((r) => r.script));
const onScript = median(on.map((r) => r.script));
console.log(`  ${POSTS} posts scrolled past, median of ${RUNS} runs each (Chromium, built extension)`);
console.log(`  main-thread busy: harvest off ${fmt(offTask)}, on ${fmt(onTask)}; JavaScript: off ${fmt(offScript)}, on ${fmt(onScript)}`);
console.log(`  added by the harvest: ${fmt(onTask - offTask)} main-thread (${((onTask - offTask) / POSTS).toFixed(3)} ms per post; goal < 1 ms), ${fmt(onScript - offScript)} JavaScript (${((onScript - offScript) / POSTS).toFixed(3)} ms per post)`);
console.log(`  distinct hashtags learned per "on" run: ${on.map((r) => r.learned).join(', ')} (0 in every "off" run is checked by the e2e tests)`);

await context.close();
await server.close();
