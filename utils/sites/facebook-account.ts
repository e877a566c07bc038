import type { SiteAccount } from './types';

// Selectors for a Facebook Page (www.facebook.com/<page>): the Page's name is the main
// column's first-level heading. Roles and tags only (class names change weekly).
export const FACEBOOK_ACCOUNT_SELECTORS = {
  /** Page / profile: the Page's name. */
  name: '[role="main"] h1',
} as const;

const RESERVED = new Set([
  'home.php', 'messages', 'watch', 'groups', 'events', 'marketplace', 'gaming', 'notifications', 'settings',
  'bookmarks', 'friends', 'saved', 'pages', 'search', 'photo', 'photo.php', 'permalink.php', 'story.php', 'reel', 'spalla-test',
]);

/** The Page (or profile) this address and page show, or null when it is not one. The handle is
 * the address's first segment (a Page's username); profile.php?id= pages have none. */
export function readFacebookAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const m = /^\/([^/]+)\/?$/.exec(location.pathname);
  let handle: string | null = null;
  if (m && !RESERVED.has(m[1].toLowerCase())) {
    if (m[1] !== 'profile.php') handle = /^[A-Za-z0-9.]{1,80}$/.test(m[1]) ? m[1] : null;
  } else return null;
  const name = doc.querySelector(FACEBOOK_ACCOUNT_SELECTORS.name)?.textContent?.trim() || null;
  if (!name && !handle) return null;
  return { network: 'facebook', handle, name: name && name.length <= 200 ? name : null };
}
