import { composerKind } from '../sites/composer-kind';
import { askHelper, ensureHelper } from './main-world';
import { restoreSelection, savedSelection, type SavedSelection } from './selection-memory';

export type InsertResult = { ok: true } | { ok: false; reason: string };
export interface InsertOptions {
  /** Replace this part instead of the remembered selection (e.g. an expanded shortcut):
   * offsets for a textarea/input, a Range for a contenteditable. */
  replaceRange?: { start: number; end: number } | Range;
  /** Where the caret goes afterwards, as an offset in `text` (a reply's `{{cursor}}`);
   * null or absent: after the inserted text. */
  caret?: number | null;
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
    const single = el instanceof HTMLInputElement ? text.replace(/\r?\n/g, ' ') : text;
    const result = await insertIntoControl(el, single, options.caret ?? null);
    return result;
  }

  const kind = composerKind(el);
  if (kind !== 'lexical' && kind !== 'draft' && !el.isContentEditable) return fail('not-editable');
  const needsHelper = kind === 'lexical' || kind === 'draft';
  if (needsHelper && !(await ensureHelper())) return fail('helper-unavailable');
  // Quill: through its API when the helper can reach it, else as typing (below).
  const quillHelper = kind === 'quill' && (await ensureHelper());

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
  } else if (kind === 'quill') {
    const code = quillHelper ? askHelper(el, { op: 'quill-insert', text }) : 'no-editor';
    if (code !== 'sent' && (code !== 'no-editor' || !typeLines(text))) return fail('quill-not-reached');
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
  // The caret first: the user may type on while the state is being checked.
  if (options.caret != null) placeCaretBack(el, text, options.caret);
  if (kind === 'lexical' || kind === 'draft' || quillHelper) {
    // The editor's own state (Lexical's editor state; Draft's EditorState from the
    // component's props; Quill's text), read by the helper; its answer is only a short code.
    const op = kind === 'lexical' ? 'lexical-check' : kind === 'draft' ? 'draft-check' : 'quill-check';
    const code = await settledCode(el, () => askHelper(el, { op, text, minLength }));
    if (code !== 'ok' && !el.isConnected) return fail('composer-gone');
    // A Quill the helper cannot reach took the text as typing: its DOM, checked above, is
    // what its MutationObserver read into its model.
    if (code !== 'ok' && !(kind === 'quill' && code === 'no-editor')) return fail(`${kind}-state-${code ?? 'no-answer'}`);
  }
  return { ok: true };
}

/** Types `text` as the browser's editing commands would, one line at a time with a new
 * paragraph between: for a Quill whose instance is out of reach. Quill 1 reads DOM edits
 * back into its model with a MutationObserver (quill@1.3.7 `blots/scroll.js`), as it does
 * for typing; Chromium drops the line breaks of a multi-line `insertText`, hence one call
 * per line (opencues/opencues integrations/chrome/src/opencues-bootstrap.ts @84d7cc83,
 * the fallback used on LinkedIn's share composer). */
function typeLines(text: string): boolean {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return lines.every(
    (line, i) => (i === 0 || document.execCommand('insertParagraph')) && (line === '' || document.execCommand('insertText', false, line)),
  );
}

/** Asks until the answer is 'ok' or the page had its chance: an editor may commit its
 * state a frame after its DOM (Draft re-renders after onChange; React commits a controlled
 * box's state in a task of its scheduler). The chance is counted in the page's own turns as
 * well as in time: on a busy machine 500 ms can pass in a few turns of a starved main thread,
 * before React ran at all (seen as `react-state-no-answer` under load), so at least
 * `MIN_TURNS` waits, and never more than `MAX_WAIT_MS`.
 *
 * A box the page removed meanwhile (the user went on to another post: an in-app navigation)
 * has no state left to ask, and the helper, listening on the document, never hears a request
 * dispatched on a detached box: the asking stops at once, and the caller says the box is
 * gone. Asking on would keep the sidebar busy (a reply clicked meanwhile on the new page is
 * ignored) for up to `MAX_WAIT_MS`, then end in a false "the box did not take the text". */
const SETTLE_MS = 500;
const MIN_TURNS = 12;
const MAX_WAIT_MS = 3000;

export async function settledCode(box: { readonly isConnected: boolean }, ask: () => string | null): Promise<string | null> {
  const start = Date.now();
  let code = ask();
  for (let turns = 0; code !== 'ok' && box.isConnected; turns++) {
    const waited = Date.now() - start;
    if (waited > MAX_WAIT_MS || (waited > SETTLE_MS && turns >= MIN_TURNS)) break;
    await sleep(25);
    code = ask();
  }
  return code;
}

/** Characters as the caret moves over them (an emoji with its skin tone is one step). */
function caretSteps(text: string): number {
  const Segmenter = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => { segment(s: string): Iterable<unknown> } })
    .Segmenter;
  if (!Segmenter) return Array.from(text).length;
  let count = 0;
  for (const _ of new Segmenter(undefined, { granularity: 'grapheme' }).segment(text.replace(/\r\n/g, '\n'))) count++;
  return count;
}

/** After an insertion the caret is at the end of the inserted text: move it back to
 * `caret` with the browser's own caret movement, which every editor follows (Lexical
 * and Draft read the DOM selection on `selectionchange`). */
function placeCaretBack(el: HTMLElement, text: string, caret: number) {
  const steps = caretSteps(text.slice(Math.max(0, Math.min(caret, text.length))));
  const selection = document.getSelection();
  if (!selection || steps === 0 || document.activeElement !== el) return;
  const modify = (selection as Selection & { modify?: (a: string, d: string, g: string) => void }).modify;
  if (!modify) return;
  for (let i = 0; i < steps; i++) modify.call(selection, 'move', 'backward', 'character');
}

async function insertIntoControl(
  el: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  caret: number | null,
): Promise<InsertResult> {
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
  // The caret in the same task as the text: a key pressed as soon as the text shows
  // (a busy page, a fast typist, a test) must land at `{{cursor}}`, not at the end.
  const at = caret != null ? start + Math.max(0, Math.min(caret, text.length)) : null;
  if (at != null && el.value === expected) el.setSelectionRange(at, at);
  // A controlled input may put its old value back on the next render.
  await frame();
  await sleep(0);
  if (!el.isConnected) return fail('composer-gone');
  if (el.value !== expected) return fail('value-mismatch');
  // A React-controlled box: its state is the `value` React rendered last, which only
  // the page's world can see; an uncontrolled box answers 'uncontrolled'. Without the
  // helper (a page that refuses it), the value after the re-render above stands.
  if (await ensureHelper()) {
    const code = await settledCode(el, () => askHelper(el, { op: 'control-check', text, minLength: expected.length }));
    if (code !== 'ok' && code !== 'uncontrolled' && !el.isConnected) return fail('composer-gone');
    if (code !== 'ok' && code !== 'uncontrolled') return fail(`react-state-${code ?? 'no-answer'}`);
  }
  return { ok: true };
}

