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

/** Markers of a person's profile on a profile address (`/<username>`, `profile.php?id=N`),
 * which a Page never shows. The address alone cannot tell a friend's (or a competitor's
 * owner's) profile from a Page: both live at `/<username>` and `profile.php?id=N`
 * (FerrariGuy/Facebook-Scammer-Assassin, src/pageDataExtractor.js
 * @686719fd4f7c18d4c0743c564aef1485d173501d, reads every such address as a "user"). What
 * tells them apart is in the page, inside the main column:
 * - `friendsList`: a person's profile links to its own friends list, `/<username>/friends…`
 *   or `profile.php?id=N&sk=friends…` (the "N friends" line under the name, the Friends
 *   tab), whatever the language. Tools that read a person's profile take the friend count
 *   from that link: `a[href$="/friends"] span` for `facebook.com/{username}` in a profile
 *   scraping strategy, and `a[href*="/friends/"]` with its `<strong>` count in a Playwright
 *   profile scraper (both seen in the code index; none we could pin to a repository). A
 *   Page has no friends: public Page scrapers read likes, followers and the intro's
 *   "Page · <category>" line instead (`info.replace('Page · ', '')` for the category in a
 *   Puppeteer Page scraper, seen in the code index; the Apify Pages scraper's output lists
 *   `categories: ["Page", "Reference website"]`, youai1/gitbook-docs,
 *   building-ai-agents/integrations/scrape-facebook-page.md
 *   @92300eebd8f3266a291491e6c9f1343442c582cf).
 * - `addFriend`: the "Add friend" / "Aggiungi agli amici" button (a person not yet a
 *   friend, whose friends list may be hidden). absunstar/social-browser, a browser for
 *   social sites, requests friendship on a profile with `div[aria-label="Add friend"]`
 *   (extensions/social-tools/facebook-request-friend.js
 *   @974244921d2a04e8f3d9970fdf4e0761606a24eb) and likes a Page with its "Like" button
 *   instead (facebook-like-page.js @5b296f4946238b99bc1feb129ded400c23e56e34); automation
 *   code elsewhere clicks "Add Friend <name>" on profiles and "Follow" / "Like" on Pages
 *   (seen in the code index). The Italian label is Facebook's Italian wording; to confirm
 *   on the live site.
 * A Page shows neither, so it stays a Page; the Page's own "Page · <category>" line is
 * not needed for that, and reading it would mean reading the main column's text. */
export const FACEBOOK_PERSON_SELECTORS = {
  friendsList: '[role="main"] a[href*="friends"]',
  addFriend: '[role="main"] [role="button"][aria-label^="Add friend" i], [role="main"] [role="button"][aria-label^="Aggiungi agli amici" i]',
} as const;

/** A link to the friends list of the profile at `address`. */
function friendsListOf(href: string, address: { handle: string | null; externalId: string | null }): boolean {
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com/');
  } catch {
    return false;
  }
  if (address.handle) {
    const [first, second] = url.pathname.split('/').filter(Boolean);
    return first?.toLowerCase() === address.handle.toLowerCase() && /^friends/.test(second ?? '');
  }
  return url.pathname === '/profile.php' && url.searchParams.get('id') === address.externalId && /^friends/.test(url.searchParams.get('sk') ?? '');
}

/** Whether the profile address shows a person's profile (FACEBOOK_PERSON_SELECTORS), not a
 * Page: then it is nobody's business account, only someone the user looks at. */
export function facebookPersonProfile(doc: Document, address: { handle: string | null; externalId: string | null }): boolean {
  const S = FACEBOOK_PERSON_SELECTORS;
  if (doc.querySelector(S.addFriend)) return true;
  return [...doc.querySelectorAll(S.friendsList)].some((link) => friendsListOf(link.getAttribute('href') ?? '', address));
}

/** The Page's name as its own page shows it (the main column's heading), ≤ 200 chars. */
export function facebookPageName(doc: Document): string | null {
  const name = doc.querySelector(FACEBOOK_ACCOUNT_SELECTORS.name)?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return name && name.length <= 200 ? name : null;
}

/** The logged-in person's own profile: the top bar's link to them (as reply-context.ts and
 * identity-facebook.ts read it) points at this address. */
function ownProfile(doc: Document, address: { handle: string | null }): boolean {
  const me = doc.querySelector('[role="banner"]')?.querySelector('a[aria-label][href^="/"]:not([href="/"])')?.getAttribute('href');
  return address.handle !== null && !!me && me.replace(/\/$/, '').toLowerCase() === `/${address.handle.toLowerCase()}`;
}

/** The Page (or the user's own profile) this address and page show, or null when it is not
 * one. Someone else's profile (a friend, a competitor's owner: facebookPersonProfile) is no
 * account of the user's, so best time does not offer to add it. The handle is the address's
 * first segment (a Page's username); profile.php?id= pages have none. */
export function readFacebookAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const address = facebookPageAddress(location);
  if (!address && !/^\/profile\.php\/?$/.test(location.pathname)) return null;
  if (address && facebookPersonProfile(doc, address) && !ownProfile(doc, address)) return null;
  const handle = address?.handle ?? null;
  const name = facebookPageName(doc);
  if (!name && !handle) return null;
  return { network: 'facebook', handle, name };
}
