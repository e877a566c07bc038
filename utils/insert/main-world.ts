import { injectScript } from 'wxt/utils/inject-script';

/** Event names shared with `entrypoints/page-insert.ts` (the main-world helper). */
export const HELPER_REQUEST = 'spalla:insert-request';
export const HELPER_REPLY = 'spalla:insert-reply';

/** What the content script asks the helper. Only the text about to enter the page
 * travels, never stored data. */
export type HelperRequest =
  | { op: 'lexical-insert'; text: string }
  | { op: 'paste'; text: string }
  | { op: 'quill-insert'; text: string }
  | { op: 'lexical-check' | 'draft-check' | 'quill-check' | 'control-check'; text: string; minLength: number };

let ready: Promise<boolean> | null = null;

/** Injects the helper once per page, on first use (not on page load: size budget). */
export function ensureHelper(): Promise<boolean> {
  ready ??= injectScript('/page-insert.js').then(
    () => true,
    () => {
      ready = null;
      return false;
    },
  );
  return ready;
}

const CODE = /^[a-z-]{1,24}$/;

/** Sends one request to the helper, dispatched on `el`. The helper answers synchronously
 * with a short code; anything else (the page can imitate the helper) counts as no answer. */
export function askHelper(el: HTMLElement, request: HelperRequest): string | null {
  const id = Math.random().toString(36).slice(2) + Date.now().toString(36);
  let answer: string | null = null;
  const onReply = (event: Event) => {
    const detail = (event as CustomEvent).detail;
    if (typeof detail !== 'string' || detail.length > 200) return;
    try {
      const parsed: unknown = JSON.parse(detail);
      if (!parsed || typeof parsed !== 'object') return;
      const { id: replyId, code } = parsed as { id?: unknown; code?: unknown };
      if (replyId === id && typeof code === 'string' && CODE.test(code)) answer = code;
    } catch {
      /* not ours */
    }
  };
  document.addEventListener(HELPER_REPLY, onReply, true);
  try {
    el.dispatchEvent(new CustomEvent(HELPER_REQUEST, { detail: JSON.stringify({ id, ...request }), bubbles: true, composed: true }));
  } finally {
    document.removeEventListener(HELPER_REPLY, onReply, true);
  }
  return answer;
}
