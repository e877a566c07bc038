import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { SCHEMA_VERSIONS } from '../db/schema';
import type { SavedReply } from '../db/saved-replies';
import { savedReplySchema } from '../backup/format';
import {
  deleteReply,
  draftOf,
  duplicateReply,
  emptyDraft,
  filterReplies,
  normalizeTags,
  parseTagList,
  recordReplyUse,
  restoreReply,
  saveReply,
  sortReplies,
  type ReplyDraft,
} from './store';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function freshDb(): AppDB {
  const db = new AppDB(`store-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

const T0 = Date.UTC(2026, 10, 1, 9);

function draft(overrides: Partial<ReplyDraft> = {}): ReplyDraft {
  return { ...emptyDraft('it'), title: 'Orari', body: 'Siamo aperti {{input:Orario}} 😊', ...overrides };
}

async function saved(db: AppDB, overrides: Partial<ReplyDraft> = {}, now = T0): Promise<SavedReply> {
  const result = await saveReply(db, draft(overrides), now);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.reply;
}

describe('saveReply', () => {
  test('creates a reply with stamps, zero statistics and trimmed fields', async () => {
    const db = freshDb();
    const result = await saveReply(
      db,
      draft({ title: '  Orari  ', shortcut: ' orari ', tags: [' #info', 'Info', '', 'negozio'], networks: ['instagram'] }),
      T0,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reply).toMatchObject({
      title: 'Orari',
      body: 'Siamo aperti {{input:Orario}} 😊',
      shortcut: 'orari',
      tags: ['info', 'negozio'],
      networks: ['instagram'],
      language: 'it',
      brandId: null,
      useCount: 0,
      lastUsedAt: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.savedReplies.get(result.reply.id)).toEqual(result.reply);
    expect(savedReplySchema.safeParse(result.reply).success).toBe(true);
  });

  test('every network ticked means any (stored as an empty list); some of them stay a list', async () => {
    const db = freshDb();
    expect((await saved(db, { networks: ['instagram', 'facebook', 'x', 'threads', 'linkedin'] })).networks).toEqual([]);
    expect((await saved(db, { networks: ['instagram', 'facebook'] })).networks).toEqual(['facebook', 'instagram']);
  });

  test('updates keep the id, creation time, statistics and answers; updatedAt moves forward', async () => {
    const db = freshDb();
    const reply = await saved(db);
    await recordReplyUse(db, reply.id, { Orario: '9-18' }, T0 + 10);
    // A clock that went back still yields a newer updatedAt.
    const result = await saveReply(db, { ...draftOf(reply), title: 'Orari del negozio' }, T0 - 1000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reply).toMatchObject({
      id: reply.id,
      title: 'Orari del negozio',
      createdAt: T0,
      updatedAt: T0 + 1,
      useCount: 1,
      lastUsedAt: T0 + 10,
      lastAnswers: { Orario: '9-18' },
    });
    expect(await db.savedReplies.count()).toBe(1);
  });

  test.each([
    ['an empty title', { title: '   ' }, [{ field: 'title', code: 'required' }]],
    ['an over-long title', { title: 'x'.repeat(301) }, [{ field: 'title', code: 'too-long' }]],
    ['an empty body', { body: ' \n ' }, [{ field: 'body', code: 'required' }]],
    ['a shortcut with a space', { shortcut: 'ciao ciao' }, [{ field: 'shortcut', code: 'invalid' }]],
    ['a shortcut with the prefix in it', { shortcut: ';ciao' }, [{ field: 'shortcut', code: 'invalid' }]],
    ['an over-long shortcut', { shortcut: 'a'.repeat(51) }, [{ field: 'shortcut', code: 'too-long' }]],
    ['a language that is not a tag', { language: 'italiano!' }, [{ field: 'language', code: 'invalid' }]],
  ] as const)('refuses %s', async (_why, overrides, problems) => {
    const db = freshDb();
    expect(await saveReply(db, draft(overrides as Partial<ReplyDraft>), T0)).toEqual({ ok: false, problems });
    expect(await db.savedReplies.count()).toBe(0);
  });

  test('refuses a body with template errors, with their positions', async () => {
    const db = freshDb();
    const result = await saveReply(db, draft({ body: 'Ciao {{nome}}!' }), T0);
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'body', code: 'template', templateErrors: [{ code: 'unknown-variable', start: 5, end: 13, name: 'nome' }] }],
    });
  });

  test.each(['caffè', 'orari_2', 'prezzi-it', 'Ciao', '価格'])('accepts the shortcut %s', async (shortcut) => {
    const db = freshDb();
    expect((await saved(db, { shortcut })).shortcut).toBe(shortcut);
  });

  test('a shortcut is unique ignoring case, and names the reply that has it', async () => {
    const db = freshDb();
    await saved(db, { title: 'Saluto', shortcut: 'Ciao' });
    expect(await saveReply(db, draft({ title: 'Altro', shortcut: 'cIAO' }), T0)).toEqual({
      ok: false,
      problems: [{ field: 'shortcut', code: 'taken', other: 'Saluto' }],
    });
    expect(await db.savedReplies.count()).toBe(1);
  });

  test('a reply keeps its own shortcut when edited', async () => {
    const db = freshDb();
    const reply = await saved(db, { shortcut: 'ciao' });
    const result = await saveReply(db, { ...draftOf(reply), shortcut: 'CIAO', body: 'Ciao!' }, T0 + 1);
    expect(result.ok && result.reply.shortcut).toBe('CIAO');
  });

  test('two saves at once cannot both take a shortcut', async () => {
    const db = freshDb();
    const results = await Promise.all([
      saveReply(db, draft({ title: 'A', shortcut: 'ciao' }), T0),
      saveReply(db, draft({ title: 'B', shortcut: 'CIAO' }), T0),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.savedReplies.count()).toBe(1);
  });

  test('updating a reply that was deleted meanwhile says so and writes nothing', async () => {
    const db = freshDb();
    const reply = await saved(db);
    await deleteReply(db, reply.id);
    expect(await saveReply(db, draftOf(reply), T0 + 1)).toEqual({ ok: false, problems: [{ field: 'id', code: 'not-found' }] });
    expect(await db.savedReplies.count()).toBe(0);
  });
});

describe('duplicate, delete, restore', () => {
  test('duplicate: new id and title, no shortcut, fresh statistics', async () => {
    const db = freshDb();
    const reply = await saved(db, { shortcut: 'orari', tags: ['info'] });
    await recordReplyUse(db, reply.id, { Orario: '9-18' }, T0 + 5);
    const copy = await duplicateReply(db, reply.id, 'Orari (copia)', T0 + 10);
    expect(copy).toMatchObject({
      title: 'Orari (copia)',
      body: reply.body,
      shortcut: null,
      tags: ['info'],
      useCount: 0,
      lastUsedAt: null,
      createdAt: T0 + 10,
      updatedAt: T0 + 10,
    });
    expect(copy!.id).not.toBe(reply.id);
    expect(copy!.lastAnswers).toBeUndefined();
    expect(await db.savedReplies.count()).toBe(2);
    expect(await duplicateReply(db, 'gone')).toBeNull();
  });

  test('delete then restore brings back the very same record', async () => {
    const db = freshDb();
    const reply = await saved(db, { shortcut: 'orari' });
    const used = (await recordReplyUse(db, reply.id, { Orario: '9' }, T0 + 3))!;
    const deleted = await deleteReply(db, reply.id);
    expect(deleted).toEqual(used);
    expect(await db.savedReplies.count()).toBe(0);
    expect(await restoreReply(db, deleted!)).toEqual({ reply: used, shortcutCleared: false });
    expect(await db.savedReplies.get(reply.id)).toEqual(used);
    expect(await deleteReply(db, 'gone')).toBeNull();
  });

  test('restoring after another reply took the shortcut brings it back without one', async () => {
    const db = freshDb();
    const reply = await saved(db, { shortcut: 'orari' });
    const deleted = (await deleteReply(db, reply.id))!;
    await saved(db, { title: 'Nuovi orari', shortcut: 'ORARI' });
    const { reply: restored, shortcutCleared } = await restoreReply(db, deleted);
    expect(shortcutCleared).toBe(true);
    expect(restored).toEqual({ ...deleted, shortcut: null });
    expect(await db.savedReplies.count()).toBe(2);
  });
});

describe('recordReplyUse', () => {
  test('counts uses, notes the time, remembers answers per label of the body only', async () => {
    const db = freshDb();
    const reply = await saved(db, { body: '{{input:Orario}} {{choice:Taglia|S|M}}' });
    await recordReplyUse(db, reply.id, { Orario: '18:30', Taglia: 'S', Altro: 'x' }, T0 + 1);
    const second = await recordReplyUse(db, reply.id, { Taglia: 'M' }, T0 + 2);
    expect(second).toMatchObject({ useCount: 2, lastUsedAt: T0 + 2, updatedAt: T0, lastAnswers: { Orario: '18:30', Taglia: 'M' } });
    const third = await recordReplyUse(db, reply.id, undefined, T0 + 3);
    expect(third).toMatchObject({ useCount: 3, lastAnswers: { Orario: '18:30', Taglia: 'M' } });
    expect(savedReplySchema.safeParse(third).success).toBe(true);
    expect(await recordReplyUse(db, 'gone')).toBeNull();
  });

  test('a reply stored before lastAnswers existed (schema v1 row) is used and exported fine', async () => {
    const name = `store-old-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[1]);
    const row = {
      id: 'old-1', createdAt: T0, updatedAt: T0, title: 'Vecchia', body: 'Ciao {{input:Nome}}', shortcut: null,
      tags: [], networks: [], language: 'it', brandId: null, useCount: 4, lastUsedAt: null,
    };
    await old.table('savedReplies').add(row);
    old.close();
    const db = new AppDB(name);
    opened.push(db);
    expect(savedReplySchema.safeParse(await db.savedReplies.get('old-1')).success).toBe(true);
    const used = await recordReplyUse(db, 'old-1', { Nome: 'Gino' }, T0 + 1);
    expect(used).toEqual({ ...row, useCount: 5, lastUsedAt: T0 + 1, lastAnswers: { Nome: 'Gino' } });
    expect(savedReplySchema.safeParse(used).success).toBe(true);
  });
});

function reply(overrides: Partial<SavedReply>): SavedReply {
  return {
    id: overrides.title ?? 'x', createdAt: T0, updatedAt: T0, title: 'x', body: 'b', shortcut: null, tags: [],
    networks: [], language: 'it', brandId: null, useCount: 0, lastUsedAt: null, ...overrides,
  };
}

describe('sortReplies', () => {
  const list = [
    reply({ title: 'Zeta', useCount: 5, lastUsedAt: T0 + 1 }),
    reply({ title: 'alfa', useCount: 5, lastUsedAt: T0 + 9 }),
    reply({ title: 'Élite', useCount: 0, lastUsedAt: null, updatedAt: T0 + 50 }),
    reply({ title: 'Beta 10', useCount: 9, lastUsedAt: T0 + 2 }),
    reply({ title: 'Beta 2', useCount: 0, lastUsedAt: null, updatedAt: T0 }),
  ];
  test.each([
    ['most-used', ['Beta 10', 'alfa', 'Zeta', 'Beta 2', 'Élite']],
    ['recent', ['alfa', 'Beta 10', 'Zeta', 'Élite', 'Beta 2']],
    ['title', ['alfa', 'Beta 2', 'Beta 10', 'Élite', 'Zeta']],
  ] as const)('%s', (sort, titles) => {
    expect(sortReplies(list, sort).map((r) => r.title)).toEqual(titles);
    expect(list[0].title).toBe('Zeta'); // a copy: the input is untouched
  });
});

describe('filterReplies', () => {
  const list = [
    reply({ title: 'Orari', networks: [], language: 'it', tags: ['Info'], body: 'Aperti alle 9' }),
    reply({ title: 'DM', networks: ['instagram'], language: 'it-IT', tags: ['messaggi'], shortcut: 'dm' }),
    reply({ title: 'Prices', networks: ['facebook'], language: 'en', tags: ['info'], body: 'From €10 ☕' }),
    reply({ title: 'Caffè', networks: ['facebook', 'instagram'], language: 'it', tags: [] }),
  ];
  const titles = (filter: Parameters<typeof filterReplies>[1]) => filterReplies(list, filter).map((r) => r.title);
  test.each([
    ['nothing', {}, ['Orari', 'DM', 'Prices', 'Caffè']],
    ['Instagram (any-network replies included)', { network: 'instagram' }, ['Orari', 'DM', 'Caffè']],
    ['Facebook', { network: 'facebook' }, ['Orari', 'Prices', 'Caffè']],
    ['Italian ("it-IT" included)', { language: 'it' }, ['Orari', 'DM', 'Caffè']],
    ['English', { language: 'en-GB' }, ['Prices']],
    ['tag, ignoring case', { tag: 'INFO' }, ['Orari', 'Prices']],
    ['query in the body', { query: 'aperti' }, ['Orari']],
    ['query ignoring accents', { query: 'caffe' }, ['Caffè']],
    ['query in a shortcut', { query: 'DM' }, ['DM']],
    ['query with two words, both needed', { query: 'from ☕' }, ['Prices']],
    ['everything at once', { network: 'facebook', language: 'it', tag: 'info', query: 'orari' }, ['Orari']],
  ] as const)('%s', (_why, filter, expected) => {
    expect(titles(filter)).toEqual(expected);
  });
});

test('tags: trimmed, no "#", no repeats ignoring case', () => {
  expect(normalizeTags(['#Info', ' info ', 'Negozio', '', '##']))
    .toEqual(['Info', 'Negozio']);
  expect(parseTagList('info, negozio; #saldi,,')).toEqual(['info', 'negozio', 'saldi']);
});
