/** Typed shortcuts (";ciao" + Tab): the rules shared by the page agent, which reads
 * what was typed, and the settings, which check the prefix. Pure. */

export const DEFAULT_SHORTCUT_PREFIX = ';';
export const MAX_PREFIX_LENGTH = 3;

export type PrefixProblem = 'empty' | 'too-long' | 'space' | 'word-character';

/** A prefix is 1 to 3 characters, none a space, letter or digit: so that ordinary
 * words are never expanded ("ciao" alone stays "ciao"). */
export function prefixProblem(prefix: string): PrefixProblem | null {
  if (prefix.length === 0) return 'empty';
  if (Array.from(prefix).length > MAX_PREFIX_LENGTH) return 'too-long';
  if (/\s/u.test(prefix)) return 'space';
  if (/[\p{L}\p{N}_-]/u.test(prefix)) return 'word-character';
  return null;
}

/** The prefix to use: the stored one when valid, else the default. */
export function effectivePrefix(stored: string | null | undefined): string {
  return typeof stored === 'string' && prefixProblem(stored) === null ? stored : DEFAULT_SHORTCUT_PREFIX;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shortcut typed just before the caret: the prefix at the start of the text or
 * after a space or opening bracket, then one word (letters, digits, `_`, `-`, as
 * `SHORTCUT_PATTERN` of the store). `length` counts the prefix too. */
export function shortcutBeforeCaret(textBefore: string, prefix: string): { shortcut: string; length: number } | null {
  if (prefixProblem(prefix) !== null) return null;
  const pattern = new RegExp(`(?:^|[\\s(\\[«"'])${escape(prefix)}([\\p{L}\\p{N}_-]{1,50})$`, 'u');
  const found = pattern.exec(textBefore);
  if (!found) return null;
  return { shortcut: found[1], length: prefix.length + found[1].length };
}
