// What Spalla adds to a Facebook-like page's main thread and heap (issue #16), in
// Chromium. Prints figures, asserts nothing. Run: `npm run bench -- --only page-cost`
// (or `npx tsx` this file). Needs `npx wxt build` and `node tests/fixtures/build.mjs`.
//
// The scenario, as a person does it: load www.facebook.com/spalla-test/long-feed with 50
// posts, the pointer over the feed, scroll the feed to its end with the mouse wheel, click
// the comment box under the last post and type a 40-character comment; then wait a second
// for anything debounced. Measured for the whole scenario, page load included, in the
// page's own renderer (CDP Performance.getMetrics on the tab: ScriptDuration = JavaScript,
// TaskDuration = main-thread busy time; JSHeapUsedSize after a forced garbage collection).
// The sidebar's own page runs in the extension's process (an out-of-process frame) and is
// not in these figures: "open" shows what the open sidebar costs the page itself.
//
// Variants, each in its own Chromium, run in turn within every round (the order rotating,
// so that none always runs first): no extension; Spalla with the sidebar closed; Spalla with
// the sidebar open (remembered open, so it opens at load). Learning from the feed is off
// (its default). With PAGE_COST_BEFORE=<dir of another chrome-mv3 build> that build's
// closed variant runs in the same rounds too (before/after figures from one run). A last
// variant is the floor: an extension whose content script only adds a host element and
// listens for focus (what any in-page sidebar needs), made for the run.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';
import { AgentTrace, byCause, inPage, type AgentCall } from '../support/agent-trace';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, '.output/chrome-mv3');
const beforeDir = process.env.PAGE_COST_BEFORE ? resolve(process.env.PAGE_COST_BEFORE) : null;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const POSTS = 50;
const COMMENT = 'Che bella giornata, ci vediamo sabato!!!'; // 40 characters

for (const dir of [extensionDir, beforeDir]) {
  if (dir && !existsSync(join(dir, 'manifest.json'))) {
    console.log(`  build first: no extension in ${dir}`);
    process.exit(1);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Figures {
  script: number;
  task: number;
  heap: number;
}

interface Variant {
  name: string;
  context: BrowserContext;
  worker: Worker | null;
  open: boolean;
  /** Set for one more run of the scenario, traced: our own calls. */
  trace?: AgentCall[];
  /** The floor extension: no sidebar state to set, no Spalla host to wait for. */
  floor?: boolean;
}

const server = await startFixtureServer({ port: 0 });
const port = server.port as number;

async function withExtension(dir: string) {
  const context = await launchChromiumWithExtension({ extensionDir: dir, port });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker };
}

/** The floor: a content script that adds one host element and tracks focus, nothing else. */
function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spalla-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://www.facebook.com/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(
    join(dir, 'content.js'),
    `const host = document.createElement('floor-sidebar');
host.attachShadow({ mode: 'closed' }).innerHTML = '<button>open</button>';
document.documentElement.append(host);
let focused = null;
document.addEventListener('focusin', (e) => { focused = e.target; }, true);`,
  );
  return dir;
}

const none = await launchChromiumWithExtension({ extensionDir, port, loadAtStart: false });
const after = await withExtension(extensionDir);
const variants: Variant[] = [
  { name: 'no extension', context: none, worker: null, open: false },
  { name: 'Spalla, sidebar closed', ...after, open: false },
  { name: 'Spalla, sidebar open', ...after, open: true },
];
variants.push({ name: 'floor (a host element and a focus listener)', ...(await withExtension(floorExtension())), open: false, floor: true });
if (beforeDir) {
  const before = await withExtension(beforeDir);
  variants.push({ name: `before (${beforeDir}), sidebar closed`, ...before, open: false });
}

async function oneRun(variant: Variant, traced = false): Promise<Figures> {
  if (variant.worker && !variant.floor) {
    const state = { open: variant.open, width: 360 };
    await variant.worker.evaluate(`chrome.storage.local.set({ sidebarState: ${JSON.stringify({ facebook: state, instagram: state, business: state })} })`);
  }
  const page = await variant.context.newPage();
  const cdp = await variant.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const tracer = traced && variant.worker ? await AgentTrace.start(variant.context, page, new URL(variant.worker.url()).host) : null;
  await page.goto(`https://www.facebook.com/spalla-test/long-feed?posts=${POSTS}&composer=1`);
  await page.waitForFunction(() => !!(window as { __fixture?: { editors: Record<string, unknown> } }).__fixture?.editors['fb-long-comment']);
  if (variant.worker) {
    await page.waitForSelector(variant.floor ? 'floor-sidebar' : 'spalla-sidebar', { state: 'attached' });
    if (variant.open) await page.waitForFunction(() => document.querySelector('spalla-sidebar')?.getAttribute('data-state') === 'open');
  }
  // The agent's start-up settles (its page-state checks at 0.5 s and 2 s after start).
  await page.waitForTimeout(2500);

  // The pointer over the feed, the wheel down to its end.
  await page.mouse.move(400, 360);
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, 500);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.locator('[aria-label="Write a comment…"]').click();
  await page.keyboard.type(COMMENT, { delay: 25 });
  await page.waitForTimeout(1000);

  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const typed = await page.evaluate(() =>
    (window as unknown as { __fixture: { editors: Record<string, { read(): string }> } }).__fixture.editors['fb-long-comment'].read(),
  );
  if (typed !== COMMENT) console.log(`  (${variant.name}: the comment box holds ${JSON.stringify(typed)})`);
  if (tracer) variant.trace = await tracer.stop();
  await cdp.detach();
  await page.close();
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000, heap: get('JSHeapUsedSize') };
}

// Warm-up: caches, JIT.
for (const v of variants) await oneRun(v);
const results = new Map<string, Figures[]>(variants.map((v) => [v.name, []]));
for (let round = 0; round < RUNS; round++) {
  for (let k = 0; k < variants.length; k++) {
    const v = variants[(round + k) % variants.length];
    results.get(v.name)!.push(await oneRun(v));
  }
}

const base = results.get('no extension')!;
const baseScript = median(base.map((f) => f.script));
const baseTask = median(base.map((f) => f.task));
const baseHeap = median(base.map((f) => f.heap));
console.log(`  long feed of ${POSTS} posts: load, wheel to the end, type a ${COMMENT.length}-character comment; median of ${RUNS} rounds`);
for (const v of variants) {
  const f = results.get(v.name)!;
  const script = median(f.map((x) => x.script));
  const task = median(f.map((x) => x.task));
  const heap = median(f.map((x) => x.heap));
  const added =
    v.worker === null
      ? ''
      : `  → added: script ${(script - baseScript).toFixed(1)} ms, main thread ${(task - baseTask).toFixed(1)} ms, heap ${((heap - baseHeap) / 1048576).toFixed(2)} MB`;
  console.log(`  ${v.name}: script ${script.toFixed(1)} ms, main thread ${task.toFixed(1)} ms, heap ${(heap / 1048576).toFixed(2)} MB${added}`);
}
console.log('  Our own JavaScript, from a traced run of the same scenario (ms, calls; by what made it run):');
for (const v of variants) {
  if (!v.worker || v.floor) continue;
  await oneRun(v, true);
  const all = v.trace ?? [];
  const calls = inPage(all);
  const elsewhere = all.length - calls.length;
  const total = calls.reduce((sum, c) => sum + c.ms, 0);
  const causes = Object.entries(byCause(calls))
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([cause, f]) => `${cause} ${f.ms.toFixed(1)} (${f.count})`)
    .join(', ');
  const files = new Map<string, number>();
  for (const c of calls) files.set(c.file, (files.get(c.file) ?? 0) + c.ms);
  const byFile = [...files].sort((a, b) => b[1] - a[1]).map(([file, ms]) => `${file} ${ms.toFixed(1)}`).join(', ');
  const outside = all.filter((c) => !calls.includes(c)).reduce((sum, c) => sum + c.ms, 0);
  console.log(`    ${v.name}: ${total.toFixed(1)} ms in ${calls.length} calls in the page's process` + (elsewhere ? ` (and ${outside.toFixed(1)} ms in ${elsewhere} calls of the sidebar, in the extension's process)` : ''));
  console.log(`      by cause: ${causes}`);
  console.log(`      by file: ${byFile}`);
}
console.log('  (targets, issue #16: script added ≤ 10 ms with the sidebar closed; heap added ≤ 0.5 MB)');

await Promise.all([...new Set(variants.map((v) => v.context))].map((c) => c.close()));
await server.close();
