import type { Network } from '../../db/record';
import { onMessage, sendMessage } from '../../messaging/protocol';
import type { ComposerText } from '../../messaging/features/hashtag-sets';
import { feedLearningAllowed, hashtagsLearnFromFeedItem } from '../../settings/items';
import { findComposer } from '../../sites/composer-kind';
import type { PageFeature, PageFeatureContext } from '../feature';
import { composerNetwork, insertHashtagsInto, readComposer } from './hashtags-composer';
import { startHarvest, type SendSeenHashtags } from './hashtags-harvest';

const TEXT_DEBOUNCE_MS = 150;

/** The page agent's part of hashtag suggestions (issue #4): the composer's text on its
 * way to the sidebar, hashtags inserted into the composer, and the harvest of hashtags
 * from posts scrolled past (when the user allows it). */
export const hashtagsFeature: PageFeature = {
  id: 'hashtags',
  init(ctx) {
    const textMayHaveChanged = watchComposerText(ctx);
    answerInserts(ctx, textMayHaveChanged);
    if (ctx.site !== 'business') {
      harvestWhenAllowed(ctx, (network, posts) => ctx.enabled() && void sendSeen(network, posts));
    }
  },
};

function isFocused(el: HTMLElement | null): boolean {
  const active = document.activeElement;
  return el !== null && active instanceof Element && findComposer(active) === el;
}

/** Sends the last composer's text (debounced) whenever it may have changed; returns
 * the function that says "it may have changed" (after an insertion of ours). */
function watchComposerText(ctx: PageFeatureContext): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = () => {
    timer = null;
    if (!ctx.enabled()) return;
    const composer = ctx.watcher.lastComposer();
    const current = readComposer(ctx.site, composer, isFocused(composer));
    if (!current) return;
    const serialized = JSON.stringify(current);
    if (serialized === last) return;
    last = serialized;
    sendMessage('composerTextChanged', current).catch(() => {});
  };
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(send, TEXT_DEBOUNCE_MS);
  };
  ctx.life.onEnd(() => timer !== null && clearTimeout(timer));
  // Typing, pasting, cutting, and focus moving between boxes. Editors such as Lexical
  // may change their text without an `input` event: keyup covers typed keys.
  for (const type of ['input', 'keyup', 'paste', 'cut', 'focusin', 'focusout']) {
    ctx.life.listen(document, type, schedule, { capture: true });
  }
  return schedule;
}

function answerInserts(ctx: PageFeatureContext, textMayHaveChanged: () => void) {
  const removers = [
    onMessage('readComposerText', ({ sender }): ComposerText | null => {
      if (!ctx.fromUs(sender)) throw new Error('refused');
      const composer = ctx.watcher.lastComposer();
      return readComposer(ctx.site, composer, isFocused(composer));
    }),
    onMessage('insertHashtagsInComposer', async ({ sender, data }) => {
      if (!ctx.fromUs(sender)) throw new Error('refused');
      if (!ctx.enabled()) return { ok: false, reason: 'off' };
      const tags = Array.isArray(data?.tags) ? data.tags.filter((t): t is string => typeof t === 'string') : [];
      try {
        const result = await insertHashtagsInto(ctx.site, ctx.watcher.lastComposer(), tags, data?.allowOverLimit === true);
        textMayHaveChanged();
        return result;
      } catch {
        return { ok: false, reason: 'error' };
      }
    }),
  ];
  ctx.life.onEnd(() => removers.forEach((remove) => remove()));
}

/** Runs the harvest while the user allows it (off until they say yes). */
function harvestWhenAllowed(ctx: PageFeatureContext, send: SendSeenHashtags) {
  const network = composerNetwork(ctx.site, null);
  let stop: (() => void) | null = null;
  const apply = (answer: boolean | null) => {
    if (!ctx.life.isValid) return;
    const allowed = feedLearningAllowed(answer);
    if (allowed && ctx.enabled() && !stop) stop = startHarvest(ctx.life, network, send);
    if ((!allowed || !ctx.enabled()) && stop) {
      stop();
      stop = null;
    }
  };
  void hashtagsLearnFromFeedItem.getValue().then(apply);
  const unwatch = hashtagsLearnFromFeedItem.watch((answer) => apply(answer));
  ctx.life.onEnd(() => {
    unwatch();
    stop?.();
  });
}

/** Hands the hashtags of seen posts to the background in one message per batch; it
 * gives each post to the engine (`learnHashtags`, source "seen"), which checks the
 * setting again. */
async function sendSeen(network: Network, posts: string[][]) {
  await sendMessage('learnSeenHashtags', { network, posts }).catch(() => {});
}
