import type { SiteAccount } from './types';

// Selectors for the Instagram profile page (www.instagram.com/<handle>/): the profile header
// names the account in a heading; roles and tags only (class names are generated).
export const INSTAGRAM_ACCOUNT_SELECTORS = {
  /** Profile page: the header above the grid. */
  header: 'main header, [role="main"] header',
  /** Profile page header: the handle. */
  handle: 'h2, h1',
  /** Profile page header: the display name. */
  name: 'section strong, section span[dir="auto"]',
} as const;

const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const NOT_PROFILES = new Set(['explore', 'direct', 'accounts', 'stories', 'reels', 'reel', 'p', 'tv']);

/** The account of an Instagram profile page, or null when this is not one. The handle is the
 * header's when it agrees with the address (a profile's address is its handle). */
export function readInstagramAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const m = /^\/([^/]+)\/?$/.exec(location.pathname);
  if (!m || NOT_PROFILES.has(m[1])) return null;
  const fromPath = decodeURIComponent(m[1]);
  const header = doc.querySelector(INSTAGRAM_ACCOUNT_SELECTORS.header);
  if (!header) return null;
  const heading = header.querySelector(INSTAGRAM_ACCOUNT_SELECTORS.handle)?.textContent?.trim() ?? '';
  const handle = HANDLE.test(heading) ? heading : HANDLE.test(fromPath) ? fromPath : null;
  if (!handle) return null;
  const name = header.querySelector(INSTAGRAM_ACCOUNT_SELECTORS.name)?.textContent?.trim() || null;
  return { network: 'instagram', handle, name: name && name.length <= 200 ? name : null };
}

/** www.instagram.com, every page: the side navigation's "Profile" ("Profilo") link goes to
 * the logged-in account's own profile (`/<handle>/`). The label is matched, not the link's
 * place, so a reordered menu does not matter. Evidence is thin: browser-automation code
 * for Instagram reaches the logged-in profile by this link (Playwright
 * `getByRole('link', { name: /Profile|Perfil/i })`, then the avatar inside `nav`), but we
 * could not pin it to a repository and commit; confirm on the live site. When the link is
 * not found the reader answers null, and the post's author is greeted as on any post. */
export const INSTAGRAM_VIEWER_SELECTORS = {
  navigation: '[role="navigation"], nav',
  link: 'a[href^="/"]',
} as const;

const PROFILE_LINK = /^(Profile|Profilo)$/i;

/** The handle of the account logged in on www.instagram.com, or null when the page does
 * not show it. */
export function readInstagramViewer(doc: Document): string | null {
  for (const nav of doc.querySelectorAll(INSTAGRAM_VIEWER_SELECTORS.navigation)) {
    for (const link of nav.querySelectorAll(INSTAGRAM_VIEWER_SELECTORS.link)) {
      const text = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
      const labelled = [...link.querySelectorAll('[aria-label]')].some((el) => PROFILE_LINK.test(el.getAttribute('aria-label') ?? ''));
      if (!PROFILE_LINK.test(text) && !labelled && !/(?:^| )(Profile|Profilo)$/i.test(text)) continue;
      const handle = (link.getAttribute('href') ?? '').split(/[/?#]/).filter(Boolean)[0] ?? '';
      if (HANDLE.test(handle) && !NOT_PROFILES.has(handle)) return handle;
    }
  }
  return null;
}
