import type { PageIdentity } from '../messaging/page-state';
import { facebookPageAddress, facebookPageName, facebookPersonProfile } from './facebook-account';
import { identityText } from './identity-text';

/** The Page the user acts as on www.facebook.com, as the page names it. */
export interface FacebookActing {
  name: string;
  handle: string | null;
  externalId: string | null;
}

// Selectors and labels for www.facebook.com, each naming what it serves. Roles, aria and
// labels only (class names change weekly). Few document-wide lookups: one for the text
// boxes (their labels are matched here), one for the dialogs; the rest inside a landmark.
export const FACEBOOK_IDENTITY_SELECTORS = {
  /** Every page: the top bar, and in it the link to the logged-in person (aria-label = their
   * name), as reply-context.ts reads it: "Comment as" that person is the user, not a Page. */
  banner: '[role="banner"]',
  person: 'a[aria-label][href^="/"]:not([href="/"])',
  /** Feed, post, Page: the text boxes, whose labels name who writes (COMMENT_AS, SELF). */
  textbox: '[role="textbox"]',
  /** Home feed: the left column, whose first link is the profile in use, the person or the
   * Page switched into. Evidence: DimensionDev/Maskbook (Mask Network),
   * packages/mask/content-script/site-adaptors/facebook.com/collecting/identity.ts
   * @1c065bbbd6f3a9089a4ab010a618d59723962537 (`myUsernameLiveSelectorPC`: the first
   * `[role="link"]` with text in the `[data-pagelet="LeftRail"]` list is "my identity"). */
  leftRail: '[data-pagelet="LeftRail"]',
  leftRailLink: 'ul [role="link"][href]',
  /** Every page, while open: the account menu behind the top bar's "Your profile" /
   * "Il tuo profilo" button (a dialog of the same label, ACCOUNT_MENU), its first link the
   * profile in use. Evidence is thin: automation code for facebook.com opens this menu by
   * `[aria-label="Your profile"]` and switches Pages from it ("Switch Now", then the
   * "Switch" button: kimtrongdev/scripts, ex/fb_scripts/utilFB.js `selectFBPage`, seen in
   * the code index; the snapshot we could fetch, @d1b1ca30382268557ae5bc4e21ea5993304b358d,
   * predates that file). Confirm on the live site; without it the left column and the
   * comment boxes still tell. */
  dialog: '[role="dialog"][aria-label]',
  menuCurrent: 'a[href^="/"]',
} as const;

/** "Comment as NAME" / "Commenta come NAME" on comment boxes (the "…" some end with is not
 * the name). Evidence: knamnguyen/trusthuman.io,
 * apps/trustahuman-ext/entrypoints/facebook.content/PostScraper.ts
 * @1c8b07ba8c586bf19ae78d10d968a25ace5f4daf ("Facebook DOM Selectors (February 2026)"):
 * top-level comment boxes are Lexical editors labelled "Comment as [Name]"; the same label
 * reply-context.ts reads for `{{my_name}}`. */
const COMMENT_AS = /^(?:Comment as|Commenta come)\s+(.+?)\s*(?:…|\.\.\.)?$/u;
/** A comment box that names nobody ("Write a comment…" / "Scrivi un commento…"): the user
 * writes as themselves. Evidence: eboody/commgmt, components/facebook/post.js
 * @352fd71f4879e97deb3e741df16326b21a89e246 (the post's own "Write a comment" box), as
 * reply-context.ts cites it. */
const SELF = /^(?:Write a comment|Write a public comment|Scrivi un commento)/u;
const ACCOUNT_MENU = /^(?:Your profile|Il tuo profilo)$/u;

function boxLabel(box: Element): string {
  return (box.getAttribute('aria-label') ?? box.getAttribute('aria-placeholder') ?? box.getAttribute('placeholder') ?? '').trim();
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Who a comment box says writes: a Page (its name), the user themselves ('self'), or
 * nobody (null). */
function boxWriter(box: Element, person: string | null): string | 'self' | null {
  const label = boxLabel(box);
  const found = COMMENT_AS.exec(label);
  const name = found ? identityText(found[1]) : null;
  if (name) return person && sameName(name, person) ? 'self' : name;
  return SELF.test(label) ? 'self' : null;
}

/** A profile link as the account menu and the left column show it: its text, its address. */
function profileLink(link: Element | null | undefined): FacebookActing | null {
  const name = identityText(link?.textContent);
  if (!link || !name) return null;
  const address = facebookPageAddress(new URL(link.getAttribute('href') ?? '/', 'https://www.facebook.com/'));
  return { name, handle: address?.handle ?? null, externalId: address?.externalId ?? null };
}

/** The profile in use as the open account menu, else the home feed's left column, shows it. */
function profileInUse(doc: Document): FacebookActing | null {
  const S = FACEBOOK_IDENTITY_SELECTORS;
  const menu = [...doc.querySelectorAll(S.dialog)].find((d) => ACCOUNT_MENU.test(d.getAttribute('aria-label') ?? ''));
  if (menu) return profileLink(menu.querySelector(S.menuCurrent));
  const rail = doc.querySelector(S.leftRail);
  return profileLink(rail && [...rail.querySelectorAll(S.leftRailLink)].find((link) => identityText(link.textContent)));
}

/** Who the page says the user writes as, whatever box is in use: the open account menu or
 * the left column, else the first comment box that names a Page; 'self' when they name the
 * user. */
function pageWriter(doc: Document, person: string | null): FacebookActing | 'self' | null {
  const inUse = profileInUse(doc);
  if (inUse) return person && sameName(inUse.name, person) ? 'self' : inUse;
  let self = false;
  for (const box of doc.querySelectorAll(FACEBOOK_IDENTITY_SELECTORS.textbox)) {
    const writer = boxWriter(box, person);
    if (writer && writer !== 'self') return { name: writer, handle: null, externalId: null };
    self ||= writer === 'self';
  }
  return self ? 'self' : null;
}

/** The same Page as remembered keeps the address it was seen with (a comment box gives only
 * the name; the left column and the account menu link to the Page). */
function richer(seen: FacebookActing, remembered: FacebookActing | null): FacebookActing {
  if (!remembered || !sameName(seen.name, remembered.name)) return seen;
  return { name: seen.name, handle: seen.handle ?? remembered.handle, externalId: seen.externalId ?? remembered.externalId };
}

/** www.facebook.com. Precedence (docs/brands.md):
 * 1. the comment box in use names a Page ("Comment as NAME"): 'acting-as', the user is
 *    writing as that Page whatever Page they look at;
 * 2. a Page's own address (`/<username>`, `/profile.php?id=N`, `/people/Name/N`): 'page',
 *    unless the page shows a person's profile there (its friends list, "Add friend"):
 *    then nothing from the address;
 * 3. the account menu or the feed's left column, else any comment box, names the Page
 *    acted as: 'acting-as' ('inbox' on Messenger);
 * 4. on Messenger, the Page last seen acted as on this document: 'inbox'.
 * The logged-in person (the top bar's account link, as reply-context.ts reads it) is never
 * a business account. Where the page shows no such link (a Page switched into replaces the
 * person everywhere), the profile in use is reported as it is, and the brand layer maps
 * only the accounts it knows. */
export function readFacebookIdentity(
  location: Location | URL,
  doc: Document,
  composer: HTMLElement | null,
  memory: { acting: FacebookActing | null },
): PageIdentity | null {
  const personLink = doc.querySelector(FACEBOOK_IDENTITY_SELECTORS.banner)?.querySelector(FACEBOOK_IDENTITY_SELECTORS.person);
  const person = identityText(personLink?.getAttribute('aria-label'));
  const personHref = personLink?.getAttribute('href') ?? null;
  const onPage = pageWriter(doc, person);
  const inUse = composer?.isConnected ? boxWriter(composer, person) : null;
  if (inUse === 'self' || (onPage === 'self' && !inUse)) memory.acting = null;
  else if (onPage && onPage !== 'self') memory.acting = richer(onPage, memory.acting);

  const detailsOf = (name: string): FacebookActing =>
    memory.acting && sameName(memory.acting.name, name) ? memory.acting : { name, handle: null, externalId: null };
  const messenger = /^\/messages(\/|$)/.test(location.pathname);
  const acting = (who: FacebookActing, via: 'acting-as' | 'inbox'): PageIdentity => ({ network: 'facebook', via, ...who });

  if (inUse && inUse !== 'self') return acting(detailsOf(inUse), 'acting-as');

  const address = facebookPageAddress(location);
  if (address) {
    const name = facebookPageName(doc);
    const own = (person !== null && name !== null && sameName(name, person)) || (address.handle !== null && personHref === `/${address.handle}`);
    // A person's profile (a friend, a competitor's owner) is nobody's business account: the
    // page then says no more than the feed does (facebook-account.ts, facebookPersonProfile).
    if (!own && (name || address.handle || address.externalId) && !facebookPersonProfile(doc, address)) {
      return { network: 'facebook', via: 'page', ...address, name };
    }
  }

  // memory.acting is the Page the page names now (with the address remembered for it), or on
  // Messenger the one last named on this document.
  if (memory.acting && (onPage || messenger)) return acting(memory.acting, messenger ? 'inbox' : 'acting-as');
  return null;
}
