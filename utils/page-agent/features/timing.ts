import { onMessage } from '../../messaging/protocol';
import type { PagePost, PageReading } from '../../messaging/features/timing';
import { readFacebookTimeLabel } from '../../sites/facebook-post-time';
import type { PageFeature } from '../feature';

const MAX_POSTS = 50;
const EXCERPT_CHARS = 80;

/** The page agent's part of best-time hints (issue #5): on the account's own Page or profile,
 * reads which account it is and its visible posts (time and counts as the page shows them),
 * when the sidebar asks through the background. Nothing is stored or sent anywhere else. */
export const timingFeature: PageFeature = {
  id: 'timing',
  init(ctx) {
    const remove = onMessage('timingReadPage', ({ sender }): PageReading => {
      if (!ctx.fromUs(sender)) throw new Error('refused');
      const account = ctx.adapter.account?.(location, document) ?? null;
      const reader = ctx.adapter.posts;
      if (!account || !reader || !ctx.enabled()) return { account, posts: [] };
      const handle = account.handle?.toLowerCase() ?? null;
      const posts: PagePost[] = [];
      for (const el of reader.findPosts(document)) {
        if (posts.length >= MAX_POSTS) break;
        const snap = reader.readPost(el);
        const byAccount = handle ? snap.authorHandle?.toLowerCase() === handle : !!account.name && snap.authorName === account.name;
        if (!byAccount || !snap.permalink || posts.some((p) => p.permalink === snap.permalink)) continue;
        let postedAt = snap.postedAt;
        let exact = snap.postedAtExact && postedAt !== null;
        let timeLabel: string | null = null;
        if (!exact && account.network === 'facebook') {
          // Facebook: the permalink's label or tooltip, in this browser's zone; the user confirms.
          const read = readFacebookTimeLabel(el);
          postedAt = read?.at ?? null;
          timeLabel = read?.label ?? null;
          exact = false;
        }
        posts.push({
          permalink: snap.permalink,
          postedAt,
          postedAtExact: exact,
          timeLabel,
          counts: { ...snap.counts },
          excerpt: snap.text.slice(0, EXCERPT_CHARS),
        });
      }
      return { account, posts };
    });
    ctx.life.onEnd(remove);
  },
};
