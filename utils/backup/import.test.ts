import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { itemsIn } from '../db/counts';
import { dumpDatabase, dumpRows } from '../db/dump';
import { fillDatabase, makeFixtureRows } from '../db/fixtures';
import { makeV1FixtureRows, makeV1HashtagStats } from '../db/fixtures-v1';
import { makeV2FixtureRows } from '../db/fixtures-v2';
import { TABLE_NAMES, type TableName } from '../db/schema';
import type { RowsByTable } from '../db/table-records';
import { exportBackup } from './export';
import { applyImport, importBackup, planImport, readBackup, totalCounts, type ImportReport } from './import';
import { textOf, unzipFiles, zipFiles, type ZipFiles } from './zip-testing';

const opened: AppDB[] = [];
function freshDb() {
  const db = new AppDB(`import-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const DAY = 24 * 60 * 60 * 1000;
const now = () => Date.UTC(2026, 10, 28, 9, 0);

function report(counts: Partial<Record<TableName, Partial<ImportReport[TableName]>>>): ImportReport {
  return Object.fromEntries(
    TABLE_NAMES.map((name) => [name, { added: 0, updated: 0, skipped: 0, ...counts[name] }]),
  ) as ImportReport;
}

/** A table's rows as the report counts them: records, but hashtags for the learned ones. */
function items(name: TableName, rows: RowsByTable): number {
  return rows[name].reduce((sum: number, row: object) => sum + itemsIn(name, row), 0);
}

function allAdded(rows: RowsByTable): ImportReport {
  return report(Object.fromEntries(TABLE_NAMES.map((name) => [name, { added: items(name, rows) }])));
}

describe('round trip', () => {
  test('export → clear → import gives back every row of every table, images byte for byte', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const before = await dumpDatabase(db);
    const first = await exportBackup(db, { now });

    await Promise.all(db.allTables().map((table) => table.clear()));
    const result = await importBackup(db, first);

    expect(result).toEqual({ ok: true, report: allAdded(makeFixtureRows()) });
    expect(await dumpDatabase(db)).toEqual(before);
    const image = await db.images.get('image-lasagne-full');
    expect(image?.blob).toBeInstanceOf(Blob);
    expect(image?.blob.type).toBe('image/png');

    // …and a second export holds exactly the same tables.
    const [a, b] = await Promise.all([unzipFiles(first), unzipFiles(await exportBackup(db, { now }))]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(textOf(b.get(name)), name).toBe(textOf(bytes));
  });

  test('images deflated by another zip tool come back byte for byte too', async () => {
    // Ours are stored uncompressed and taken as slices of the file; these are inflated.
    const db = freshDb();
    await fillDatabase(db);
    const before = await dumpDatabase(db);
    const deflated = await zipFiles(await unzipFiles(await exportBackup(db, { now })), { level: 9 });
    await Promise.all(db.allTables().map((table) => table.clear()));
    expect(await importBackup(db, deflated)).toMatchObject({ ok: true });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  test('restores into another browser profile (a new, empty database)', async () => {
    const source = freshDb();
    await fillDatabase(source);
    const target = freshDb();
    expect(await importBackup(target, await exportBackup(source))).toMatchObject({ ok: true });
    expect(await dumpDatabase(target)).toEqual(await dumpDatabase(source));
  });

  test('accepts a backup re-zipped by another tool (directories, other order, no compression)', async () => {
    const source = freshDb();
    await fillDatabase(source);
    const files = [...(await unzipFiles(await exportBackup(source)))].reverse();
    const rezipped = await zipFiles(new Map([['images/', null], ['tables/', null], ...files]), { level: 0 });
    const target = freshDb();
    expect(await importBackup(target, rezipped)).toMatchObject({ ok: true });
    expect(await dumpDatabase(target)).toEqual(await dumpDatabase(source));
  });

  test('importing the same backup twice changes nothing the second time', async () => {
    const db = freshDb();
    await fillDatabase(db);
    const zip = await exportBackup(db);
    const before = await dumpDatabase(db);
    const result = await importBackup(db, zip);
    const rows = makeFixtureRows();
    expect(result).toEqual({ ok: true, report: report(Object.fromEntries(TABLE_NAMES.map((n) => [n, { skipped: items(n, rows) }]))) });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe('merge', () => {
  /** "Here": the fixtures. "Backup": a few rows newer, older, equal, new, or clashing. */
  async function scenario() {
    const here = freshDb();
    await fillDatabase(here);

    const rows = makeFixtureRows();
    const [gino, muller] = rows.brands;
    const [grazie, hours] = rows.savedReplies;
    const [lasagne] = rows.clips;
    rows.brands = [
      { ...gino, name: 'Trattoria Da Gino (nuovo nome)', updatedAt: gino.updatedAt + DAY }, // newer → updated
      { ...muller, name: 'Older name', updatedAt: muller.updatedAt - DAY }, // older → skipped
      { ...gino, id: 'brand-nuovo', name: 'Pizzeria Nuova' }, // new → added
    ];
    rows.savedReplies = [
      { ...grazie, body: 'Same time, other text', updatedAt: grazie.updatedAt }, // equal → skipped (ours stays)
      hours, // identical → skipped
    ];
    // Same permalink as "clip-lasagne" under another id (clipped on another computer).
    rows.clips = [{ ...lasagne, id: 'clip-lasagne-bis', updatedAt: lasagne.updatedAt + DAY, imageIds: ['image-bis'] }];
    rows.images = [{ ...rows.images[0], id: 'image-bis', clipId: 'clip-lasagne-bis' }];
    const there = freshDb();
    await fillDatabase(there, rows);
    const read = await readBackup(await exportBackup(there));
    if (!read.ok) throw new Error(read.error.code);
    return { here, backup: read.backup };
  }

  const expected = report({
    brands: { added: 1, updated: 1, skipped: 1 },
    accounts: { skipped: 2 }, // untouched fixtures: identical
    savedReplies: { skipped: 2 },
    hashtagSets: { skipped: 2 }, // untouched fixtures: identical
    hashtagStats: { skipped: 5 }, // the hashtags of its 2 records: 4 and 1
    clips: { skipped: 1 },
    images: { skipped: 1 },
    postLog: { skipped: 2 },
  });

  test('planImport tells what would happen and writes nothing', async () => {
    const { here, backup } = await scenario();
    const before = await dumpDatabase(here);
    expect(await planImport(here, backup)).toEqual({ ok: true, report: expected });
    expect(await dumpDatabase(here)).toEqual(before);
  });

  test('applyImport: the newer updatedAt wins, equal or older is skipped, new ids are added', async () => {
    const { here, backup } = await scenario();
    const fixtures = makeFixtureRows();
    expect(await applyImport(here, backup)).toEqual({ ok: true, report: expected });
    expect(totalCounts(expected)).toEqual({ added: 1, updated: 1, skipped: 16 });

    expect(await here.brands.get('brand-trattoria-gino')).toMatchObject({ name: 'Trattoria Da Gino (nuovo nome)' });
    expect(await here.brands.get('brand-cafe-muller')).toEqual(fixtures.brands[1]);
    expect(await here.brands.get('brand-nuovo')).toMatchObject({ name: 'Pizzeria Nuova' });
    expect(await here.savedReplies.get('reply-grazie')).toEqual(fixtures.savedReplies[0]);
    expect(await here.clips.get('clip-lasagne-bis')).toBeUndefined();
    expect(await here.images.get('image-bis')).toBeUndefined();
  });

  test('applyImport writes all or nothing', async () => {
    const here = freshDb();
    await fillDatabase(here);
    const before = await dumpDatabase(here);
    const newer = makeFixtureRows();
    for (const name of TABLE_NAMES) for (const row of newer[name]) row.updatedAt += DAY;
    const there = freshDb();
    await fillDatabase(there, newer);
    const read = await readBackup(await exportBackup(there));
    if (!read.ok) throw new Error(read.error.code);

    // The disk fills up at the last table, after every other table was written.
    here.close();
    here.use({
      stack: 'dbcore',
      name: 'diskFull',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'postLog' ? table : { ...table, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
        },
      }),
    });
    await here.open();

    const result = await applyImport(here, read.backup);

    expect(result).toEqual({ ok: false, error: { code: 'database-failed', detail: { cause: 'QuotaExceededError' } } });
    expect(await dumpDatabase(here)).toEqual(before);
    here.unuse({ stack: 'dbcore', name: 'diskFull' });
  });
});

describe('a backup from an older version of the database', () => {
  /** Today's backup of the fixtures, made to look like version `dbVersion` wrote it: in
   * versions 1 and 2 accounts were brands, images had no brand and logged posts no account;
   * in version 1 the learned hashtags were one row each. */
  async function oldBackup(dbVersion: 1 | 2, editRows: (rows: any[]) => void = () => {}) {
    const source = freshDb();
    await fillDatabase(source);
    const files = await unzipFiles(await exportBackup(source, { now }));
    const old = dbVersion === 1 ? makeV1FixtureRows() : makeV2FixtureRows();
    const stats: any[] = dbVersion === 1 ? makeV1HashtagStats() : JSON.parse(textOf(files.get('tables/hashtagStats.json')));
    if (dbVersion === 1) editRows(stats);
    const images = JSON.parse(textOf(files.get('tables/images.json'))).map(({ brandId: _, ...image }: { brandId: unknown }) => image);
    const { accounts: _, ...tables } = JSON.parse(textOf(files.get('manifest.json'))).tables;
    const manifest = JSON.parse(textOf(files.get('manifest.json')));
    const edited: ZipFiles = new Map(files);
    edited.delete('tables/accounts.json');
    edited.set('manifest.json', JSON.stringify({ ...manifest, dbVersion, tables: { ...tables, hashtagStats: stats.length } }));
    edited.set('tables/hashtagStats.json', JSON.stringify(stats));
    edited.set('tables/brands.json', JSON.stringify(old.brands));
    edited.set('tables/postLog.json', JSON.stringify(old.postLog));
    edited.set('tables/images.json', JSON.stringify(images));
    return zipFiles(edited);
  }

  test.each([1, 2] as const)('version %i is read as the database upgrade brings it to today, and restores', async (dbVersion) => {
    const read = await readBackup(await oldBackup(dbVersion));
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await dumpRows(sorted(read.backup.tables.hashtagStats))).toEqual(await dumpRows(sorted(makeFixtureRows().hashtagStats)));
    expect(read.backup.tables.brands).toEqual(makeFixtureRows().brands);
    expect(read.backup.tables.accounts).toEqual(makeFixtureRows().accounts);
    expect(read.backup.tables.postLog).toEqual(makeFixtureRows().postLog);

    const db = freshDb();
    expect(await importBackup(db, await oldBackup(dbVersion))).toEqual({ ok: true, report: allAdded(makeFixtureRows()) });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await dumpRows(await db.hashtagStats.toArray())).toEqual(await dumpRows(makeFixtureRows().hashtagStats.sort(byId)));
    expect(await dumpRows(await db.images.toArray())).toEqual(await dumpRows(makeFixtureRows().images.sort(byId)));
  });

  test('a broken row of version 1 is named as that version wrote it', async () => {
    const read = await readBackup(await oldBackup(1, (rows) => void (rows[0].cooccurs.pasta = -3)));
    expect(read).toEqual({
      ok: false,
      error: { code: 'invalid-data', detail: { entry: 'tables/hashtagStats.json', table: 'hashtagStats', row: 0, path: ['cooccurs', 'pasta'], reason: 'too_small' } },
    });
  });

  test('a backup of version 3 without its accounts is refused', async () => {
    const files = await unzipFiles(await exportBackup(freshDb(), { now }));
    const manifest = JSON.parse(textOf(files.get('manifest.json')));
    delete manifest.tables.accounts;
    const edited: ZipFiles = new Map(files);
    edited.set('manifest.json', JSON.stringify(manifest));
    expect(await readBackup(await zipFiles(edited))).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });
});
