import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { BRAND_COLORS } from '../db/brands';
import { fillDatabase, makeFixtureRows } from '../db/fixtures';
import { packHashtags } from '../hashtags/packed';
import { addAccount, brandContents, removeAccount, createBrand, createBrandWithAccount, deleteBrand, findAccount, mergeBrands, moveItems, updateBrand } from './ops';

const dbs: AppDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function fixtures(): Promise<AppDB> {
  const db = new AppDB(`brand-ops-${crypto.randomUUID()}`);
  dbs.push(db);
  await fillDatabase(db);
  return db;
}

const GINO = 'brand-trattoria-gino';
const MULLER = 'brand-cafe-muller';

describe('brands and accounts', () => {
  test('a new brand gets a clean name and one of the colours', async () => {
    const db = await fixtures();
    const brand = await createBrand(db, { name: '  Fiori   di Lucia  ' }, 5);
    expect(brand).toMatchObject({ name: 'Fiori di Lucia', timeZone: null, createdAt: 5, updatedAt: 5 });
    expect(BRAND_COLORS).toContain(brand.color);
    await expect(createBrand(db, { name: '   ' })).rejects.toThrow('brand-name-required');
  });

  test('rename and time zone stamp updatedAt; an unknown brand is refused', async () => {
    const db = await fixtures();
    await updateBrand(db, GINO, { name: 'Da Gino', timeZone: 'Europe/Rome' }, 99);
    expect(await db.brands.get(GINO)).toMatchObject({ name: 'Da Gino', updatedAt: 99 });
    await expect(updateBrand(db, 'nope', { name: 'x' })).rejects.toThrow('brand-not-found');
  });

  test('an account is found by site id, then handle (any case), then name when neither is known', async () => {
    const db = await fixtures();
    expect((await findAccount(db, { network: 'instagram', handle: 'TrattoriaDaGino' }))?.id).toBe(GINO);
    expect((await findAccount(db, { network: 'facebook', handle: 'trattoriadagino' }))).toBeNull();
    expect((await findAccount(db, { network: 'facebook', handle: null, name: 'Café Müller – Berlin' }))?.id).toBe(MULLER);
    expect(await findAccount(db, { network: 'facebook', handle: 'other', name: 'Café Müller – Berlin' })).toBeNull();
  });

  test('adding a known account to another brand moves it with its logged posts', async () => {
    const db = await fixtures();
    const account = await addAccount(db, MULLER, { network: 'instagram', name: 'Trattoria Da Gino', handle: '@trattoriadagino' }, 50);
    expect(account).toMatchObject({ id: GINO, brandId: MULLER, updatedAt: 50 });
    expect((await db.postLog.get('post-gino-1'))!.brandId).toBe(MULLER);
    expect(await db.accounts.count()).toBe(2);
  });

  test('createBrandWithAccount makes both', async () => {
    const db = await fixtures();
    const { brand, account } = await createBrandWithAccount(db, { network: 'facebook', name: 'Fiori di Lucia', handle: 'fioridilucia' });
    expect(account).toMatchObject({ brandId: brand.id, handle: 'fioridilucia', externalId: null });
  });
});

describe('moving, merging, deleting', () => {
  test('brandContents counts what goes with a brand (learned hashtags one by one)', async () => {
    const db = await fixtures();
    expect(await brandContents(db, GINO)).toEqual({ accounts: 1, savedReplies: 1, hashtagSets: 1, hashtagStats: 4, clips: 1, images: 2, postLog: 1 });
  });

  test('moving clips takes their images; moving to all brands is null', async () => {
    const db = await fixtures();
    expect(await moveItems(db, 'clips', ['clip-lasagne'], MULLER, 7)).toBe(1);
    expect((await db.images.where('clipId').equals('clip-lasagne').toArray()).map((i) => i.brandId)).toEqual([MULLER, MULLER]);
    await moveItems(db, 'savedReplies', ['reply-grazie'], null, 8);
    expect(await db.savedReplies.get('reply-grazie')).toMatchObject({ brandId: null, updatedAt: 8 });
    await expect(moveItems(db, 'accounts', [GINO], null)).rejects.toThrow('account-needs-brand');
    await expect(moveItems(db, 'clips', ['clip-lasagne'], 'nope')).rejects.toThrow('brand-not-found');
  });

  test('merging moves everything and adds learned hashtags of the same network together', async () => {
    const db = await fixtures();
    const extra = packHashtags([
      { key: 'pasta', tag: 'Pasta', network: 'instagram', brandId: MULLER, ownCount: 2, seenCount: 3, cooccurs: { cucinaitaliana: 1 }, lastSeenAt: 10 },
    ])[0];
    await db.hashtagStats.put({ ...extra, id: `instagram-brand-${MULLER}`, createdAt: 1, updatedAt: 1 });
    const before = (await db.hashtagStats.get(`instagram-brand-${GINO}`))!;
    await mergeBrands(db, MULLER, GINO, 77);
    expect(await db.brands.get(MULLER)).toBeUndefined();
    expect((await db.accounts.toArray()).every((a) => a.brandId === GINO)).toBe(true);
    expect((await db.clips.toArray()).filter((c) => c.brandId === MULLER)).toEqual([]);
    expect((await db.postLog.toArray()).every((e) => e.brandId === GINO)).toBe(true);
    const merged = (await db.hashtagStats.get(`instagram-brand-${GINO}`))!;
    expect(await db.hashtagStats.get(`instagram-brand-${MULLER}`)).toBeUndefined();
    const pasta = merged.keys.indexOf('pasta');
    const wasPasta = before.keys.indexOf('pasta');
    expect(merged.ownCounts[pasta]).toBe((wasPasta >= 0 ? before.ownCounts[wasPasta] : 0) + 2);
    expect(merged.ownPosts).toBe(before.ownPosts + extra.ownPosts);
    expect(await db.tombstones.get(`brands:${MULLER}`)).toMatchObject({ brandId: MULLER });
  });

  test('deleting a brand deletes what belongs to it, leaves shared items and tombstones', async () => {
    const db = await fixtures();
    await deleteBrand(db, GINO);
    const rows = makeFixtureRows();
    expect(await db.brands.count()).toBe(1);
    expect(await db.savedReplies.toArray()).toEqual(rows.savedReplies.filter((r) => r.brandId !== GINO));
    expect(await db.images.count()).toBe(0);
    expect(await db.postLog.where('accountId').equals(GINO).count()).toBe(0);
    expect(await db.tombstones.where('brandId').equals(GINO).count()).toBeGreaterThanOrEqual(7);
  });
});

describe('removing an account', () => {
  test('takes its logged posts along and leaves the brand and the other rows', async () => {
    const db = await fixtures();
    const postsBefore = await db.postLog.count();
    const gino = await db.postLog.where('accountId').equals(GINO).count();
    expect(gino).toBeGreaterThan(0);
    await removeAccount(db, GINO);
    expect(await db.accounts.get(GINO)).toBeUndefined();
    expect(await db.postLog.count()).toBe(postsBefore - gino);
    expect(await db.brands.get(GINO)).toBeDefined();
    expect(await db.accounts.get(MULLER)).toBeDefined();
  });
});
