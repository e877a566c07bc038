import { extractHashtags, normalizeHashtag } from './extract';
import { roomLeft, type NetworkRules } from './limits';

/** What to insert when the user adds hashtags to a composer. Pure: the page agent
 * gives the text around the insertion point, this decides the words and spaces.
 *
 * - Tags already in the composer (same counting key) are not added again.
 * - Tags past the network's limit are left out, in the order given (a set's order is
 *   the user's priority), and reported so the sidebar can ask before going over. */
export interface HashtagInsertPlan {
  /** The text to insert ("" when nothing is left to add). */
  text: string;
  /** Tags that will be inserted, in order. */
  added: string[];
  /** Tags left out because the composer already has them. */
  alreadyThere: string[];
  /** Tags left out because the limit would be passed. */
  overLimit: string[];
}

export interface HashtagInsertInput {
  /** Tags without "#", in order of priority. */
  tags: readonly string[];
  /** The composer's whole text now. */
  composerText: string;
  /** The text just before and just after the insertion point. */
  before: string;
  after: string;
  rules: NetworkRules;
  /** The user agreed to go past the limit. */
  allowOverLimit?: boolean;
}

const SPACE_END = /\s$/u;
const SPACE_START = /^\s/u;

export function planHashtagInsert(input: HashtagInsertInput): HashtagInsertPlan {
  const present = extractHashtags(input.composerText);
  const seen = new Set(present.map((tag) => normalizeHashtag(tag).key));
  const fresh: string[] = [];
  const alreadyThere: string[] = [];
  for (const raw of input.tags) {
    const tag = raw.replace(/^[#\uff03]/u, '');
    if (!tag) continue;
    const { key } = normalizeHashtag(tag);
    if (seen.has(key)) {
      alreadyThere.push(tag);
      continue;
    }
    seen.add(key);
    fresh.push(tag);
  }
  const room = input.allowOverLimit ? Infinity : roomLeft(input.rules, present.length);
  const added = fresh.slice(0, room === Infinity ? fresh.length : room);
  const overLimit = fresh.slice(added.length);
  if (added.length === 0) return { text: '', added, alreadyThere, overLimit };

  let text = added.map((tag) => `#${tag}`).join(' ');
  if (input.before !== '' && !SPACE_END.test(input.before)) text = ` ${text}`;
  if (input.after !== '' && !SPACE_START.test(input.after)) text = `${text} `;
  return { text, added, alreadyThere, overLimit };
}
