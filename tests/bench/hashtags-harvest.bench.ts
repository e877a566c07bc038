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

interface RunFigures {
  task: number;
  script: number;
  cpu: number;
  learned: number;
}

async function oneRun(harvest: boolean): Promise<RunFigures> {
  await worker.evaluate(`chrome.storage.local.set({ ${LEARN_KEY}: ${harvest} })`);
  await worker.evaluate('self.spalla.hashtagsClear()');
  const page = await context.newPage();
  await page.goto(`https://www.facebook.com/spalla-test/long-feed?posts=${POSTS}`);
  await page.waitForFunction(`document.querySelectorAll('[role="feed"] [aria-posinset]').length >= ${POSTS}`);
  await page.waitForFunction(`!!document.querySelector('spalla-sidebar')`);
  await page.waitForTimeout(1000); // the agent's start-up is not what is measured
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m: { name: string }) => m.name === name)?.value ?? 0) * 1000;
    return { task: get('TaskDuration'), script: get('ScriptDuration'), cpu: get('ThreadTime') };
  };
  const before = await metrics();
  // A string, not a function: tsx would wrap a function's inner helpers in `__name`.
  await page.evaluate(`(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const step = Math.round(innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      scrollTo(0, y);
      await frame();
      await frame();
    }
  })()`);
  await page.waitForTimeout(3000); // the last scan and batch
  const after = await metrics();
  const info = (await worker.evaluate('self.spalla.hashtagsInfo()')) as { hashtags: number };
  await cdp.detach();
  await page.close();
  return { task: after.task - before.task, script: after.script - before.script, cpu: after.cpu - before.cpu, learned: info.hashtags };
}

const off: RunFigures[] = [];
const on: RunFigures[] = [];
await oneRun(false); // warm-up: caches, JIT
for (let i = 0; i < RUNS; i++) {
  off.push(await oneRun(false));
  on.push(await oneRun(true));
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const perPost = (ms: number) => `${(ms / POSTS).toFixed(3)} ms per post`;
console.log(`  ${POSTS} posts scrolled past, median of ${RUNS} runs each, harvest off vs on (Chromium, built extension)`);
for (const [label, key] of [
  ['main-thread CPU time (ThreadTime)', 'cpu'],
  ['main-thread busy time (TaskDuration)', 'task'],
  ['JavaScript (ScriptDuration)', 'script'],
] as const) {
  const a = median(off.map((r) => r[key]));
  const b = median(on.map((r) => r[key]));
  console.log(`  ${label}: off ${fmt(a)}, on ${fmt(b)}; added ${fmt(b - a)} = ${perPost(b - a)}`);
  console.log(`    per run off: ${off.map((r) => r[key].toFixed(0)).join(', ')}; on: ${on.map((r) => r[key].toFixed(0)).join(', ')}`);
}
console.log('  goal: under 1 ms per post. The machine is shared: the busy-time figure carries other processes\' contention; CPU time and JavaScript are steadier.');
console.log(`  distinct hashtags learned per "on" run: ${on.map((r) => r.learned).join(', ')} (each post has one of its own: ${POSTS} + 27 common = every post read); per "off" run: ${off.map((r) => r.learned).join(', ')}`);

await context.close();
await server.close();
