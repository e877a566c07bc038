import type { PageIdentity } from '../messaging/page-state';
import { identityText } from './identity-text';

/** A company Page's address: `/company/<slug>/` and its tabs (`/posts/`, `/about/`, …). The
 * same form as LinkedIn's own links to a Page in a post's header (linkedin-posts.ts,
 * `linkedInActorLink`, with its evidence), and as tools build a Page's address from its slug or
 * its numeric id (e.g. `'https://www.linkedin.com/company/' + id` from a `companyUrn`). */
const COMPANY_PATH = /^\/company\/([^/?#]+)(?:\/|$)/;
/** The Page's name in its top card on `/company/*`: CalvinWu4/inDoors, src/js/linkedin.js
 * @4e84d70a395dee39467fa6b1985a50c3b634dfc8 ("/company/*", `.org-top-card-summary__title`). */
const COMPANY_NAME = '.org-top-card-summary__title';

/** www.linkedin.com: the company Page whose address this is ('page'); its slug is the handle,
 * a numeric one its id; its name from the top card. A person's profile (`/in/…`) and
 * the feed name no Page: null (the brand seen last stays). */
export function readLinkedInIdentity(location: Location | URL, doc: Document): PageIdentity | null {
  const match = COMPANY_PATH.exec(location.pathname);
  if (!match) return null;
  const slug = decodeURIComponent(match[1]);
  if (!/^[\p{L}\p{N}._-]{1,100}$/u.test(slug)) return null;
  const numeric = /^\d+$/.test(slug);
  const name = identityText(doc.querySelector(COMPANY_NAME)?.textContent ?? null);
  return { network: 'linkedin', via: 'page', handle: numeric ? null : slug, externalId: numeric ? slug : null, name };
}
