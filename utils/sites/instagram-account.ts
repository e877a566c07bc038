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
