import { describe, expect, expectTypeOf, test } from 'vitest';
import type { StoredImage } from '../db/clips';
import { makeFixtureRows } from '../db/fixtures';
import { TABLE_NAMES, type TableName } from '../db/schema';
import type { TableRecords } from '../db/table-records';
import { backupFileName } from './export';
import { imageEntryName, manifestSchema, rowSchemas, type BackupRow } from './format';

type PlainTable = Exclude<TableName, 'images'>;

describe('row schemas', () => {
  test('infer exactly the interfaces in utils/db (checked by tsc)', () => {
    // A field added to, removed from or retyped in an interface breaks `npx tsc` here.
    expectTypeOf<{ [K in PlainTable]: BackupRow<K> }>().toEqualTypeOf<{ [K in PlainTable]: TableRecords[K] }>();
    expectTypeOf<Omit<BackupRow<'images'>, 'blob'>>().toEqualTypeOf<Omit<StoredImage, 'blob'>>();
    expect(Object.keys(rowSchemas)).toEqual([...TABLE_NAMES]);
  });

  test.each(TABLE_NAMES)('accept every %s fixture row unchanged', (table) => {
    const rows = makeFixtureRows()[table].map((row) =>
      table === 'images' ? withFile(row as StoredImage) : row,
    );
    for (const row of rows) expect(rowSchemas[table].parse(row)).toEqual(row);
  });

  const clip = makeFixtureRows().clips[0];
  const reply = makeFixtureRows().savedReplies[0];
  test.each([
    ['an unknown field', 'clips', { ...clip, extra: 1 }],
    ['a missing field', 'clips', (({ note: _, ...rest }) => rest)(clip)],
    ['a wrong type', 'clips', { ...clip, text: 42 }],
    ['a count that is not an integer', 'clips', { ...clip, counts: { ...clip.counts, shares: 1.5 } }],
    ['a negative count', 'savedReplies', { ...reply, useCount: -1 }],
    ['Infinity', 'savedReplies', { ...reply, lastUsedAt: Infinity }],
    ['an unknown enum value', 'clips', { ...clip, status: 'deleted' }],
    ['an empty id', 'clips', { ...clip, id: '' }],
    ['an id with a path in it', 'clips', { ...clip, id: '../x' }],
    ['an over-long text', 'savedReplies', { ...reply, body: 'a'.repeat(20_001) }],
    ['too many tags', 'savedReplies', { ...reply, tags: Array.from({ length: 1001 }, (_, i) => `t${i}`) }],
    ['an unknown field in a nested object', 'clips', { ...clip, counts: { ...clip.counts, views: 3 } }],
    ['an image file that is not its own', 'images', { ...withFile(makeFixtureRows().images[0]), id: 'other-id' }],
    ['an image still holding a Blob', 'images', makeFixtureRows().images[0]],
  ] as const)('refuse %s', (_why, table, row) => {
    expect(rowSchemas[table].safeParse(row).success).toBe(false);
  });
});

describe('manifest schema', () => {
  const manifest = {
    format: 'spalla-backup',
    formatVersion: 1,
    dbVersion: 1,
    exportedAt: Date.UTC(2026, 10, 28),
    appVersion: '0.1.0',
    tables: Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])),
  };
  test('accepts a manifest listing every table', () => {
    expect(manifestSchema.parse(manifest)).toEqual(manifest);
  });
  test.each([
    ['a missing table', { ...manifest, tables: { ...manifest.tables, postLog: undefined } }],
    ['an unknown table', { ...manifest, tables: { ...manifest.tables, secrets: 1 } }],
    ['an unknown field', { ...manifest, comment: 'hi' }],
  ])('refuses %s', (_why, value) => {
    expect(manifestSchema.safeParse(value).success).toBe(false);
  });
});

test.each([
  ['image/jpeg', 'images/a1.jpg'],
  ['image/png', 'images/a1.png'],
  ['', 'images/a1.bin'],
  ['toString', 'images/a1.bin'],
])('an image of type %j is stored as %s', (type, name) => {
  expect(imageEntryName('a1', type)).toBe(name);
});

test('backup file names carry the local date', () => {
  expect(backupFileName(new Date(2026, 10, 28, 23, 59))).toBe('spalla-backup-2026-11-28.zip');
  expect(backupFileName(new Date(2027, 0, 5))).toBe('spalla-backup-2027-01-05.zip');
});

function withFile(image: StoredImage): BackupRow<'images'> {
  return { ...image, blob: { file: imageEntryName(image.id, image.blob.type), size: image.blob.size, type: image.blob.type } };
}
