// Content ideas library (#6): with 20,000 clips and 2,000 images in the database,
//  - library first render: navigation to library.html#ideas -> the first cards on screen
//    (Chromium, built extension), and -> search index ready;
//  - search as you type: each keystroke -> the cards for it rendered and painted (p50/p95),
//    in the page; and the index's own search time in Node over the same clips;
//  - export (zip with images, CSV) and import (read + validate + preview, then apply) time;
//  - storage used per clip.
// Prints figures, asserts nothing. `npm run bench -- --only clips-library`.
// BENCH_NODE_ONLY=1 stops after the index's own figures; BENCH_NO_TRANSFER=1 skips export and import;
// BENCH_PROFILE=name records the page's CPU while typing, exporting, previewing and applying an
// import (name-typing, -export, -import, -apply.cpuprofile).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ClipSearch } from '../../utils/clips/search';
import type { Clip } from '../../utils/db/clips';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';

const root = resolve(import.meta.dirname, '../..');
// BENCH_EXTENSION_DIR=<another build's chrome-mv3> measures that build (before/after on one machine).
const extensionDir = process.env.BENCH_EXTENSION_DIR ? resolve(process.env.BENCH_EXTENSION_DIR) : join(root, '.output/chrome-mv3');
const CLIPS = Number(process.env.BENCH_CLIPS ?? 20_000);
const IMAGE_CLIPS = Number(process.env.BENCH_IMAGE_CLIPS ?? 1_000); // a thumbnail and a full image each
const RENDER_RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Synthetic but realistic clips: Italian and English words, accents, hashtags, tags,
 * 200 authors, 3 networks, 5 statuses. Plain JavaScript source: it runs both in Node
 * and in the page (where it also stores the rows). */
const GENERATE = String.raw`(count, imageClips) => {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = 'pasta lasagne domenica ricetta nonna città perché più caffè brunch weekend offerta nuovo menù estate autunno pizza forno legna tiramisù vino cantina degustazione prenota tavolo amici famiglia festa compleanno matrimonio fiori giardino mare montagna lago viaggio hotel colazione aperitivo spritz gelato cioccolato fragole limone basilico pomodoro mozzarella burrata olio tartufo funghi castagne natale pasqua sconto saldi coupon evento concerto mostra museo libro lettura coffee cake summer sale new launch team behind scenes tips tricks tutorial how to morning evening sunday monday'.split(' ');
  const tags = ['ricette', 'tono', 'concorrenti', 'ispirazione', 'citazioni', 'foto', 'video', 'promo', 'eventi', 'stagionale'];
  const hashtags = ['cucinaitaliana', 'foodporn', 'pasta', 'instafood', 'italia', 'roma', 'milano', 'weekend', 'caffè', 'dolci', 'vino', 'estate'];
  const authors = Array.from({ length: 200 }, (_, i) => 'Autore ' + i + ' ' + pick(words));
  const networks = ['facebook', 'instagram', 'web'];
  const statuses = ['idea', 'idea', 'idea', 'draft', 'scheduled', 'published', 'archived'];
  const t0 = Date.UTC(2026, 0, 1);
  const clips = [];
  for (let i = 0; i < count; i++) {
    const network = pick(networks);
    const n = 20 + Math.floor(rnd() * 60);
    const text = Array.from({ length: n }, () => pick(words)).join(' ');
    const h = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(hashtags)).filter((x, j, a) => a.indexOf(x) === j);
    const status = pick(statuses);
    const clippedAt = t0 + Math.floor(rnd() * 330 * 86400000);
    const id = 'bench-' + i;
    clips.push({
      id, createdAt: clippedAt, updatedAt: clippedAt, network,
      permalink: network === 'web' ? null : 'https://www.' + network + '.com/p/' + id + '/',
      authorName: pick(authors), authorHandle: 'handle' + Math.floor(rnd() * 200),
      text: text + (h.length ? '\n\n' + h.map((x) => '#' + x).join(' ') : ''), hashtags: h,
      imageIds: i < imageClips ? [id + '-thumb', id + '-full'] : [],
      postedAt: rnd() < 0.7 ? clippedAt - Math.floor(rnd() * 5 * 86400000) : null,
      counts: { reactions: Math.floor(rnd() * 2000), comments: Math.floor(rnd() * 100), shares: null },
      note: rnd() < 0.3 ? 'Nota: ' + pick(words) + ' ' + pick(words) : '',
      tags: rnd() < 0.5 ? [pick(tags)] : [], status,
      scheduledAt: status === 'scheduled' ? clippedAt + 7 * 86400000 : null,
      brandId: null, clippedAt,
    });
  }
  return clips;
}`;

/** Runs in the library page: stores the clips and real JPEG images (canvas-made). */
const SEED = String.raw`async ({ count, imageClips, generate }) => {
  const clips = (0, eval)(generate)(count, imageClips);
  const jpeg = async (w, h, hue) => {
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d');
    const grad = g.createLinearGradient(0, 0, w, h);
    grad.addColorStop(0, 'hsl(' + hue + ',70%,60%)');
    grad.addColorStop(1, 'hsl(' + ((hue + 120) % 360) + ',70%,30%)');
    g.fillStyle = grad; g.fillRect(0, 0, w, h);
    for (let k = 0; k < 200; k++) { g.fillStyle = 'hsla(' + ((hue + k * 7) % 360) + ',80%,50%,0.5)'; g.fillRect((k * 37) % w, (k * 53) % h, 12 + (k % 30), 12 + (k % 20)); }
    return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  };
  const thumbs = [], fulls = [];
  for (let k = 0; k < 24; k++) { thumbs.push(await jpeg(320, 240, k * 15)); fulls.push(await jpeg(1080, 1080, k * 15)); }
  const images = [];
  for (let i = 0; i < imageClips; i++) {
    const c = clips[i];
    for (const [role, blob] of [['thumbnail', thumbs[i % 24]], ['full', fulls[i % 24]]]) {
      // brandId: an image carries its clip's brand (schema v3).
      images.push({ id: c.id + (role === 'full' ? '-full' : '-thumb'), createdAt: c.clippedAt, updatedAt: c.clippedAt, clipId: c.id, brandId: c.brandId, role,
        mimeType: 'image/jpeg', width: role === 'full' ? 1080 : 320, height: role === 'full' ? 1080 : 240, sourceUrl: null,
        // A copy per image, as real clips have their own bytes.
        blob: new Blob([await blob.arrayBuffer()], { type: 'image/jpeg' }) });
    }
  }
  const before = (await navigator.storage.estimate()).usage;
  const db = await new Promise((res, rej) => { const r = indexedDB.open('spalla'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  await new Promise((res, rej) => {
    const tx = db.transaction(['clips', 'images'], 'readwrite');
    tx.objectStore('clips').clear(); tx.objectStore('images').clear();
    for (const c of clips) tx.objectStore('clips').add(c);
    for (const im of images) tx.objectStore('images').add(im);
    tx.oncomplete = res; tx.onerror = () => rej(tx.error);
  });
  db.close();
  const after = (await navigator.storage.estimate()).usage;
  const imageBytes = images.reduce((s, im) => s + im.blob.size, 0);
  const rowBytes = clips.reduce((s, c) => s + JSON.stringify(c).length, 0);
  return { before, after, imageBytes, images: images.length, rowBytes };
}`;

/** What the bench types, one keystroke at a time. */
const TYPED = ['lasagne', 'ricetta nonna', 'perche citta', 'cucinaitaliana', 'autore 12', 'tiramisu', 'brunch weekend', 'caffe', 'lasagna'];

/** Runs in the page: types each query one character at a time into the search box (as
 * React sees typing: the value setter, then an input event), and times each keystroke
 * until the cards answering it are rendered (\`data-query\`) and painted (next frame). */
const TYPE = String.raw`async (queries) => {
    const input = document.querySelector('[data-testid="clips-search"]');
    const library = document.querySelector('[data-testid="clips-library"]');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const times = [], labels = [];
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const value = query.slice(0, i);
        const start = performance.now();
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (library.getAttribute('data-query') !== value) await new Promise((r) => setTimeout(r, 0));
        await frame(); // painted
        times.push(performance.now() - start);
        labels.push(value);
      }
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (library.getAttribute('data-query') !== '') await new Promise((r) => setTimeout(r, 0));
      await frame();
    }
    return { times, labels };
}`;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const MB = (v: number) => `${(v / 1e6).toFixed(1)} MB`;
function quantile(values: number[], q: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const median = (v: number[]) => quantile(v, 0.5);

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.log('  build first: npx wxt build');
  process.exit(1);
}

// --- Node: the index alone --------------------------------------------------------
const clips = (0, eval)(GENERATE)(CLIPS, IMAGE_CLIPS) as Clip[];
{
  const search = new ClipSearch();
  const start = performance.now();
  await search.sync(clips, { yieldTo: async () => {} });
  const built = performance.now() - start;
  const times: number[] = [];
  for (const query of TYPED) for (let i = 1; i <= query.length; i++) {
    const t = performance.now();
    search.search(query.slice(0, i));
    times.push(performance.now() - t);
  }
  console.log(`  Node, the search index (ClipSearch) of ${CLIPS} clips: built in ${ms(built)}; search per keystroke p50 ${ms(median(times))}, p95 ${ms(quantile(times, 0.95))} (${times.length} keystrokes)`);
  let t = performance.now();
  const snapshot = structuredClone(search.snapshot());
  const saved = performance.now() - t;
  t = performance.now();
  const restored = ClipSearch.restore(snapshot)!;
  await restored.sync(clips);
  console.log(`  Node, the index kept between visits: snapshot + structured clone ${ms(saved)}; restore + sync with the same clips ${ms(performance.now() - t)}`);
}

// BENCH_NODE_ONLY=1: just the index, e.g. while working on it.
if (process.env.BENCH_NODE_ONLY) process.exit(0);

// --- Chromium: the built library page --------------------------------------------
const context = await launchChromiumWithExtension({ extensionDir, port: 9 });
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = `chrome-extension://${extensionId}/library.html#ideas`;
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid="clips-empty"], [data-testid="clips-results"]').first().waitFor();
  // Baseline on this machine: the same page with an empty library (bundle, React, i18n).
  const empty: number[] = [];
  for (let run = 0; run < RENDER_RUNS; run++) {
    const tab = await context.newPage();
    await tab.goto(url, { waitUntil: 'commit' });
    empty.push(await (await tab.waitForFunction(() => document.querySelector('[data-testid="clips-empty"]') && performance.now(), null, { polling: 5, timeout: 120_000 })).jsonValue() as number);
    await tab.close();
  }
  console.log(`  baseline: the empty library page (navigation -> painted), median of ${RENDER_RUNS}: ${ms(median(empty))}`);
  const seedStart = performance.now();
  const seeded = await page.evaluate(`(${SEED})(${JSON.stringify({ count: CLIPS, imageClips: IMAGE_CLIPS, generate: GENERATE })})`) as {
    before: number; after: number; imageBytes: number; images: number; rowBytes: number;
  };
  console.log(`  seeded ${CLIPS} clips and ${seeded.images} images (real JPEGs, ${MB(seeded.imageBytes)}) in ${ms(performance.now() - seedStart)}`);

  const renders: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < RENDER_RUNS; run++) {
    const tab = await context.newPage();
    tab.on('pageerror', (error) => console.log(`  (page error: ${error.message})`));
    if (process.env.BENCH_DEBUG) tab.on('console', (m) => console.log(`  (console: ${m.text()})`));
    await tab.goto(url, { waitUntil: 'commit' });
    // Polled every 5 ms from the page's own clock (0 = navigation start).
    renders.push(await (await tab.waitForFunction(() => document.querySelector('[data-testid="clips-card"]') && performance.now(), null, { polling: 5, timeout: 120_000 })).jsonValue() as number);
    ready.push(await (await tab.waitForFunction(() => document.querySelector('[data-search-ready="true"]') && performance.now(), null, { polling: 5, timeout: 120_000 })).jsonValue() as number);
    // The first visit builds the index and saves it for the next ones (useClipSearch).
    // (A build from before the index was kept, e.g. 327c289 via BENCH_EXTENSION_DIR, never saves it.)
    if (run === 0) {
      await tab
        .waitForFunction(() => performance.getEntriesByName('spalla-search-saved').length > 0, null, { timeout: process.env.BENCH_EXTENSION_DIR ? 20_000 : 120_000 })
        .catch((error: unknown) => {
          if (!process.env.BENCH_EXTENSION_DIR) throw error;
          console.log('  (this build does not keep the index between visits)');
        });
    }
    if (run < RENDER_RUNS - 1) await tab.close();
  }
  console.log(`  library first render (navigation -> first cards painted), median of ${RENDER_RUNS}: ${ms(median(renders))} (min ${ms(Math.min(...renders))}, max ${ms(Math.max(...renders))}; goal < 1000 ms)`);
  console.log(`  search index ready: first visit (index built) ${ms(ready[0])}; later visits (index kept from the last one), median of ${RENDER_RUNS - 1}: ${ms(median(ready.slice(1)))} (goal < 1000 ms)`);

  const tab = context.pages().at(-1)!;
  await tab.waitForFunction(() => document.querySelector('[data-search-ready="true"]'), null, { timeout: 120_000 });
  const marks = await tab.evaluate(`JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))`);
  console.log(`  (last run: ${(JSON.parse(marks as string) as [string, number][]).map(([name, at]) => `${name} at ${ms(at)}`).join(', ')})`);
  // BENCH_PROFILE=name: the page's CPU profiles while typing and while importing, in
  // name-typing.cpuprofile and name-import.cpuprofile (DevTools opens them).
  const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(tab) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  const typed = (await tab.evaluate(`(${TYPE})(${JSON.stringify(TYPED)})`)) as { times: number[]; labels: string[] };
  const typing = typed.times;
  if (process.env.BENCH_DEBUG) {
    const slowest = typing.map((took, i) => [took, typed.labels[i]] as const).sort((a, b) => b[0] - a[0]).slice(0, 10);
    console.log(`  (slowest keystrokes: ${slowest.map(([took, value]) => `${JSON.stringify(value)} ${ms(took)}`).join(', ')})`);
  }
  if (profiler) writeFileSync(`${process.env.BENCH_PROFILE}-typing.cpuprofile`, JSON.stringify((await profiler.send('Profiler.stop')).profile));
  console.log(`  search as you type in the page (keystroke -> cards rendered and painted): p50 ${ms(median(typing))}, p95 ${ms(quantile(typing, 0.95))}, max ${ms(Math.max(...typing))} (${typing.length} keystrokes; goal p95 < 50 ms)`);

  if (!process.env.BENCH_NO_TRANSFER) {

    // Export: the whole library as a zip with images, and as CSV.
    const exportProfiler = process.env.BENCH_PROFILE ? await context.newCDPSession(tab) : null;
    if (exportProfiler) {
      await exportProfiler.send('Profiler.enable');
      await exportProfiler.send('Profiler.start');
    }
    let start = performance.now();
    const [zipDownload] = await Promise.all([tab.waitForEvent('download', { timeout: 300_000 }), tab.getByTestId('clips-export-zip').click({ timeout: 600_000 })]);
    const zipPath = (await zipDownload.path())!;
    const exportZip = performance.now() - start;
    if (exportProfiler) writeFileSync(`${process.env.BENCH_PROFILE}-export.cpuprofile`, JSON.stringify((await exportProfiler.send('Profiler.stop')).profile));
    const zipBytes = readFileSync(zipPath);
    console.log(`  export zip with images: ${ms(exportZip)} (${MB(zipBytes.length)})`);
    await tab.getByTestId('clips-exported').waitFor({ timeout: 600_000 });
    start = performance.now();
    const [csvDownload] = await Promise.all([tab.waitForEvent('download', { timeout: 300_000 }), tab.getByTestId('clips-export-csv').click({ timeout: 600_000 })]);
    const csvBytes = readFileSync((await csvDownload.path())!).length;
    console.log(`  export CSV: ${ms(performance.now() - start)} (${MB(csvBytes)})`);

    // Import into an emptied library: read + validate + preview, then apply.
    await tab.evaluate(() => new Promise<void>((res, rej) => {
      const r = indexedDB.open('spalla');
      r.onsuccess = () => { const tx = r.result.transaction(['clips', 'images'], 'readwrite'); tx.objectStore('clips').clear(); tx.objectStore('images').clear(); tx.oncomplete = () => { r.result.close(); res(); }; tx.onerror = () => rej(tx.error); };
    }));
    await tab.reload({ timeout: 600_000 });
    await tab.getByTestId('clips-empty').waitFor({ timeout: 600_000 });
    const [chooser] = await Promise.all([tab.waitForEvent('filechooser', { timeout: 600_000 }), tab.getByTestId('clips-import-open').click({ timeout: 600_000 })]);
    const importProfiler = process.env.BENCH_PROFILE ? await context.newCDPSession(tab) : null;
    if (importProfiler) {
      await importProfiler.send('Profiler.enable');
      await importProfiler.send('Profiler.start');
    }
    start = performance.now();
    await chooser.setFiles(zipPath);
    await tab.getByTestId('clips-import-preview').waitFor({ timeout: 600_000 });
    const preview = performance.now() - start;
    if (importProfiler) writeFileSync(`${process.env.BENCH_PROFILE}-import.cpuprofile`, JSON.stringify((await importProfiler.send('Profiler.stop')).profile));
    const measures = (await tab.evaluate(`JSON.stringify(performance.getEntriesByType('measure').map((m) => [m.name, m.duration]))`)) as string;
    console.log(`  (import: ${(JSON.parse(measures) as [string, number][]).map(([name, took]) => `${name} ${ms(took)}`).join(', ')})`);
    const applyProfiler = process.env.BENCH_PROFILE ? await context.newCDPSession(tab) : null;
    if (applyProfiler) {
      await applyProfiler.send('Profiler.enable');
      await applyProfiler.send('Profiler.start');
    }
    start = performance.now();
    await tab.getByTestId('clips-import-confirm').click({ timeout: 600_000 });
    await tab.getByTestId('clips-import-report').waitFor({ timeout: 600_000 });
    const applied = performance.now() - start;
    if (applyProfiler) writeFileSync(`${process.env.BENCH_PROFILE}-apply.cpuprofile`, JSON.stringify((await applyProfiler.send('Profiler.stop')).profile));
    const added = await tab.getByTestId('clips-import-clips').getAttribute('data-added');
    console.log(`  import: read + validate + preview ${ms(preview)}, apply ${ms(applied)} (${added} clips added)`);
  }

  const used = seeded.after - seeded.before;
  console.log(`  storage: ${MB(used)} for ${CLIPS} clips and ${seeded.images} images (browser estimate) = ${(used / CLIPS / 1000).toFixed(1)} KB per clip on average;`);
  console.log(`    a clip row ~${(seeded.rowBytes / CLIPS).toFixed(0)} bytes as JSON; images ${(seeded.imageBytes / seeded.images / 1000).toFixed(1)} KB each on average (a 320x240 thumbnail and a 1080x1080 full per clip with images)`);
} finally {
  await context.close();
}
