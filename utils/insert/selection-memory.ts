/** The caret (or selection) of each composer, remembered while the user works in it, so
 * that it can be put back after a click in our sidebar took focus away. */
export type SavedSelection = { kind: 'offsets'; start: number; end: number } | { kind: 'range'; range: Range };

/** One memory per isolated world: the page agent remembers carets from load, and its
 * parts loaded later (the insertion engine, `utils/page-agent/parts.ts`) are bundled
 * separately with their own copy of this module, so the map lives on the world's global,
 * where the page's scripts cannot see it (another world). */
const MEMORY = Symbol.for('spalla.selection-memory');
const world = globalThis as unknown as Record<symbol, WeakMap<HTMLElement, SavedSelection> | undefined>;
const memory = (world[MEMORY] ??= new WeakMap<HTMLElement, SavedSelection>());

function isTextControl(el: HTMLElement): el is HTMLTextAreaElement | HTMLInputElement {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
}

/** Records `el`'s current selection (call only while `el` has focus). */
export function rememberSelection(el: HTMLElement): void {
  if (isTextControl(el)) {
    if (el.selectionStart == null) return;
    memory.set(el, { kind: 'offsets', start: el.selectionStart, end: el.selectionEnd ?? el.selectionStart });
    return;
  }
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return;
  const range = selection.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return;
  memory.set(el, { kind: 'range', range: range.cloneRange() });
}

export function savedSelection(el: HTMLElement): SavedSelection | undefined {
  return memory.get(el);
}

/** Focuses `el` and puts back the remembered selection (or `override`). Without one that
 * is still valid, the caret goes to the end: inserting there never loses text. */
export function restoreSelection(el: HTMLElement, override?: SavedSelection): void {
  const saved = override ?? memory.get(el);
  el.focus({ preventScroll: true });
  if (isTextControl(el)) {
    const length = el.value.length;
    const start = saved?.kind === 'offsets' ? Math.min(saved.start, length) : length;
    const end = saved?.kind === 'offsets' ? Math.min(Math.max(saved.end, start), length) : length;
    el.setSelectionRange(start, end);
    return;
  }
  const selection = document.getSelection();
  if (!selection) return;
  let range: Range;
  if (saved?.kind === 'range' && el.contains(saved.range.startContainer) && el.contains(saved.range.endContainer)) {
    range = saved.range.cloneRange();
  } else {
    range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}
