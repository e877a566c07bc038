import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { AppDB } from '../db/app-db';
import type { PageIdentity } from '../messaging/page-state';
import { EMPTY_TAB_MEMORY, accountFieldsFor, accountForIdentity, identityKey, resolveBrandInView, type TabBrandMemory } from './in-view';
import { addAccount, createBrand } from './ops';

const GINO = 'brand-gino';
const LUCIA = 'brand-lucia';
const BRANDS = new Set([GINO, LUCIA]);

const ginoPage: PageIdentity = { network: 'facebook', via: 'page', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino' };
const luciaActing: PageIdentity = { network: 'facebook', via: 'acting-as', handle: null, externalId: null, name: 'Fiori di Lucia' };
const unknownPage: PageIdentity = { network: 'facebook', via: 'page', handle: 'palestratitan', externalId: null, name: 'Palestra Titan' };
const ginoAccount = { id: 'acc-gino', brandId: GINO };
const luciaAccount = { id: 'acc-lucia', brandId: LUCIA };

/** Applies the rules to a sequence of pages, as a tab goes through them. */
function walk(steps: { identity: PageIdentity | null; account: { id: string; brandId: string } | null; pick?: string | null }[]) {
  let memory: TabBrandMemory = EMPTY_TAB_MEMORY;
  return steps.map((step) => {
    if (step.pick !== undefined) memory = { ...memory, manual: { brandId: step.pick } };
    const resolved = resolveBrandInView({ identity: step.identity, account: step.account, memory, brandIds: BRANDS });
    memory = resolved.memory;
    return resolved;
  });
}

describe('the brand in view', () => {
  test("the page's account gives its brand; another client's page switches", () => {
    const [first, second] = walk([
      { identity: ginoPage, account: ginoAccount },
      { identity: luciaActing, account: luciaAccount },
    ]);
    expect(first).toMatchObject({ brandId: GINO, source: 'account', askAccount: false });
    expect(second).toMatchObject({ brandId: LUCIA, source: 'account', askAccount: false });
  });

  test('a manual pick holds while the identity stays, and ends when it changes', () => {
    const steps = walk([
      { identity: ginoPage, account: ginoAccount },
      { identity: ginoPage, account: ginoAccount, pick: LUCIA },
      // The same Page, read another way (acting as it): the same account, the same identity.
      { identity: { ...ginoPage, via: 'acting-as', handle: null }, account: ginoAccount },
      { identity: luciaActing, account: luciaAccount },
      { identity: ginoPage, account: ginoAccount },
    ]);
    expect(steps.map((s) => [s.brandId, s.source])).toEqual([
      [GINO, 'account'],
      [LUCIA, 'manual'],
      [LUCIA, 'manual'],
      [LUCIA, 'account'],
      [GINO, 'account'],
    ]);
  });

  test('"all brands" is a pick like any other', () => {
    const [, all, back] = walk([
      { identity: ginoPage, account: ginoAccount },
      { identity: ginoPage, account: ginoAccount, pick: null },
      { identity: luciaActing, account: luciaAccount },
    ]);
    expect(all).toMatchObject({ brandId: null, source: 'manual' });
    expect(back).toMatchObject({ brandId: LUCIA, source: 'account' });
  });

  test('a page that names nobody keeps the brand seen last, and the pick made there', () => {
    const steps = walk([
      { identity: null, account: null },
      { identity: ginoPage, account: ginoAccount },
      { identity: null, account: null },
      { identity: null, account: null, pick: LUCIA },
      { identity: null, account: null },
    ]);
    expect(steps.map((s) => [s.brandId, s.source, s.askAccount])).toEqual([
      [null, 'none', false],
      [GINO, 'account', false],
      [GINO, 'kept', false],
      [LUCIA, 'manual', false],
      [LUCIA, 'manual', false],
    ]);
  });

  test('an account in no brand: all brands, and the sidebar asks, until the user picks', () => {
    const [asked, picked, again] = walk([
      { identity: unknownPage, account: null },
      { identity: unknownPage, account: null, pick: null },
      { identity: unknownPage, account: null },
    ]);
    expect(asked).toMatchObject({ brandId: null, source: 'none', askAccount: true });
    expect(picked).toMatchObject({ brandId: null, source: 'manual', askAccount: false });
    expect(again.askAccount).toBe(false);
  });

  test("a Page in no brand that the user only looks at keeps the brand; one acted as does not", () => {
    const steps = walk([
      { identity: ginoPage, account: ginoAccount },
      { identity: unknownPage, account: null },
      { identity: { ...unknownPage, via: 'acting-as', handle: null }, account: null },
    ]);
    expect(steps.map((s) => [s.brandId, s.source, s.askAccount])).toEqual([
      [GINO, 'account', false],
      [GINO, 'kept', true],
      [null, 'none', true],
    ]);
  });

  test('a brand deleted meanwhile is never the answer', () => {
    const memory: TabBrandMemory = { key: identityKey(ginoPage, ginoAccount), manual: { brandId: 'gone' }, last: 'gone' };
    expect(resolveBrandInView({ identity: ginoPage, account: ginoAccount, memory, brandIds: BRANDS })).toMatchObject({ brandId: GINO, source: 'account' });
    expect(resolveBrandInView({ identity: null, account: null, memory, brandIds: BRANDS })).toMatchObject({ brandId: null, source: 'none' });
    // An account whose brand is gone counts as no account.
    expect(resolveBrandInView({ identity: ginoPage, account: { id: 'x', brandId: 'gone' }, memory: EMPTY_TAB_MEMORY, brandIds: BRANDS })).toMatchObject({
      brandId: null,
      askAccount: true,
    });
  });

  test('identity keys: by account when found, else id, handle (any case), name', () => {
    expect(identityKey(ginoPage, ginoAccount)).toBe('account:acc-gino');
    expect(identityKey({ ...ginoPage, handle: 'PizzeriaDaGino' }, null)).toBe(identityKey(ginoPage, null));
    expect(identityKey({ ...ginoPage, externalId: '104729384756102' }, null)).toBe('facebook:id:104729384756102');
    expect(identityKey(luciaActing, null)).toBe('facebook:name:fiori di lucia');
    expect(identityKey({ ...luciaActing, network: 'instagram' }, null)).not.toBe(identityKey(luciaActing, null));
  });
});

describe('the account for an identity', () => {
  const dbs: AppDB[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  async function db() {
    const db = new AppDB(`in-view-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.open();
    return db;
  }

  test('found by handle, by site id, and by a unique name when the page gives only a name', async () => {
    const d = await db();
    const gino = await createBrand(d, { name: 'Pizzeria Da Gino' });
    const byHandle = await addAccount(d, gino.id, accountFieldsFor(ginoPage));
    expect((await accountForIdentity(d, ginoPage))?.id).toBe(byHandle.id);
    expect((await accountForIdentity(d, { ...ginoPage, via: 'acting-as', handle: null }))?.id).toBe(byHandle.id);
    const lucia = await createBrand(d, { name: 'Fiori di Lucia' });
    const byId = await addAccount(d, lucia.id, { network: 'facebook', name: 'Fiori di Lucia', handle: null, externalId: '108837261549013' });
    expect((await accountForIdentity(d, { ...luciaActing, via: 'asset', externalId: '108837261549013' }))?.id).toBe(byId.id);
    expect(await accountForIdentity(d, unknownPage)).toBeNull();
    expect(await accountForIdentity(d, { ...ginoPage, network: 'instagram' })).toBeNull();
  });

  test('a name two accounts share finds neither', async () => {
    const d = await db();
    const a = await createBrand(d, { name: 'A' });
    const b = await createBrand(d, { name: 'B' });
    await addAccount(d, a.id, { network: 'facebook', name: 'Bar Centrale', handle: 'barcentrale.a' });
    await addAccount(d, b.id, { network: 'facebook', name: 'Bar Centrale', handle: 'barcentrale.b' });
    expect(await accountForIdentity(d, { network: 'facebook', via: 'acting-as', handle: null, externalId: null, name: 'Bar Centrale' })).toBeNull();
  });

  test('X, Threads and LinkedIn: handles in any case, each on its own network; filed with the network the page gives', async () => {
    const d = await db();
    const gino = await createBrand(d, { name: 'Pizzeria Da Gino' });
    const lucia = await createBrand(d, { name: 'Fiori di Lucia' });
    const ginoX = await addAccount(d, gino.id, { network: 'x', name: 'Pizzeria Da Gino', handle: '@PizzeriaDaGino' });
    const luciaThreads = await addAccount(d, lucia.id, { network: 'threads', name: 'Fiori di Lucia', handle: 'fioridilucia' });
    const x: PageIdentity = { network: 'x', via: 'logged-in', handle: 'pizzeriadagino', externalId: null, name: null };
    expect((await accountForIdentity(d, x))?.id).toBe(ginoX.id);
    expect((await accountForIdentity(d, { network: 'threads', via: 'profile', handle: 'FiorIdiLucia', externalId: null, name: 'Fiori di Lucia' }))?.id).toBe(luciaThreads.id);
    expect(await accountForIdentity(d, { ...x, network: 'threads' })).toBeNull();
    // The sidebar's "Which client is this account?" files the LinkedIn Page under Lucia's brand.
    const page: PageIdentity = { network: 'linkedin', via: 'page', handle: 'fiori-di-lucia', externalId: null, name: 'Fiori di Lucia' };
    expect(await accountForIdentity(d, page)).toBeNull();
    const filed = await addAccount(d, lucia.id, accountFieldsFor(page));
    expect(filed).toMatchObject({ brandId: lucia.id, network: 'linkedin', handle: 'fiori-di-lucia', name: 'Fiori di Lucia' });
    expect((await accountForIdentity(d, { ...page, handle: 'Fiori-di-Lucia' }))?.id).toBe(filed.id);
  });

  test('the fields filed for an identity name it by what the page gives', () => {
    expect(accountFieldsFor(ginoPage).name).toBe('Pizzeria Da Gino');
    expect(accountFieldsFor({ network: 'instagram', via: 'logged-in', handle: 'fioridilucia.bo', externalId: null, name: null }).name).toBe('fioridilucia.bo');
  });
});
