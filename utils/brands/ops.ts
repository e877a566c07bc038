/**
 * Brands (clients) and their accounts in the database: create, rename, merge, delete, and
 * move items between brands (issue #13). Plain functions over an `AppDB`, used by the
 * library page and the background alike. Every write stamps `updatedAt`; every deletion
 * leaves a tombstone by itself (`utils/db/deletion-log.ts`).
 */
import Dexie from 'dexie';
import type { AppDB } from '../db/app-db';
import { defaultBrandColor, type Account, type Brand } from '../db/brands';
import type { HashtagStat } from '../db/hashtags';
import { stampNew, type BrandRef, type Network } from '../db/record';
import { mergeScopes, packedScopeId } from '../hashtags/packed';

/** Tables whose rows belong to a brand (`brandId`; null = all brands). */
export const BRANDED_TABLES = ['accounts', 'savedReplies', 'hashtagSets', 'hashtagStats', 'clips', 'images', 'postLog'] as const;
export type BrandedTable = (typeof BRANDED_TABLES)[number];

/** Tables whose items the user moves between brands by hand. Images follow their clip,
 * logged posts their account, learned hashtags are merged, not moved. */
export const MOVABLE_TABLES = ['savedReplies', 'hashtagSets', 'clips', 'accounts'] as const;
export type MovableTable = (typeof MOVABLE_TABLES)[number];

export const BRAND_NAME_MAX = 120;

export interface BrandFields {
  name: string;
  color?: string;
  timeZone?: string | null;
}

export interface AccountFields {
  network: Network;
  name: string;
  handle: string | null;
  externalId?: string | null;
}

function cleanName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, BRAND_NAME_MAX);
  if (!clean) throw new Error('brand-name-required');
  return clean;
}

function cleanHandle(handle: string | null): string | null {
  return handle?.trim().replace(/^@/, '').slice(0, 100) || null;
}

export async function createBrand(db: AppDB, fields: BrandFields, now = Date.now()): Promise<Brand> {
  const base = stampNew({ name: cleanName(fields.name), color: '', timeZone: fields.timeZone ?? null }, now);
  const brand: Brand = { ...base, color: fields.color ?? defaultBrandColor(base.id) };
  await db.brands.add(brand);
  return brand;
}

export async function updateBrand(db: AppDB, id: string, changes: Partial<BrandFields>, now = Date.now()): Promise<void> {
  const update: Partial<Brand> = { updatedAt: now };
  if (changes.name !== undefined) update.name = cleanName(changes.name);
  if (changes.color !== undefined) update.color = changes.color;
  if (changes.timeZone !== undefined) update.timeZone = changes.timeZone;
  if ((await db.brands.update(id, update)) === 0) throw new Error('brand-not-found');
}

/** The stored account for what a page shows: the same site id, else the same handle
 * (case-insensitive), else, when the page gives neither, the same name. */
export async function findAccount(
  db: AppDB,
  account: { network: Network; handle: string | null; externalId?: string | null; name?: string | null },
): Promise<Account | null> {
  const accounts = await db.accounts.filter((a) => a.network === account.network).toArray();
  const handle = account.handle?.toLowerCase();
  return (
    (account.externalId ? accounts.find((a) => a.externalId === account.externalId) : undefined) ??
    (handle ? accounts.find((a) => a.handle?.toLowerCase() === handle) : undefined) ??
    (account.name && !handle && !account.externalId ? accounts.find((a) => a.name === account.name) : undefined) ??
    null
  );
}

/** Files an account under `brandId`: the one already stored for it moves there (and what
 * the page now says about it is kept), or a new one is added. */
export async function addAccount(db: AppDB, brandId: string, fields: AccountFields, now = Date.now()): Promise<Account> {
  return db.transaction('rw', db.accounts, db.brands, db.postLog, async () => {
    if (!(await db.brands.get(brandId))) throw new Error('brand-not-found');
    const handle = cleanHandle(fields.handle);
    const name = cleanName(fields.name);
    const existing = await findAccount(db, { network: fields.network, handle, externalId: fields.externalId ?? null, name });
    if (existing) {
      const moved: Account = { ...existing, brandId, name, handle: handle ?? existing.handle, externalId: fields.externalId ?? existing.externalId, updatedAt: now };
      await db.accounts.put(moved);
      if (existing.brandId !== brandId) await moveAccountPosts(db, [existing.id], brandId, now);
      return moved;
    }
    const account: Account = stampNew({ brandId, network: fields.network, name, handle, externalId: fields.externalId ?? null }, now);
    await db.accounts.add(account);
    return account;
  });
}

/** Removes an account from its brand, with the posts logged for it (they are that
 * account's numbers and belong to no other). */
export async function removeAccount(db: AppDB, accountId: string): Promise<void> {
  await db.transaction('rw', db.accounts, db.postLog, async () => {
    await db.postLog.where('accountId').equals(accountId).delete();
    await db.accounts.delete(accountId);
  });
}

/** A brand named after a new account, holding it: what "Add account" does when the user
 * does not pick an existing brand. */
export async function createBrandWithAccount(db: AppDB, fields: AccountFields, now = Date.now()): Promise<{ brand: Brand; account: Account }> {
  return db.transaction('rw', db.brands, db.accounts, db.postLog, async () => {
    const brand = await createBrand(db, { name: fields.name }, now);
    const account = await addAccount(db, brand.id, fields, now);
    return { brand, account };
  });
}

/** What belongs to a brand, as a user counts it: for the confirmation before deleting it. */
export type BrandContents = Record<BrandedTable, number>;

export async function brandContents(db: AppDB, brandId: string): Promise<BrandContents> {
  const counts = {} as BrandContents;
  for (const table of BRANDED_TABLES) {
    if (table === 'hashtagStats') {
      counts.hashtagStats = (await db.hashtagStats.where('brandId').equals(brandId).toArray()).reduce((n, s) => n + s.keys.length, 0);
    } else if (table === 'postLog') {
      counts.postLog = await postsOfBrand(db, brandId).count();
    } else {
      counts[table] = await db.table(table).where('brandId').equals(brandId).count();
    }
  }
  return counts;
}

/** Deletes a brand with everything that belongs to it, in one transaction. Items shared
 * by all brands stay. */
export async function deleteBrand(db: AppDB, brandId: string): Promise<void> {
  await db.transaction('rw', [db.brands, ...BRANDED_TABLES.map((t) => db.table(t))], async () => {
    for (const table of BRANDED_TABLES) {
      if (table === 'postLog') await postsOfBrand(db, brandId).delete();
      else await db.table(table).where('brandId').equals(brandId).delete();
    }
    await db.brands.delete(brandId);
  });
}

/** Moves every item of brand `fromId` to brand `intoId` and deletes `fromId`: two brands
 * that are one client. Learned hashtags of the same network are added together. */
export async function mergeBrands(db: AppDB, fromId: string, intoId: string, now = Date.now()): Promise<void> {
  if (fromId === intoId) return;
  await db.transaction('rw', [db.brands, ...BRANDED_TABLES.map((t) => db.table(t))], async () => {
    if (!(await db.brands.get(fromId)) || !(await db.brands.get(intoId))) throw new Error('brand-not-found');
    for (const table of ['accounts', 'savedReplies', 'hashtagSets', 'clips', 'images'] as const) {
      await db.table(table).where('brandId').equals(fromId).modify({ brandId: intoId, updatedAt: now });
    }
    await postsOfBrand(db, fromId).modify({ brandId: intoId, updatedAt: now });
    for (const scope of await db.hashtagStats.where('brandId').equals(fromId).toArray()) {
      const intoKey = packedScopeId(scope.network, intoId);
      const into = await db.hashtagStats.get(intoKey);
      const merged = into ? mergeScopes(into, scope, intoId) : { ...scope, brandId: intoId };
      const record: HashtagStat = { ...merged, id: intoKey, createdAt: Math.min(scope.createdAt, into?.createdAt ?? scope.createdAt), updatedAt: now };
      await db.hashtagStats.delete(scope.id);
      await db.hashtagStats.put(record);
    }
    await db.brands.delete(fromId);
  });
}

/** Files items of one table under `brandId` (null: all brands), in bulk. A clip takes its
 * images along, an account its logged posts. */
export async function moveItems(db: AppDB, table: MovableTable, ids: readonly string[], brandId: BrandRef, now = Date.now()): Promise<number> {
  if (table === 'accounts' && brandId === null) throw new Error('account-needs-brand');
  return db.transaction('rw', [db.brands, db.table(table), db.images, db.postLog], async () => {
    if (brandId !== null && !(await db.brands.get(brandId))) throw new Error('brand-not-found');
    const moved = await db.table(table).where('id').anyOf([...ids]).modify({ brandId, updatedAt: now });
    if (table === 'clips') await db.images.where('clipId').anyOf([...ids]).modify({ brandId, updatedAt: now });
    if (table === 'accounts') await moveAccountPosts(db, ids, brandId!, now);
    return moved;
  });
}

async function moveAccountPosts(db: AppDB, accountIds: readonly string[], brandId: string, now: number): Promise<void> {
  await db.postLog.where('accountId').anyOf([...accountIds]).modify({ brandId, updatedAt: now });
}

/** A brand's logged posts, through the `[brandId+network]` index (every network) rather than a
 * scan of the whole log. */
export function postsOfBrand(db: AppDB, brandId: string) {
  return db.postLog.where('[brandId+network]').between([brandId, Dexie.minKey], [brandId, Dexie.maxKey]);
}
