import type { PageIdentity } from '../messaging/page-state';
import { profileOrLoggedIn } from './identity-account';
import { readInstagramAccount, readInstagramViewer } from './instagram-account';

/** www.instagram.com, from the readers the post log and the greeting already use
 * (instagram-account.ts, with their evidence): the profile page's account and the
 * logged-in account (the side navigation's "Profile" / "Profilo" link), in the precedence
 * of `profileOrLoggedIn`. Instagram shows no numeric id in the page: `externalId` stays null. */
export function readInstagramIdentity(location: Location | URL, doc: Document, composer: HTMLElement | null): PageIdentity | null {
  return profileOrLoggedIn('instagram', readInstagramAccount(location, doc), readInstagramViewer(doc), composer);
}
