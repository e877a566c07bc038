import type { ComposerKind } from './types';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', '']);

/** The text box an element belongs to (the element itself, or the contenteditable root
 * that contains it), or null when it is not editable text. */
export function findComposer(target: Element | null): HTMLElement | null {
  if (!target) return null;
  if (target instanceof HTMLTextAreaElement) return target.disabled || target.readOnly ? null : target;
  if (target instanceof HTMLInputElement) {
    return TEXT_INPUT_TYPES.has(target.type) && !target.disabled && !target.readOnly ? target : null;
  }
  const editable = target.closest<HTMLElement>('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
  if (!editable) return null;
  // Walk up to the outermost editable element: that is the editor's root.
  let root = editable;
  for (let p = root.parentElement; p?.isContentEditable; p = p.parentElement) root = p;
  return root;
}

/** Which editor runs a text box, decided from the element: Facebook and Instagram have
 * moved surfaces between editors, so the site says nothing reliable about it. */
export function composerKind(el: HTMLElement): ComposerKind {
  if (el instanceof HTMLTextAreaElement) return 'textarea';
  if (el instanceof HTMLInputElement) return 'input';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (el.querySelector('[data-contents="true"]') || el.closest('.DraftEditor-root')) return 'draft';
  // Quill names its editable root `ql-editor` (its own class, not a generated one); LinkedIn's
  // post and comment composers are Quill 1 (Briskine/briskine
  // src/content/editors/editor-quill1.js @98b08dbe: "Used by LinkedIn on posts and comments").
  if (el.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** The composer's label as the page gives it (translated by the site; a hint only). */
export function composerLabel(el: HTMLElement): string | null {
  const label =
    el.getAttribute('aria-label') ??
    el.getAttribute('aria-placeholder') ??
    el.getAttribute('placeholder') ??
    el.getAttribute('data-placeholder');
  return label ? label.slice(0, 120) : null;
}
