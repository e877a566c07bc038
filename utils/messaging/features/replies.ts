import type { SavedReply } from '../../db/saved-replies';
import type { ReplyPageContext } from '../../replies/page-context';
import type { ReplyDraft, SaveReplyResult } from '../../replies/store';

/** How an insertion ended, as the sidebar shows it. */
export type ReplyInsertOutcome = { ok: true } | { ok: false; reason: string };

/** What the page agent gets back for a typed shortcut: the rendered text, or why not. */
export type ShortcutAnswer =
  | { status: 'text'; text: string; caret: number | null; replyId: string }
  /** No reply has this shortcut: the key does what it always does. */
  | { status: 'unknown' }
  /** The reply asks fill-in fields: the sidebar shows its form. */
  | { status: 'form'; replyId: string }
  /** A variable has no value and no fallback (names listed): nothing is inserted. */
  | { status: 'blocked'; replyId: string; missing: string[] }
  /** The reply is another brand's than the one the tab works for: the sidebar asks first. */
  | { status: 'brand'; replyId: string };

/** Live signals from the background to one tab's Replies panel (port `spalla-replies`). */
export type RepliesPortMessage =
  | { type: 'palette' }
  | { type: 'form'; replyId: string }
  | { type: 'blocked'; replyId: string; missing: string[] }
  /** A typed shortcut of another brand's reply: ask before inserting it (issue #13). */
  | { type: 'brand'; replyId: string }
  | { type: 'changed' };

export const REPLIES_PORT = 'spalla-replies';

/** Messages of the saved replies feature (issue #3). */
export interface RepliesProtocol {
  // sidebar -> background
  /** Every saved reply (the sidebar may not open the database itself). */
  repliesList(): SavedReply[];
  /** What the page shows about the person answered and the identity used. */
  repliesPageContext(): ReplyPageContext | null;
  /** Inserts a reply rendered by the sidebar into the tab's last composer; on success the
   * use is counted and the fill-in answers are remembered. */
  repliesInsert(data: { replyId: string; text: string; caret: number | null; answers?: Record<string, string> }): ReplyInsertOutcome;
  /** Creates or updates a reply (checked by the store). */
  repliesSave(data: ReplyDraft): SaveReplyResult;
  /** Copies a reply (new id, no shortcut, fresh statistics); null when it is gone. */
  repliesDuplicate(data: { id: string }): SavedReply | null;
  /** Deletes a reply and answers the record, so that Undo can put it back. */
  repliesDelete(data: { id: string }): SavedReply | null;
  /** Undo of a delete: puts the record back (without its shortcut if another reply took it meanwhile). */
  repliesRestore(data: SavedReply): { shortcutCleared: boolean };
  /** Puts focus and caret back into the composer (palette left with Escape). */
  repliesFocusComposer(): void;

  // page agent -> background
  /** A typed shortcut (without its prefix), with what the page shows for the variables. */
  repliesExpandShortcut(data: { shortcut: string; context: ReplyPageContext }): ShortcutAnswer;
  /** The palette key was pressed in the page (fallback of the browser command). */
  repliesOpenPalette(): void;
  /** An expanded shortcut landed: count its use. */
  repliesShortcutUsed(data: { replyId: string }): void;

  // background -> page agent (main frame of one tab)
  repliesReadContext(): ReplyPageContext;
  repliesInsertAt(data: { text: string; caret: number | null }): ReplyInsertOutcome;
  repliesRestoreFocus(): void;
  /** Opens the sidebar and moves focus into it (the palette command). */
  repliesShowSidebar(): void;
}
