import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { fillDatabase, makeFixtureRows } from '../db/fixtures';
import { TABLE_NAMES } from '../db/schema';
import { applyImport, planImport, readBackup } from '../backup/import';
import { exportBackup, writeBackupZip } from '../backup/export';
import { dumpRows } from '../db/dump';
import { brandFileName, exportBrandZip, readBrandFile, readBrandRows } from './transfer';

const opened: AppDB[] = [];
function freshDb() {
  const db = new AppDB(`brand-transfer-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const GINO = 'brand-trattoria-gino';
const MULLER = 'brand-cafe-muller';

async function dumpAll(db: AppDB) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await dumpRows(await db.table(name).toArray());
  return out;
}

describe("one brand's file", () => {
  test("holds the brand, its accounts, replies, sets, learned hashtags, clips with images and post log, nothing else", async () => {
    const db = freshDb();
    await fillDatabase(db);
    const rows = await readBrandRows(db, GINO);
    const ids = Object.fromEntries(TABLE_NAMES.map((name) => [name, rows[name].map((row) => row.id)]));
    expect(ids).toEqual({
      brands: [GINO],
      accounts: [GINO],
      savedReplies: ['reply-grazie'],
      hashtagSets: ['set-cucina'],
      hashtagStats: ['instagram-brand-brand-trattoria-gino'],
      clips: ['clip-lasagne'],
      images: ['image-lasagne-full', 'image-lasagne-thumb'],
      postLog: ['post-gino-1'],
    });
    // Every row as stored, not a copy with changes.
    const fixtures = makeFixtureRows();
    expect(await dumpRows(rows.images)).toEqual(await dumpRows(fixtures.images.filter((i) => i.clipId === 'clip-lasagne')));
    await expect(readBrandRows(db, 'nope')).rejects.toThrow('brand-not-found');
  });

  test('is a valid backup (the settings restore it) and imports into an empty profile with the same rows and images', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const zip = await exportBrandZip(db, GINO, { appVersion: '0.1.0', now: () => 5 });
    expect((await readBackup(zip)).ok).toBe(true);

    const read = await readBrandFile(zip);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.brand.id).toBe(GINO);
    const fresh = freshDb();
    const plan = await planImport(fresh, read.backup);
    if (!plan.ok) throw new Error(plan.error.code);
    expect(plan.report.clips).toEqual({ added: 1, updated: 0, skipped: 0 });
    expect(await fresh.clips.count()).toBe(0); // a plan writes nothing
    const applied = await applyImport(fresh, read.backup);
    expect(applied.ok).toBe(true);
    const expected = await readBrandRows(db, GINO);
    const expectedDump: Record<string, unknown[]> = {};
    for (const name of TABLE_NAMES) expectedDump[name] = await dumpRows(expected[name]);
    expect(await dumpAll(fresh)).toEqual(expectedDump);

    // Imported again: everything is already there.
    const again = await planImport(fresh, read.backup);
    if (!again.ok) throw new Error(again.error.code);
    for (const name of TABLE_NAMES) expect(again.report[name].added + again.report[name].updated).toBe(0);
  });

  test('a full backup, a clips file or a file whose rows are not all the brand\'s is refused as not one brand; a broken file gets the backup\'s error', async () => {
    const db = freshDb();
    await fillDatabase(db);
    expect(await readBrandFile(await exportBackup(db))).toMatchObject({ ok: false, notOneBrand: true, brands: 2 });

    const rows = await readBrandRows(db, MULLER);
    const withShared = { ...rows, savedReplies: makeFixtureRows().savedReplies.filter((r) => r.brandId === null) };
    expect(await readBrandFile(await writeBackupZip(withShared))).toEqual({ ok: false, notOneBrand: true, brands: 1, foreign: 1 });
    const noBrand = { ...rows, brands: [] };
    expect(await readBrandFile(await writeBackupZip(noBrand))).toMatchObject({ ok: false, notOneBrand: true, brands: 0 });

    // An image whose clip is not in the file belongs to no brand of it.
    const strayImage = { ...rows, images: makeFixtureRows().images };
    expect(await readBrandFile(await writeBackupZip(strayImage))).toMatchObject({ ok: false, notOneBrand: true, foreign: 2 });

    expect(await readBrandFile(new Blob(['not a zip at all']))).toMatchObject({ ok: false, error: { code: 'not-a-zip' } });
  });

  test('the file name is the brand\'s name, plain, with the date', () => {
    expect(brandFileName({ name: 'Trattoria Da Gino 🍝' }, new Date(2026, 10, 28))).toBe('spalla-brand-trattoria-da-gino-2026-11-28.zip');
    expect(brandFileName({ name: 'Café Müller – Berlin' }, new Date(2026, 0, 2))).toBe('spalla-brand-cafe-muller-berlin-2026-01-02.zip');
    expect(brandFileName({ name: '🍕' }, new Date(2026, 0, 2))).toBe('spalla-brand-brand-2026-01-02.zip');
  });
});
