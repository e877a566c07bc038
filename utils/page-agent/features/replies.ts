import { onMessage, sendMessage } from '../../messaging/protocol';
import type { ReplyInsertOutcome } from '../../messaging/features/replies';
import { rememberSelection, restoreSelection } from '../../insert/selection-memory';
import { effectivePrefix, shortcutBeforeCaret } from '../../replies/shortcut';
import type { ReplyShortcutKey } from '../../settings/items';
import { replyShortcutKeySetting, replyShortcutPrefixSetting } from '../../settings/page-settings';
import { findComposer } from '../../sites/composer-kind';
import type { PageFeature } from '../feature';

/** The page agent's part of saved replies (issue #3): it reads what the page shows for
 * a reply's variables, inserts what the sidebar rendered, expands typed shortcuts and
 * opens the palette. It holds no stored reply: a typed shortcut is resolved by the
 * background, which answers with the rendered text only.
 *
 * On page load only the keys are watched here (issue #16): a typed shortcut is noticed
 * (and Tab held back) at once; reading the page for a reply's variables and inserting
 * are the `composer` part (`replies-compose.ts`), loaded when first needed. */
export const repliesFeature: PageFeature = {
  id: 'replies',
  init(ctx) {
    const settings = { prefix: ';', key: 'Tab' as ReplyShortcutKey };
    void Promise.all([replyShortcutPrefixSetting.getValue(), replyShortcutKeySetting.getValue()]).then(([prefix, key]) => {
      settings.prefix = effectivePrefix(prefix);
      settings.key = key;
    });
    const unwatch = [
      replyShortcutPrefixSetting.watch((value) => (settings.prefix = effectivePrefix(value))),
      replyShortcutKeySetting.watch((value) => (settings.key = value)),
    ];
    ctx.life.onEnd(() => unwatch.forEach((stop) => stop()));

    const removers = [
      onMessage('repliesReadContext', async ({ sender }) => {
        if (!ctx.fromUs(sender)) throw new Error('refused');
        return (await ctx.load('composer')).replyContext(ctx);
      }),
      onMessage('repliesInsertAt', async ({ sender, data }): Promise<ReplyInsertOutcome> => {
        if (!ctx.fromUs(sender)) throw new Error('refused');
        const text = data?.text;
        if (typeof text !== 'string' || text.length === 0 || text.length > 20_000) return { ok: false, reason: 'bad-text' };
        const caret = typeof data.caret === 'number' && data.caret >= 0 && data.caret <= text.length ? data.caret : null;
        const composer = ctx.watcher.lastComposer();
        if (!composer) return { ok: false, reason: 'no-composer' };
        try {
          return await (await ctx.load('composer')).insert(composer, text, { caret });
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
        openSidebar();
      }),
    ];
    ctx.life.onEnd(() => removers.forEach((remove) => remove()));

    ctx.life.listen(document, 'keydown', (event) => onKeyDown(event as KeyboardEvent), { capture: true });

    function onKeyDown(event: KeyboardEvent) {
      // Every key typed anywhere comes here: only the palette's key and the expansion key
      // go further, so the rest of this runs a few times, not on every key (issue #16).
      if (!isPaletteKey(event) && event.key !== 'Tab' && event.key !== ' ') return;
      if (!event.isTrusted || !ctx.enabled() || event.isComposing) return;
      const target = event.composedPath()[0];
      const composer = target instanceof Element ? findComposer(target) : null;
      if (!composer) return;
      // The palette's key, for when the browser's command is not set or not reached.
      if (isPaletteKey(event)) {
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
      const withSpace = settings.key === 'Space';
      void ctx
        .load('composer')
        .then((part) => part.expandShortcut(ctx, composer, typed, withSpace))
        .then((outcome) => outcome === 'show-sidebar' && ctx.life.isValid && openSidebar())
        .catch(() => {});
    }

    function openSidebar() {
      ctx.setSidebarOpen(true);
      ctx.focusSidebar();
    }
  },
};

/** The palette's key, Alt+Shift+R. */
function isPaletteKey(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyR';
}

/** The prefix + shortcut right before a collapsed caret in `composer`, if any. */
export function typedShortcut(composer: HTMLElement, prefix: string): TypedShortcut | null {
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

export interface TypedShortcut {
  shortcut: string;
  /** Prefix + shortcut, as typed. */
  typed: string;
  /** Where they are. */
  range: { start: number; end: number } | Range;
}
