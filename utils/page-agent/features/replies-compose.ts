import { insertIntoComposer } from '../../insert';
import { rememberSelection, restoreSelection } from '../../insert/selection-memory';
import { readReplyContext } from '../../sites/reply-context';
import type { PageFeatureContext } from '../feature';
import type { TypedShortcut } from './replies';

/** Part `composer`: what the page shows for a reply's variables. */
export function replyContext(ctx: PageFeatureContext) {
  return readReplyContext(ctx.site, ctx.watcher.current().surface, ctx.watcher.lastComposer(), document);
}

/** Part `composer`: a typed shortcut (noticed by `replies.ts`) resolved by the background
 * and put in its place. 'show-sidebar' when the reply needs the sidebar (a form to fill,
 * a value missing, another brand's reply to confirm): the shortcut is then selected, so that the reply the sidebar inserts
 * replaces just it. */
export async function expandShortcut(
  ctx: PageFeatureContext,
  composer: HTMLElement,
  typed: TypedShortcut,
  withSpace: boolean,
): Promise<'done' | 'show-sidebar'> {
  const answer = await ctx.send('repliesExpandShortcut', { shortcut: typed.shortcut, context: replyContext(ctx) }).catch(() => null);
  if (!answer || answer.status === 'unknown' || !ctx.life.isValid || !composer.isConnected) return 'done';
  // The shortcut must still be there as typed (the user may have gone on typing).
  const range = stillTyped(composer, typed, withSpace);
  if (!range) return 'done';
  if (answer.status === 'text') {
    const result = await insertIntoComposer(composer, answer.text, { replaceRange: range, caret: answer.caret });
    if (result.ok) ctx.send('repliesShortcutUsed', { replyId: answer.replyId }).catch(() => {});
    return 'done';
  }
  restoreSelection(composer, 'start' in range ? { kind: 'offsets', ...range } : { kind: 'range', range });
  rememberSelection(composer);
  return 'show-sidebar';
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

