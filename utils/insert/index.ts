import { composerKind } from '../sites/composer-kind';
import { askHelper, ensureHelper } from './main-world';
import { restoreSelection, savedSelection, type SavedSelection } from './selection-memory';

export type InsertResult = { ok: true } | { ok: false; reason: string };
export interface InsertOptions {
  /** Replace this part instead of the remembered selection (e.g. an expanded shortcut):
   * offsets for a textarea/input, a Range for a contenteditable. */
  replaceRange?: { start: number; end: number } | Range;
}

export { rememberSelection } from './selection-memory';

const fail = (reason: string): InsertResult => ({ ok: false, reason });
const squeeze = (s: string) => s.replace(/\s+/g, '');
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Inserts `text` at the composer's caret (as remembered before our sidebar took focus),
 * keeping the text before and after it, then checks that it landed. Never presses Enter. */
export async function insertIntoComposer(el: HTMLElement, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  if (!el.isConnected) return fail('composer-gone');
  if (!text) return fail('empty-text');
  const override: SavedSelection | undefined = options.replaceRange
    ? 'start' in options.replaceRange
      ? { kind: 'offsets', start: options.replaceRange.start, end: options.replaceRange.end }
      : { kind: 'range', range: options.replaceRange }
    : undefined;

  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    restoreSelection(el, override);
    return insertIntoControl(el, el instanceof HTMLInputElement ? text.replace(/\r?\n/g, ' ') : text);
  }

  const kind = composerKind(el);
  if (kind !== 'lexical' && kind !== 'draft' && !el.isContentEditable) return fail('not-editable');
  const needsHelper = kind === 'lexical' || kind === 'draft';
  if (needsHelper && !(await ensureHelper())) return fail('helper-unavailable');

  const before = el.innerText;
  restoreSelection(el, override ?? savedSelection(el));
  const replaced = document.getSelection()?.toString() ?? '';
  // Lexical and Draft read the DOM selection on `selectionchange`, which comes async.
  await frame();
  await sleep(0);

  if (kind === 'lexical') {
    if (askHelper(el, { op: 'lexical-insert', text }) !== 'sent') return fail('lexical-not-reached');
  } else if (kind === 'draft') {
    if (askHelper(el, { op: 'paste', text }) !== 'sent') return fail('draft-not-reached');
  } else if (!document.execCommand('insertText', false, text)) {
    return fail('execcommand-refused');
  }

  const minLength = squeeze(before).length - squeeze(replaced).length + squeeze(text).length;
  const landed = () => {
    const now = squeeze(el.innerText);
    return now.includes(squeeze(text)) && now.length >= minLength;
  };
  const deadline = Date.now() + 1000;
  while (!landed()) {
    if (Date.now() > deadline || !el.isConnected) return fail(el.isConnected ? 'not-in-dom' : 'composer-gone');
    await sleep(25);
  }
  if (kind === 'lexical') {
    // The editor's own state, read by the helper; its answer is only a short code.
    const code = askHelper(el, { op: 'lexical-check', text, minLength });
    if (code !== 'ok') return fail(`lexical-state-${code ?? 'no-answer'}`);
  }
  return { ok: true };
}

async function insertIntoControl(el: HTMLTextAreaElement | HTMLInputElement, text: string): Promise<InsertResult> {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  const expected = el.value.slice(0, start) + text + el.value.slice(end);
  // execCommand keeps the browser's undo; verify, then fall back to the value setter.
  const used = document.execCommand('insertText', false, text);
  if (!used || el.value !== expected) {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (!setter) return fail('no-value-setter');
    setter.call(el, expected);
    el.setSelectionRange(start + text.length, start + text.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // A controlled input may put its old value back on the next render.
  await frame();
  await sleep(0);
  if (!el.isConnected) return fail('composer-gone');
  return el.value === expected ? { ok: true } : fail('value-mismatch');
}
