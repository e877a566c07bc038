import { z } from 'zod';
import { NETWORKS } from '../db/record';
import type { AppDB } from '../db/app-db';
import type { SavedReply } from '../db/saved-replies';
import { MAX_BODY_LENGTH, MAX_SHORTCUT_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TITLE_LENGTH, SHORTCUT_PATTERN, shortcutKey } from './store';
import { parseTemplate } from './template';

/**
 * Reply packs: saved replies shared between people and teams as one JSON file (see
 * docs/reply-packs.md). A pack carries the replies' words, not their owner's usage
 * statistics, remembered answers or brand. Reading validates everything before the
 * database is touched; the merge is planned, shown, then written in one transaction.
 */

export const PACK_FORMAT = 'spalla-replies';
/** Readers refuse a pack whose `formatVersion` is newer than this. */
export const PACK_FORMAT_VERSION = 1;
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
export const MAX_PACK_REPLIES = 10_000;

// ------------------------------------------------------------------ format

const time = z.int().min(0).max(8.64e15);

export const packReplySchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
    createdAt: time,
    updatedAt: time,
    title: z.string().trim().min(1).max(MAX_TITLE_LENGTH),
    body: z.string().max(MAX_BODY_LENGTH).refine((body) => body.trim() !== '', { message: 'empty' }),
    shortcut: z.string().max(MAX_SHORTCUT_LENGTH).regex(SHORTCUT_PATTERN).nullable(),
    tags: z.array(z.string().trim().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS),
    networks: z.array(z.enum(NETWORKS)).max(NETWORKS.length),
    language: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,8}$/),
  })
  // A pack's replies must be insertable as they are: no template syntax errors.
  .refine((reply) => parseTemplate(reply.body).errors.length === 0, { path: ['body'], message: 'template' });

export type PackReply = z.infer<typeof packReplySchema>;

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.int().min(1),
  exportedAt: time,
  appVersion: z.string().max(50),
  replies: z.array(z.unknown()).max(MAX_PACK_REPLIES),
});

export interface ReplyPack {
  formatVersion: number;
  exportedAt: number;
  appVersion: string;
  replies: PackReply[];
}

export function toPackReply(reply: SavedReply): PackReply {
  const { id, createdAt, updatedAt, title, body, shortcut, tags, networks, language } = reply;
  return { id, createdAt, updatedAt, title, body, shortcut, tags: [...tags], networks: [...networks], language };
}

/** The pack file of these replies, as JSON a person can read. Refuses (with
 * `export-failed` naming the reply) a reply that a reader would refuse. */
export function makePack(replies: readonly SavedReply[], appVersion: string, now = Date.now()): PackResult<Blob> {
  const rows = replies.map(toPackReply);
  for (const [row, reply] of rows.entries()) {
    const parsed = packReplySchema.safeParse(reply);
    if (!parsed.success) return { ok: false, error: { code: 'export-failed', detail: detailOf(parsed.error.issues[0], row, reply.title) } };
  }
  const pack = { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, exportedAt: now, appVersion, replies: rows };
  return { ok: true, value: new Blob([JSON.stringify(pack, null, 2) + '\n'], { type: 'application/json' }) };
}

/** "spalla-replies-2026-12-01.json", in local time. */
export function packFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `spalla-replies-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

// ------------------------------------------------------------------ errors

export const PACK_ERROR_CODES = [
  'too-large',
  'not-json',
  'wrong-kind',
  'newer-version',
  'invalid-data',
  'empty',
  'unreadable',
  'database-failed',
  'changed',
  'export-failed',
] as const;

export type PackErrorCode = (typeof PACK_ERROR_CODES)[number];

export interface PackErrorDetail {
  /** 0-based index of the reply in the pack. */
  row?: number;
  /** Its title, when it has a readable one. */
  title?: string;
  /** Where in the reply the problem is, e.g. ["shortcut"]. */
  path?: (string | number)[];
  /** A zod issue code, or ours: "duplicate-id", "duplicate-shortcut", "template", "forbidden-key". */
  reason?: string;
  formatVersion?: number;
  cause?: string;
}

export interface PackError {
  code: PackErrorCode;
  detail?: PackErrorDetail;
}

export type PackResult<T> = { ok: true; value: T } | { ok: false; error: PackError };

function detailOf(issue: z.core.$ZodIssue, row: number, title: unknown): PackErrorDetail {
  const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part).slice(0, 100)));
  if (issue.code === 'unrecognized_keys' && issue.keys?.length) path.push(issue.keys[0].slice(0, 100));
  const reason = issue.code === 'custom' ? issue.message : issue.code;
  return typeof title === 'string' && title.trim() !== '' ? { row, title: title.trim().slice(0, 100), path, reason } : { row, path, reason };
}

class PackProblem extends Error {
  constructor(readonly error: PackError) {
    super(error.code);
  }
}

function fail(code: PackErrorCode, detail?: PackErrorDetail): never {
  throw new PackProblem(detail ? { code, detail } : { code });
}

// ------------------------------------------------------------------ reading

/** Reads and validates a whole pack file; never throws, writes nothing. */
export async function readPack(file: Blob): Promise<PackResult<ReplyPack>> {
  try {
    return { ok: true, value: await read(file) };
  } catch (error) {
    if (error instanceof PackProblem) return { ok: false, error: error.error };
    const cause = error instanceof Error ? error.name : typeof error;
    return { ok: false, error: { code: 'unreadable', detail: { cause } } };
  }
}

async function read(file: Blob): Promise<ReplyPack> {
  if (file.size > MAX_PACK_BYTES) fail('too-large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('not-json');
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v) => {
      // No object we build may have its prototype swapped.
      if (key === '__proto__') fail('invalid-data', { reason: 'forbidden-key', path: [key] });
      return v;
    });
  } catch (error) {
    if (error instanceof PackProblem) throw error;
    fail('not-json');
  }
  const format = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;
  if (format !== PACK_FORMAT) fail('wrong-kind');
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > PACK_FORMAT_VERSION) fail('newer-version', { formatVersion: version });

  const envelope = packSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    if (issue.path[0] === 'replies' && issue.code === 'too_big') fail('too-large');
    fail('invalid-data', { path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), reason: issue.code });
  }
  const { formatVersion, exportedAt, appVersion, replies: candidates } = envelope.data;
  if (candidates.length === 0) fail('empty');

  const replies = candidates.map((candidate, row) => {
    const parsed = packReplySchema.safeParse(candidate);
    if (!parsed.success) fail('invalid-data', detailOf(parsed.error.issues[0], row, (candidate as { title?: unknown } | null)?.title));
    return parsed.data;
  });
  const ids = new Set<string>();
  const shortcuts = new Set<string>();
  replies.forEach((reply, row) => {
    if (ids.has(reply.id)) fail('invalid-data', { row, title: reply.title, path: ['id'], reason: 'duplicate-id' });
    ids.add(reply.id);
    if (reply.shortcut === null) return;
    const key = shortcutKey(reply.shortcut);
    if (shortcuts.has(key)) fail('invalid-data', { row, title: reply.title, path: ['shortcut'], reason: 'duplicate-shortcut' });
    shortcuts.add(key);
  });
  return { formatVersion, exportedAt, appVersion, replies };
}

// ------------------------------------------------------------------ merging

/** What to do when a reply of the pack has a shortcut one of ours has: keep ours (the
 * pack's reply is not imported), take theirs (it replaces ours), or keep both (theirs
 * comes without a shortcut). */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

export interface ShortcutConflict {
  /** The pack's reply. */
  incoming: PackReply;
  /** Ours, with the same shortcut (ignoring case). */
  mine: SavedReply;
}

export type PlannedAction = 'add' | 'update' | 'skip';

export interface PackPlan {
  /** One per reply of the pack, in its order: added (new id), updated (same id, the
   * pack's is newer) or skipped (same id, ours is as new or newer). */
  actions: { reply: PackReply; action: PlannedAction }[];
  conflicts: ShortcutConflict[];
}

export interface PackReport {
  added: number;
  updated: number;
  /** Ours was as new or newer, or the user kept theirs out ("keep mine"). */
  skipped: number;
  /** Ours removed because the user took theirs. */
  replaced: number;
  /** Imported without their shortcut ("keep both"). */
  shortcutsCleared: number;
}

async function plan(db: AppDB, pack: ReplyPack): Promise<PackPlan> {
  const current = await db.savedReplies.bulkGet(pack.replies.map((r) => r.id));
  const actions = pack.replies.map((reply, index) => {
    const ours = current[index];
    const action: PlannedAction = !ours ? 'add' : reply.updatedAt > ours.updatedAt ? 'update' : 'skip';
    return { reply, action };
  });
  // Shortcuts as they will be once the pack's updates land, by owner.
  const updatedIds = new Set(actions.filter((a) => a.action === 'update').map((a) => a.reply.id));
  const owners = new Map<string, SavedReply>();
  await db.savedReplies.each((reply) => {
    if (reply.shortcut !== null && !updatedIds.has(reply.id)) owners.set(shortcutKey(reply.shortcut), reply);
  });
  const conflicts: ShortcutConflict[] = [];
  for (const { reply, action } of actions) {
    if (action === 'skip' || reply.shortcut === null) continue;
    const mine = owners.get(shortcutKey(reply.shortcut));
    if (mine && mine.id !== reply.id) conflicts.push({ incoming: reply, mine });
  }
  return { actions, conflicts };
}

/** What `applyPackImport` would do, without writing: the preview. */
export async function planPackImport(db: AppDB, pack: ReplyPack): Promise<PackResult<PackPlan>> {
  try {
    return { ok: true, value: await db.transaction('r', db.savedReplies, () => plan(db, pack)) };
  } catch (error) {
    return { ok: false, error: { code: 'database-failed', detail: { cause: error instanceof Error ? error.name : typeof error } } };
  }
}

/**
 * Merges the pack in one transaction, re-planned inside it. `choices` answers every
 * conflict of the plan, by the pack reply's id; if the database changed so that a
 * conflict has no answer, nothing is written (`changed`: show the preview again).
 */
export async function applyPackImport(
  db: AppDB,
  pack: ReplyPack,
  choices: Readonly<Record<string, ConflictChoice>> = {},
): Promise<PackResult<PackReport>> {
  try {
    const report = await db.transaction('rw', db.savedReplies, async () => {
      const { actions, conflicts } = await plan(db, pack);
      const conflictOf = new Map(conflicts.map((c) => [c.incoming.id, c]));
      if (conflicts.some((c) => !choices[c.incoming.id])) fail('changed');
      const counts: PackReport = { added: 0, updated: 0, skipped: 0, replaced: 0, shortcutsCleared: 0 };
      const current = new Map((await db.savedReplies.bulkGet(pack.replies.map((r) => r.id))).filter(Boolean).map((r) => [r!.id, r!]));
      const writes: SavedReply[] = [];
      const deletes: string[] = [];
      for (const { reply, action } of actions) {
        if (action === 'skip') {
          counts.skipped++;
          continue;
        }
        let row = reply;
        const conflict = conflictOf.get(reply.id);
        if (conflict) {
          const choice = choices[reply.id];
          if (choice === 'mine') {
            counts.skipped++;
            continue;
          }
          if (choice === 'theirs') {
            deletes.push(conflict.mine.id);
            counts.replaced++;
          } else {
            row = { ...reply, shortcut: null };
            counts.shortcutsCleared++;
          }
        }
        const ours = current.get(reply.id);
        // Our statistics, answers and brand stay ours; the words are the pack's.
        writes.push(
          ours
            ? { ...ours, ...row }
            : { ...row, brandId: null, useCount: 0, lastUsedAt: null },
        );
        counts[action === 'add' ? 'added' : 'updated']++;
      }
      await db.savedReplies.bulkDelete(deletes);
      await db.savedReplies.bulkPut(writes);
      return counts;
    });
    return { ok: true, value: report };
  } catch (error) {
    if (error instanceof PackProblem) return { ok: false, error: error.error };
    return { ok: false, error: { code: 'database-failed', detail: { cause: error instanceof Error ? error.name : typeof error } } };
  }
}
