import { browser, type Browser } from '#imports';
import { getDb } from '../../db/app-db';
import type { SavedReply } from '../../db/saved-replies';
import { stampNew } from '../../db/record';
import { resolveLanguage } from '../../i18n/language';
import { isFromPageAgent, isFromSidebar } from '../../messaging/sender';
import { onMessage, sendMessage } from '../../messaging/protocol';
import { REPLIES_PORT, type RepliesPortMessage, type ShortcutAnswer } from '../../messaging/features/replies';
import { replyLocale, templateContext, type ReplyPageContext } from '../../replies/page-context';
import { deleteReply, duplicateReply, recordReplyUse, restoreReply, saveReply, shortcutKey } from '../../replies/store';
import { fieldsToAsk, renderTemplate } from '../../replies/template';
import { languageItem } from '../../settings/items';
import type { BackgroundContext } from '../context';
import { brandViewOf } from '../brand-in-view';
import { wrongBrand, type BrandContext } from '../../replies/brand';

type Port = Browser.runtime.Port;

/** Signals for a tab's Replies panel that is not connected yet (the sidebar was closed
 * and is loading): delivered when it connects, if still fresh. */
const PENDING_TTL_MS = 15_000;

/** The background's part of saved replies (issue #3): the sidebar's reads and
 * insertions, typed shortcuts resolved for the page agent, the palette command. */
export function startReplies(ctx: BackgroundContext): void {
  const ports = new Map<number, Set<Port>>();
  const pending = new Map<number, { message: RepliesPortMessage; at: number }>();
  const fromSidebar = (sender: Parameters<typeof isFromSidebar>[0]) => isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin);
  const fromAgent = (sender: Parameters<typeof isFromPageAgent>[0]) => isFromPageAgent(sender, browser.runtime.id);

  function signal(tabId: number, message: RepliesPortMessage) {
    const open = ports.get(tabId);
    if (!open || open.size === 0) {
      pending.set(tabId, { message, at: Date.now() });
      return;
    }
    for (const port of open) {
      try {
        port.postMessage(message);
      } catch {
        /* disconnected */
      }
    }
  }

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== REPLIES_PORT) return;
    if (!port.sender || !fromSidebar(port.sender)) {
      port.disconnect();
      return;
    }
    const tabId = port.sender.tab!.id!;
    const set = ports.get(tabId) ?? new Set<Port>();
    set.add(port);
    ports.set(tabId, set);
    port.onDisconnect.addListener(() => set.delete(port));
    const waiting = pending.get(tabId);
    pending.delete(tabId);
    if (waiting && Date.now() - waiting.at < PENDING_TTL_MS) port.postMessage(waiting.message);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    ports.delete(tabId);
    pending.delete(tabId);
  });

  const toAgent = { frameId: 0 };

  onMessage('repliesList', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return getDb().savedReplies.toArray();
  });

  onMessage('repliesPageContext', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return sendMessage('repliesReadContext', undefined, { tabId: sender.tab!.id!, ...toAgent }).catch(() => null);
  });

  onMessage('repliesInsert', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    if (typeof data?.replyId !== 'string' || typeof data.text !== 'string') return { ok: false, reason: 'bad-text' };
    const outcome = await sendMessage(
      'repliesInsertAt',
      { text: data.text, caret: typeof data.caret === 'number' ? data.caret : null },
      { tabId: sender.tab!.id!, ...toAgent },
    ).catch(() => ({ ok: false as const, reason: 'no-agent' }));
    if (outcome.ok) {
      await recordReplyUse(getDb(), data.replyId, cleanAnswers(data.answers)).catch(() => null);
      signal(sender.tab!.id!, { type: 'changed' });
    }
    return outcome;
  });

  onMessage('repliesFocusComposer', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    await sendMessage('repliesRestoreFocus', undefined, { tabId: sender.tab!.id!, ...toAgent }).catch(() => {});
  });

  onMessage('repliesSave', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const result = await saveReply(getDb(), data);
    if (result.ok) signal(sender.tab!.id!, { type: 'changed' });
    return result;
  });

  onMessage('repliesDuplicate', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const copy = await duplicateReply(getDb(), String(data?.id ?? ''));
    if (copy) signal(sender.tab!.id!, { type: 'changed' });
    return copy;
  });

  onMessage('repliesDelete', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const deleted = await deleteReply(getDb(), String(data?.id ?? ''));
    if (deleted) signal(sender.tab!.id!, { type: 'changed' });
    return deleted;
  });

  onMessage('repliesRestore', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const { shortcutCleared } = await restoreReply(getDb(), data);
    signal(sender.tab!.id!, { type: 'changed' });
    return { shortcutCleared };
  });

  onMessage('repliesExpandShortcut', async ({ sender, data }) => {
    if (!fromAgent(sender)) throw new Error('refused');
    const tabId = sender.tab!.id!;
    const answer = await expandShortcut(String(data?.shortcut ?? ''), data?.context ?? null, await brandViewOf(tabId).catch(() => null));
    if (answer.status === 'brand') signal(tabId, { type: 'brand', replyId: answer.replyId });
    if (answer.status === 'form') signal(sender.tab!.id!, { type: 'form', replyId: answer.replyId });
    if (answer.status === 'blocked') signal(sender.tab!.id!, { type: 'blocked', replyId: answer.replyId, missing: answer.missing });
    return answer;
  });

  onMessage('repliesShortcutUsed', async ({ sender, data }) => {
    if (!fromAgent(sender)) throw new Error('refused');
    if (typeof data?.replyId === 'string') await recordReplyUse(getDb(), data.replyId).catch(() => null);
    signal(sender.tab!.id!, { type: 'changed' });
  });

  onMessage('repliesOpenPalette', ({ sender }) => {
    if (!fromAgent(sender)) throw new Error('refused');
    signal(sender.tab!.id!, { type: 'palette' });
  });

  /** The palette command: open the tab's sidebar, focus it, show the search. */
  async function openPalette(tabId: number) {
    await sendMessage('repliesShowSidebar', undefined, { tabId, ...toAgent }).catch(() => {});
    signal(tabId, { type: 'palette' });
  }

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'reply-palette') return;
    void (async () => {
      const target = tab?.id != null ? tab : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
      if (target?.id != null) await openPalette(target.id);
    })();
  });

  // End-to-end hooks (page scripts cannot reach the service worker's global).
  ctx.expose('repliesOpenPalette', (tabId: number) => openPalette(tabId));
  ctx.expose('repliesSeed', (replies: Partial<SavedReply>[]) => seed(replies));
  ctx.expose('repliesAll', () => getDb().savedReplies.toArray());
}

function cleanAnswers(answers: unknown): Record<string, string> | undefined {
  if (!answers || typeof answers !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [label, value] of Object.entries(answers as Record<string, unknown>)) {
    if (typeof value === 'string') out[label] = value;
  }
  return out;
}

async function currentLocale(): Promise<string> {
  const language = resolveLanguage(await languageItem.getValue(), navigator.language);
  return replyLocale(language, navigator.language);
}

/** A typed shortcut to the rendered reply, or why not. Replies with fill-in fields, or
 * with a variable that has neither value nor fallback, go to the sidebar's form. A reply
 * of another brand than the one the tab works for (`brand`) is not expanded in place: the
 * sidebar asks first, as for a click on it (shortcuts are unique across brands, so the
 * typed word names that one reply; docs/brands.md). */
export async function expandShortcut(shortcut: string, page: ReplyPageContext | null, brand: BrandContext | null = null): Promise<ShortcutAnswer> {
  if (!shortcut || shortcut.length > 50) return { status: 'unknown' };
  const key = shortcutKey(shortcut);
  const reply = (await getDb().savedReplies.toArray()).find((r) => r.shortcut !== null && shortcutKey(r.shortcut) === key);
  if (!reply) return { status: 'unknown' };
  if (wrongBrand(reply, brand) !== null) return { status: 'brand', replyId: reply.id };
  const context = templateContext(page, { locale: await currentLocale() });
  // Fill-in fields, or a variable the page does not show and no fallback covers: asked
  // in the sidebar's form, never inserted with a hole.
  if (fieldsToAsk(reply.body, context).length > 0) return { status: 'form', replyId: reply.id };
  const rendered = renderTemplate(reply.body, context);
  if (rendered.errors.length > 0) {
    return { status: 'blocked', replyId: reply.id, missing: [...new Set(rendered.errors.map((e) => e.name ?? e.code))] };
  }
  return { status: 'text', text: rendered.text, caret: rendered.caret, replyId: reply.id };
}

/** Test seeding: replaces every reply with these (defaults filled in). */
async function seed(replies: Partial<SavedReply>[]): Promise<SavedReply[]> {
  const db = getDb();
  const rows = replies.map((r) =>
    stampNew({
      title: 'Reply',
      body: '',
      shortcut: null,
      tags: [],
      networks: [],
      language: 'it',
      brandId: null,
      useCount: 0,
      lastUsedAt: null,
      ...r,
    } as Omit<SavedReply, 'id' | 'createdAt' | 'updatedAt'>),
  );
  await db.transaction('rw', db.savedReplies, async () => {
    await db.savedReplies.clear();
    await db.savedReplies.bulkPut(rows.map((row, i) => ({ ...row, ...(replies[i].id ? { id: replies[i].id } : {}) }) as SavedReply));
  });
  return rows;
}
