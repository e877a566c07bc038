import type { AppDB } from '../db/app-db';
import type { Account, Brand } from '../db/brands';
import type { BrandRef, Network } from '../db/record';
import { addAccount, createBrandWithAccount, findAccount, type AccountFields } from '../brands/ops';
import { offeredIn } from '../brands/offered';

/**
 * An account as the best-time hints see it: the account (network, name, handle) with its
 * brand's audience time zone. Since version 3 of the database the time zone is the brand's
 * (a client's audience), and the account is a row of `accounts`.
 */
export interface TimingAccount extends Account {
  timeZone: Brand['timeZone'];
}

export function withTimeZone(account: Account, brand: Pick<Brand, 'timeZone'> | undefined): TimingAccount {
  return { ...account, timeZone: brand?.timeZone ?? null };
}

export async function timingAccount(db: AppDB, accountId: string): Promise<TimingAccount | null> {
  const account = await db.accounts.get(accountId);
  return account ? withTimeZone(account, await db.brands.get(account.brandId)) : null;
}

/** Every account, optionally of one brand, with its brand's time zone, by name. */
export async function timingAccounts(db: AppDB, brandId?: string): Promise<TimingAccount[]> {
  const [accounts, brands] = await Promise.all([brandId ? db.accounts.where('brandId').equals(brandId).toArray() : db.accounts.toArray(), db.brands.toArray()]);
  const byId = new Map(brands.map((b) => [b.id, b]));
  return accounts.map((a) => withTimeZone(a, byId.get(a.brandId))).sort((a, b) => a.name.localeCompare(b.name));
}

/** The account a tab's best-time hint is for, and whether it is the one the page shows (only
 * then are the page's posts its posts, to log). */
export interface HintAccount {
  account: TimingAccount;
  onPage: boolean;
}

/**
 * Whose best time the sidebar shows, with `brandId` in view (issue #13; null = all brands):
 * 1. the account the page shows, when it is stored and the brand in view's (or all brands are);
 * 2. none when the page shows an account not stored yet: the sidebar offers to add it (to the
 *    brand in view);
 * 3. else the brand in view's account on the page's network (first by name): on a feed, or on
 *    another client's Page while this brand is in view;
 * 4. else the stored account the page shows (a brand with no account on this network);
 * 5. else none.
 * `network`: the network of the page's account, else of the account the page is acting as.
 */
export async function hintAccount(
  db: AppDB,
  page: { network: Network; handle: string | null; name: string | null } | null,
  network: Network | null,
  brandId: BrandRef,
): Promise<HintAccount | null> {
  const stored = page ? await findAccount(db, page) : null;
  const shown = stored ? withTimeZone(stored, await db.brands.get(stored.brandId)) : null;
  if (shown && offeredIn(shown.brandId, brandId)) return { account: shown, onPage: true };
  if (page && !stored) return null;
  const own = brandId !== null && network ? (await timingAccounts(db, brandId)).find((a) => a.network === network) : undefined;
  if (own) return { account: own, onPage: false };
  return shown ? { account: shown, onPage: true } : null;
}

/** "Add this account" from the sidebar: filed under the brand in view; with all brands in
 * view (null), a new brand of its name (the user can merge it into a client's later). */
export async function fileAccount(db: AppDB, fields: AccountFields, brandId: BrandRef): Promise<TimingAccount> {
  if (brandId === null) {
    const { brand, account } = await createBrandWithAccount(db, fields);
    return withTimeZone(account, brand);
  }
  return withTimeZone(await addAccount(db, brandId, fields), await db.brands.get(brandId));
}
