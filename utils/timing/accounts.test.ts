import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import { addAccount, createBrand } from '../brands/ops';
import { fileAccount, hintAccount } from './accounts';

const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Two clients: Gino (a Facebook Page and an Instagram account), Lucia (Instagram only). */
async function agency() {
  const db = new AppDB(`hint-account-${crypto.randomUUID()}`);
  opened.push(db);
  const gino = await createBrand(db, { name: 'Pizzeria Da Gino', timeZone: 'Europe/Rome' });
  const lucia = await createBrand(db, { name: 'Fiori di Lucia' });
  const ginoFb = await addAccount(db, gino.id, { network: 'facebook', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino' });
  const ginoIg = await addAccount(db, gino.id, { network: 'instagram', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino' });
  const luciaIg = await addAccount(db, lucia.id, { network: 'instagram', name: 'Fiori di Lucia', handle: 'fioridilucia.bo' });
  return { db, gino: gino.id, lucia: lucia.id, ginoFb: ginoFb.id, ginoIg: ginoIg.id, luciaIg: luciaIg.id };
}

const page = (network: 'facebook' | 'instagram', handle: string) => ({ network, handle, name: null });

describe('hintAccount: whose best time the sidebar shows (issue #13)', () => {
  test("the page's account when it is the brand in view's, or with all brands in view; with its brand's time zone", async () => {
    const a = await agency();
    expect(await hintAccount(a.db, page('instagram', 'pizzeriadagino'), 'instagram', a.gino)).toMatchObject({
      account: { id: a.ginoIg, timeZone: 'Europe/Rome' },
      onPage: true,
    });
    expect(await hintAccount(a.db, page('instagram', 'fioridilucia.bo'), 'instagram', null)).toMatchObject({ account: { id: a.luciaIg }, onPage: true });
  });

  test("another client's page with a brand in view: the brand's own account on that network, not to log the page's posts into", async () => {
    const a = await agency();
    expect(await hintAccount(a.db, page('instagram', 'fioridilucia.bo'), 'instagram', a.gino)).toMatchObject({ account: { id: a.ginoIg }, onPage: false });
    expect(await hintAccount(a.db, page('instagram', 'pizzeriadagino'), 'instagram', a.lucia)).toMatchObject({ account: { id: a.luciaIg }, onPage: false });
  });

  test("a page without an account of its own (a feed): the brand in view's account on the network acted as; none with all brands", async () => {
    const a = await agency();
    expect(await hintAccount(a.db, null, 'facebook', a.gino)).toMatchObject({ account: { id: a.ginoFb }, onPage: false });
    expect(await hintAccount(a.db, null, 'instagram', a.gino)).toMatchObject({ account: { id: a.ginoIg }, onPage: false });
    expect(await hintAccount(a.db, null, 'facebook', null)).toBe(null);
    expect(await hintAccount(a.db, null, null, a.gino)).toBe(null);
  });

  test('a brand with no account on this network: the stored account the page shows; else none', async () => {
    const a = await agency();
    expect(await hintAccount(a.db, page('facebook', 'pizzeriadagino'), 'facebook', a.lucia)).toMatchObject({ account: { id: a.ginoFb }, onPage: true });
    expect(await hintAccount(a.db, null, 'facebook', a.lucia)).toBe(null);
  });

  test('an account the page shows that is not stored: none, so that the sidebar offers to add it', async () => {
    const a = await agency();
    expect(await hintAccount(a.db, page('instagram', 'palestra.fit'), 'instagram', a.gino)).toBe(null);
    expect(await hintAccount(a.db, page('instagram', 'palestra.fit'), 'instagram', null)).toBe(null);
  });
});

describe('fileAccount: "Add this account" from the sidebar (issue #13)', () => {
  test('with a brand in view: filed under it, with its time zone; no new brand', async () => {
    const a = await agency();
    const added = await fileAccount(a.db, { network: 'facebook', name: 'Gino Catering', handle: 'ginocatering' }, a.gino);
    expect(added).toMatchObject({ brandId: a.gino, network: 'facebook', handle: 'ginocatering', timeZone: 'Europe/Rome' });
    expect(await a.db.brands.count()).toBe(2);
    expect(await hintAccount(a.db, page('facebook', 'ginocatering'), 'facebook', a.gino)).toMatchObject({ account: { id: added.id }, onPage: true });
  });

  test('with all brands in view: a brand of its own name', async () => {
    const a = await agency();
    const added = await fileAccount(a.db, { network: 'instagram', name: 'Palestra Fit', handle: 'palestra.fit' }, null);
    const brand = await a.db.brands.get(added.brandId);
    expect(brand?.name).toBe('Palestra Fit');
    expect(await a.db.brands.count()).toBe(3);
  });
});
