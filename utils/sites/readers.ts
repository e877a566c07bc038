import type { SiteKey } from '../settings/items';
import { readFacebookAccount } from './facebook-account';
import { expandFacebookPost, findFacebookPosts, readFacebookPost } from './facebook-posts';
import { readInstagramAccount } from './instagram-account';
import { expandInstagramPost, findInstagramPosts, readInstagramPost } from './instagram-posts';
import { expandLinkedInPost, findLinkedInPosts, readLinkedInPost } from './linkedin-posts';
import { readThreadsAccount } from './threads-account';
import { expandThreadsPost, findThreadsPosts, readThreadsPost } from './threads-posts';
import type { SiteReaders } from './types';
import { readXAccount } from './x-readers';
import { expandXPost, findXPosts, readXPost } from './x-posts';

/** Each site's post and account readers. Imported by the page agent's parts that load on
 * demand (`entrypoints/page-posts.ts`), never by the agent that runs on every page load:
 * see docs/architecture.md, "What runs on every page load". */
export const READERS: Partial<Record<SiteKey, SiteReaders>> = {
  facebook: {
    posts: { findPosts: findFacebookPosts, expandPost: expandFacebookPost, readPost: readFacebookPost },
    account: readFacebookAccount,
  },
  instagram: {
    posts: { findPosts: findInstagramPosts, expandPost: expandInstagramPost, readPost: readInstagramPost },
    account: readInstagramAccount,
  },
  threads: {
    posts: { findPosts: findThreadsPosts, expandPost: expandThreadsPost, readPost: readThreadsPost },
    account: readThreadsAccount,
  },
  linkedin: {
    posts: { findPosts: findLinkedInPosts, expandPost: expandLinkedInPost, readPost: readLinkedInPost },
  },
  x: {
    posts: { findPosts: findXPosts, expandPost: expandXPost, readPost: readXPost },
    account: readXAccount,
  },
};
