import type { OptionalSiteKey, SiteKey } from '../settings/items';

/** The catalog key of each site's name (settings, sidebar, library). */
export const SITE_LABEL_KEYS = {
  facebook: 'siteFacebook',
  instagram: 'siteInstagram',
  business: 'siteBusiness',
  x: 'siteX',
  threads: 'siteThreads',
  linkedin: 'siteLinkedIn',
} as const satisfies Record<SiteKey, string>;

export const OPTIONAL_SITES: readonly OptionalSiteKey[] = ['x', 'threads', 'linkedin'];

export function isOptionalSite(site: string): site is OptionalSiteKey {
  return (OPTIONAL_SITES as readonly string[]).includes(site);
}

/**
 * The networks added after the first release (#14). Adding host permissions in an update
 * makes Chrome disable the extension until the user accepts them, so these are optional
 * host permissions (`wxt.config.ts`): asked for when the user switches the network on,
 * and only then is the page agent registered for `pages` (`utils/background/optional-sites.ts`).
 *
 * - `pages`: where the page agent runs (match patterns; they ignore ports).
 * - `media`: where the network serves post images, fetched by the background when a post
 *   is clipped (#6); asked for together with the pages.
 *
 * Hosts: x.com is X's address since May 2024 and twitter.com still answers (it redirects);
 * maintained extensions that write into X match both (see utils/sites/x.ts). Threads moved
 * from threads.net to threads.com in April 2025; both still serve it. LinkedIn is
 * www.linkedin.com.
 */
export const OPTIONAL_SITE_ORIGINS: Record<OptionalSiteKey, { pages: string[]; media: string[] }> = {
  x: { pages: ['https://x.com/*', 'https://twitter.com/*'], media: ['https://pbs.twimg.com/*'] },
  // Threads serves images from Instagram's CDN, a permission Spalla holds already.
  threads: { pages: ['https://www.threads.com/*', 'https://www.threads.net/*'], media: [] },
  linkedin: { pages: ['https://www.linkedin.com/*'], media: ['https://media.licdn.com/*'] },
};

/** Every origin one switch asks for. */
export function optionalSiteOrigins(site: OptionalSiteKey): string[] {
  const { pages, media } = OPTIONAL_SITE_ORIGINS[site];
  return [...pages, ...media];
}

/** All optional site origins, for the manifest's optional permissions. */
export const ALL_OPTIONAL_SITE_ORIGINS: string[] = OPTIONAL_SITES.flatMap(optionalSiteOrigins);
