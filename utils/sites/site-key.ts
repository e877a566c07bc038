import type { SiteKey } from '../settings/items';

/** The site a hostname belongs to; null for any other site. */
export function siteForHost(hostname: string): SiteKey | null {
  switch (hostname) {
    case 'www.facebook.com':
    case 'web.facebook.com':
      return 'facebook';
    case 'business.facebook.com':
      return 'business';
    case 'www.instagram.com':
      return 'instagram';
    default:
      return null;
  }
}
