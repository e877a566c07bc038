import { browser } from '#imports';
import { getDb } from '../../db/app-db';
import { seedStarterReplies } from '../../replies/starter';
import type { BackgroundContext } from '../context';

/** Seeds the starter saved replies (issue #3) once, when Spalla is first installed.
 * Not on updates: replies the user removed must not come back. */
export function startRepliesStarter(ctx: BackgroundContext): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    seedStarterReplies(getDb()).catch((error) => console.error('[Spalla] starter replies not seeded', error));
  });
  ctx.expose('seedStarterReplies', () => seedStarterReplies(getDb()));
}
