// Team sharing (#15): two Chromium profiles (A and B) with the built extension and one sync
// server (server/index.ts) in this process, on 127.0.0.1.
//  - first sync of a brand with 5,000 saved replies and 20,000 clips, each clip with a small
//    thumbnail: A shares it (time to upload), B joins it (time until B's database has every row);
//  - memory: the JS heap of both service workers (CDP Runtime.getHeapUsage on the worker's
//    target) and the server's (its process: startSyncServer's memory(), taken in this process,
//    which also runs the two browsers' drivers: read the difference), and the database file;
//  - one edit in A -> in B's database: median and p95 of 30 edits.
// Prints figures, asserts nothing. `npm run bench -- --only sync`, or alone:
// `npx tsx tests/bench/sync.bench.ts` after `npx wxt build`. BENCH_SYNC_REPLIES,
// BENCH_SYNC_CLIPS, BENCH_SYNC_EDITS change the sizes; BENCH_SYNC_THUMB_BYTES the thumbnails'
// rough size (JPEG quality is chosen to come near it).
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { startSyncServer } from '../../server/index';
import { startFixtureServer } from '../fixtures/server.mjs';
import { launchChromiumWithExtension } from '../support/chromium-launch.mjs';
import { app } from '../e2e/support/app-driver';

const root = resolve(import.meta.dirname, '../..');
const extensionDir = join(root, '.output/chrome-mv3');
const REPLIES = Number(process.env.BENCH_SYNC_REPLIES ?? 5_000);
const CLIPS = Number(process.env.BENCH_SYNC_CLIPS ?? 20_000);
const EDITS = Number(process.env.BENCH_SYNC_EDITS ?? 30);
const THUMB_BYTES = Number(process.env.BENCH_SYNC_THUMB_BYTES ?? 1_500);
/** BENCH_SYNC_THUMBS=0: clips without thumbnails (to tell the rows' cost from the pictures'). */
const THUMBS = process.env.BENCH_SYNC_THUMBS !== '0';
/** The first sync of 25,000 rows on a loaded 2-core machine: give it time. */
const LONG = 30 * 60_000;

const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => {
  on(event: string, fn: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
};

const ms = (v: number) => `${v.toFixed(0)} ms`;
const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
const MB = (v: number) => `${(v / 1e6).toFixed(1)} MB`;
function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  console.log('  build first: npx wxt build');
  process.exit(1);
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Chromium with a DevTools port of its own beside Playwright's pipe: the service worker's
 * target is reachable there for Runtime.getHeapUsage (Playwright opens CDP sessions on pages
 * and frames only). */
async function launch(fixturePort: number) {
  const debugPort = await freePort();
  // BENCH_DEBUG: Chromium's own log on stderr (shown with DEBUG=pw:browser).
  const logging = process.env.BENCH_DEBUG ? ['--enable-logging=stderr', '--v=0'] : [];
  const context = await launchChromiumWithExtension({ extensionDir, port: fixturePort, extraArgs: [`--remote-debugging-port=${debugPort}`, ...logging] });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, debugPort };
}

/** The service worker's JS heap (used, total), through its DevTools target. */
async function workerHeap(debugPort: number, extensionId: string, collect = true): Promise<{ usedSize: number; totalSize: number }> {
  const targets = (await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json()) as { type: string; url: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  return new Promise((done, fail) => {
    socket.on('error', (error) => fail(error));
    socket.on('open', () => {
      // A garbage collection first, so that the figure is what the worker keeps.
      if (collect) socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
      socket.send(JSON.stringify({ id: 2, method: 'Runtime.getHeapUsage' }));
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { usedSize: number; totalSize: number } };
      if (message.id === 2 && message.result) {
        socket.close();
        done(message.result);
      }
    });
  });
}

async function libraryPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html#brands`);
  await page.getByTestId('brands-section').waitFor();
  return page;
}

/** Runs in A's library page: stores the replies, the clips and one small JPEG thumbnail per
 * clip (24 different pictures, a copy of the bytes for each) with the raw IndexedDB API, under
 * the brand, before it is shared. Deterministic. */
const SEED = String.raw`async ({ brandId, replies, clips, thumbBytes, thumbs }) => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = 'pasta lasagne domenica ricetta nonna città perché più caffè brunch weekend offerta nuovo menù estate autunno pizza forno legna tiramisù vino cantina prenota tavolo amici famiglia festa fiori giardino mare montagna colazione aperitivo gelato'.split(' ');
  const t0 = Date.UTC(2026, 0, 1);
  const jpeg = async (hue) => {
    const canvas = new OffscreenCanvas(96, 96);
    const g = canvas.getContext('2d');
    g.fillStyle = 'hsl(' + hue + ',70%,55%)'; g.fillRect(0, 0, 96, 96);
    for (let k = 0; k < 30; k++) { g.fillStyle = 'hsla(' + ((hue + k * 11) % 360) + ',80%,40%,0.6)'; g.fillRect((k * 37) % 96, (k * 53) % 96, 8 + (k % 20), 8 + (k % 14)); }
    let quality = 0.8, blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    while (blob.size > thumbBytes && quality > 0.1) { quality -= 0.1; blob = await canvas.convertToBlob({ type: 'image/jpeg', quality }); }
    return new Uint8Array(await blob.arrayBuffer());
  };
  const pictures = [];
  for (let k = 0; k < 24; k++) pictures.push(await jpeg(k * 15));
  const replyRows = [], clipRows = [], imageRows = [];
  for (let i = 0; i < replies; i++) {
    const at = t0 + i * 60000;
    replyRows.push({ id: 'bench-reply-' + i, createdAt: at, updatedAt: at, title: 'Risposta ' + i + ' ' + pick(words),
      body: Array.from({ length: 20 + Math.floor(rnd() * 40) }, () => pick(words)).join(' '), shortcut: null,
      tags: rnd() < 0.5 ? [pick(words)] : [], networks: [], language: 'it', brandId, useCount: 0, lastUsedAt: null });
  }
  let imageBytes = 0;
  for (let i = 0; i < clips; i++) {
    const at = t0 + i * 60000, id = 'bench-clip-' + i;
    clipRows.push({ id, createdAt: at, updatedAt: at, network: 'instagram', permalink: 'https://www.instagram.com/p/' + id + '/',
      authorName: 'Autore ' + (i % 200), authorHandle: 'autore' + (i % 200),
      text: Array.from({ length: 20 + Math.floor(rnd() * 60) }, () => pick(words)).join(' '), hashtags: [], imageIds: thumbs ? [id + '-thumb'] : [],
      postedAt: at, counts: { reactions: i % 1000, comments: i % 50, shares: null }, note: rnd() < 0.3 ? 'Nota ' + pick(words) : '',
      tags: [], status: 'idea', scheduledAt: null, brandId, clippedAt: at });
    if (!thumbs) continue;
    const bytes = pictures[i % 24];
    imageBytes += bytes.length;
    imageRows.push({ id: id + '-thumb', createdAt: at, updatedAt: at, clipId: id, brandId, role: 'thumbnail', mimeType: 'image/jpeg',
      width: 96, height: 96, sourceUrl: null, blob: new Blob([bytes.slice()], { type: 'image/jpeg' }) });
  }
  const db = await new Promise((res, rej) => { const r = indexedDB.open('spalla'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  // In transactions of 1,000 rows: one transaction of 45,000 rows and 20,000 Blobs sometimes
  // stalled for minutes on a busy machine.
  const write = (name, rows) => new Promise((res, rej) => {
    const tx = db.transaction([name], 'readwrite');
    for (const row of rows) tx.objectStore(name).add(row);
    tx.oncomplete = res; tx.onerror = () => rej(tx.error);
  });
  for (const [name, rows] of [['savedReplies', replyRows], ['clips', clipRows], ['images', imageRows]]) {
    for (let i = 0; i < rows.length; i += 1000) await write(name, rows.slice(i, i + 1000));
  }
  db.close();
  return { imageBytes, rowBytes: JSON.stringify(replyRows).length + JSON.stringify(clipRows).length };
}`;

/** Runs in a library page: how many rows of each table the brand has (raw IndexedDB, by index). */
const COUNTS = String.raw`async (brandId) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('spalla'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const tables = ['savedReplies', 'clips', 'images'];
  const tx = db.transaction(tables, 'readonly');
  const counts = await Promise.all(tables.map((name) => new Promise((res) => {
    const r = tx.objectStore(name).index('brandId').count(IDBKeyRange.only(brandId));
    r.onsuccess = () => res(r.result);
  })));
  db.close();
  return Object.fromEntries(tables.map((name, i) => [name, counts[i]]));
}`;

/** Waits until the library shows the brand in `phase`; throws with the form's error if the
 * share or join was refused instead. */
async function waitForPhase(page: Page, brandId: string, phase: string) {
  const status = page.locator(`[data-testid="sync-status"][data-brand-id="${brandId}"][data-phase="${phase}"]`);
  const refused = page.getByTestId('sync-form-error');
  await status.or(refused).first().waitFor({ timeout: LONG });
  if (await refused.isVisible()) throw new Error(`the form said "${await refused.textContent()}" (${await refused.getAttribute('data-error')})`);
}

const fixtures = await startFixtureServer({ port: 0 });
const dataDir = mkdtempSync(join(tmpdir(), 'spalla-sync-bench-'));
const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, quiet: true });
const a = await launch(fixtures.port);
const b = await launch(fixtures.port);
try {
  const token = await server.addToken({ role: 'editor', document: '*' });
  const pageA = await libraryPage(a.context, a.extensionId);
  const pageB = await libraryPage(b.context, b.extensionId);
  if (process.env.BENCH_DEBUG) {
    // The background's own errors, with their name and message (Chromium logs a DOMException
    // as "[object DOMException]").
    a.context.on('console', (message) => {
      if (message.type() !== 'error') return;
      void Promise.all(message.args().map((arg) => arg.evaluate((v) => (v instanceof Error || v instanceof DOMException ? `${v.name}: ${v.message}\n${v.stack ?? ''}` : String(v)))))
        .then((parts) => console.log(`  (A error: ${parts.join(' ').slice(0, 800)})`))
        .catch(() => {});
    });
    for (const [name, page] of [['A', pageA], ['B', pageB]] as const) {
      page.on('crash', () => console.log(`  (${name}'s library page crashed)`));
      page.on('console', (m) => console.log(`  (${name} console: ${m.text().slice(0, 300)})`));
    }
  }
  const brandId = await app(pageA, 'createBrand', 'Agenzia grande');
  let start = performance.now();
  const seeded = (await pageA.evaluate(`(${SEED})(${JSON.stringify({ brandId, replies: REPLIES, clips: CLIPS, thumbBytes: THUMB_BYTES, thumbs: THUMBS })})`)) as { imageBytes: number; rowBytes: number };
  console.log(`  A seeded: ${REPLIES} replies, ${CLIPS} clips with ${THUMBS ? CLIPS : 0} thumbnails (${MB(seeded.imageBytes)} of JPEG, ${MB(seeded.rowBytes)} of row JSON) in ${s(performance.now() - start)}`);
  if (global.gc) global.gc();
  const serverBefore = server.memory();
  const heapBefore = { a: await workerHeap(a.debugPort, a.extensionId), b: await workerHeap(b.debugPort, b.extensionId) };

  // A shares: the form, then until the library says it is connected (uploaded).
  await pageA.reload();
  await pageA.locator(`[data-testid="sync-share-open"][data-brand-id="${brandId}"]`).click();
  await pageA.getByTestId('sync-server').fill(server.url);
  await pageA.getByTestId('sync-token').fill(token);
  start = performance.now();
  await pageA.getByTestId('sync-share-submit').click();
  await waitForPhase(pageA, brandId, 'connected');
  const shared = performance.now() - start;
  console.log(`  A shares the brand (its rows into the Yjs document, sent to the server): ${s(shared)}`);

  // B joins: the form, then until B's database holds every row.
  await pageB.getByTestId('sync-join-open').click();
  await pageB.getByTestId('sync-server').fill(server.url);
  await pageB.getByTestId('sync-code').fill(brandId);
  await pageB.getByTestId('sync-token').fill(token);
  start = performance.now();
  await pageB.getByTestId('sync-join-submit').click();
  let counts: Record<string, number> = {};
  let joinAnswered: number | null = null;
  const joinDone = waitForPhase(pageB, brandId, 'connected').then(() => (joinAnswered = performance.now() - start));
  for (;;) {
    counts = (await pageB.evaluate(`(${COUNTS})(${JSON.stringify(brandId)})`)) as Record<string, number>;
    if (counts.savedReplies >= REPLIES && counts.clips >= CLIPS && counts.images >= (THUMBS ? CLIPS : 0)) break;
    if (performance.now() - start > LONG) throw new Error(`B has only ${JSON.stringify(counts)} after ${s(LONG)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const firstSync = performance.now() - start;
  await joinDone;
  console.log(`  B joins: every row in B's database after ${s(firstSync)} (the join form answered after ${s(joinAnswered ?? NaN)}); B has ${JSON.stringify(counts)}`);

  const heapAfter = { a: await workerHeap(a.debugPort, a.extensionId), b: await workerHeap(b.debugPort, b.extensionId) };
  if (global.gc) global.gc();
  const serverAfter = server.memory();
  console.log(
    `  service worker JS heap (used, after a GC): A ${MB(heapBefore.a.usedSize)} -> ${MB(heapAfter.a.usedSize)}, B ${MB(heapBefore.b.usedSize)} -> ${MB(heapAfter.b.usedSize)}`,
  );
  console.log(
    `  server process (this process; the document loaded while A and B are connected): heap used ${MB(serverBefore.heapUsed)} -> ${MB(serverAfter.heapUsed)}, ` +
      `RSS ${MB(serverBefore.rss)} -> ${MB(serverAfter.rss)}, array buffers ${MB(serverBefore.arrayBuffers)} -> ${MB(serverAfter.arrayBuffers)}; documents in memory: ${server.documentsInMemory()}`,
  );
  const fileSize = existsSync(server.file) ? statSync(server.file).size : 0;
  console.log(`  server database file: ${MB(fileSize)} (written at most every few seconds; may lag the last changes)`);

  // What each background says of the brand now.
  for (const [name, run] of [['A', a], ['B', b]] as const) {
    const worker = run.context.serviceWorkers().at(-1);
    const status = (await worker?.evaluate((id) => chrome.storage.local.get('syncStatus').then((v) => (v.syncStatus as Record<string, { phase: string; error: string | null }>)?.[id]), brandId).catch(() => null)) ?? null;
    console.log(`  ${name}'s status of the brand after the first sync: ${status ? `${status.phase}${status.error ? ` (${status.error})` : ''}` : 'none (no service worker?)'}`);
  }

  // One edit in A -> B's database, one at a time: on the big brand, then on a small one
  // shared afterwards (the same two browsers), where nothing else is going on.
  const editTimes = async (page: Page, other: Page, replyId: string, title: string, brand: string) => {
    const times: number[] = [];
    let missed = 0;
    for (let i = 0; i < EDITS; i++) {
      const body = `Modifica ${i} delle ${new Date().toISOString()}`;
      const t0 = performance.now();
      await app(page, 'saveReply', { id: replyId, title, body, brandId: brand });
      for (;;) {
        const row = (await app(other, 'get', 'savedReplies', replyId)) as { body?: string } | null;
        if (row?.body === body) {
          times.push(performance.now() - t0);
          break;
        }
        if (performance.now() - t0 > 20_000) {
          missed += 1;
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      if (missed >= 3) break;
    }
    return { times, missed };
  };
  const line = ({ times, missed }: { times: number[]; missed: number }) =>
    times.length
      ? `median ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))} over ${times.length} edits${missed ? `; ${missed} not seen within 20 s (stopped)` : ''}`
      : `no edit seen within 20 s (${missed} tried)`;
  console.log(`  one edit in A -> in B's database, on the big brand: ${line(await editTimes(pageA, pageB, 'bench-reply-0', 'Risposta 0', brandId))}`);
  const small = await app(pageA, 'createBrand', 'Agenzia piccola');
  const smallReply = await app(pageA, 'saveReply', { title: 'Piccola', body: 'Prima', brandId: small });
  await pageA.reload();
  await pageA.locator(`[data-testid="sync-share-open"][data-brand-id="${small}"]`).click();
  await pageA.getByTestId('sync-server').fill(server.url);
  await pageA.getByTestId('sync-token').fill(token);
  await pageA.getByTestId('sync-share-submit').click();
  await waitForPhase(pageA, small, 'connected');
  await pageB.reload();
  await pageB.getByTestId('sync-join-open').click();
  await pageB.getByTestId('sync-server').fill(server.url);
  await pageB.getByTestId('sync-code').fill(small);
  await pageB.getByTestId('sync-token').fill(token);
  await pageB.getByTestId('sync-join-submit').click();
  await waitForPhase(pageB, small, 'connected');
  console.log(`  one edit in A -> in B's database, on a small brand shared beside it: ${line(await editTimes(pageA, pageB, smallReply, 'Piccola', small))}`);
} catch (error) {
  // A figure the bench could not take is reported as such, not as a stack trace.
  console.log(`  stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  // A crashed browser is closed already.
  await a.context.close().catch(() => {});
  await b.context.close().catch(() => {});
  await server.stop();
  await fixtures.close();
}
