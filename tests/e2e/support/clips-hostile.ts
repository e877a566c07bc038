import { HOSTILE_POSTS } from '../../fixtures/src/hostile';
import { PWNED_FLAG } from './clips-page';

/**
 * The hostile posts of the fixture page `/spalla-test/hostile` (tests/fixtures/src/hostile.ts,
 * the one payload list both browsers' clipping tests use), as a clip should record them:
 * the author and the text exactly as the page shows them.
 */
export interface HostileExpected {
  /** The post's permalink key (`pfbidhostileN`). */
  key: string;
  author: string;
  /** The text as shown (the page shows no surrounding white space, nor does a clip keep any). */
  text: string;
  /** The image's alt text on the page, when the post has an image. */
  alt: string | null;
}

export const HOSTILE_EXPECTED: HostileExpected[] = HOSTILE_POSTS.map((post) => ({
  key: post.id,
  author: post.author,
  text: post.lines.join('\n').trim(),
  alt: post.image?.what ?? null,
}));

/** Runs in a document of ours (sidebar or library page): elements a payload would have
 * planted, and whether a payload's script set the flag. Empty lists and `null` = clean. */
export const PLANTED_MARKUP = `(() => {
  const root = document.getElementById('root') || document.body;
  return {
    // The sidebar's own tab icons (inline SVG in the tab bar) are ours, not a post's.
    planted: [...root.querySelectorAll('script, iframe, svg, math, style, b, img[src="x"], a[href^="javascript:"], [onerror], [onload], [onmouseover]')]
      .filter((el) => !el.closest('[role="tablist"]'))
      .map((el) => el.outerHTML.slice(0, 80)),
    withHandlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    imgNotBlobOrData: [...document.querySelectorAll('img')].filter((img) => !/^(blob|data):/.test(img.src)).map((img) => img.src.slice(0, 60)),
    pwned: window[${JSON.stringify(PWNED_FLAG)}] ?? null,
  };
})()`;

export const CLEAN_DOCUMENT = { planted: [], withHandlers: 0, imgNotBlobOrData: [], pwned: null };

/** Runs in the library page: what each card of `ids` shows (author and text as text, the
 * thumbnail's address kind, whether it decoded, and its alt text). */
export const LIBRARY_CARDS_SHOWN = `(ids) => ids.map((id) => {
  const card = document.querySelector('[data-testid="clips-card"][data-clip-id="' + id + '"]');
  if (!card) return { id, missing: true };
  const img = card.querySelector('[data-testid="clips-card-thumbnail"]');
  return {
    id,
    author: card.querySelector('[data-testid="clips-card-author"]')?.textContent ?? null,
    text: card.querySelector('[data-testid="clips-card-text"]')?.textContent ?? null,
    thumbnail: img ? { blob: img.src.startsWith('blob:'), loaded: img.complete && img.naturalWidth > 0, alt: img.alt } : null,
  };
})`;

/** Runs in the sidebar: the recent clips listed, author and text as shown. */
export const SIDEBAR_RECENT_SHOWN = `[...document.querySelectorAll('[data-testid="clips-page-recent-item"]')].map((li) => ({
  id: li.getAttribute('data-clip-id'),
  author: li.querySelector('[data-testid="clips-page-author"]')?.textContent ?? null,
  text: li.querySelector('[data-testid="clips-page-text"]')?.textContent ?? null,
}))`;
