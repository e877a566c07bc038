#!/usr/bin/env node
// `npm run screenshots`: pictures of every sidebar tab and library section, in English
// and Italian, light and dark, into docs/images/ (sidebar-<tab>-<lang>-<theme>.png,
// library-<section>-<lang>-<theme>.png, overview-facebook-<lang>-light.png: the fixture
// Facebook feed with the sidebar open, and network-<network>-<box>-<lang>-light.png: the
// sidebar beside an X reply box, a Threads post composer and a LinkedIn comment box, those
// networks switched on as a person does). Builds the extension, serves the playground's
// fixture pages, seeds demo data the way the end-to-end tests do (the background's test
// hooks and the raw IndexedDB API from an extension page), and waits for each screen's
// content through the test ids of docs/testing.md, never for a fixed time.
//
//   npm run screenshots                          all 52
//   npm run screenshots -- --only network-       the X, Threads and LinkedIn pictures
//   npm run screenshots -- --no-build            use the build in .output/chrome-mv3
//   npm run screenshots -- --only sidebar-hashtags   names containing this text
//
// PNGs go through `pngquant` when it is installed (`apt-get install -y pngquant`),
// which makes them about a third of their size; without it they are kept as they are.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makePng, startFixtureServer } from '../tests/fixtures/server.mjs';
import { launchChromiumWithExtension } from '../tests/support/chromium-launch.mjs';
// TypeScript (run through tsx: package.json's `screenshots` script loads it).
import { startSyncServer } from '../server/index.ts';
import { optionalSiteOrigins } from '../utils/sites/networks.ts';

const root = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    out: { type: 'string', default: join(root, 'docs/images') },
  },
});
const LANGS = ['en', 'it'];
const THEMES = ['light', 'dark'];
const VIEWPORT = { width: 1280, height: 800 };
const NETWORK_VIEWPORT = { width: 1600, height: 900 };
const TIMEOUT = 60_000;

// ---------------------------------------------------------------------------
// Demo data: a small trattoria's Facebook Page and Instagram account.
// ---------------------------------------------------------------------------

const DAY = 86_400_000;
const NOW = Date.now();
const BRAND_ID = 'demo-brand-spallademo';

/** The brand of the fixture's own Page (/spallademo) and that Page as its account, as
 * "Add this account" in the sidebar makes them. */
const BRAND = { id: BRAND_ID, createdAt: NOW, updatedAt: NOW, name: 'Spalla Demo', color: '#2563eb', timeZone: 'Europe/Rome' };
const ACCOUNT = {
  id: BRAND_ID, createdAt: NOW, updatedAt: NOW, brandId: BRAND_ID,
  network: 'facebook', name: 'Spalla Demo', handle: 'spallademo', externalId: null,
};

/** Rome's wall clock `hour`:00 on the day `daysBack` days ago (CET/CEST by the zone). */
function romeTime(daysBack, hour) {
  const day = new Date(NOW - daysBack * DAY);
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  const offsetHours = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', hour: 'numeric', hourCycle: 'h23' }).format(guess),
  ) - hour;
  return guess - ((offsetHours + 24) % 24) * 3_600_000;
}

/** Eight weeks of posts: lunch and evening every day; Tuesday and Thursday evenings and
 * Sunday late morning do best, as a restaurant's audience might. */
function postLog() {
  const rows = [];
  for (let daysBack = 1; daysBack <= 56; daysBack++) {
    const weekday = new Date(romeTime(daysBack, 12)).getUTCDay(); // 0 = Sunday
    const hours = weekday === 0 ? [11, 19] : [12, 19];
    for (const hour of hours) {
      const strong = (hour === 19 && (weekday === 2 || weekday === 4)) || (weekday === 0 && hour === 11);
      const n = rows.length;
      rows.push({
        id: `demo-post-${n}`, createdAt: NOW, updatedAt: NOW, brandId: BRAND_ID, accountId: BRAND_ID, network: 'facebook',
        permalink: `https://www.facebook.com/spallademo/posts/demo${n}`,
        publishedAt: romeTime(daysBack, hour), source: 'import',
        metrics: { reactions: (strong ? 240 : 90) + ((n * 37) % 40), comments: 4 + (n % 9), shares: n % 5, saves: null, reach: null, views: null },
      });
    }
  }
  return rows;
}

const CLIPS = [
  { id: 'tagliatelle', network: 'instagram', author: 'Nonna Pina', handle: 'nonnapina', daysAgo: 1, status: 'idea', tags: ['recipes'],
    text: 'Tagliatelle al ragù, rolled by hand this morning 🍝 Recipe in the comments!\n\n#pastafresca #cucinaitaliana #sundaylunch',
    hashtags: ['pastafresca', 'cucinaitaliana', 'sundaylunch'], counts: [1520, 87, null], note: 'Do this as a Reel with our own pasta' },
  { id: 'aperitivo', network: 'instagram', author: 'Bar Centrale', handle: 'barcentrale', daysAgo: 2, status: 'draft', tags: ['evening'],
    text: 'Aperitivo on the terrace from 6 pm: spritz, olives and focaccia still warm from the oven.\n#aperitivo #milano',
    hashtags: ['aperitivo', 'milano'], counts: [640, 32, null], note: '' },
  { id: 'tiramisu', network: 'facebook', author: 'Pasticceria Rossi', handle: 'pasticceriarossi', daysAgo: 3, status: 'scheduled', tags: ['recipes', 'desserts'],
    text: 'Il nostro tiramisù classico: savoiardi, mascarpone e caffè della moka. Ordinalo per la domenica!',
    hashtags: [], counts: [310, 45, 12], note: 'Ask Marco for photos of ours', scheduledInDays: 4 },
  { id: 'market', network: 'facebook', author: 'Mercato di Campagna', handle: 'mercatodicampagna', daysAgo: 5, status: 'idea', tags: ['suppliers'],
    text: 'Saturday market: first artichokes of the season and the new olive oil are here.',
    hashtags: [], counts: [210, 18, 9], note: 'Our artichoke special next week?' },
  { id: 'pizza', network: 'instagram', author: 'Luca Bianchi', handle: 'luca.bianchi', daysAgo: 8, status: 'published', tags: ['evening'],
    text: 'Pizza night with friends 🍕 48-hour dough makes all the difference.\n#pizza #pizzanapoletana',
    hashtags: ['pizza', 'pizzanapoletana'], counts: [980, 54, null], note: '' },
  { id: 'brunch', network: 'instagram', author: 'Giulia Verdi', handle: 'giulia.verdi', daysAgo: 12, status: 'archived', tags: ['weekend'],
    text: 'Sunday brunch done right: eggs, sourdough and a cappuccino.\n#brunch #weekend',
    hashtags: ['brunch', 'weekend'], counts: [450, 21, null], note: '' },
];

function clipRows() {
  const clips = [];
  const images = [];
  for (const c of CLIPS) {
    const clippedAt = NOW - c.daysAgo * DAY;
    clips.push({
      id: `demo-clip-${c.id}`, createdAt: clippedAt, updatedAt: clippedAt, network: c.network,
      permalink: c.network === 'instagram' ? `https://www.instagram.com/p/Demo${c.id}/` : `https://www.facebook.com/${c.handle}/posts/demo${c.id}`,
      authorName: c.author, authorHandle: c.handle, text: c.text, hashtags: c.hashtags,
      imageIds: [`demo-img-${c.id}-full`, `demo-img-${c.id}-thumb`],
      postedAt: clippedAt - DAY, counts: { reactions: c.counts[0], comments: c.counts[1], shares: c.counts[2] },
      note: c.note, tags: c.tags, status: c.status,
      scheduledAt: c.scheduledInDays ? romeTime(-c.scheduledInDays, 19) : null, brandId: null, clippedAt,
    });
    // The fixture server's own pictures (tests/fixtures/server.mjs), as a clip of a fixture post keeps.
    const png = makePng(`post-${c.id}`).toString('base64');
    for (const role of ['full', 'thumbnail']) {
      images.push({
        id: `demo-img-${c.id}-${role === 'full' ? 'full' : 'thumb'}`, createdAt: clippedAt, updatedAt: clippedAt,
        clipId: `demo-clip-${c.id}`, role, mimeType: 'image/png', width: 480, height: 320,
        sourceUrl: `https://scontent.cdninstagram.com/demo-${c.id}.png`, blobBase64: png, brandId: null,
      });
    }
  }
  return { clips, images };
}

const HASHTAG_SETS = [
  { name: 'Pasta fresca', network: null, tags: ['pastafresca', 'cucinaitaliana', 'fattoincasa', 'pasta', 'ricettaitaliana'] },
  { name: 'Sunday brunch', network: null, tags: ['brunch', 'sundaybrunch', 'weekend', 'colazione'] },
  { name: 'Milano food', network: 'instagram', tags: ['milanofood', 'milano', 'mangiaremilano', 'foodmilano'] },
].map((set, i) => ({ id: `demo-set-${i}`, createdAt: NOW - i * DAY, updatedAt: NOW - i * DAY, brandId: null, ...set }));

/** Captions of "our" posts, learned as Facebook's (the Hashtags screenshot types on
 * Facebook): what the hashtag suggestions learn from. */
const OWN_CAPTIONS = [
  'Tagliatelle fatte in casa con il ragù della domenica #pastafresca #cucinaitaliana #fattoincasa',
  'Fresh pasta every morning in our kitchen #pastafresca #fattoincasa #milanofood',
  'Ravioli di ricotta e spinaci, tirati a mano #pastafresca #ravioli #cucinaitaliana',
  'Sunday lunch is served: lasagne straight from the oven #lasagne #sundaylunch #cucinaitaliana',
  'Il pranzo della domenica a Milano #milanofood #pranzodelladomenica #pastafresca',
  'Handmade gnocchi with butter and sage #gnocchi #fattoincasa #pastafresca',
];

const OWN_REPLIES = [
  { title: 'Table booking', body: 'Hi {{first_name|there}}! We would love to have you. Book a table at +39 02 1234 5678 or send us a message with the day and how many you are {{cursor}}', shortcut: 'book', tags: ['bookings'], networks: [], language: 'en', useCount: 14 },
  { title: 'Prenotazione tavolo', body: 'Ciao {{first_name|amico}}! Prenota al 02 1234 5678 oppure scrivici in privato giorno e numero di persone 📩 {{cursor}}', shortcut: 'prenota', tags: ['prenotazioni'], networks: [], language: 'it', useCount: 21 },
  { title: 'Gluten-free', body: 'Yes! Our fresh pasta comes in a gluten-free version too, just ask when you order 🌾 {{cursor}}', shortcut: 'glutenfree', tags: ['menu'], networks: ['instagram', 'facebook'], language: 'en', useCount: 6 },
];

const CAPTION = {
  en: 'Fresh pasta Sunday: tagliatelle rolled by hand this morning #pastafresca',
  it: 'Domenica di pasta fresca: tagliatelle tirate a mano stamattina #pastafresca',
};

// ---------------------------------------------------------------------------
// Browser helpers
// ---------------------------------------------------------------------------

/** Polls `read` until `done(value)`; fails with `what` after TIMEOUT. */
async function until(what, read, done = Boolean) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs in an extension page: puts the rows into the app's IndexedDB database with the
 * raw API (as tests/e2e/support/idb.ts does), images' bytes made into Blobs. */
async function putRowsInPage(rows) {
  const db = await new Promise((ok, fail) => {
    const request = indexedDB.open('spalla');
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => ok(request.result);
    request.onerror = () => fail(new Error(`cannot open the "spalla" database: ${request.error?.name}`));
  });
  const tx = db.transaction(Object.keys(rows), 'readwrite');
  for (const [table, list] of Object.entries(rows)) {
    for (const { blobBase64, ...row } of list) {
      if (blobBase64) row.blob = new Blob([Uint8Array.from(atob(blobBase64), (ch) => ch.charCodeAt(0))], { type: row.mimeType });
      tx.objectStore(table).put(row);
    }
  }
  await new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onabort = () => fail(new Error(`seeding aborted: ${tx.error?.message}`));
  });
  db.close();
}

const HOST_BOX = () => {
  const host = document.querySelector('spalla-sidebar');
  const r = host?.getBoundingClientRect();
  return host && { state: host.getAttribute('data-state'), side: host.getAttribute('data-side'), theme: host.getAttribute('data-theme'), x: r.x, y: r.y, width: r.width, height: r.height };
};

/** Opens the sidebar the way a person does (the edge tab at the host's inner edge,
 * half-way down: tests/e2e/support/host.ts) and answers its frame. */
async function openSidebar(page, extensionId) {
  let box = await until('the sidebar host', () => page.evaluate(HOST_BOX));
  if (box.state !== 'open') {
    const x = box.side === 'left' ? box.x + box.width - 11 : box.x + 11;
    await page.mouse.click(x, box.y + box.height / 2);
    box = await until('the sidebar to open', () => page.evaluate(HOST_BOX), (b) => b.state === 'open');
  }
  const frame = await until('the sidebar frame', async () =>
    page.frames().find((f) => f.url().startsWith(`chrome-extension://${extensionId}/sidebar.html`)));
  await frame.getByTestId('sidebar-close').waitFor({ timeout: TIMEOUT });
  return frame;
}

/** Every <img> in the frame has loaded (thumbnails come from stored Blobs). */
const imagesLoaded = (frame) => frame.evaluate(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));

async function count(locator) {
  return locator.count();
}

const shots = [];
/** Takes one picture unless `--only` names another; `alsoTakes` = the names a picture's
 * steps take along (so that `--only overview` still runs the steps that lead there). */
async function save(name, take, alsoTakes = []) {
  if (options.only && ![name, ...alsoTakes].some((n) => n.includes(options.only))) return;
  const path = join(options.out, `${name}.png`);
  await take(path);
  shots.push(path);
  console.log(`  ${name}.png`);
}

// ---------------------------------------------------------------------------
// The screens
// ---------------------------------------------------------------------------

/** Sidebar tabs: which page, what to do there, what must be on screen first. */
const SIDEBAR = [
  {
    tab: 'replies', site: 'www.facebook.com', path: '/',
    async prepare(page) { await page.locator('[data-fixture-editor="fb-feed-comment-1"]').click(); },
    async ready(frame) {
      await until('saved replies in the sidebar', () => frame.getByTestId('replies-panel').getAttribute('data-count'), (n) => Number(n) >= 2);
      await until('the composer in the sidebar', () => frame.getByTestId('sidebar-composer').getAttribute('data-kind'), (k) => k === 'lexical');
    },
  },
  {
    // On Facebook: of the fixtures, only its pages have a dark mode for the sidebar to follow.
    tab: 'hashtags', site: 'www.facebook.com', path: '/',
    async prepare(page, lang) {
      await page.locator('[data-fixture-editor="fb-feed-comment-1"]').click();
      await page.keyboard.type(CAPTION[lang]);
    },
    async ready(frame) {
      const list = frame.getByTestId('hashtags-suggestions-composer');
      await until('hashtag suggestions', async () => (await list.getAttribute('data-status')) === 'ready' && (await count(list.getByTestId('hashtags-suggestion'))) >= 3);
      await until('the hashtag sets', () => count(frame.getByTestId('hashtags-set')), (n) => n >= 1);
    },
  },
  {
    tab: 'best-time', site: 'www.facebook.com', path: '/spallademo',
    async ready(frame) {
      await until('a best-time hint from data', () => frame.getByTestId('best-time-sidebar-trust').getAttribute('data-value'), (v) => v === 'solid');
      await until('the next best times', () => count(frame.getByTestId('best-time-sidebar-next').locator('li')), (n) => n >= 1);
    },
  },
  {
    tab: 'ideas', site: 'www.facebook.com', path: '/',
    async ready(frame) {
      await until('recent clips', () => count(frame.getByTestId('clips-page-recent-item')), (n) => n >= 3);
      await until('their thumbnails', () => imagesLoaded(frame));
    },
  },
  {
    tab: 'data', site: 'www.facebook.com', path: '/',
    async ready(frame) {
      await until('the record counts', () => frame.getByTestId('sidebar-count-clips').getAttribute('data-value'), (v) => Number(v) === CLIPS.length);
    },
  },
];

/** X, Threads and LinkedIn (issue #14, docs/threads.md, docs/linkedin.md, docs/x.md): the
 * whole page with the sidebar beside a box of that network, the box focused. Their fixture
 * pages have no dark mode: light only. */
const NETWORKS = [
  {
    // A post page's reply box: the replies greet the person answered and count as X counts.
    name: 'x-reply', site: 'x', host: 'x.com', path: '/giuliaverdi/status/1790000000000000001', box: 'x-reply', tab: 'replies',
    ready: (frame) => until('the replies for an X reply', () => frame.getByTestId('replies-panel').getAttribute('data-box'), (b) => b === 'x-reply'),
  },
  {
    // The new-thread dialog, a caption with two hashtags typed: Threads keeps one topic tag.
    name: 'threads-composer', site: 'threads', host: 'www.threads.com', path: '/intent/post', box: 'th-composer', tab: 'hashtags',
    text: { en: 'New autumn menu from tonight #bologna #autunno', it: 'Menù d’autunno da stasera #bologna #autunno' },
    ready: (frame) => until('the one-topic-tag hint', () => count(frame.locator('[data-testid="hashtags-lint-issue"][data-code="one-topic-tag"]')), (n) => n === 1),
  },
  {
    // A comment box under the first post of the feed (Quill 1).
    name: 'linkedin-comment', site: 'linkedin', host: 'www.linkedin.com', path: '/feed/', box: 'li-feed-comment-1', tab: 'replies',
    ready: (frame) => until('the replies for a LinkedIn comment', () => frame.getByTestId('replies-panel').getAttribute('data-box'), (b) => b === 'linkedin-comment'),
  },
];

/** The build with X, Threads and LinkedIn already permitted, as a person's "Allow" in the
 * browser's prompt leaves them: no script can answer that prompt (microsoft/playwright#32755;
 * ChromeDevTools/devtools-protocol#76 suggests this very workaround), so a copy of the build
 * lists their origins among its host permissions (as tests/e2e/support/optional-sites.ts
 * does). The networks are still switched on through the stored switch below, and the
 * background registers the page agent for them as it does for a person. */
function buildWithNetworksGranted(dir) {
  cpSync(join(root, '.output/chrome-mv3'), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...NETWORKS.flatMap((n) => optionalSiteOrigins(n.site))];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

const LIBRARY = [
  { section: 'replies', ready: (page) => until('replies', () => count(page.getByTestId('reply-item')), (n) => n > 3) },
  { section: 'hashtags', ready: (page) => until('hashtag sets', () => count(page.getByTestId('hashtag-set')), (n) => n === HASHTAG_SETS.length) },
  {
    section: 'best-time',
    ready: async (page) => {
      await until('the account', () => page.getByTestId('best-time-account').getAttribute('data-brand-id'), (id) => id === BRAND_ID);
      await until('the learned heatmap', () => count(page.getByTestId('best-time-learned-heatmap')), (n) => n === 1);
      // The week's two heatmaps (starting figures, learned from the posts) are the point of
      // this screen: their section at the top.
      await page.getByTestId('best-time-heatmaps').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    },
  },
  {
    section: 'ideas',
    ready: async (page) => {
      await until('the idea cards', () => count(page.getByTestId('clips-card')), (n) => n === CLIPS.length);
      await until('the search index', () => page.getByTestId('clips-library').getAttribute('data-search-ready'), (v) => v === 'true');
      await until('the thumbnails', () => imagesLoaded(page));
    },
  },
  {
    // The demo brand shared, for real, through a sync server started by this script.
    section: 'brands',
    ready: (page) =>
      until('the shared brand connected', () => page.locator(`[data-testid="sync-status"][data-brand-id="${BRAND_ID}"]`).getAttribute('data-phase'), (phase) => phase === 'connected'),
  },
  { section: 'settings', ready: (page) => page.getByTestId('settings-language').waitFor({ timeout: TIMEOUT }) },
];

function siteUrl(site, path, lang, theme) {
  const query = new URLSearchParams();
  if (lang !== 'en') query.set('lang', lang);
  // Only the Facebook fixture has a dark mode; elsewhere the sidebar follows the browser's.
  if (theme === 'dark' && site === 'www.facebook.com') query.set('theme', 'dark');
  return `https://${site}${path}${query.size ? `?${query}` : ''}`;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

if (!options['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(options.out, { recursive: true });

const server = await startFixtureServer({ port: 0 });
const syncData = mkdtempSync(join(tmpdir(), 'spalla-shots-sync-'));
const syncServer = await startSyncServer({ port: 0, dataDir: syncData, quiet: true });
const extensionCopy = mkdtempSync(join(tmpdir(), 'spalla-shots-ext-'));
const context = await launchChromiumWithExtension({ extensionDir: buildWithNetworksGranted(extensionCopy), port: server.port });
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const inWorker = (fn, arg) => worker.evaluate(fn, arg);

  // Seed: wait for the starter replies (seeded on install), add our own replies, what
  // our posts taught the hashtag model, then the rows.
  await until('the starter replies', () => inWorker(() => self.spalla.repliesAll().then((r) => r.length)), (n) => n > 0);
  // repliesSeed replaces every reply: ours first, then the starters put back.
  await inWorker((replies) => self.spalla.repliesSeed(replies), OWN_REPLIES);
  await inWorker(() => self.spalla.seedStarterReplies());
  for (const text of OWN_CAPTIONS) {
    await inWorker((request) => self.spalla.hashtagsLearn(request), { source: 'own', network: 'facebook', text });
  }
  await inWorker(() => self.spalla.hashtagsFlush());
  await inWorker(() => chrome.storage.local.set({ hashtagHarvestNoticeSeen: true }));
  // X, Threads and LinkedIn switched on; the background registers the agent for them.
  await inWorker(
    () => chrome.storage.local.set({ enabledSites: { facebook: true, instagram: true, business: true, x: true, threads: true, linkedin: true } }),
  );
  await until(
    'the agent registered for X, Threads and LinkedIn',
    () => inWorker(() => chrome.scripting.getRegisteredContentScripts().then((s) => s.map((x) => x.id))),
    (ids) => NETWORKS.every((n) => ids.includes(`spalla-agent-${n.site}`)),
  );

  const library = await context.newPage();
  await library.setViewportSize(VIEWPORT);
  await library.goto(`chrome-extension://${extensionId}/library.html#settings`);
  await library.getByTestId('settings-language').waitFor({ timeout: TIMEOUT });
  const { clips, images } = clipRows();
  await library.evaluate(putRowsInPage, { brands: [BRAND], accounts: [ACCOUNT], postLog: postLog(), clips, images, hashtagSets: HASHTAG_SETS });

  // Team sharing (docs/sync.md): the demo brand shared through a server on this computer.
  const token = await syncServer.addToken({ role: 'editor', document: '*', label: 'screenshots' });
  await library.goto(`chrome-extension://${extensionId}/library.html#brands`);
  await library.locator(`[data-testid="sync-share-open"][data-brand-id="${BRAND_ID}"]`).click();
  await library.getByTestId('sync-server').fill(syncServer.url);
  await library.getByTestId('sync-token').fill(token);
  await library.getByTestId('sync-share-submit').click();
  await until('the brand shared', () => library.locator(`[data-testid="sync-status"][data-brand-id="${BRAND_ID}"]`).getAttribute('data-phase').catch(() => null), (phase) => phase === 'connected');

  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  for (const lang of LANGS) {
    // Spalla's own language is a setting (utils/settings/items.ts, `language`).
    await inWorker((language) => chrome.storage.local.set({ language }), lang);
    await page.emulateMedia({ colorScheme: 'light' });
    // Wide enough for the network's column to stand clear of the sidebar, as on a desktop
    // screen; the harvest question answered, so the hashtag panel shows the composer first.
    await page.setViewportSize(NETWORK_VIEWPORT);
    await inWorker(() => chrome.storage.local.set({ hashtagsLearnFromFeed: true }));
    for (const screen of NETWORKS) {
      await save(`network-${screen.name}-${lang}-light`, async (path) => {
        await page.goto(siteUrl(screen.host, screen.path, lang, 'light'));
        const frame = await openSidebar(page, extensionId);
        await until(`the sidebar to show ${screen.host}${screen.path}`, () => frame.getByTestId('sidebar-site').getAttribute('data-value'), (v) => v === screen.site);
        await frame.getByTestId(`sidebar-tab-${screen.tab}`).click();
        await frame.getByTestId(`sidebar-panel-${screen.tab}`).waitFor({ state: 'visible', timeout: TIMEOUT });
        const box = page.locator(`[data-fixture-editor="${screen.box}"]`);
        await box.click();
        await until(`the ${screen.box} box focused`, () => page.evaluate(() => window.__fixture.focusedEditorId()), (id) => id === screen.box);
        if (screen.text) await page.keyboard.type(screen.text[lang]);
        await screen.ready(frame);
        await frame.evaluate(() => document.fonts.ready.then(() => true));
        await page.screenshot({ path });
      });
    }
    await inWorker(() => chrome.storage.local.remove('hashtagsLearnFromFeed'));
    await page.setViewportSize(VIEWPORT);
    for (const theme of THEMES) {
      for (const p of [page, library]) await p.emulateMedia({ colorScheme: theme });
      for (const screen of SIDEBAR) {
        await save(`sidebar-${screen.tab}-${lang}-${theme}`, async (path) => {
          await page.goto(siteUrl(screen.site, screen.path, lang, theme));
          const frame = await openSidebar(page, extensionId);
          // The sidebar may show the previous page's state for a moment after a navigation.
          const site = screen.site === 'www.instagram.com' ? 'instagram' : 'facebook';
          await until(`the sidebar to show ${screen.site}${screen.path}`, () => frame.getByTestId('sidebar-site').getAttribute('data-value'), (v) => v === site);
          await frame.getByTestId(`sidebar-tab-${screen.tab}`).click();
          await frame.getByTestId(`sidebar-panel-${screen.tab}`).waitFor({ state: 'visible', timeout: TIMEOUT });
          await until(`the sidebar in ${theme}`, () => frame.evaluate(() => document.documentElement.classList.contains('dark')), (dark) => dark === (theme === 'dark'));
          await screen.prepare?.(page, lang);
          await screen.ready(frame);
          await frame.evaluate(() => document.fonts.ready.then(() => true));
          const box = await page.evaluate(HOST_BOX);
          await page.screenshot({ path, clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
          // The README's first picture: the whole page with the sidebar beside it.
          if (screen.tab === 'replies' && theme === 'light') {
            await save(`overview-facebook-${lang}-light`, (overview) => page.screenshot({ path: overview }));
          }
        }, screen.tab === 'replies' && theme === 'light' ? [`overview-facebook-${lang}-light`] : []);
      }
      for (const screen of LIBRARY) {
        await save(`library-${screen.section}-${lang}-${theme}`, async (path) => {
          await library.goto('about:blank');
          await library.goto(`chrome-extension://${extensionId}/library.html#${screen.section}`);
          await library.getByTestId(`library-nav-${screen.section}`).waitFor({ timeout: TIMEOUT });
          await until(`the library in ${theme}`, () => library.evaluate(() => document.documentElement.classList.contains('dark')), (dark) => dark === (theme === 'dark'));
          await screen.ready(library);
          await library.evaluate(() => document.fonts.ready.then(() => true));
          await library.screenshot({ path });
        });
      }
    }
  }
} finally {
  await context.close();
  await server.close();
  await syncServer.stop();
  rmSync(syncData, { recursive: true, force: true });
  rmSync(extensionCopy, { recursive: true, force: true });
}

// Quantise (lossy palette PNG, ~3x smaller) when pngquant is there.
const pngquant = spawnSync('sh', ['-c', 'command -v pngquant']).status === 0;
if (pngquant && shots.length) {
  const before = shots.reduce((sum, path) => sum + statSync(path).size, 0);
  const run = spawnSync('pngquant', ['--force', '--skip-if-larger', '--strip', '--quality=70-95', '--ext', '.png', ...shots], { stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 98 && run.status !== 99) console.warn(`pngquant exited with ${run.status}; some pictures are kept as they were.`);
  const after = shots.reduce((sum, path) => sum + statSync(path).size, 0);
  console.log(`${shots.length} pictures, ${Math.round(before / 1024)} KB -> ${Math.round(after / 1024)} KB (pngquant)`);
} else {
  console.log(`${shots.length} pictures${shots.length ? ' (pngquant not found: not quantised; apt-get install -y pngquant)' : ''}`);
}
