import { afterEach, describe, expect, test, vi } from 'vitest';
import { AppDB } from './app-db';
import { BACKUP_REMINDER_AGE_MS, shouldRemindBackup, trackChanges } from './change-clock';
import { makeFixtureRows } from './fixtures';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function trackedDb() {
  const db = new AppDB(`change-clock-${crypto.randomUUID()}`);
  opened.push(db);
  const onChange = vi.fn();
  let clock = 1_000;
  trackChanges(db, onChange, () => ++clock);
  return { db, onChange };
}

describe('trackChanges', () => {
  const rows = makeFixtureRows();
  const brand = rows.brands[0];

  test.each([
    ['add', (db: AppDB) => db.brands.add(rows.brands[1])],
    ['put', (db: AppDB) => db.brands.put(brand)],
    ['bulkPut', (db: AppDB) => db.clips.bulkPut(rows.clips)],
    ['put of an image Blob', (db: AppDB) => db.images.put(rows.images[0])],
    ['update', async (db: AppDB) => void (await db.brands.update(brand.id, { name: 'Nuovo nome' }))],
    ['delete', (db: AppDB) => db.brands.delete(brand.id)],
    ['clear (deleteRange)', (db: AppDB) => db.brands.clear()],
    ['modify through a query', async (db: AppDB) => void (await db.brands.where('name').equals(brand.name).modify({ color: '#2563eb' }))],
  ])('reports once after %s', async (_name, mutate) => {
    const { db, onChange } = trackedDb();
    await db.brands.add(brand);
    onChange.mockClear();

    await mutate(db);

    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0]).toBeGreaterThan(1_000);
  });

  test('reports once for a transaction with many writes, after it commits', async () => {
    const { db, onChange } = trackedDb();
    await db.transaction('rw', db.brands, db.savedReplies, async () => {
      await db.brands.bulkAdd(rows.brands);
      await db.savedReplies.bulkAdd(rows.savedReplies);
      expect(onChange).not.toHaveBeenCalled();
    });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('does not report a transaction that aborted', async () => {
    const { db, onChange } = trackedDb();
    await expect(
      db.transaction('rw', db.brands, async () => {
        await db.brands.add(brand);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.brands.count()).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
  });

  test('does not report reads', async () => {
    const { db, onChange } = trackedDb();
    await db.brands.add(brand);
    onChange.mockClear();
    await db.brands.toArray();
    await db.brands.get(brand.id);
    await db.transaction('r', db.allTables(), () => db.clips.count());
    expect(onChange).not.toHaveBeenCalled();
  });

  test('reports no more once removed (from the next open)', async () => {
    const db = new AppDB(`change-clock-${crypto.randomUUID()}`);
    opened.push(db);
    const onChange = vi.fn();
    const untrack = trackChanges(db, onChange);
    untrack();
    await db.brands.add(brand);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('shouldRemindBackup', () => {
  const now = Date.UTC(2026, 10, 28);
  const month = BACKUP_REMINDER_AGE_MS;
  const day = 24 * 60 * 60 * 1000;

  test.each([
    { why: 'nothing stored yet', lastBackupAt: null, dataChangedAt: null, remind: false },
    { why: 'never backed up, data exists', lastBackupAt: null, dataChangedAt: now - day, remind: true },
    { why: 'old backup, changed since', lastBackupAt: now - month - day, dataChangedAt: now - day, remind: true },
    { why: 'old backup, nothing changed since', lastBackupAt: now - month - day, dataChangedAt: now - month - 2 * day, remind: false },
    { why: 'old backup, changed at the same instant', lastBackupAt: now - month - day, dataChangedAt: now - month - day, remind: false },
    { why: 'recent backup, changed since', lastBackupAt: now - 29 * day, dataChangedAt: now - day, remind: false },
    { why: 'backup exactly a month old', lastBackupAt: now - month, dataChangedAt: now - day, remind: false },
    { why: 'backed up, no change ever recorded', lastBackupAt: now - 3 * month, dataChangedAt: null, remind: false },
  ])('$why → $remind', ({ lastBackupAt, dataChangedAt, remind }) => {
    expect(shouldRemindBackup({ lastBackupAt, dataChangedAt }, now)).toBe(remind);
  });
});
