import type { PageIdentity } from '../messaging/page-state';
import { profileOrLoggedIn } from './identity-account';
import { profileHandle } from './x';
import { readXAccount } from './x-readers';

/** The side navigation's "Profile" link, whose address is the logged-in account's profile
 * (`/handle`), in every language. hoquet98/SocialMonkey-Extension
 * @8bd0e4f917ba4312a532b0484f85504755fd572e reads the user's handle from it
 * (content_scripts/twitter/twitter-followers.js, `a[data-testid="AppTabBar_Profile_Link"]`),
 * and its saved X page (dom/twitter_post_details.html) shows it as
 * `<a href="/socialmonkeyai" aria-label="Profile" data-testid="AppTabBar_Profile_Link">`. */
const VIEWER_LINK = 'a[data-testid="AppTabBar_Profile_Link"]';

/** The handle in that link's address, read as any profile address is (x.ts). */
export function readXViewer(doc: Document): string | null {
  const href = doc.querySelector(VIEWER_LINK)?.getAttribute('href');
  return href ? profileHandle(href) : null;
}

/** x.com: a profile page's account (x-readers.ts, the address and the header's name) and
 * the logged-in account, in the precedence of `profileOrLoggedIn`. */
export function readXIdentity(location: Location | URL, doc: Document, composer: HTMLElement | null): PageIdentity | null {
  return profileOrLoggedIn('x', readXAccount(location, doc), readXViewer(doc), composer);
}
