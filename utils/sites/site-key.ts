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
    // The optional networks (#14); their hosts are those of utils/sites/networks.ts.
    case 'x.com':
    case 'twitter.com':
      return 'x';
    case 'www.threads.com':
    case 'www.threads.net':
      return 'threads';
    case 'www.linkedin.com':
      return 'linkedin';
    default:
      return null;
  }
}
