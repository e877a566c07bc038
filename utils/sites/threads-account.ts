import type { SiteAccount } from './types';

// The account of a Threads profile page (www.threads.com/@handle): the address names the
// handle; the page's heading names the account. Evidence: Aiuanyu/GeminiChat2MD,
// threads-to-markdown.user.js @8c87e45ad3630dfbd238db2a7afd79de2d448d56 reads the profile's
// name from the page's `h1` and the handle from `/@handle` in the address.
export const THREADS_ACCOUNT_SELECTORS = {
  /** Profile page: the display name. */
  name: 'h1',
  /** Every page: the side navigation's "Profile" link (`/@handle`) leads to the user's own
   * profile. tang-vu/social-posting-skills, DOM_SELECTORS.md
   * @9e4539a5cd3792fb1101c6a079f2fc9ab8b76afe ("14.2 Profile Navigation Selectors") finds it
   * by its label, `[aria-label*="Profile"]`. */
  viewerLink: 'a[href^="/@"]',
} as const;

const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const PROFILE_PATH = /^\/@([^/]+)(?:\/(?:replies|media|reposts))?\/?$/;
/** "Profile" is tang-vu's (above); "Profilo" is unverified: no public tool or saved page we
 * could find shows Threads' Italian navigation, and no language-independent marker of the
 * user's own profile link is known. Unrecognised, the viewer is null: nobody is left out of a
 * greeting, at worst a reply greets its writer. */
const PROFILE_LABEL = /^(Profile|Profilo)$/i;

/** The account of a Threads profile page, or null on any other page. */
export function readThreadsAccount(location: Location | URL, doc: Document): SiteAccount | null {
  const m = PROFILE_PATH.exec(location.pathname);
  const handle = m ? decodeURIComponent(m[1]) : '';
  if (!HANDLE.test(handle)) return null;
  // Not a dialog's heading (a composer open over the profile).
  const heading = [...doc.querySelectorAll(THREADS_ACCOUNT_SELECTORS.name)].find((h) => !h.closest('[role="dialog"]'));
  const name = heading?.textContent?.trim() || null;
  return { network: 'threads', handle, name: name && name.length <= 200 ? name : null };
}

/** The handle of the account logged in, from the navigation's "Profile" link; null when the
 * page does not show it. */
export function readThreadsViewer(doc: Document): string | null {
  for (const link of doc.querySelectorAll(THREADS_ACCOUNT_SELECTORS.viewerLink)) {
    const labels = [link, ...link.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label') ?? '');
    if (!labels.some((label) => PROFILE_LABEL.test(label.trim()))) continue;
    const handle = decodeURIComponent((link.getAttribute('href') ?? '').slice(2).split(/[/?#]/)[0] ?? '');
    if (HANDLE.test(handle)) return handle;
  }
  return null;
}
