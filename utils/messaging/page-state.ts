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
}
