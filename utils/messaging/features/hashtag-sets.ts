import type { HashtagSet } from '../../db/hashtags';
import type { Network } from '../../db/record';

/** The composer's text as the page agent last saw it (plain text, never HTML). */
export interface ComposerText {
  text: string;
  /** The network the text is for (Business Suite: from the composer's label). */
  network: Network;
  /** A composer has focus right now. */
  focused: boolean;
  /** A comment box where the network limits comments apart from posts (LinkedIn). */
  box?: 'comment';
}

export type InsertHashtagsResult =
  | { ok: true; added: string[]; alreadyThere: string[]; overLimit: string[] }
  | { ok: false; reason: string; alreadyThere?: string[]; overLimit?: string[] };

export interface SaveHashtagSetInput {
  name: string;
  /** Without "#", in order of priority. */
  tags: string[];
  /** null = any network. */
  network: Network | null;
}

export type SaveHashtagSetResult =
  | { ok: true; set: HashtagSet }
  | { ok: false; error: 'name-missing' | 'name-too-long' | 'no-tags' | 'too-many-tags' | 'invalid-tags'; invalid?: string[] };

/** Messages of the hashtag feature's user-facing half (issue #4): the composer's text
 * on its way to the sidebar, inserting hashtags, hashtag sets. */
export interface HashtagSetsProtocol {
  // page agent -> background (forwarded to the tab's sidebar over its port)
  composerTextChanged(data: ComposerText): void;
  /** The harvest: the hashtags (only those) of posts scrolled past, one list per post,
   * handed to the engine's `learnHashtags` with source "seen". One message per batch. */
  learnSeenHashtags(data: { network: Network; posts: string[][] }): { learned: number };

  // sidebar -> background
  /** The text of the tab's focused (or last) composer, asked of its page agent. */
  getComposerText(): ComposerText | null;
  /** Adds hashtags to the tab's last composer (placement and limit from the settings).
   * Past the limit nothing beyond it is inserted unless `allowOverLimit`. */
  insertHashtags(data: { tags: string[]; allowOverLimit?: boolean }): InsertHashtagsResult;
  listHashtagSets(): HashtagSet[];

  // any of our extension pages (sidebar, library: e.g. "save the hashtags of this clip") -> background
  saveHashtagSet(data: SaveHashtagSetInput): SaveHashtagSetResult;

  // background -> page agent
  readComposerText(): ComposerText | null;
  insertHashtagsInComposer(data: { tags: string[]; allowOverLimit?: boolean }): InsertHashtagsResult;
}
