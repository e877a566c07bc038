/**
 * Which brand is in view in a tab (issue #13): the rules, as plain functions over what the
 * page shows (`PageState.identity`) and what the tab remembers. The background applies them
 * (`utils/background/brand-in-view.ts`); docs/brands.md "The brand in view" describes them
 * for people.
 */
import type { AppDB } from '../db/app-db';
import type { Account } from '../db/brands';
import type { PageIdentity } from '../messaging/page-state';
import { findAccount } from './ops';

/** How the brand in view was chosen. */
export type BrandInViewSource =
  /** The page's account is filed under this brand. */
  | 'account'
  /** The user picked it in the sidebar for this tab (a brand, or all brands). */
  | 'manual'
  /** The page names no account, or one in no brand it only shows: the brand seen last in
   * this tab stays. */
  | 'kept'
  /** Nothing to go by (or the page's account is in no brand yet): all brands. */
  | 'none';

/** What a tab remembers between two page states. */
export interface TabBrandMemory {
  /** The identity the tab showed last (`identityKey`); null before the page named one. */
  key: string | null;
  /** The user's pick for this tab, which holds until the identity changes. */
  manual: { brandId: string | null } | null;
  /** The brand in view last time (null = all brands). */
  last: string | null;
}

export const EMPTY_TAB_MEMORY: TabBrandMemory = { key: null, manual: null, last: null };

export interface BrandResolution {
  /** null = all brands. */
  brandId: string | null;
  source: BrandInViewSource;
  /** The page shows an account that is in no brand and the user has not picked one for it:
   * the sidebar asks "Which client is this account?". */
  askAccount: boolean;
  memory: TabBrandMemory;
}

/** One string per identity, so that "the identity changed" is a comparison. An account
 * found in the database is its id: the same Page read by its address, by "Comment as" or by
 * its Business Suite asset is one identity. */
export function identityKey(identity: PageIdentity, account: Pick<Account, 'id'> | null): string {
  if (account) return `account:${account.id}`;
  const what = identity.externalId
    ? `id:${identity.externalId}`
    : identity.handle
      ? `handle:${identity.handle.toLowerCase()}`
      : `name:${(identity.name ?? '').toLowerCase()}`;
  return `${identity.network}:${what}`;
}

/**
 * The rules, in order:
 * 1. A new identity (another client's Page, acting as another Page) drops the tab's manual pick.
 * 2. A manual pick holds (a brand, or all brands).
 * 3. The page's account, found in a brand: that brand.
 * 4. The page names nobody (the feed as oneself), or shows a Page or profile in no brand that
 *    the user only looks at (a competitor, a friend): the brand seen last stays.
 * 5. The page's account is in no brand: all brands (unless 4 kept one), and the sidebar asks
 *    which client it is.
 * Brands that no longer exist are never the answer.
 */
export function resolveBrandInView(input: {
  identity: PageIdentity | null;
  account: Pick<Account, 'id' | 'brandId'> | null;
  memory: TabBrandMemory;
  brandIds: ReadonlySet<string>;
}): BrandResolution {
  const { identity, memory, brandIds } = input;
  const exists = (id: string | null) => id === null || brandIds.has(id);
  const account = input.account && brandIds.has(input.account.brandId) ? input.account : null;
  const key = identity ? identityKey(identity, account) : null;
  let manual = key !== null && key !== memory.key ? null : memory.manual;
  if (manual && !exists(manual.brandId)) manual = null;

  let brandId: string | null;
  let source: BrandInViewSource;
  if (manual) {
    brandId = manual.brandId;
    source = 'manual';
  } else if (account) {
    brandId = account.brandId;
    source = 'account';
  } else if ((identity === null || onlyViewed(identity)) && memory.last !== null && exists(memory.last)) {
    brandId = memory.last;
    source = 'kept';
  } else {
    brandId = null;
    source = 'none';
  }
  return {
    brandId,
    source,
    askAccount: identity !== null && account === null && manual === null,
    memory: { key: key ?? memory.key, manual, last: brandId },
  };
}

/** A Page or profile the page shows (its address), not one the user acts as. */
function onlyViewed(identity: PageIdentity): boolean {
  return identity.via === 'page' || identity.via === 'profile';
}

/** The stored account for the page's identity: by site id, else handle (`findAccount`),
 * else by the name the page shows when exactly one account of that network carries it (an
 * account filed from "Comment as NAME" has only a name; its Page's address later gives a
 * handle). */
export async function accountForIdentity(db: AppDB, identity: PageIdentity): Promise<Account | null> {
  const found = await findAccount(db, { ...identity, name: null });
  if (found || !identity.name) return found;
  const name = identity.name.trim().toLowerCase();
  const named = await db.accounts.filter((a) => a.network === identity.network && a.name.trim().toLowerCase() === name).toArray();
  return named.length === 1 ? named[0] : null;
}

/** The account's fields to file for an identity (`addAccount`): its name, else its handle,
 * else its id, as the name. */
export function accountFieldsFor(identity: PageIdentity) {
  return {
    network: identity.network,
    name: identity.name ?? identity.handle ?? identity.externalId ?? identity.network,
    handle: identity.handle,
    externalId: identity.externalId,
  };
}
