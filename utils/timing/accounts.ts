import type { AppDB } from '../db/app-db';
import type { Account, Brand } from '../db/brands';

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
