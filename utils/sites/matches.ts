/** The three sites Spalla works on. Match patterns ignore ports, so the end-to-end
 * fixture server on https://www.facebook.com:PORT/ is matched too. */
export const SITE_MATCHES = [
  'https://www.facebook.com/*',
  'https://business.facebook.com/*',
  'https://www.instagram.com/*',
];
