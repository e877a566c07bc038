import type { Network } from '../../db/record';
import { onMessage, sendMessage } from '../../messaging/protocol';
import type { ComposerText } from '../../messaging/features/hashtag-sets';
import { feedLearningAllowed } from '../../settings/plain';
import { hashtagPlacementSetting, hashtagsLearnFromFeedSetting, instagramHashtagLimitSetting } from '../../settings/page-settings';
import { findComposer } from '../../sites/composer-kind';
import type { PageFeature, PageFeatureContext } from '../feature';
import { composerNetwork, readComposer } from './hashtags-composer';
import type { SendSeenHashtags } from './hashtags-harvest';

const TEXT_DEBOUNCE_MS = 150;

/** The page agent's part of hashtag suggestions (issue #4): the composer's text on its
 * way to the sidebar, hashtags inserted into the composer, and the harvest of hashtags
 * from posts scrolled past (when the user allows it).
 *
 * What runs when (issue #16): the composer's text is watched only while the sidebar is
 * open (the suggestions are shown there; on opening it gets the text at once); inserting
 * is the `composer` part, the harvest the `harvest` part, each loaded when first needed. */
export const hashtagsFeature: PageFeature = {
  id: 'hashtags',
  init(ctx) {
    const textMayHaveChanged = watchComposerTextWhileOpen(ctx);
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

/** While the sidebar is open, sends the last composer's text (debounced) whenever it may
 * have changed; returns the function that says "it may have changed" (after an insertion
 * of ours). */
function watchComposerTextWhileOpen(ctx: PageFeatureContext): () => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let watching: AbortController | null = null;
  const send = () => {
    timer = null;
    if (!ctx.enabled() || !watching) return;
    const composer = ctx.watcher.lastComposer();
    const current = readComposer(ctx.site, composer, isFocused(composer));
    if (!current) return;
    const serialized = JSON.stringify(current);
    if (serialized === last) return;
    last = serialized;
    sendMessage('composerTextChanged', current).catch(() => {});
  };
  const schedule = () => {
    if (!watching) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(send, TEXT_DEBOUNCE_MS);
  };
  const stop = () => {
    watching?.abort();
    watching = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  ctx.life.onEnd(stop);
  ctx.onSidebar((open) => {
    if (!open) return stop();
    if (watching) return;
    watching = new AbortController();
    // The sidebar that opens asks for the text itself (`readComposerText`); sending it
    // again on the first change after that is the point of `last` being forgotten.
    last = '';
    // Typing, pasting, cutting, and focus moving between boxes. Editors such as Lexical
    // may change their text without an `input` event: keyup covers typed keys.
    for (const type of ['input', 'keyup', 'paste', 'cut', 'focusin', 'focusout']) {
      ctx.life.listen(document, type, schedule, { capture: true, signal: watching.signal });
    }
    schedule();
  });
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
        const [part, placement, instagramLimit] = await Promise.all([
          ctx.load('composer'),
          hashtagPlacementSetting.getValue(),
          instagramHashtagLimitSetting.getValue(),
        ]);
        const result = await part.insertHashtags(ctx.site, ctx.watcher.lastComposer(), tags, data?.allowOverLimit === true, { placement, instagramLimit });
        textMayHaveChanged();
        return result;
      } catch {
        return { ok: false, reason: 'error' };
      }
    }),
  ];
  ctx.life.onEnd(() => removers.forEach((remove) => remove()));
}

/** Runs the harvest while the user allows it (off until they say yes); its code is
 * loaded the first time it is allowed. */
function harvestWhenAllowed(ctx: PageFeatureContext, send: SendSeenHashtags) {
  const network = composerNetwork(ctx.site, null);
  let stop: (() => void) | null = null;
  let wanted = false;
  const apply = (answer: boolean | null) => {
    if (!ctx.life.isValid) return;
    wanted = feedLearningAllowed(answer) && ctx.enabled();
    if (wanted && !stop) {
      void ctx.load('harvest').then(
        (part) => {
          // Still wanted once loaded, and not started meanwhile by a second answer.
          if (wanted && !stop && ctx.life.isValid) stop = part.startHarvest(ctx.life, network, send);
        },
        (error) => console.warn('[Spalla] the harvest failed to load', error),
      );
    }
    if (!wanted && stop) {
      stop();
      stop = null;
    }
  };
  void hashtagsLearnFromFeedSetting.getValue().then(apply);
  const unwatch = hashtagsLearnFromFeedSetting.watch((answer) => apply(answer));
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
