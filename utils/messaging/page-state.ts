import type { Network } from '../db/record';
import type { SiteKey } from '../settings/items';
import type { ComposerKind, MarkerCheck, Surface } from '../sites/types';

/** What the page agent knows about its page, sent to the sidebar through the
 * background. Page text in here (the composer label) is shown as text only. */
export interface PageState {
  site: SiteKey;
  surface: Surface;
  /** Path only: no query (it can carry tracking ids). */
  path: string;
  composer: {
    /** A composer has focus right now. */
    focused: boolean;
    /** Kind of the composer focused now, or last focused on this page. */
    kind: ComposerKind | null;
    /** Its label as the page gives it. */
    label: string | null;
    /** The open sidebar hides part of it (at least `COVERED_MIN_PX` of its width). */
    covered: boolean;
    /** When covered: on the other side, at its width, the sidebar would leave it clear. */
    clearOnOtherSide: boolean;
    /** When covered: a narrower width (at least the minimum) that leaves it clear on this
     * side; null when none does (a centred dialog on a narrow window). */
    clearAtWidth: number | null;
  };
  /** The page's own theme when it shows one; null = follow the browser. */
  theme: 'dark' | 'light' | null;
  markers: MarkerCheck[];
  /** The business account on screen or acted as, for choosing the brand; null when the
   * page does not say (utils/sites/identity.ts, docs/brands.md). Page text: shown as text. */
  identity: PageIdentity | null;
}

/** A Facebook Page, Instagram, X or Threads account or LinkedIn company Page the page shows
 * as in view or acted as. */
export interface PageIdentity {
  network: Network;
  /** How it was read: 'acting-as' (facebook.com acting as a Page: "Comment as NAME" /
   * "Commenta come NAME", the profile switcher), 'page' (a Page's own address: Facebook, a
   * LinkedIn company Page), 'profile' (an Instagram, X or Threads profile page), 'logged-in'
   * (the logged-in Instagram, X or Threads account), 'asset'
   * (Business Suite's selected asset in its address), 'inbox' (Messenger / Business Suite
   * inbox of a Page). */
  via: 'acting-as' | 'page' | 'profile' | 'logged-in' | 'asset' | 'inbox';
  /** Page username / handle without "@" / LinkedIn company slug, when known. */
  handle: string | null;
  /** Numeric Page id / Business Suite asset_id / Instagram id, when the page gives it. */
  externalId: string | null;
  /** Display name as the page shows it (text only, ≤ 200 chars). */
  name: string | null;
}
