import type { AppDB } from '../db/app-db';
import { NETWORKS, stampNew, type BrandRef, type Network } from '../db/record';
import type { SavedReply } from '../db/saved-replies';
import { listFields, parseTemplate, type TemplateError } from './template';

/**
 * Saved replies in the database: plain functions over an `AppDB`, usable in the
 * background and in top-level extension pages (never in a content script).
 *
 * Stable names (the sidebar builds on them): ReplyDraft, ReplyProblem, SaveReplyResult,
 * SHORTCUT_PATTERN, emptyDraft, draftOf, normalizeDraft, validateDraft, saveReply,
 * duplicateReply, deleteReply, restoreReply, recordReplyUse, sortReplies, filterReplies,
 * ReplySort, ReplyFilter.
 */

// ------------------------------------------------------------------ drafts

/** What the editor edits: a reply without its stamps and statistics. */
export interface ReplyDraft {
  /** Present when editing an existing reply. */
  id?: string;
  title: string;
  body: string;
  /** Without the prefix; '' or null = none. */
  shortcut: string | null;
  tags: string[];
  /** Empty = any network. */
  networks: Network[];
  /** BCP 47, e.g. "it" or "en". */
  language: string;
  brandId?: BrandRef;
}

export const MAX_TITLE_LENGTH = 300;
export const MAX_BODY_LENGTH = 20_000;
export const MAX_SHORTCUT_LENGTH = 50;
export const MAX_TAG_LENGTH = 200;
export const MAX_TAGS = 50;

/** A shortcut is one word: letters (any script, accents too), digits, `_` and `-`.
 * The typed-shortcut expander reads words with the same rule. */
export const SHORTCUT_PATTERN = /^[\p{L}\p{N}_-]+$/u;
const LANGUAGE_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,8}$/;

export type ReplyField = 'title' | 'body' | 'shortcut' | 'tags' | 'language';

export type ReplyProblemCode =
  | 'required'
  | 'too-long'
  | 'invalid'
  /** The shortcut is another reply's (compared ignoring case). */
  | 'taken'
  /** The body has template errors (see `templateErrors`). */
  | 'template'
  | 'not-found';

export interface ReplyProblem {
  field: ReplyField | 'id';
  code: ReplyProblemCode;
  /** For `taken`: the title of the reply that has the shortcut. */
  other?: string;
  /** For `template`: the body's syntax errors, with positions. */
  templateErrors?: TemplateError[];
}

export function emptyDraft(language: string): ReplyDraft {
  return { title: '', body: '', shortcut: null, tags: [], networks: [], language, brandId: null };
}

export function draftOf(reply: SavedReply): ReplyDraft {
  const { id, title, body, shortcut, tags, networks, language, brandId } = reply;
  return { id, title, body, shortcut, tags: [...tags], networks: [...networks], language, brandId };
}

/** Tags as people type them: trimmed, without a leading "#", no empties, no repeats
 * (ignoring case; the first spelling stays). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** "a, b; c" → ["a", "b", "c"] (comma or semicolon separated, as typed in one box). */
export function parseTagList(text: string): string[] {
  return normalizeTags(text.split(/[,;]/));
}

/** Trims what people add by accident; never changes the body's content. */
export function normalizeDraft(draft: ReplyDraft): ReplyDraft {
  const shortcut = (draft.shortcut ?? '').trim();
  const networks = NETWORKS.filter((n) => draft.networks.includes(n));
  return {
    ...draft,
    title: draft.title.trim(),
    shortcut: shortcut === '' ? null : shortcut,
    tags: normalizeTags(draft.tags),
    networks: networks.length === NETWORKS.length ? [] : networks,
    language: draft.language.trim(),
    brandId: draft.brandId ?? null,
  };
}

/** Problems that need no database: empty title or body, lengths, the shortcut's
 * characters, template syntax errors. Expects a normalized draft. */
export function validateDraft(draft: ReplyDraft): ReplyProblem[] {
  const problems: ReplyProblem[] = [];
  if (draft.title === '') problems.push({ field: 'title', code: 'required' });
  else if (draft.title.length > MAX_TITLE_LENGTH) problems.push({ field: 'title', code: 'too-long' });
  if (draft.body.trim() === '') problems.push({ field: 'body', code: 'required' });
  else if (draft.body.length > MAX_BODY_LENGTH) problems.push({ field: 'body', code: 'too-long' });
  else {
    const templateErrors = parseTemplate(draft.body).errors;
    if (templateErrors.length > 0) problems.push({ field: 'body', code: 'template', templateErrors });
  }
  if (draft.shortcut !== null) {
    if (draft.shortcut.length > MAX_SHORTCUT_LENGTH) problems.push({ field: 'shortcut', code: 'too-long' });
    else if (!SHORTCUT_PATTERN.test(draft.shortcut)) problems.push({ field: 'shortcut', code: 'invalid' });
  }
  if (draft.tags.length > MAX_TAGS || draft.tags.some((tag) => tag.length > MAX_TAG_LENGTH)) {
    problems.push({ field: 'tags', code: 'too-long' });
  }
  if (!LANGUAGE_PATTERN.test(draft.language)) problems.push({ field: 'language', code: 'invalid' });
  return problems;
}

/** Shortcuts are unique ignoring case: `Ciao` and `ciao` would expand the same. */
export function shortcutKey(shortcut: string): string {
  return shortcut.toLocaleLowerCase('und');
}

/** The reply (other than `exceptId`) that already has this shortcut. */
export async function findShortcutOwner(db: AppDB, shortcut: string, exceptId?: string): Promise<SavedReply | undefined> {
  const key = shortcutKey(shortcut);
  return db.savedReplies
    .filter((reply) => reply.id !== exceptId && reply.shortcut !== null && shortcutKey(reply.shortcut) === key)
    .first();
}

// ------------------------------------------------------------------ writes

export type SaveReplyResult = { ok: true; reply: SavedReply } | { ok: false; problems: ReplyProblem[] };

/** A time later than `previous`, so that an edit always wins a "newer wins" merge even
 * when the clock is coarse or went back. */
function laterThan(previous: number, now: number): number {
  return Math.max(now, previous + 1);
}

/**
 * Creates (no `draft.id`) or updates a reply, after validating it. The shortcut check
 * and the write share one transaction, so two saves cannot take the same shortcut.
 * Statistics and remembered answers are kept on update. Never throws for bad input.
 */
export async function saveReply(db: AppDB, input: ReplyDraft, now = Date.now()): Promise<SaveReplyResult> {
  const draft = normalizeDraft(input);
  const problems = validateDraft(draft);
  if (problems.length > 0) return { ok: false, problems };
  return db.transaction('rw', db.savedReplies, async (): Promise<SaveReplyResult> => {
    const existing = draft.id ? await db.savedReplies.get(draft.id) : undefined;
    if (draft.id && !existing) return { ok: false, problems: [{ field: 'id', code: 'not-found' }] };
    if (draft.shortcut !== null) {
      const owner = await findShortcutOwner(db, draft.shortcut, draft.id);
      if (owner) return { ok: false, problems: [{ field: 'shortcut', code: 'taken', other: owner.title }] };
    }
    const fields = {
      title: draft.title,
      body: draft.body,
      shortcut: draft.shortcut,
      tags: draft.tags,
      networks: draft.networks,
      language: draft.language,
      brandId: draft.brandId ?? null,
    };
    const reply: SavedReply = existing
      ? { ...existing, ...fields, updatedAt: laterThan(existing.updatedAt, now) }
      : stampNew({ ...fields, useCount: 0, lastUsedAt: null }, now);
    await db.savedReplies.put(reply);
    return { ok: true, reply };
  });
}

/** A copy with a new id, `title` (e.g. "Orari (copia)"), no shortcut (it must stay
 * unique) and fresh statistics. Null when the original is gone. */
export async function duplicateReply(db: AppDB, id: string, title?: string, now = Date.now()): Promise<SavedReply | null> {
  const original = await db.savedReplies.get(id);
  if (!original) return null;
  const { id: _id, createdAt: _c, updatedAt: _u, lastAnswers: _a, ...fields } = original;
  const copy: SavedReply = stampNew(
    { ...fields, title: (title ?? `${original.title} (2)`).slice(0, MAX_TITLE_LENGTH), shortcut: null, useCount: 0, lastUsedAt: null },
    now,
  );
  await db.savedReplies.add(copy);
  return copy;
}

/** Deletes a reply and returns it whole, which is all `restoreReply` needs to undo. */
export async function deleteReply(db: AppDB, id: string): Promise<SavedReply | null> {
  return db.transaction('rw', db.savedReplies, async () => {
    const reply = await db.savedReplies.get(id);
    if (!reply) return null;
    await db.savedReplies.delete(id);
    return reply;
  });
}

/** Deletes several replies; returns them for an undo of the lot. */
export async function deleteReplies(db: AppDB, ids: readonly string[]): Promise<SavedReply[]> {
  return db.transaction('rw', db.savedReplies, async () => {
    const found = (await db.savedReplies.bulkGet([...ids])).filter((r): r is SavedReply => r !== undefined);
    await db.savedReplies.bulkDelete(found.map((r) => r.id));
    return found;
  });
}

/**
 * Undoes `deleteReply`: puts the reply back exactly as it was (same id, statistics,
 * stamps). If another reply took its shortcut in the meantime, it comes back without
 * one (`shortcutCleared`), so that shortcuts stay unique.
 */
export async function restoreReply(db: AppDB, reply: SavedReply): Promise<{ reply: SavedReply; shortcutCleared: boolean }> {
  return db.transaction('rw', db.savedReplies, async () => {
    const owner = reply.shortcut === null ? undefined : await findShortcutOwner(db, reply.shortcut, reply.id);
    const restored = owner ? { ...reply, shortcut: null } : reply;
    await db.savedReplies.put(restored);
    return { reply: restored, shortcutCleared: owner !== undefined };
  });
}

export async function restoreReplies(db: AppDB, replies: readonly SavedReply[]): Promise<void> {
  for (const reply of replies) await restoreReply(db, reply);
}

/**
 * Notes that a reply was inserted: one more use, used now, and the fill-in answers
 * given (remembered per reply, offered next time; only the labels the body still has
 * are kept). Using a reply is not editing it: `updatedAt` stays, so a use never makes
 * a reply "newer" in a merge. Returns the updated reply, null when it is gone.
 */
export async function recordReplyUse(
  db: AppDB,
  id: string,
  answers?: Record<string, string>,
  now = Date.now(),
): Promise<SavedReply | null> {
  return db.transaction('rw', db.savedReplies, async () => {
    const reply = await db.savedReplies.get(id);
    if (!reply) return null;
    const updated: SavedReply = { ...reply, useCount: reply.useCount + 1, lastUsedAt: now };
    if (answers) {
      const labels = new Set(listFields(reply.body).map((field) => field.label));
      const merged = { ...(reply.lastAnswers ?? {}), ...answers };
      const kept = Object.entries(merged).filter(([label, value]) => labels.has(label) && typeof value === 'string');
      updated.lastAnswers = Object.fromEntries(kept.map(([label, value]) => [label, value.slice(0, MAX_ANSWER_LENGTH)]));
    }
    await db.savedReplies.put(updated);
    return updated;
  });
}

export const MAX_ANSWER_LENGTH = 2000;

// ------------------------------------------------------------------ lists

export type ReplySort = 'most-used' | 'recent' | 'title';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byTitle = (a: SavedReply, b: SavedReply) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A sorted copy: most used first (ties: last used, then title); recently used first
 * (never used last, by last edit); or by title (ignoring case and accents, "2" < "10"). */
export function sortReplies(list: readonly SavedReply[], sort: ReplySort): SavedReply[] {
  const copy = [...list];
  if (sort === 'title') return copy.sort(byTitle);
  if (sort === 'most-used') {
    return copy.sort((a, b) => b.useCount - a.useCount || (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || byTitle(a, b));
  }
  return copy.sort((a, b) => (b.lastUsedAt ?? -1) - (a.lastUsedAt ?? -1) || b.updatedAt - a.updatedAt || byTitle(a, b));
}

export interface ReplyFilter {
  /** Replies meant for this network, or for any. */
  network?: Network | null;
  /** Primary language ("it" matches "it-IT"). */
  language?: string | null;
  /** Has this tag (ignoring case). */
  tag?: string | null;
  /** Words found in the title, shortcut, body or tags, ignoring case and accents. */
  query?: string | null;
}

/** Lower case, accents removed: "Caffè" and "caffe" match. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded text a search looks in, kept per record: a live query hands out new
 * objects only for rows that changed, so each keystroke folds nothing again. */
const searchTexts = new WeakMap<SavedReply, string>();

function searchText(reply: SavedReply): string {
  let text = searchTexts.get(reply);
  if (text === undefined) {
    text = foldText([reply.title, reply.shortcut ?? '', reply.body, ...reply.tags].join('\n'));
    searchTexts.set(reply, text);
  }
  return text;
}

export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0];
}

export function filterReplies(list: readonly SavedReply[], filter: ReplyFilter): SavedReply[] {
  const language = filter.language ? primaryLanguage(filter.language) : null;
  const tag = filter.tag ? filter.tag.toLowerCase() : null;
  const words = foldText(filter.query ?? '').split(/\s+/).filter(Boolean);
  return list.filter((reply) => {
    if (filter.network && reply.networks.length > 0 && !reply.networks.includes(filter.network)) return false;
    if (language && primaryLanguage(reply.language) !== language) return false;
    if (tag && !reply.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (words.length > 0) {
      const haystack = searchText(reply);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  });
}

/** Every tag in use, sorted, each once (first spelling wins). */
export function allTags(list: readonly SavedReply[]): string[] {
  return normalizeTags(list.flatMap((reply) => reply.tags)).sort(collator.compare);
}

/** Every primary language in use, sorted. */
export function allLanguages(list: readonly SavedReply[]): string[] {
  return [...new Set(list.map((reply) => primaryLanguage(reply.language)))].sort();
}
