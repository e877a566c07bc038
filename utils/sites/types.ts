import type { ReplyPageContext } from '../replies/page-context';
import type { Network } from '../db/record';
import type { SiteKey } from '../settings/items';

/** The kinds of page Spalla tells apart. */
export type Surface = 'feed' | 'post' | 'profile' | 'messages' | 'inbox' | 'composer' | 'other';

/** The editor behind a text box, decided from the element (never from the site). */
export type ComposerKind = 'lexical' | 'draft' | 'quill' | 'textarea' | 'input' | 'contenteditable';

/** A marker the adapter expects on this surface, and whether it was found. A missed
 * required marker is shown in the sidebar: the site may have changed its markup. */
export interface MarkerCheck {
  name: string;
  found: boolean;
  required: boolean;
}

export interface SiteAdapter {
  site: SiteKey;
  /** Which surface the page shows, from its address and its landmarks. */
  surface(location: Location | URL, doc: Document): Surface;
  /** The landmarks this surface should carry. */
  checkMarkers(surface: Surface, doc: Document): MarkerCheck[];
  /** Where the posts are (a selector an element inside one matches with `closest`): the
   * pointer or the focus inside it loads the clip control (issue #16). None: no posts. */
  postArea?: string;
}

/** What a site's posts and accounts say: loaded into the page only when a clip, the post
 * log or a saved reply's context asks for it (`utils/sites/readers.ts`), so kept apart
 * from the adapter above, which runs on every page load. */
export interface SiteReaders {
  /** The account whose own Page or profile this is (best-time log, #5); null elsewhere. */
  account?(location: Location | URL, doc: Document): SiteAccount | null;
  /** Reads the posts of the site (clipping, harvest, post log). */
  posts?: PostReader;
  /** The optional networks (#14): what the page around a composer tells a saved reply (the
   * person answered, the kind of box). Facebook, Instagram and Business Suite have theirs in
   * `reply-context.ts`. Plain text only; may throw (the caller falls back to nothing). */
  replyContext?(composer: HTMLElement, surface: Surface, doc: Document): ReplyPageContext;
}

/** One post as the page shows it, read by a site adapter (issue #6 writes the readers;
 * the hashtag harvest and the post log use them too). Everything is plain text taken
 * from the page: shown as text, never as HTML. */
export interface PostSnapshot {
  network: Network;
  /** Clean permalink: absolute, tracking parameters removed; null when none is found. */
  permalink: string | null;
  authorName: string | null;
  /** Handle or page username, without "@". */
  authorHandle: string | null;
  /** The post's text, in full (after "See more" was expanded). */
  text: string;
  /** Hashtags in order of appearance, without "#". */
  hashtags: string[];
  images: { url: string; alt: string | null; kind: 'image' | 'video-poster' }[];
  /** Epoch ms when the page gives an exact time; null otherwise. */
  postedAt: number | null;
  /** True when `postedAt` came from a machine-readable time (e.g. `time[datetime]`). */
  postedAtExact: boolean;
  counts: { reactions: number | null; comments: number | null; shares: number | null };
  /** Outbound links in the post, unwrapped from the networks' redirectors (l.php?u=). */
  links?: string[];
}

/** Reads the posts of one site (issue #6's clipper; the hashtag harvest and the post
 * log use it too). `readPost` is synchronous and reads what is shown; call
 * `expandPost` first for the full text of a truncated post ("See more"). */
export interface PostReader {
  /** The posts on the page, outermost only (comments and shared posts are inside them). */
  findPosts(doc: Document): HTMLElement[];
  /** Clicks "See more" (or "more") when the text is cut; true once it is all shown. */
  expandPost(post: HTMLElement): Promise<boolean>;
  readPost(post: HTMLElement): PostSnapshot;
}

/** A Facebook Page or Instagram account as its own Page or profile shows it (#5). */
export interface SiteAccount {
  network: Network;
  /** Page username or Instagram handle, without "@"; null when the address has none. */
  handle: string | null;
  name: string | null;
}
