import { onMessage, sendMessage } from '../../messaging/protocol';
import type { ReplyInsertOutcome } from '../../messaging/features/replies';
import { insertIntoComposer } from '../../insert';
import { rememberSelection, restoreSelection } from '../../insert/selection-memory';
import { effectivePrefix, shortcutBeforeCaret } from '../../replies/shortcut';
import { replyShortcutKeyItem, replyShortcutPrefixItem, type ReplyShortcutKey } from '../../settings/items';
import { findComposer } from '../../sites/composer-kind';
import { readReplyContext } from '../../sites/reply-context';
import type { PageFeature } from '../feature';

/** The page agent's part of saved replies (issue #3): it reads what the page shows for
 * a reply's variables, inserts what the sidebar rendered, expands typed shortcuts and
 * opens the palette. It holds no stored reply: a typed shortcut is resolved by the
 * background, which answers with the rendered text only. */
export const repliesFeature: PageFeature = {
  id: 'replies',
  init(ctx) {
    const settings = { prefix: ';', key: 'Tab' as ReplyShortcutKey };
    void Promise.all([replyShortcutPrefixItem.getValue(), replyShortcutKeyItem.getValue()]).then(([prefix, key]) => {
      settings.prefix = effectivePrefix(prefix);
      settings.key = key;
    });
    const unwatch = [
      replyShortcutPrefixItem.watch((value) => (settings.prefix = effectivePrefix(value))),
      replyShortcutKeyItem.watch((value) => (settings.key = value)),
    ];
    ctx.life.onEnd(() => unwatch.forEach((stop) => stop()));

    const context = () => readReplyContext(ctx.site, ctx.watcher.current().surface, ctx.watcher.lastComposer(), document);

    const removers = [
      onMessage('repliesReadContext', ({ sender }) => {
        if (!ctx.fromUs(sender)) throw new Error('refused');
        return context();
      }),
      onMessage('repliesInsertAt', async ({ sender, data }): Promise<ReplyInsertOutcome> => {
        if (!ctx.fromUs(sender)) throw new Error('refused');
        const text = data?.text;
        if (typeof text !== 'string' || text.length === 0 || text.length > 20_000) return { ok: false, reason: 'bad-text' };
        const caret = typeof data.caret === 'number' && data.caret >= 0 && data.caret <= text.length ? data.caret : null;
        const composer = ctx.watcher.lastComposer();
        if (!composer) return { ok: false, reason: 'no-composer' };
        try {
          return await insertIntoComposer(composer, text, { caret });
        } catch {
          return { ok: false, reason: 'error' };
        }
      }),
      onMessage('repliesRestoreFocus', ({ sender }) => {
        if (!ctx.fromUs(sender)) throw new Error('refused');
        const composer = ctx.watcher.lastComposer();
        if (composer) restoreSelection(composer);
      }),
      onMessage('repliesShowSidebar', ({ sender }) => {
        if (!ctx.fromUs(sender) || !ctx.enabled()) return;
        ctx.setSidebarOpen(true);
        ctx.focusSidebar();
      }),
    ];
    ctx.life.onEnd(() => removers.forEach((remove) => remove()));

    ctx.life.listen(document, 'keydown', (event) => onKeyDown(event as KeyboardEvent), { capture: true });

    function onKeyDown(event: KeyboardEvent) {
      if (!event.isTrusted || !ctx.enabled() || event.isComposing) return;
      const target = event.composedPath()[0];
      const composer = target instanceof Element ? findComposer(target) : null;
      if (!composer) return;
      // The palette's key, for when the browser's command is not set or not reached.
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyR') {
        event.preventDefault();
        event.stopPropagation();
        rememberSelection(composer);
        openSidebar();
        sendMessage('repliesOpenPalette').catch(() => {});
        return;
      }
      const wanted = settings.key === 'Tab' ? event.key === 'Tab' : event.key === ' ';
      if (!wanted || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const typed = typedShortcut(composer, settings.prefix);
      if (!typed) return;
      if (settings.key === 'Tab') {
        // Decided before the answer comes: Tab must not move focus meanwhile (after
        // ";word" an unknown shortcut simply keeps Tab from leaving the box).
        event.preventDefault();
        event.stopPropagation();
      }
      // Space types as usual; a known shortcut then takes the space with it. So an
      // unknown ";word " costs nothing, and fast typing is never held up.
      void expand(composer, typed, settings.key === 'Space');
    }

    function openSidebar() {
      ctx.setSidebarOpen(true);
      ctx.focusSidebar();
    }

    async function expand(composer: HTMLElement, typed: TypedShortcut, withSpace: boolean) {
      const answer = await sendMessage('repliesExpandShortcut', { shortcut: typed.shortcut, context: context() }).catch(() => null);
      if (!answer || answer.status === 'unknown' || !ctx.life.isValid || !composer.isConnected) return;
      // The shortcut must still be there as typed (the user may have gone on typing).
      const range = stillTyped(composer, typed, withSpace);
      if (!range) return;
      if (answer.status === 'text') {
        const result = await insertIntoComposer(composer, answer.text, { replaceRange: range, caret: answer.caret });
        if (result.ok) sendMessage('repliesShortcutUsed', { replyId: answer.replyId }).catch(() => {});
        return;
      }
      // A form to fill, a value missing, or another brand's reply to confirm: select the
      // shortcut, so that the reply the sidebar inserts replaces just it, and show the sidebar.
      restoreSelection(composer, 'start' in range ? { kind: 'offsets', ...range } : { kind: 'range', range });
      rememberSelection(composer);
      openSidebar();
    }
  },
};

interface TypedShortcut {
  shortcut: string;
  /** Prefix + shortcut, as typed. */
  typed: string;
  /** Where they are. */
  range: { start: number; end: number } | Range;
}

/** The typed shortcut's place if it is still there, plus the space typed after it
 * when Space expands. */
function stillTyped(composer: HTMLElement, typed: TypedShortcut, withSpace: boolean): TypedShortcut['range'] | null {
  const extra = withSpace ? 1 : 0;
  if ('start' in typed.range) {
    if (!(composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement)) return null;
    const { start, end } = typed.range;
    const now = composer.value.slice(start, end + extra);
    if (now.slice(0, typed.typed.length) !== typed.typed) return null;
    if (withSpace && !/^\s$/u.test(now.slice(typed.typed.length))) return null;
    return { start, end: end + extra };
  }
  const range = typed.range.cloneRange();
  const node = range.startContainer;
  if (!(node instanceof Text) || !node.isConnected || !composer.contains(node)) return atCaret(composer, typed.typed + (withSpace ? ' ' : ''));
  const start = range.startOffset;
  if (node.data.slice(start, start + typed.typed.length) !== typed.typed) return null;
  if (withSpace && !/^\s$/u.test(node.data.slice(start + typed.typed.length, start + typed.typed.length + 1))) return null;
  range.setEnd(node, start + typed.typed.length + extra);
  return range;
}

/** `text` right before the collapsed caret (an editor that re-rendered its text nodes
 * meanwhile, as Draft.js does, left the first range behind). */
function atCaret(composer: HTMLElement, text: string): Range | null {
  const selection = document.getSelection();
  const node = selection?.anchorNode;
  if (!selection?.isCollapsed || !(node instanceof Text) || !composer.contains(node)) return null;
  const offset = selection.anchorOffset;
  const before = node.data.slice(0, offset).replace(/\u00a0/g, ' ');
  if (!before.endsWith(text)) return null;
  const range = document.createRange();
  range.setStart(node, offset - text.length);
  range.setEnd(node, offset);
  return range;
}

/** The prefix + shortcut right before a collapsed caret in `composer`, if any. */
function typedShortcut(composer: HTMLElement, prefix: string): TypedShortcut | null {
  if (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) {
    const caret = composer.selectionStart;
    if (caret == null || caret !== composer.selectionEnd) return null;
    const found = shortcutBeforeCaret(composer.value.slice(0, caret), prefix);
    if (!found) return null;
    const typed = composer.value.slice(caret - found.length, caret);
    return { shortcut: found.shortcut, typed, range: { start: caret - found.length, end: caret } };
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const node = selection.anchorNode;
  const offset = selection.anchorOffset;
  if (!(node instanceof Text) || !composer.contains(node)) return null;
  const found = shortcutBeforeCaret(node.data.slice(0, offset), prefix);
  if (!found) return null;
  const range = document.createRange();
  range.setStart(node, offset - found.length);
  range.setEnd(node, offset);
  return { shortcut: found.shortcut, typed: node.data.slice(offset - found.length, offset), range };
}
