/**
 * Best-time figures (#5), printed, never asserted:
 * 1. recomputing the grid of one account with 5,000 logged posts: `estimateBestTimes` in Node
 *    (pure TypeScript; the same code runs in the background for the sidebar and in the library
 *    page): the first call (ICU data and offsets not yet loaded), calls 2-10, then the median of 21;
 * 2. rendering the heatmaps in Chromium with the built extension's library page: the Best time
 *    section opened on an account with 5,000 posts (database read + grid + both 7x24 heatmaps),
 *    and the re-render after choosing another prior (grid from the kept bins + both heatmaps),
 *    median of 7 each; in Node also the parts: the posts' pass, the grid from kept bins, the stamp.
 * Run: `npm run bench -- --only timing`, or alone `npx tsx tests/bench/timing.bench.ts` (needs
 * `npx wxt build` for part 2; `BENCH_EXTENSION_DIR=path/to/chrome-mv3` measures another build).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';
import { binPosts, estimateBestTimes, gridFromBins } from '../../utils/timing/estimate';
import { postsStamp } from '../../utils/timing/bins-cache';
import { priorById, priorGrid } from '../../utils/timing/priors';
import type { PostLogEntry } from '../../utils/db/post-log';

const POSTS = 5000;
const root = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 5,000 posts over two years before `now`, at random hours, engagement 20-500. */
function postLog(now: number): PostLogEntry[] {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: POSTS }, (_, i) => {
    const publishedAt = Math.round(now - rand() * 730 * 86_400_000);
    return {
      id: `bench-${i}`,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      brandId: 'bench-brand',
      accountId: 'bench-brand',
      network: 'instagram',
      permalink: `https://www.instagram.com/p/BENCH${i}/`,
      publishedAt,
      source: 'import',
      metrics: { reactions: Math.round(20 + rand() * 480), comments: Math.round(rand() * 30), shares: Math.round(rand() * 10), saves: null, reach: null, views: null },
    } satisfies PostLogEntry;
  });
}

function benchGrid() {
  const now = Date.UTC(2026, 11, 1, 12);
  const entries = postLog(now);
  const prior = priorGrid(priorById('sprout-social-instagram-2023')!);
  const run = () => {
    const t0 = performance.now();
    const grid = estimateBestTimes(entries, { timeZone: 'Europe/Rome', prior, now });
    const ms = performance.now() - t0;
    if (grid.totalPosts !== POSTS) throw new Error('bench: posts lost');
    return ms;
  };
  const cold = run();
  const warmingUp = Array.from({ length: 9 }, run);
  const warm = Array.from({ length: 21 }, run);
  console.log(
    `  grid of ${POSTS} posts (estimateBestTimes, Node ${process.version}): first call ${cold.toFixed(1)} ms ` +
      `(includes loading the ICU time-zone data and compiling), calls 2-10 median ${median(warmingUp).toFixed(1)} ms, ` +
      `then median of 21: ${median(warm).toFixed(1)} ms (goal < 50 ms)`,
  );
  // The library page's split (bins-cache.ts): a choice redoes only the cells from kept bins;
  // a reload pays the stamp of the posts to know the kept bins are still theirs.
  const bins = binPosts(entries, 'Europe/Rome');
  const time = (f: () => unknown) => median(Array.from({ length: 21 }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  }));
  console.log(
    `  of which: the posts' pass (binPosts) median ${time(() => binPosts(entries, 'Europe/Rome')).toFixed(2)} ms, ` +
      `the grid from kept bins (gridFromBins, what a choice of prior redoes) ${time(() => gridFromBins(bins, { prior, now })).toFixed(2)} ms, ` +
      `the change stamp of ${POSTS} posts (postsStamp) ${time(() => postsStamp(entries)).toFixed(2)} ms`,
  );
}

async function benchHeatmap() {
  // BENCH_EXTENSION_DIR: another build (e.g. of the commit before a change) to compare with.
  const extensionDir = process.env.BENCH_EXTENSION_DIR ? resolve(process.env.BENCH_EXTENSION_DIR) : join(root, '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.log('  heatmap render: skipped (no .output/chrome-mv3; run `npx wxt build`)');
    return;
  }
  // The library page needs no fixture site: any port for the host mapping.
  const context = await launchChromiumWithExtension({ extensionDir, port: 9 });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    const url = `chrome-extension://${id}/library.html#best-time`;
    await page.goto(url);
    await page.getByTestId('best-time-section').waitFor();
    const rows = postLog(Date.now());
    await page.evaluate(async (posts) => {
      const open = indexedDB.open('spalla');
      await new Promise<void>((resolveOpen, reject) => {
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['brands', 'accounts', 'postLog'], 'readwrite');
          tx.objectStore('brands').put({ id: 'bench-brand', createdAt: 0, updatedAt: 0, name: 'Bench', color: '#2563eb', timeZone: 'Europe/Rome' });
          tx.objectStore('accounts').put({ id: 'bench-brand', createdAt: 0, updatedAt: 0, brandId: 'bench-brand', network: 'instagram', name: 'Bench', handle: 'bench', externalId: null });
          for (const p of posts) tx.objectStore('postLog').put(p);
          tx.oncomplete = () => {
            open.result.close();
            resolveOpen();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }, rows);
    const loads: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await page.reload();
      await page.locator('[data-testid="best-time-learned-heatmap-cell-6-23"]').waitFor();
      loads.push(performance.now() - t0);
    }
    console.log(`  library Best time section, ${POSTS} posts (Chromium, built extension): reload to heatmaps shown, median ${median(loads).toFixed(0)} ms (includes page load and the database read)`);
    const rerenders: number[] = [];
    const choices = ['later-instagram-2023', 'sprout-social-instagram-2023'];
    for (let i = 0; i < 7; i++) {
      // A string, not a function: tsx would add helpers to a function's source that the page lacks.
      rerenders.push(
        await page.evaluate(`(async () => {
          const select = document.querySelector('[data-testid="best-time-prior-select"]');
          const caption = () => document.querySelector('[data-testid="best-time-prior-heatmap"] figcaption')?.textContent;
          const before = caption();
          const t0 = performance.now();
          select.value = ${JSON.stringify(choices[i % 2])};
          select.dispatchEvent(new Event('change', { bubbles: true }));
          while (caption() === before) await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t0;
        })()`),
      );
    }
    console.log(`  heatmaps re-render after choosing another prior (grid + two 7x24 heatmaps, through the settings storage): median ${median(rerenders).toFixed(0)} ms`);
  } finally {
    await context.close();
  }
}

console.log('Best time (#5)');
benchGrid();
await benchHeatmap();
