/** The saved replies matrix, shared by the Chromium and Firefox files: replies to
 * seed, editor kinds, ways of inserting, starting states, expected strings. */

export const KINDS = ['lexical-plain', 'lexical-rich', 'draft', 'react-textarea', 'plain-textarea', 'plain-contenteditable'] as const;
export type Kind = (typeof KINDS)[number];
export const WAYS = ['click', 'shortcut', 'palette'] as const;
export type Way = (typeof WAYS)[number];
export const STARTS = ['empty', 'caret mid-text'] as const;
export type Start = (typeof STARTS)[number];

/** Typed before the insertion; the caret is then moved 6 characters left (before "mondo"). */
export const TYPED = 'Ciao  mondo';
export const LEFT = 6;

export const SEED = [
  {
    id: 'r-thanks',
    title: 'Ringraziamento',
    shortcut: 'grazie',
    // The bench page names no one: the fallback is used. Emoji and a line break travel.
    body: 'Grazie {{first_name|amico}}! 👍🏽 #caffè\nSeconda riga',
    tags: ['cortesia'],
    language: 'it',
    useCount: 5,
  },
  { id: 'r-hours', title: 'Orari di apertura', shortcut: 'orari', body: 'Oggi siamo aperti fino alle {{input:Orario}}, taglia {{choice:Taglia|S|M|L}}.', language: 'it', useCount: 3 },
  { id: 'r-name', title: 'Saluto per nome', shortcut: 'nome', body: 'Ciao {{first_name}}!', language: 'it', useCount: 2 },
  { id: 'r-cursor', title: 'Con cursore', shortcut: 'cur', body: 'Prima {{cursor}}dopo', language: 'it', useCount: 1 },
  { id: 'r-en', title: 'Thanks (EN)', shortcut: 'thanks', body: 'Thank you so much!', language: 'en', networks: ['instagram'], useCount: 0 },
];

export const RENDERED = 'Grazie amico! 👍🏽 #caffè\nSeconda riga';
/** What the palette search types to find the first reply. */
export const PALETTE_QUERY = 'ringraz';

export function expectedAfter(start: Start): string {
  return start === 'empty' ? RENDERED : `Ciao ${RENDERED} mondo`;
}

/** The text right before the insertion, as undo must bring it back: a typed shortcut
 * is part of it (undo takes back the expansion, not the typing). */
export function expectedBeforeUndo(start: Start, way: Way): string {
  const shortcut = way === 'shortcut' ? ';grazie' : '';
  return start === 'empty' ? shortcut : `Ciao ${shortcut} mondo`;
}

/** A plain contenteditable's innerText shows typed double spaces as no-break spaces. */
export function normalize(kind: Kind, value: string): string {
  return kind === 'plain-contenteditable' ? value.replace(/\u00a0/g, ' ') : value;
}
