import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import type { SavedReply } from '../db/saved-replies';
import { savedReplySchema } from '../backup/format';
import { applyPackImport, makePack, packFileName, planPackImport, readPack, type ReplyPack } from './pack';
import { recordReplyUse, saveReply } from './store';

const SAMPLES = join(import.meta.dirname, 'samples');
const sample = (name: string) => new Blob([readFileSync(join(SAMPLES, name))]);

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
function freshDb(): AppDB {
  const db = new AppDB(`pack-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
const T0 = 1764579600000;

async function validPack(): Promise<ReplyPack> {
  const read = await readPack(sample('pack-valid.json'));
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  return read.value;
}

async function own(db: AppDB, title: string, shortcut: string | null, id?: string): Promise<SavedReply> {
  const result = await saveReply(db, { id, title, body: `${title}!`, shortcut, tags: [], networks: [], language: 'it' }, T0);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.reply;
}

describe('readPack', () => {
  test('reads a valid pack: every reply, exactly', async () => {
    const pack = await validPack();
    expect(pack.formatVersion).toBe(1);
    expect(pack.replies.map((r) => r.id)).toEqual(['pack-orari', 'pack-thanks']);
    expect(pack.replies[0]).toEqual(JSON.parse(readFileSync(join(SAMPLES, 'pack-valid.json'), 'utf8')).replies[0]);
  });

  test.each([
    ['pack-broken-truncated.json', { code: 'not-json' }],
    ['pack-broken-backup-manifest.json', { code: 'wrong-kind' }],
    ['pack-broken-newer.json', { code: 'newer-version', detail: { formatVersion: 2 } }],
    ['pack-broken-empty.json', { code: 'empty' }],
    ['pack-broken-proto.json', { code: 'invalid-data', detail: { reason: 'forbidden-key', path: ['__proto__'] } }],
    ['pack-broken-template.json', { code: 'invalid-data', detail: { row: 1, title: 'Thanks for the review', path: ['body'], reason: 'template' } }],
    ['pack-broken-shortcut.json', { code: 'invalid-data', detail: { row: 0, title: 'Orari estivi ☀️', path: ['shortcut'], reason: 'invalid_format' } }],
    ['pack-broken-duplicate-shortcut.json', { code: 'invalid-data', detail: { row: 1, title: 'Thanks for the review', path: ['shortcut'], reason: 'duplicate-shortcut' } }],
    ['pack-broken-extra-field.json', { code: 'invalid-data', detail: { row: 0, title: 'Orari estivi ☀️', path: ['html'], reason: 'unrecognized_keys' } }],
    ['csv-excel-it-windows1252.csv', { code: 'not-json' }],
    ['csv-broken-binary.csv', { code: 'not-json' }],
  ])('refuses %s', async (name, error) => {
    expect(await readPack(sample(name))).toEqual({ ok: false, error });
  });

  test('refuses a pack of more than 10,000 replies', async () => {
    const pack = JSON.parse(readFileSync(join(SAMPLES, 'pack-valid.json'), 'utf8'));
    pack.replies = Array.from({ length: 10_001 }, (_, i) => ({ ...pack.replies[1], id: `r${i}` }));
    expect(await readPack(new Blob([JSON.stringify(pack)]))).toEqual({ ok: false, error: { code: 'too-large' } });
  });

  test('refuses an over-large file before reading it', async () => {
    const big = { size: 21 * 1024 * 1024, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    expect(await readPack(big)).toEqual({ ok: false, error: { code: 'too-large' } });
  });
});

describe('makePack → readPack', () => {
  test('round trip keeps the words, leaves out statistics, answers and brand', async () => {
    const db = freshDb();
    const a = await own(db, 'Orari', 'orari');
    await recordReplyUse(db, a.id, {}, T0 + 5);
    const b = await own(db, 'Ciao 😊 «sì»', null);
    const made = makePack(await db.savedReplies.toArray(), '0.1.0', T0);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const read = await readPack(made.value);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const byId = Object.fromEntries(read.value.replies.map((r) => [r.id, r]));
    for (const reply of [a, b]) {
      const { useCount: _u, lastUsedAt: _l, brandId: _b, lastAnswers: _a, ...words } = reply;
      expect(byId[reply.id]).toEqual(words);
    }
    expect(read.value.exportedAt).toBe(T0);
  });

  test('refuses to export a reply a reader would refuse, naming it', () => {
    const bad = { id: 'old', createdAt: T0, updatedAt: T0, title: 'Vecchia', body: 'x', shortcut: ';grazie', tags: [], networks: [], language: 'it', brandId: null, useCount: 0, lastUsedAt: null } satisfies SavedReply;
    expect(makePack([bad], '0.1.0')).toEqual({
      ok: false,
      error: { code: 'export-failed', detail: { row: 0, title: 'Vecchia', path: ['shortcut'], reason: 'invalid_format' } },
    });
  });

  test('file name', () => {
    expect(packFileName(new Date(2026, 11, 1, 23, 59))).toBe('spalla-replies-2026-12-01.json');
  });
});

describe('planPackImport and applyPackImport', () => {
  test('into an empty database: all added, with fresh statistics, valid rows', async () => {
    const db = freshDb();
    const pack = await validPack();
    const planned = await planPackImport(db, pack);
    expect(planned.ok && planned.value.actions.map((a) => a.action)).toEqual(['add', 'add']);
    expect(planned.ok && planned.value.conflicts).toEqual([]);
    expect(await applyPackImport(db, pack)).toEqual({ ok: true, value: { added: 2, updated: 0, skipped: 0, replaced: 0, shortcutsCleared: 0 } });
    const rows = await db.savedReplies.toArray();
    for (const row of rows) {
      expect(savedReplySchema.safeParse(row).success).toBe(true);
      expect(row).toMatchObject({ useCount: 0, lastUsedAt: null, brandId: null });
    }
  });

  test('same id: the newer one wins; ours keeps its statistics', async () => {
    const db = freshDb();
    const pack = await validPack();
    // Ours of pack-orari is older (T0), ours of pack-thanks is newer than the pack's.
    await db.savedReplies.bulkAdd([
      { ...pack.replies[0], updatedAt: T0, title: 'Mia versione', brandId: 'b1', useCount: 7, lastUsedAt: T0 + 1, lastAnswers: { Orario: '9' } },
      { ...pack.replies[1], updatedAt: T0 + 99_999, title: 'My newer one', brandId: null, useCount: 1, lastUsedAt: null },
    ]);
    const planned = await planPackImport(db, pack);
    expect(planned.ok && planned.value.actions.map((a) => a.action)).toEqual(['update', 'skip']);
    expect(await applyPackImport(db, pack)).toEqual({ ok: true, value: { added: 0, updated: 1, skipped: 1, replaced: 0, shortcutsCleared: 0 } });
    expect(await db.savedReplies.get('pack-orari')).toEqual({
      ...pack.replies[0], brandId: 'b1', useCount: 7, lastUsedAt: T0 + 1, lastAnswers: { Orario: '9' },
    });
    expect((await db.savedReplies.get('pack-thanks'))!.title).toBe('My newer one');
  });

  test.each([
    ['mine', { added: 1, updated: 0, skipped: 1, replaced: 0, shortcutsCleared: 0 }, ['Estate mia', 'Thanks for the review']],
    ['theirs', { added: 2, updated: 0, skipped: 0, replaced: 1, shortcutsCleared: 0 }, ['Orari estivi ☀️', 'Thanks for the review']],
    ['both', { added: 2, updated: 0, skipped: 0, replaced: 0, shortcutsCleared: 1 }, ['Estate mia', 'Orari estivi ☀️', 'Thanks for the review']],
  ] as const)('same shortcut on another reply, "%s"', async (choice, report, titles) => {
    const db = freshDb();
    const mine = await own(db, 'Estate mia', 'ESTATE');
    const pack = await validPack();
    const planned = await planPackImport(db, pack);
    expect(planned.ok && planned.value.conflicts).toEqual([{ incoming: pack.replies[0], mine }]);
    expect(await applyPackImport(db, pack, { 'pack-orari': choice })).toEqual({ ok: true, value: report });
    const rows = await db.savedReplies.toArray();
    expect(rows.map((r) => r.title).sort()).toEqual([...titles].sort());
    // Shortcuts stay unique whatever the choice.
    const shortcuts = rows.map((r) => r.shortcut?.toLowerCase()).filter(Boolean);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    if (choice === 'both') expect((await db.savedReplies.get('pack-orari'))!.shortcut).toBeNull();
  });

  test('a conflict left unanswered (or new since the preview) writes nothing', async () => {
    const db = freshDb();
    const pack = await validPack();
    const planned = await planPackImport(db, pack);
    expect(planned.ok && planned.value.conflicts).toEqual([]);
    await own(db, 'Arrivata dopo', 'estate'); // the database changed after the preview
    const before = await db.savedReplies.toArray();
    expect(await applyPackImport(db, pack, {})).toEqual({ ok: false, error: { code: 'changed' } });
    expect(await db.savedReplies.toArray()).toEqual(before);
  });

  test("a reply of ours that the pack updates no longer holds its old shortcut", async () => {
    const db = freshDb();
    const pack = await validPack();
    // Ours of pack-thanks holds "estate" but the pack's newer pack-thanks drops it.
    await db.savedReplies.add({ ...pack.replies[1], updatedAt: T0 - 1, shortcut: 'estate', brandId: null, useCount: 0, lastUsedAt: null });
    const planned = await planPackImport(db, pack);
    expect(planned.ok && planned.value.conflicts).toEqual([]);
    expect((await applyPackImport(db, pack)).ok).toBe(true);
    expect((await db.savedReplies.get('pack-orari'))!.shortcut).toBe('estate');
    expect((await db.savedReplies.get('pack-thanks'))!.shortcut).toBeNull();
  });
});
