import type { PageIdentity } from '../messaging/page-state';
import { readInstagramAccount, readInstagramViewer } from './instagram-account';

/** www.instagram.com, from the readers the post log and the greeting already use
 * (instagram-account.ts, with their evidence): the profile page's account and the
 * logged-in account (the side navigation's "Profile" / "Profilo" link). Precedence
 * (docs/brands.md):
 * 1. the logged-in account's own profile: 'profile';
 * 2. a box in use (a comment, a message): the logged-in account writes it, 'logged-in';
 * 3. another account's profile page: 'profile';
 * 4. anywhere else, the logged-in account: 'logged-in'.
 * Instagram shows no numeric id in the page: `externalId` stays null. */
export function readInstagramIdentity(location: Location | URL, doc: Document, composer: HTMLElement | null): PageIdentity | null {
  const viewer = readInstagramViewer(doc);
  const profile = readInstagramAccount(location, doc);
  const loggedIn: PageIdentity | null = viewer ? { network: 'instagram', via: 'logged-in', handle: viewer, externalId: null, name: null } : null;
  const shown: PageIdentity | null = profile?.handle
    ? { network: 'instagram', via: 'profile', handle: profile.handle, externalId: null, name: profile.name }
    : null;
  if (shown && viewer && shown.handle!.toLowerCase() === viewer.toLowerCase()) return shown;
  if (loggedIn && composer?.isConnected) return loggedIn;
  return shown ?? loggedIn;
}
