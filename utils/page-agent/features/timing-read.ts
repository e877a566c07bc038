import type { PagePost, PageReading } from '../../messaging/features/timing';
import { readFacebookTimeLabel } from '../../sites/facebook-post-time';
import type { SiteReaders } from '../../sites/types';

const MAX_POSTS = 50;
const EXCERPT_CHARS = 80;

/** On the account's own Page or profile: which account it is and its visible posts (time
 * and counts as the page shows them). Part `posts`, asked for by `timing.ts`. */
export function readTimingPage(readers: SiteReaders | undefined, enabled: boolean): PageReading {
  const account = readers?.account?.(location, document) ?? null;
  const reader = readers?.posts;
  if (!account || !reader || !enabled) return { account, posts: [] };
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
}
