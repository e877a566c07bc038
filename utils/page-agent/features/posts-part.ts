import type { PageReading } from '../../messaging/features/timing';
import { READERS } from '../../sites/readers';
import type { PageFeatureContext } from '../feature';
import { startClipControls, type ClipControls } from './clips-posts';
import { readTimingPage } from './timing-read';

/** Part `posts` (see `../parts.ts`): the site's post readers, the clip controls, the
 * best-time reading. Built as `page-posts.js` by `entrypoints/page-posts.ts`. */
export interface PostsPart {
  startClips(ctx: PageFeatureContext, pointer: () => { x: number; y: number } | null): ClipControls;
  readTimingPage(ctx: PageFeatureContext): PageReading;
}

export const postsPart: PostsPart = {
  startClips(ctx, pointer) {
    const reader = READERS[ctx.site]?.posts;
    if (!reader) throw new Error(`no post reader for ${ctx.site}`);
    return startClipControls(ctx, reader, pointer);
  },
  readTimingPage(ctx) {
    return readTimingPage(READERS[ctx.site], ctx.enabled());
  },
};
