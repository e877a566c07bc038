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

/** A Page's (or profile's) own address: `/<username>`, `/profile.php?id=N` and
 * `/people/Name/N` (Pages without a username; N is the Page's numeric id). Evidence: tools
 * that take a Page's id from its address read the same three shapes:
 * buidl-renaissance/pizza-bricks, src/lib/facebook.ts @928bf986f5f0a119f569d4248dc55980f26b4db8
 * (`extractPageIdFromUrl`: `profile.php` -> `searchParams.get('id')`, a single segment is
 * the Page's name, reserved paths such as /groups, /watch, /marketplace are not Pages);
 * DimensionDev/Maskbook (Mask Network), packages/mask/content-script/site-adaptors/
 * facebook.com/utils/user.ts @127839bf39d17a913375122dd827cf0dbd60ef84 (`getFacebookId`:
 * `/profile.php` -> the `id` parameter, else the path is the username); the
 * `/people/<Name>/<id>` shape is read the same way by Page-id extractors in public code
 * (docs/brands.md). Null when the address is not one of them. */
export function facebookPageAddress(location: Location | URL): { handle: string | null; externalId: string | null } | null {
  const path = location.pathname;
  const people = /^\/people\/[^/]+\/(\d{5,20})\/?$/.exec(path);
  if (people) return { handle: null, externalId: people[1] };
  const m = /^\/([^/]+)\/?$/.exec(path);
  if (!m || RESERVED.has(m[1].toLowerCase())) return null;
  if (m[1] === 'profile.php') {
    const id = new URLSearchParams(location.search).get('id');
    return { handle: null, externalId: id && /^\d{5,20}$/.test(id) ? id : null };
  }
  return /^[A-Za-z0-9.]{1,80}$/.test(m[1]) ? { handle: m[1], externalId: null } : null;
}

/** The Page's name as its own page shows it (the main column's heading), ≤ 200 chars. */
export function facebookPageName(doc: Document): string | null {
  const name = doc.querySelector(FACEBOOK_ACCOUNT_SELECTORS.name)?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return name && name.length <= 200 ? name : null;
}

/** The Page (or profile) this address and page show, or null when it is not one. The handle is
 * the address's first segment (a Page's username); profile.php?id= pages have none. */
export function readFacebookAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const address = facebookPageAddress(location);
  if (!address && !/^\/profile\.php\/?$/.test(location.pathname)) return null;
  const handle = address?.handle ?? null;
  const name = facebookPageName(doc);
  if (!name && !handle) return null;
  return { network: 'facebook', handle, name };
}
