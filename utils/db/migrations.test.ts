import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { AppDB } from './app-db';
import { dumpRows } from './dump';
import { makeFixtureRows } from './fixtures';
import { makeV1FixtureRows } from './fixtures-v1';
import { makeV2FixtureRows } from './fixtures-v2';
import { CURRENT_DB_VERSION, SCHEMA_VERSIONS, TABLE_NAMES } from './schema';
import type { RowsByTable } from './table-records';

type SchemaVersion = keyof typeof SCHEMA_VERSIONS;
/** Rows of an older version: its tables and fields may differ from today's. */
type OldRows = Record<string, readonly object[]>;

/**
 * One case per upgrade path: a database of version `from`, filled with `rows` as that
 * version stored them, must open with today's `AppDB` holding exactly `expected`.
 *
 * Adding version 3 = adding one case (the fixture rows then follow v3, so keep a frozen
 * copy of the v2 rows, as `fixtures-v1.ts` keeps the v1 ones), and keeping the older
 * cases: each must still reach today's rows.
 */
const cases: { name: string; from: SchemaVersion; rows: () => OldRows; expected: () => RowsByTable }[] = [
  {
    name: 'v1 → v3: one row per learned hashtag becomes one packed record per network and brand; then as v2 → v3',
    from: 1,
    rows: makeV1FixtureRows,
    expected: makeFixtureRows,
  },
  {
    name: 'v2 → v3: each account becomes a brand holding that account; images and logged posts carry their brand and account',
    from: 2,
    rows: makeV2FixtureRows,
    expected: makeFixtureRows,
  },
  {
    name: `v${CURRENT_DB_VERSION}, the current version (no upgrade: every row intact)`,
    from: CURRENT_DB_VERSION,
    rows: makeFixtureRows,
    expected: makeFixtureRows,
  },
];

/** Creates database `name` at schema `version` (a bare Dexie, no upgrade code), fills
 * it with `rows` and closes it, as an older Spalla would have left it. */
async function openAtVersion(name: string, version: SchemaVersion, rows: OldRows): Promise<void> {
  const old = new Dexie(name);
  old.version(version).stores(SCHEMA_VERSIONS[version]);
  await old.transaction('rw', Object.keys(SCHEMA_VERSIONS[version]), async () => {
    for (const [table, tableRows] of Object.entries(rows)) await old.table(table).bulkAdd([...tableRows]);
  });
  old.close();
}

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

test('the cases cover every older version', () => {
  const versions = Object.keys(SCHEMA_VERSIONS).map(Number);
  expect(versions.at(-1)).toBe(CURRENT_DB_VERSION);
  expect(new Set(cases.map((c) => c.from))).toEqual(new Set(versions));
});

test.each(cases)('$name opens with AppDB', async ({ from, rows, expected }) => {
  const name = `migration-${from}-${crypto.randomUUID()}`;
  names.push(name);
  await openAtVersion(name, from, rows());

  const db = new AppDB(name);
  try {
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    const want = expected();
    for (const table of TABLE_NAMES) {
      const got = await db.table(table).toArray();
      expect(got.length, table).toBe(want[table].length);
      expect(await dumpRows(got), table).toEqual(await dumpRows(sortById(want[table])));
    }
  } finally {
    db.close();
  }
});

function sortById(rows: readonly { id: string }[]): { id: string }[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
