import { onMessage } from '../../messaging/protocol';
import type { PageReading } from '../../messaging/features/timing';
import type { PageFeature } from '../feature';

/** The page agent's part of best-time hints (issue #5): on the account's own Page or profile,
 * reads which account it is and its visible posts (time and counts as the page shows them),
 * when the sidebar asks through the background. Nothing is stored or sent anywhere else.
 * The reading is in the `posts` part (`timing-read.ts`), loaded when first asked for. */
export const timingFeature: PageFeature = {
  id: 'timing',
  init(ctx) {
    const remove = onMessage('timingReadPage', async ({ sender }): Promise<PageReading> => {
      if (!ctx.fromUs(sender)) throw new Error('refused');
      const part = await ctx.load('posts');
      return part.readTimingPage(ctx);
    });
    ctx.life.onEnd(remove);
  },
};
