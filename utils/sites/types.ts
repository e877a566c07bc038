import type { SiteKey } from '../settings/items';

/** The kinds of page Spalla tells apart. */
export type Surface = 'feed' | 'post' | 'profile' | 'messages' | 'inbox' | 'composer' | 'other';

/** The editor behind a text box, decided from the element (never from the site). */
export type ComposerKind = 'lexical' | 'draft' | 'textarea' | 'input' | 'contenteditable';

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
}
