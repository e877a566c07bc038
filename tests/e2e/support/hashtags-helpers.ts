/** Shared bits of the hashtag end-to-end tests (Chromium and Firefox). */

/** Fixture composers (the `data-fixture-editor` hooks are for tests only). */
export const FB_COMMENT = 'fb-feed-comment-1';
export const IG_COMMENT = 'ig-feed-comment-1';
export const editorSelector = (id: string) => `[data-fixture-editor="${id}"]`;

/** Reads an editor's OWN state in the page (Lexical state, React state). */
export const READ_EDITOR = (id: string) => `window.__fixture.editors[${JSON.stringify(id)}].read()`;

/** Storage keys of the settings, as `browser.storage.local` holds them. */
export const LEARN_KEY = 'hashtagsLearnFromFeed';
export const PLACEMENT_KEY = 'hashtagPlacement';

/** Code run inside one of our extension pages (the sidebar frame) that sends one of our
 * typed messages the way @webext-core/messaging does, and returns its answer. */
export const rawMessage = (type: string, data?: unknown) => `(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const answer = await api.runtime.sendMessage({ id: Math.floor(Math.random() * 1e6), type: ${JSON.stringify(type)}, data: ${JSON.stringify(data ?? null)}, timestamp: Date.now() });
  if (answer?.err) throw new Error(answer.err.message);
  return answer?.res;
})()`;
