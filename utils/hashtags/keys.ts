import { normalizeHashtag, type HashtagKeys } from './extract';

const PLAIN_ASCII = /^[\x21-\x7e]*$/;

/** Printable ASCII only: such a key is its own accent-free key. */
export function isPlainAscii(text: string): boolean {
  return PLAIN_ASCII.test(text);
}

/**
 * `normalizeHashtag`, with a fast path for plain ASCII (most tags and words): lower case
 * is then the whole of the case fold, and there is no accent to drop. Loading 50,000
 * learned tags calls this once per tag, and the full Unicode path is what made it slow.
 */
export function hashtagKeys(tag: string): HashtagKeys {
  if (PLAIN_ASCII.test(tag)) {
    const key = (tag.charCodeAt(0) === 0x23 ? tag.slice(1) : tag).toLowerCase();
    return { key, looseKey: key };
  }
  return normalizeHashtag(tag);
}

/** The accent-free family key of a tag or word. */
export function looseKey(tag: string): string {
  return hashtagKeys(tag).looseKey;
}
