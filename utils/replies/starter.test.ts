import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB, getDb } from '../db/app-db';
import { startRepliesStarter } from '../background/features/replies-starter';
import { savedReplySchema } from '../backup/format';
import { normalizeDraft, saveReply, draftOf, shortcutKey, validateDraft } from './store';
import { isStarterReply, removeStarterReplies, seedStarterReplies, STARTER_REPLIES } from './starter';
import { fieldsToAsk, listFields, renderPreview, renderTemplate, SAMPLE_CONTEXT } from './template';
import { seededRandom } from '../../tests/unit/seeded-random';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
function freshDb(name = `starter-${crypto.randomUUID()}`): AppDB {
  const db = new AppDB(name);
  opened.push(db);
  return db;
}
const T0 = Date.UTC(2026, 10, 1, 9);

describe('the starter set', () => {
  test('has Italian and English replies, unique ids and shortcuts (ignoring case)', () => {
    const languages = new Set(STARTER_REPLIES.map((r) => r.language));
    expect(languages).toEqual(new Set(['it', 'en']));
    expect(STARTER_REPLIES.filter((r) => r.language === 'it').length).toBeGreaterThanOrEqual(7);
    expect(STARTER_REPLIES.filter((r) => r.language === 'en').length).toBeGreaterThanOrEqual(7);
    expect(new Set(STARTER_REPLIES.map((r) => r.id)).size).toBe(STARTER_REPLIES.length);
    const shortcuts = STARTER_REPLIES.map((r) => shortcutKey(r.shortcut!));
    expect(new Set(shortcuts).size).toBe(STARTER_REPLIES.length);
    expect(STARTER_REPLIES.every(isStarterReply)).toBe(true);
  });

  test.each(STARTER_REPLIES.map((r) => [r.id, r] as const))('%s passes the editor checks', (_id, starter) => {
    const draft = { ...starter, brandId: null };
    expect(normalizeDraft(draft)).toEqual(draft); // shipped already in normal form
    expect(validateDraft(draft)).toEqual([]);
  });

  test.each(STARTER_REPLIES.map((r) => [r.id, r] as const))('%s renders without errors: sample data, no name, any branch', (_id, starter) => {
    // The live preview's sample data.
    const sample = renderTemplate(starter.body, SAMPLE_CONTEXT(starter.language, { source: starter.body }));
    expect(sample.errors).toEqual([]);
    // A person whose name the page does not show, every field answered, twenty random picks.
    const answers = Object.fromEntries(listFields(starter.body).map((f) => [f.label, f.options?.at(-1) ?? '10']));
    const random = seededRandom(starter.id.length);
    for (let i = 0; i < 20; i++) {
      const { text, errors } = renderTemplate(starter.body, { locale: starter.language, now: new Date(T0), answers, random });
      expect(errors).toEqual([]);
      expect(text).not.toMatch(/[{}|]/); // no construct left raw
      expect(text).not.toMatch(/ {2}|\s[,.!]/); // no holes
    }
  });
});

describe('the starter set never shows or inserts the trace of an empty value (#12)', () => {
  /** What each starter asks before it goes in, when nothing is known: the page shows no
   * name, no answer was given before. Business facts are fill-in fields; names have
   * fallbacks, so they are never asked. */
  const ASKS: Record<string, string[]> = {
    'starter-it-orari': ['Giorni', 'Orario'],
    'starter-it-prezzi': ['Prezzo'],
    'starter-it-privato': [],
    'starter-it-grazie': [],
    'starter-it-scuse': [],
    'starter-it-spedizioni': ['Tempi', 'Soglia spedizione gratuita'],
    'starter-it-prenotazioni': ['Telefono'],
    'starter-it-dove': ['Indirizzo'],
    'starter-en-hours': ['Days', 'Hours'],
    'starter-en-prices': ['Price'],
    'starter-en-dm': [],
    'starter-en-thanks': [],
    'starter-en-sorry': [],
    'starter-en-shipping': ['Delivery time', 'Free shipping threshold'],
    'starter-en-booking': ['Phone'],
    'starter-en-where': ['Address'],
  };
  const empty = (language: string, random: () => number) => ({ locale: language, now: new Date(T0), random });
  /** The traces an empty value leaves in text. */
  const HOLE = / {2}|[ \t][,.;:!?)]|\(\s*\)|[,;:]\s*[,.;:!?]|[,;:]$|^[ \t]/m;
  /** A space at a line's end is left only where the caret goes (" {{cursor}}"). */
  const trailing = (text: string, caret: number | null) => [...text.matchAll(/[ \t]+(?=\n|$)/g)].filter((m) => m.index + m[0].length !== caret);

  test('every starter is listed here', () => {
    expect(Object.keys(ASKS).sort()).toEqual(STARTER_REPLIES.map((r) => r.id).sort());
  });

  test.each(STARTER_REPLIES.map((r) => [r.id, r] as const))('%s: asks what it needs; rendered with nothing known, no hole', (id, starter) => {
    const random = seededRandom(id.length + 7);
    for (let i = 0; i < 20; i++) {
      const context = empty(starter.language, random);
      expect(fieldsToAsk(starter.body, context).map((f) => f.label)).toEqual(ASKS[id]);
      const { text, caret, errors } = renderTemplate(starter.body, context);
      expect(text).not.toMatch(HOLE);
      expect(trailing(text, caret)).toEqual([]);
      expect(text).not.toMatch(/[{}|]/);
      // Blocked until the form is filled, for exactly the fields it asks.
      expect([...new Set(errors.map((e) => e.name))]).toEqual(ASKS[id]);
      // The preview puts a labelled place where each answer goes, with no gap around it.
      const parts = renderPreview(starter.body, context);
      expect(parts.flatMap((p) => (p.type === 'ask' ? [p.label] : []))).toEqual(ASKS[id]);
      for (const part of parts) if (part.type === 'text') expect(part.text).not.toMatch(/ {2}/);
    }
  });

  test.each(STARTER_REPLIES.map((r) => [r.id, r] as const))('%s: answered, the text reads without a hole', (id, starter) => {
    const answers = Object.fromEntries(listFields(starter.body).map((f) => [f.label, f.options?.[0] ?? '10']));
    const { text, caret, errors } = renderTemplate(starter.body, { ...empty(starter.language, () => 0.99), answers });
    expect(errors).toEqual([]);
    expect(text).not.toMatch(HOLE);
    expect(trailing(text, caret)).toEqual([]);
  });
});

describe('seeding and removing', () => {
  test('seeds every starter once, valid for backups; a second run adds nothing', async () => {
    const db = freshDb();
    expect(await seedStarterReplies(db, T0)).toBe(STARTER_REPLIES.length);
    const rows = await db.savedReplies.toArray();
    expect(rows).toHaveLength(STARTER_REPLIES.length);
    for (const row of rows) {
      expect(savedReplySchema.safeParse(row).success).toBe(true);
      expect(row).toMatchObject({ useCount: 0, lastUsedAt: null, createdAt: T0, updatedAt: T0, brandId: null });
    }
    expect(await seedStarterReplies(db, T0 + 1)).toBe(0);
    expect(await db.savedReplies.count()).toBe(STARTER_REPLIES.length);
  });

  test('a starter whose shortcut the user already has comes without one', async () => {
    const db = freshDb();
    await saveReply(db, { title: 'Mio', body: 'Mio orario', shortcut: 'ORARI', tags: [], networks: [], language: 'it' }, T0);
    await seedStarterReplies(db, T0);
    expect((await db.savedReplies.get('starter-it-orari'))!.shortcut).toBeNull();
    expect((await db.savedReplies.get('starter-it-prezzi'))!.shortcut).toBe('prezzi');
  });

  test('"Remove the starter replies" removes the untouched ones, keeps edited ones and the user\'s own', async () => {
    const db = freshDb();
    await seedStarterReplies(db, T0);
    const own = await saveReply(db, { title: 'Mio', body: 'Testo', shortcut: null, tags: [], networks: [], language: 'it' }, T0);
    const edited = await saveReply(db, { ...draftOf((await db.savedReplies.get('starter-it-prezzi'))!), body: 'Prezzi nuovi' }, T0 + 5);
    expect(edited.ok).toBe(true);
    const { removed, kept } = await removeStarterReplies(db);
    expect(removed).toHaveLength(STARTER_REPLIES.length - 1);
    expect(kept).toBe(1);
    expect((await db.savedReplies.toArray()).map((r) => r.id).sort()).toEqual([own.ok && own.reply.id, 'starter-it-prezzi'].sort());
  });
});

describe('background: replies-starter', () => {
  test('seeds on install only, never on an update (a removed starter stays removed)', async () => {
    const db = getDb();
    await db.savedReplies.clear();
    const exposed: Record<string, unknown> = {};
    startRepliesStarter({ ports: {} as never, extensionOrigin: 'chrome-extension://x/', expose: (name, fn) => void (exposed[name] = fn) });
    expect(typeof exposed.seedStarterReplies).toBe('function');

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.savedReplies.count()).toBe(0);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await expect.poll(() => db.savedReplies.count()).toBe(STARTER_REPLIES.length);

    await db.savedReplies.delete('starter-it-orari');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.savedReplies.get('starter-it-orari')).toBeUndefined();
    await db.savedReplies.clear();
  }, 20_000);
});
