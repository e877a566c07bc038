import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { installExtension, launchChromiumWithExtension } from '../support/chromium-launch.mjs';
import { makeFixtureRows } from '../../utils/db/fixtures';
import { makeV1FixtureRows } from '../../utils/db/fixtures-v1';
import { makeV2FixtureRows } from '../../utils/db/fixtures-v2';
import { CURRENT_DB_VERSION } from '../../utils/db/schema';
import type { RowsByTable } from '../../utils/db/table-records';
import { dumpDatabase, dumpDatabaseAt, toDump, writeRows, type Dump } from './support/idb';
import { CHROME_BUILD, ROOT, requireBuild, tempProfile } from './support/paths';
import { settledStarterReplies } from './support/replies-starters';

/**
 * Issue #13: the database upgrade to version 3 in a real browser, from the builds people
 * have installed. Each case installs an earlier build of Spalla (kept in
 * tests/fixtures/releases/, made by `scripts/release-fixture.mjs`), lets it set itself up
 * (its database, its starter replies), stores the fixture rows of its database version with
 * the raw IndexedDB API from its own library page, then updates it in place to today's build
 * (the unpacked folder replaced, `runtime.reload()`, as an update does) and checks every row
 * and image: the fixture rows must read exactly as `makeFixtureRows()`, the rows the old build
 * wrote itself as they were, and the library must show them.
 */

interface Release {
  name: string;
  archive: string;
  dbVersion: number;
  rows: () => Record<string, readonly object[]>;
}

const RELEASES: Release[] = [
  // The build of stop 17 (the last before brands): schema v2.
  { name: 'the previous release (0b0c4b7, database v2)', archive: 'spalla-chrome-0b0c4b7.tar.gz', dbVersion: 2, rows: makeV2FixtureRows },
  // The last build before the learned hashtags were packed: schema v1.
  { name: 'a release with database v1 (030aa83)', archive: 'spalla-chrome-030aa83.tar.gz', dbVersion: 1, rows: makeV1FixtureRows },
];

const TIMEOUT = 120_000;

/** Learned by the old build itself, under a brand of the fixtures that has no learned hashtags there. */
const LESSON = { text: 'Kaffee und Kuchen am Sonntag #Kaffee #Kuchen #berlin', network: 'instagram', source: 'own', brandId: 'brand-cafe-muller' };

function unpack(archive: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'spalla-release-'));
  const result = spawnSync('tar', ['-xzf', join(ROOT, 'tests/fixtures/releases', archive), '-C', dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot unpack ${archive}: ${result.stderr}`);
  return dir;
}

/** Today's build in place of the old one, in the same folder (the extension keeps its id). */
function replaceWithTodaysBuild(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  cpSync(requireBuild(CHROME_BUILD), dir, { recursive: true });
}

async function newestWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
}

async function openLibrary(context: BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/library.html${hash}`);
  return page;
}

/** The rows of `dump` whose ids are among `ids`, per table. */
function only(dump: Dump, ids: Record<string, Set<string>>): Dump {
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, (rows as { id: string }[]).filter((row) => ids[table]?.has(row.id))]));
}

/** The rows of `dump` whose ids are not among `ids`, per table. */
function others(dump: Dump, ids: Record<string, Set<string>>): Dump {
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, (rows as { id: string }[]).filter((row) => !ids[table]?.has(row.id))]));
}

function idsOf(rows: Record<string, readonly object[]>): Record<string, Set<string>> {
  return Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, new Set((list as { id: string }[]).map((row) => row.id))]));
}

describe('the database upgrade in Chromium, from earlier builds to this one', () => {
  test.each(RELEASES)(
    '$name: every row and image is there after the update',
    async ({ archive, dbVersion, rows }) => {
      const dir = unpack(archive);
      const context = await launchChromiumWithExtension({ extensionDir: dir, port: inject('fixturePort'), profileDir: tempProfile('upgrade'), loadAtStart: false });
      try {
        const extensionId = await installExtension(context, dir);
        const oldWorker = await newestWorker(context);
        // The old build seeds its starter replies on install: rows it wrote itself.
        const starters = await settledStarterReplies(() => oldWorker.evaluate('self.spalla.repliesAll()'));
        expect(starters.length).toBeGreaterThan(0);
        // And hashtags it learns through its own code (a scope the fixtures do not have):
        // one packed record in v2, one row per hashtag in v1.
        await oldWorker.evaluate(`self.spalla.hashtagsLearn(${JSON.stringify(LESSON)}).then(() => self.spalla.hashtagsFlush())`);

        // The old library page creates its database at its own version; the rows go in raw.
        const oldLibrary = await openLibrary(context, extensionId);
        await expect.poll(async () => (await dumpDatabaseAt(oldLibrary).catch(() => null))?.version ?? null, { timeout: 20_000 }).toBe(dbVersion * 10);
        await writeRows(oldLibrary, rows() as unknown as RowsByTable);
        const before = await dumpDatabaseAt(oldLibrary);
        expect(before.version).toBe(dbVersion * 10);
        expect(before.tables.accounts).toBeUndefined();
        await oldLibrary.close();

        replaceWithTodaysBuild(dir);
        const newWorker = context.waitForEvent('serviceworker', { predicate: (w) => w !== oldWorker, timeout: 30_000 });
        await oldWorker.evaluate('chrome.runtime.reload()').catch(() => {});
        await newWorker;

        // Today's library opens the database: Dexie upgrades it to version 3 there.
        const library = await openLibrary(context, extensionId, '#best-time');
        await library.getByTestId('best-time-section').waitFor({ timeout: 30_000 });
        const after = await dumpDatabase(library);
        const { version, tables: everything } = await dumpDatabaseAt(library);
        expect(version).toBe(CURRENT_DB_VERSION * 10);

        const expected = await toDump(makeFixtureRows());
        const fixtureIds = idsOf(makeFixtureRows());
        // The fixture rows, exactly as version 3 holds them (images byte for byte).
        expect(only(after, fixtureIds)).toEqual(expected);
        // What the old build wrote itself (its starter replies) is untouched.
        expect(others(after, fixtureIds).savedReplies).toEqual(others(before.tables, fixtureIds).savedReplies);
        expect(others(after, fixtureIds).savedReplies.length).toBe(starters.length);
        // The old build's learned hashtags: one packed record, as the upgrade packs them.
        const learned = others(after, fixtureIds).hashtagStats as { id: string; keys: string[]; brandId: string }[];
        expect(learned.map((r) => [r.id, r.keys, r.brandId])).toEqual([['instagram-brand-brand-cafe-muller', ['berlin', 'kaffee', 'kuchen'], 'brand-cafe-muller']]);
        if (dbVersion >= 2) expect(learned).toEqual(others(before.tables, fixtureIds).hashtagStats);
        for (const table of ['brands', 'accounts', 'hashtagSets', 'clips', 'images', 'postLog']) {
          expect(others(after, fixtureIds)[table], table).toEqual([]);
        }
        // No deletion was logged by the upgrade.
        expect(everything.tombstones).toEqual([]);
        // The figures for the record (docs/brands.md, the closing note): rows per table before
        // and after, the images among them.
        const figures = (tables: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(tables).filter(([, rows]) => Array.isArray(rows) && rows.length).map(([table, rows]) => [table, (rows as unknown[]).length]));
        console.info(`upgrade v${dbVersion} -> v${CURRENT_DB_VERSION}: before ${JSON.stringify(figures(before.tables))}, after ${JSON.stringify(figures(after))}`);

        // And the library shows them: the account in Best time, the clip with its picture.
        await expect.poll(() => library.getByTestId('best-time-account-select').locator('option').allTextContents()).toEqual(
          expect.arrayContaining([expect.stringContaining('Trattoria Da Gino 🍝'), expect.stringContaining('Café Müller – Berlin')]),
        );
        await library.goto(`chrome-extension://${extensionId}/library.html#ideas`);
        const lasagne = library.locator('[data-testid="clips-card"][data-clip-id="clip-lasagne"]');
        await lasagne.waitFor({ timeout: 30_000 });
        await expect
          .poll(() => lasagne.locator('img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
          .toBe(true);

        // The update ran once: the background still answers with the same data.
        const replies = (await (await newestWorker(context)).evaluate('self.spalla.repliesAll()')) as { id: string }[];
        expect(replies.length).toBe(starters.length + makeFixtureRows().savedReplies.length);
        expect(CURRENT_DB_VERSION).toBe(3);
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});
