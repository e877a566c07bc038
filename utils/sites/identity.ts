import type { PageIdentity } from '../messaging/page-state';
import type { SiteKey } from '../settings/items';
import { readBusinessIdentity } from './identity-business';
import { readFacebookIdentity, type FacebookActing } from './identity-facebook';
import { readInstagramIdentity } from './identity-instagram';
import { readLinkedInIdentity } from './identity-linkedin';
import { readThreadsIdentity } from './identity-threads';
import { readXIdentity } from './identity-x';

/** Which business account the page shows as in view or acted as, for choosing the brand
 * (issue #13). One reader per site (identity-facebook.ts, identity-instagram.ts,
 * identity-business.ts, identity-x.ts, identity-threads.ts, identity-linkedin.ts); the precedence between their sources is in docs/brands.md.
 *
 * Read lazily: when the page agent builds its state (focus, navigation, a click that may
 * switch the acted-as Page), never from an observer of its own. Everything returned is
 * plain text, cut to 200 characters; a change of markup gives null, never an error. */
export interface IdentityReader {
  read(location: Location | URL, doc: Document, composer: HTMLElement | null): PageIdentity | null;
}

/** A reader for one page of `site`. It remembers, for this document only, the Page the user
 * was last seen acting as on facebook.com: Messenger (/messages) names nobody, and an in-app
 * move from the feed to Messenger keeps the Page the user acts as. */
export function identityReader(site: SiteKey): IdentityReader {
  const memory: { acting: FacebookActing | null } = { acting: null };
  return {
    read(location, doc, composer) {
      try {
        if (site === 'facebook') return readFacebookIdentity(location, doc, composer, memory);
        if (site === 'instagram') return readInstagramIdentity(location, doc, composer);
        if (site === 'x') return readXIdentity(location, doc, composer);
        if (site === 'threads') return readThreadsIdentity(location, doc, composer);
        if (site === 'linkedin') return readLinkedInIdentity(location, doc);
        return readBusinessIdentity(location, doc);
      } catch {
        return null;
      }
    },
  };
}
