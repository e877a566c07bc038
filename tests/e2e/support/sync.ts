/**
 * Team sharing (issue #15) in the end-to-end tests: a sync server in the test process, the
 * app's own data layer driven in a library page, the share and join forms driven as a person
 * fills them, and the status read where the user sees it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSyncServer } from '../../../server/index';
import type { SyncStatus } from '../../../utils/messaging/features/sync';
import type { ChromiumRun } from './chromium';
import { extensionUrl } from './extension-pages';

export { app } from './app-driver';

export type SyncServer = Awaited<ReturnType<typeof startSyncServer>>;

/** The sync server on 127.0.0.1, with a data directory of its own that outlives a stop, so
 * that it can be started again on the same port with what it had written. */
export interface TestSyncServer {
  /** ws://127.0.0.1:PORT */
  url: string;
  port: number;
  dataDir: string;
  current(): SyncServer;
  running(): boolean;
  /** The server's own log lines, across restarts ("token … connected to "CODE"", refusals). */
  log: string[];
  /** The documents the server accepted a connection to, from its log, in order. */
  connectedDocuments(): string[];
  addToken(role: 'editor' | 'read-only', document: string): Promise<string>;
  revokeToken(token: string): Promise<void>;
  /** A clean stop (documents flushed to disk). */
  stop(): Promise<void>;
  /** A crash: connections dropped, nothing flushed. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same data directory. */
  start(): Promise<void>;
}

export async function startTestSyncServer(dataDir = mkdtempSync(join(tmpdir(), 'spalla-sync-data-'))): Promise<TestSyncServer> {
  const log: string[] = [];
  const options = { host: '127.0.0.1', dataDir, log: (line: string) => void log.push(line) };
  let server = await startSyncServer({ ...options, port: 0 });
  let up = true;
  const port = server.port;
  const test: TestSyncServer = {
    url: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    current: () => server,
    running: () => up,
    log,
    connectedDocuments: () => log.flatMap((line) => / connected to "([^"]+)"/.exec(line)?.[1] ?? []),
    addToken: async (role, document) => server.addToken({ role, document }),
    revokeToken: async (token) => void (await server.revokeToken(token)),
    stop: async () => {
      up = false;
      await server.stop();
    },
    kill: async () => {
      up = false;
      await server.kill();
    },
    start: async () => {
      server = await startSyncServer({ ...options, port });
      up = true;
    },
  };
  return test;
}

// ------------------------------------------------------------------ the background

/** Calls a test hook of the background (`self.spalla.<name>`, see utils/background/main.ts). */
export async function hook<T>(run: ChromiumRun, name: string, ...args: unknown[]): Promise<T> {
  const worker = await run.serviceWorker();
  return worker.evaluate(
    ([n, a]) => {
      const hooks = (self as unknown as { spalla: Record<string, (...x: unknown[]) => unknown> }).spalla;
      if (typeof hooks[n] !== 'function') throw new Error(`no test hook ${n}`);
      return hooks[n](...a);
    },
    [name, args] as [string, unknown[]],
  ) as Promise<T>;
}

/** Every shared brand's status as the background keeps it (`syncStatusItem`). */
export async function syncStatuses(run: ChromiumRun): Promise<Record<string, SyncStatus>> {
  const worker = await run.serviceWorker();
  const stored = (await worker.evaluate(() => chrome.storage.local.get('syncStatus'))) as { syncStatus?: Record<string, SyncStatus> };
  return stored.syncStatus ?? {};
}

// ------------------------------------------------------------------ the library's forms

export async function openBrands(run: ChromiumRun, page: Page): Promise<void> {
  await page.goto(extensionUrl(run, 'library.html#brands'));
  await page.getByTestId('brands-section').waitFor();
}

export function brandCard(page: Page, brandId: string): Locator {
  return page.locator(`[data-testid="brand-item"][data-id="${brandId}"]`);
}

/** The sharing status the library shows for a brand. */
export function statusOf(page: Page, brandId: string): Locator {
  return page.locator(`[data-testid="sync-status"][data-brand-id="${brandId}"]`);
}

/** Waits until the library shows `brandId`'s sharing in `phase`. */
export async function expectPhase(page: Page, brandId: string, phase: string, timeout = 30_000): Promise<void> {
  await expect.poll(() => statusOf(page, brandId).getAttribute('data-phase', { timeout: 1_000 }).catch(() => null), { timeout, interval: 100 }).toBe(phase);
}

/** "Share this brand" on the brand's card: server address and token, as a person types them.
 * Answers the brand's code as the library shows it, once connected. */
export async function shareThroughUi(run: ChromiumRun, page: Page, brandId: string, server: string, token: string): Promise<string> {
  await openBrands(run, page);
  await fillShareForm(page, brandId, server, token);
  await expectPhase(page, brandId, 'connected');
  const code = (await statusOf(page, brandId).getByTestId('sync-code-value').textContent())?.trim() ?? '';
  expect(code).toBe(brandId);
  return code;
}

export async function fillShareForm(page: Page, brandId: string, server: string, token: string): Promise<void> {
  await brandCard(page, brandId).getByTestId('sync-share-open').click();
  await page.getByTestId('sync-server').fill(server);
  await page.getByTestId('sync-token').fill(token);
  await page.getByTestId('sync-share-submit').click();
}

export async function fillJoinForm(page: Page, server: string, code: string, token: string): Promise<void> {
  await page.getByTestId('sync-join-open').click();
  await page.getByTestId('sync-server').fill(server);
  await page.getByTestId('sync-code').fill(code);
  await page.getByTestId('sync-token').fill(token);
  await page.getByTestId('sync-join-submit').click();
}

/** "Join a shared brand" with a teammate's code; resolves once the brand is here and connected. */
export async function joinThroughUi(run: ChromiumRun, page: Page, server: string, code: string, token: string): Promise<void> {
  await openBrands(run, page);
  await fillJoinForm(page, server, code, token);
  await brandCard(page, code).waitFor({ timeout: 30_000 });
  await expectPhase(page, code, 'connected');
}

/** The form's error, once shown: its `data-error` code. */
export async function formError(page: Page): Promise<string | null> {
  const error = page.getByTestId('sync-form-error');
  await error.waitFor({ timeout: 30_000 });
  return error.getAttribute('data-error');
}

// ------------------------------------------------------------------ waiting for the other side

/** Polls `read` until `check` holds; answers the time it took (ms) from `since`. */
export async function timeUntil<T>(read: () => Promise<T>, check: (value: T) => boolean, { since = performance.now(), timeout = 20_000, interval = 25 } = {}): Promise<number> {
  const deadline = since + timeout;
  let last: T | undefined;
  while (performance.now() < deadline) {
    last = await read();
    if (check(last)) return performance.now() - since;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`not seen within ${timeout} ms; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}
