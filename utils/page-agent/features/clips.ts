import { onMessage } from '../../messaging/protocol';
import { CLIP_TAG } from '../clip-control';
import type { PageFeature } from '../feature';
import type { ClipControls } from './clips-posts';

/** The page agent's part of the content-ideas library (issue #6): a clip control on the
 * posts, and the reading behind "clip the post in view" and the keyboard command.
 *
 * On page load only this runs (issue #16): listeners that notice the pointer or the focus
 * entering the posts (`adapter.postArea`), and the answer to the background's request.
 * The controls and the post readers are the `posts` part (`clips-posts.ts`), loaded the
 * first time either happens; from then on they follow the pointer and the focus, with no
 * observer of the page. */
export const clipsFeature: PageFeature = {
  id: 'clips',
  init(ctx) {
    const area = ctx.adapter.postArea;
    if (!area) return; // Business Suite: no posts to clip
    // Controls left by an agent the extension's update cut off: they answer no more.
    for (const stale of document.querySelectorAll(CLIP_TAG)) stale.remove();

    // Where the pointer is, for the keyboard command's "the post under the pointer".
    let pointer: { x: number; y: number } | null = null;
    ctx.life.listen(
      document,
      'pointermove',
      (event) => {
        const e = event as PointerEvent;
        pointer = { x: e.clientX, y: e.clientY };
      },
      { passive: true, capture: true },
    );

    // Until the controls are loaded: they then follow the pointer and focus themselves.
    const waiting = new AbortController();
    let controls: Promise<ClipControls> | null = null;
    const start = () => {
      controls ??= ctx.load('posts').then((part) => part.startClips(ctx, () => pointer));
      controls.then(
        () => waiting.abort(),
        () => (controls = null),
      );
      return controls;
    };
    const asked = (event: Event) => {
      if (controls || !ctx.enabled()) return;
      const target = event.target;
      if (target instanceof Element && target.closest(area)) {
        void start().then((c) => c.reveal(target), (error) => console.warn('[Spalla] clip controls failed to load', error));
      }
    };
    ctx.life.listen(document, 'pointerover', asked, { passive: true, capture: true, signal: waiting.signal });
    ctx.life.listen(document, 'focusin', asked, { capture: true, signal: waiting.signal });

    const remove = onMessage('readPostForClip', async ({ sender, data }) => {
      if (!ctx.fromUs(sender) || !ctx.enabled()) throw new Error('refused');
      return (await start()).readForClip(data?.where === 'pointer' ? 'pointer' : 'view');
    });
    ctx.life.onEnd(remove);
  },
};
