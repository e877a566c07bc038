import type { Network } from '../db/record';
import type { PageIdentity } from '../messaging/page-state';

/** The precedence shared by the sites of one logged-in account and profile pages
 * (Instagram, X, Threads; docs/brands.md):
 * 1. the logged-in account's own profile: 'profile';
 * 2. a box in use (a comment, a reply, a message): the logged-in account writes it, 'logged-in';
 * 3. another account's profile page: 'profile';
 * 4. anywhere else, the logged-in account: 'logged-in'.
 * Handles compare case-insensitively, as these networks' handles do. */
export function profileOrLoggedIn(
  network: Network,
  profile: { handle: string | null; name: string | null } | null,
  viewer: string | null,
  composer: HTMLElement | null,
): PageIdentity | null {
  const loggedIn: PageIdentity | null = viewer ? { network, via: 'logged-in', handle: viewer, externalId: null, name: null } : null;
  const shown: PageIdentity | null = profile?.handle ? { network, via: 'profile', handle: profile.handle, externalId: null, name: profile.name } : null;
  if (shown && viewer && shown.handle!.toLowerCase() === viewer.toLowerCase()) return shown;
  if (loggedIn && composer?.isConnected) return loggedIn;
  return shown ?? loggedIn;
}
