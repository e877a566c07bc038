import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Frame } from 'playwright-core';
import { FIXTURE_HOSTS } from '../support/chromium-launch.mjs';
import { readNetLog, type NetLogSummary } from '../support/netlog';
import { readServerDoc } from '../support/sync-peek';
import { startWsWitness, type WsWitness } from '../support/ws-witness';
import { launchChromium, type ChromiumRun } from './support/chromium';
import { openSidebar, waitForHost } from './support/chromium-sidebar';
import { clip } from './support/clips-library-seed';
import { extensionUrl } from './support/extension-pages';
import { replyItem } from './support/replies-library';
import { app, openBrands, shareThroughUi, startTestSyncServer, type TestSyncServer } from './support/sync';

/**
 * "A brand that is not shared never leaves the computer" (issue #15), proved with the
 * browser's own request log: Chromium writes every request and socket to a NetLog file
 * (`--log-net-log`), and the test reads it once the browser has closed. A second witness
 * stands on the server's side: a proxy in front of the sync server logs every connection and
 * the Yjs documents asked for in it (support/ws-witness.ts).
 *
 * Two runs, each a fresh profile: one with a brand shared and another not, where only the
 * shared brand's document reaches the server and nothing of the other; one with no brand
 * shared, where nothing reaches the sync server at all. In each, the extension is used
 * everywhere: the library (the data layer and the reply editor), the sidebar on a fixture
 * page, a clip captured from the page.
 */

const PNG_2X2 = [...Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM////ZwAAHu8E/KPItPcAAAAASUVORK5CYII=', 'base64')];

/** Chromium's own services, which it calls whatever the extension does (update checks,
 * sign-in, autofill) and which fail here for want of the internet. Allowed only when no
 * extension or page asked for them. */
const BROWSER_OWN = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)$/;

let server: TestSyncServer;
let witness: WsWitness;

beforeAll(async () => {
  server = await startTestSyncServer();
  witness = await startWsWitness(server.port);
});
afterAll(async () => {
  await witness?.close();
  await server?.stop().catch(() => {});
});

interface Used {
  run: ChromiumRun;
  netlog: NetLogSummary;
  privateBrand: string;
  privateIds: string[];
  sharedBrand: string | null;
  sharedIds: string[];
}

async function chooseBrandInSidebar(frame: Frame, brandId: string) {
  await frame.locator('[data-testid="sidebar-brand-switch"]').click();
  await frame.locator(`[data-testid="sidebar-brand-option"][data-value="${brandId}"]`).click();
  await expect.poll(() => frame.locator('[data-testid="sidebar-brand"]').first().getAttribute('data-value')).toBe(brandId);
}

/** One browser's session: a private brand used in every way, and (when `share`) a second
 * brand shared through the witness, with a reply of its own. The browser is closed at the
 * end, so that its NetLog is complete. */
async function useTheExtension(share: boolean): Promise<Used> {
  const logFile = join(mkdtempSync(join(tmpdir(), 'spalla-netlog-')), 'net.json');
  const run = await launchChromium(inject('fixturePort'), { extraArgs: [`--log-net-log=${logFile}`, '--net-log-capture-mode=Default'] });
  try {
    const library = await run.context.newPage();
    await openBrands(run, library);
    const privateBrand = await app(library, 'createBrand', 'Cliente riservato');
    let sharedBrand: string | null = null;
    const sharedIds: string[] = [];
    if (share) {
      sharedBrand = await app(library, 'createBrand', 'Cliente del team');
      const token = await server.addToken('editor', sharedBrand);
      await shareThroughUi(run, library, sharedBrand, `ws://127.0.0.1:${witness.port}`, token);
      sharedIds.push(await app(library, 'saveReply', { title: 'Del team', body: 'Questa si condivide', brandId: sharedBrand }));
      // A clip with its thumbnail: the bytes go to the server beside the document (blobs).
      const teamIdea = clip(crypto.randomUUID(), { brandId: sharedBrand, text: 'Idea del team', imageIds: [] });
      teamIdea.imageIds = [`${teamIdea.id}-thumb`];
      teamIdea.permalink = `https://www.instagram.com/p/${teamIdea.id}/`;
      await app(library, 'addClip', teamIdea, { id: `${teamIdea.id}-thumb`, bytes: PNG_2X2, mimeType: 'image/png' });
      sharedIds.push(teamIdea.id);
    }

    // The private brand, through the data layer: a reply, a set, a clip with its thumbnail.
    const privateIds: string[] = [];
    privateIds.push(await app(library, 'saveReply', { title: 'Riservata', body: 'Solo su questo computer', brandId: privateBrand }));
    privateIds.push(await app(library, 'createSet', privateBrand, 'Riservati', ['segreto', 'privato']));
    const idea = clip(crypto.randomUUID(), { brandId: privateBrand, text: 'Idea riservata', imageIds: [] });
    idea.imageIds = [`${idea.id}-thumb`];
    idea.permalink = `https://www.instagram.com/p/${idea.id}/`;
    await app(library, 'addClip', idea, { id: `${idea.id}-thumb`, bytes: PNG_2X2, mimeType: 'image/png' });
    privateIds.push(idea.id);

    // Through the library's reply editor, with the private brand shown.
    await library.goto(extensionUrl(run, 'library.html#replies'));
    await library.getByTestId('replies-section').waitFor();
    await library.getByTestId('library-filter-brand').selectOption(privateBrand);
    await library.getByTestId('replies-new').click();
    await library.getByTestId('reply-editor-title').fill('Scritta a mano');
    await library.getByTestId('reply-editor-body').fill('Anche questa resta qui');
    await library.getByTestId('reply-editor-save').click();
    await replyItem(library, 'Scritta a mano').waitFor();
    privateIds.push((await replyItem(library, 'Scritta a mano').getAttribute('data-id'))!);

    // The sidebar on a fixture page, the private brand in view: a clip of the post in view.
    const page = await run.context.newPage();
    await page.goto(run.url('www.facebook.com', '/'));
    await waitForHost(page);
    const sidebar = await openSidebar(page, run);
    await chooseBrandInSidebar(sidebar, privateBrand);
    await sidebar.locator('[data-testid="sidebar-tab-ideas"]').click();
    await sidebar.locator('[data-testid="clips-page-clip-in-view"]').click();
    const captured = sidebar.locator('[data-testid="clips-page-capture-ok"] [data-clip-id]').first();
    await captured.waitFor({ timeout: 30_000 });
    privateIds.push((await captured.getAttribute('data-clip-id'))!);
    // The header says which brand in view is shared: nothing for the private brand, the
    // connection's phase for the shared one.
    expect(await sidebar.locator('[data-testid="sidebar-sync"]').count()).toBe(0);
    if (sharedBrand) {
      await chooseBrandInSidebar(sidebar, sharedBrand);
      await expect.poll(() => sidebar.locator('[data-testid="sidebar-sync"]').getAttribute('data-phase', { timeout: 1_000 }).catch(() => null)).toBe('connected');
    }

    if (sharedBrand) {
      // A last change to the shared brand, after all the private ones: once the server has it,
      // the bridge has dealt with everything before it.
      sharedIds.push(await app(library, 'saveReply', { title: 'Ultima del team', body: 'Dopo le altre', brandId: sharedBrand }));
      const token = await server.addToken('read-only', sharedBrand);
      await expect
        .poll(async () => {
          const doc = await readServerDoc({ url: server.url, code: sharedBrand!, token });
          return [...Object.keys(doc.savedReplies as object), ...Object.keys(doc.clips as object)].sort();
        }, { timeout: 20_000 })
        .toEqual([...sharedIds].sort());
      // And the thumbnail's bytes have been uploaded (a PUT through the witness).
      await expect.poll(() => witness.httpRequests().some((r) => r.startsWith(`PUT /blobs/${sharedBrand}/`)), { timeout: 20_000 }).toBe(true);
    }
    for (const id of privateIds) expect(id).toBeTruthy();
    await run.close();
    return { run, netlog: readNetLog(logFile), privateBrand, privateIds, sharedBrand, sharedIds };
  } catch (error) {
    await run.close().catch(() => {});
    throw error;
  }
}

/** The log is not empty: the fixture page and its pictures were fetched (a check that
 * would pass on a log that recorded nothing proves nothing). */
function expectTheSitesInTheLog(netlog: NetLogSummary) {
  expect(netlog.requests.some((r) => r.url === 'https://www.facebook.com/')).toBe(true);
  expect(netlog.tcp).toContain(`127.0.0.1:${inject('fixturePort')}`);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** Every request in the log that went neither to a fixture host, nor to the extension itself,
 * nor to `allowed`, nor (asked by no extension or page) to Chromium's own services. */
function strayRequests(netlog: NetLogSummary, extensionId: string, allowed: (url: string) => boolean) {
  return netlog.requests.filter(({ url, initiator }) => {
    if (!URL.canParse(url)) return true;
    const parsed = new URL(url);
    if (['data:', 'blob:', 'about:', 'chrome:', 'devtools:'].includes(parsed.protocol)) return false;
    if (parsed.protocol === 'chrome-extension:' && parsed.host === extensionId) return false;
    if (parsed.protocol === 'https:' && FIXTURE_HOSTS.includes(parsed.hostname)) return false;
    if (allowed(url)) return false;
    const askedByUs = initiator !== null && (initiator.startsWith('chrome-extension://') || FIXTURE_HOSTS.includes(hostOf(initiator).replace(/:\d+$/, '')));
    if (BROWSER_OWN.test(parsed.hostname) && !askedByUs) return false;
    return true;
  });
}

describe('a brand that is not shared sends nothing', () => {
  test('one brand shared, another not: only the shared brand\'s document reaches the server, only the sync server and the sites are contacted', async () => {
    const used = await useTheExtension(true);
    expectTheSitesInTheLog(used.netlog);
    const fixture = `127.0.0.1:${inject('fixturePort')}`;
    const sync = `127.0.0.1:${witness.port}`;

    // The request log: the sites, the extension, the sync server (its WebSocket, and the shared
    // brand's thumbnails as blobs: server/blobs.ts), nothing else.
    const sharedBlobs = `http://${sync}/blobs/${used.sharedBrand}/`;
    const toServer = (url: string) => hostOf(url) === sync && (/^wss?:$/.test(new URL(url).protocol) || url.startsWith(sharedBlobs));
    const stray = strayRequests(used.netlog, used.run.extensionId, toServer);
    expect(stray, JSON.stringify(stray.slice(0, 5))).toEqual([]);
    // The WebSocket to the sync server is there, opened by the extension (its service worker).
    const toSync = used.netlog.requests.filter((r) => hostOf(r.url) === sync && r.event === 'URL_REQUEST_START_JOB');
    expect(toSync.length).toBeGreaterThan(0);
    for (const request of toSync) {
      if (request.url.startsWith('http:')) expect(request.url.startsWith(sharedBlobs), request.url).toBe(true);
      else expect(request).toEqual({ event: 'URL_REQUEST_START_JOB', url: `ws://${sync}/`, initiator: `chrome-extension://${used.run.extensionId}` });
    }
    expect(toSync.some((r) => r.url.startsWith(sharedBlobs))).toBe(true);
    // Sockets: the fixture server and the sync server (through its witness) only; never the
    // server's own port directly.
    expect(used.netlog.tcp.filter((address) => address.startsWith('127.') || address.startsWith('[::1]'))).toEqual(
      expect.arrayContaining([fixture, sync]),
    );
    for (const address of used.netlog.tcp) expect([fixture, sync], `TCP to ${address}`).toContain(address);

    // The server's side: connections asked for the shared brand's document and no other.
    expect(witness.documents()).toEqual([used.sharedBrand]);
    // Its blob requests: the shared brand's only.
    expect(witness.httpRequests().length).toBeGreaterThan(0);
    for (const request of witness.httpRequests()) expect(request).toMatch(new RegExp(`^(HEAD|PUT|GET|POST|OPTIONS) /blobs/${used.sharedBrand}/([0-9a-f]{64}|missing|fetch)$`));
    // The shared document holds nothing of the private brand.
    const token = await server.addToken('read-only', used.sharedBrand!);
    const doc = JSON.stringify(await readServerDoc({ url: server.url, code: used.sharedBrand!, token }));
    for (const id of [used.privateBrand, ...used.privateIds]) expect(doc).not.toContain(id);
    for (const id of used.sharedIds) expect(doc).toContain(id);
    // The server's own log agrees: connections to the shared brand's document only.
    expect([...new Set(server.connectedDocuments())]).toEqual([used.sharedBrand]);
    expect([...server.current().hocuspocus.documents.keys()]).not.toContain(used.privateBrand);
  });

  test('no brand shared: no request, socket or WebSocket goes to the sync server', async () => {
    const connectionsBefore = witness.connections.length;
    const used = await useTheExtension(false);
    expectTheSitesInTheLog(used.netlog);
    const sync = [`127.0.0.1:${witness.port}`, `127.0.0.1:${server.port}`];
    const stray = strayRequests(used.netlog, used.run.extensionId, () => false);
    expect(stray, JSON.stringify(stray.slice(0, 5))).toEqual([]);
    expect(used.netlog.requests.filter((r) => sync.includes(hostOf(r.url)))).toEqual([]);
    expect(used.netlog.requests.filter((r) => /^wss?:/.test(r.url))).toEqual([]);
    for (const address of used.netlog.tcp) expect(sync).not.toContain(address);
    expect(witness.connections.length).toBe(connectionsBefore);
    expect(server.log.filter((line) => line.includes(used.privateBrand))).toEqual([]);
  });
});
