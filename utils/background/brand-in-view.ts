import { browser, storage } from '#imports';
import { liveQuery } from 'dexie';
import { getDb } from '../db/app-db';
import type { Account } from '../db/brands';
import { addAccount, createBrand } from '../brands/ops';
import {
  EMPTY_TAB_MEMORY,
  accountFieldsFor,
  accountForIdentity,
  resolveBrandInView,
  type TabBrandMemory,
} from '../brands/in-view';
import type { BrandCreateResult, BrandSummary, BrandView } from '../messaging/features/brands';
import type { PageState } from '../messaging/page-state';
import { onMessage } from '../messaging/protocol';
import { isFromSidebar } from '../messaging/sender';
import type { BackgroundContext } from './context';

/**
 * The brand in view of each tab (issue #13), for the sidebar's header and for every
 * feature that files or offers things by brand. The rules are `resolveBrandInView`
 * (`utils/brands/in-view.ts`); this module feeds them the tab's page state and memory,
 * pushes each change to the tab's sidebar (`{type: 'brandInView'}` on the sidebar port),
 * and answers the sidebar's choices.
 *
 * For the other background features:
 *   const { brandId } = await brandInView(tabId);   // null = all brands
 *   onBrandInViewChange((tabId, view) => …);
 */

/** What each tab remembers (its manual pick, the identity it showed), kept in session
 * storage so that a service worker stopped and started again keeps the user's pick. */
const memoryItem = storage.defineItem<Record<string, TabBrandMemory>>('session:brandInView', { fallback: {} });

type Listener = (tabId: number, view: BrandView) => void;

let instance: BrandsInView | null = null;

/** The brand in view of `tabId` now (null = all brands). All brands until the feature has
 * started, or for a tab Spalla does not run in. */
export async function brandInView(tabId: number): Promise<{ brandId: string | null }> {
  if (!instance) return { brandId: null };
  const { brandId } = await instance.view(tabId);
  return { brandId };
}

/** The whole view of `tabId` (the page's own brand too, for the wrong-voice guard); null
 * until the feature has started. */
export async function brandViewOf(tabId: number): Promise<BrandView | null> {
  return instance ? instance.view(tabId) : null;
}

/** Calls `listener` whenever a tab's brand in view (or the brands' names) changes. */
export function onBrandInViewChange(listener: Listener): void {
  listeners.add(listener);
}
const listeners = new Set<Listener>();

class BrandsInView {
  private memory: Map<number, TabBrandMemory> | null = null;
  /** The last view sent to each tab's sidebar, so that only changes are pushed. */
  private readonly sent = new Map<number, string>();

  constructor(private readonly ctx: BackgroundContext) {}

  private async memories(): Promise<Map<number, TabBrandMemory>> {
    if (!this.memory) {
      const stored = await memoryItem.getValue().catch(() => ({}));
      this.memory = new Map(Object.entries(stored).map(([tab, memory]) => [Number(tab), memory]));
    }
    return this.memory;
  }

  private async remember(tabId: number, memory: TabBrandMemory | null) {
    const all = await this.memories();
    if (memory) all.set(tabId, memory);
    else all.delete(tabId);
    await memoryItem.setValue(Object.fromEntries(all)).catch(() => {});
  }

  /** Resolves the tab's brand in view from its page state and memory, and remembers it. */
  async view(tabId: number, state?: PageState | null): Promise<BrandView> {
    const db = getDb();
    const page = state === undefined ? await this.ctx.ports.current(tabId) : state;
    const identity = page?.identity ?? null;
    const [brands, account] = await Promise.all([db.brands.orderBy('name').toArray(), identity ? accountForIdentity(db, identity) : null]);
    const memory = (await this.memories()).get(tabId) ?? EMPTY_TAB_MEMORY;
    const resolved = resolveBrandInView({ identity, account, memory, brandIds: new Set(brands.map((b) => b.id)) });
    if (JSON.stringify(resolved.memory) !== JSON.stringify(memory)) await this.remember(tabId, resolved.memory);
    return {
      brandId: resolved.brandId,
      source: resolved.source,
      brands: brands.map(({ id, name, color }): BrandSummary => ({ id, name, color })),
      identity,
      pageBrandId: account && brands.some((b) => b.id === account.brandId) ? account.brandId : null,
      askAccount: resolved.askAccount,
    };
  }

  /** Resolves again and tells the tab's sidebar and the other features when it changed. */
  async refresh(tabId: number, state?: PageState | null): Promise<BrandView> {
    const view = await this.view(tabId, state);
    const text = JSON.stringify(view);
    if (this.sent.get(tabId) !== text) {
      this.sent.set(tabId, text);
      this.ctx.ports.post(tabId, { type: 'brandInView', view });
      for (const listener of listeners) listener(tabId, view);
    }
    return view;
  }

  /** The user's pick: files an account that is in no brand, else holds for the tab. */
  async choose(tabId: number, brandId: string | null): Promise<BrandView> {
    const db = getDb();
    const before = await this.view(tabId);
    if (brandId !== null && !(await db.brands.get(brandId))) return before;
    if (brandId !== null && before.identity && before.pageBrandId === null) {
      await addAccount(db, brandId, accountFieldsFor(before.identity));
      // Filed: the account now gives the brand, nothing manual to hold.
      await this.remember(tabId, { ...((await this.memories()).get(tabId) ?? EMPTY_TAB_MEMORY), manual: null });
    } else {
      const memory = (await this.memories()).get(tabId) ?? EMPTY_TAB_MEMORY;
      await this.remember(tabId, { ...memory, manual: { brandId } });
    }
    return this.refresh(tabId);
  }

  async create(tabId: number, name: string): Promise<BrandCreateResult> {
    if (typeof name !== 'string' || !name.trim()) return { ok: false, error: 'brand-name-required' };
    const brand = await createBrand(getDb(), { name });
    return { ok: true, view: await this.choose(tabId, brand.id) };
  }

  forget(tabId: number) {
    this.sent.delete(tabId);
    void this.remember(tabId, null);
  }

  /** Brands or accounts changed (here or in the library): every open sidebar is told. */
  refreshAll() {
    for (const tabId of this.ctx.ports.connectedTabs()) void this.refresh(tabId).catch(() => {});
  }
}

export function startBrandInView(ctx: BackgroundContext): void {
  const brands = new BrandsInView(ctx);
  instance = brands;
  const fromSidebar = (sender: Parameters<typeof isFromSidebar>[0]) => isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin);

  ctx.ports.onState((tabId, state) => void brands.refresh(tabId, state).catch(() => {}));
  browser.tabs.onRemoved.addListener((tabId) => brands.forget(tabId));
  // A change made in the library page reaches this context too (Dexie's cross-context
  // change events): names, colours, accounts moved between brands.
  let first = true;
  liveQuery(() => Promise.all([getDb().brands.toArray(), getDb().accounts.toArray()])).subscribe({
    next: () => {
      if (first) first = false;
      else brands.refreshAll();
    },
    error: () => {},
  });

  onMessage('brandInViewGet', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return brands.refresh(sender.tab!.id!);
  });

  onMessage('brandInViewChoose', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const brandId = typeof data?.brandId === 'string' ? data.brandId : null;
    return brands.choose(sender.tab!.id!, brandId);
  });

  onMessage('brandInViewCreate', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return brands.create(sender.tab!.id!, data?.name);
  });

  // End-to-end hooks: the brand in view of a tab, as the other features see it; seeding.
  ctx.expose('brandInView', (tabId: number) => brands.view(tabId));
  ctx.expose('brandsSeed', (data: BrandsSeed) => seedBrands(data));
}

/** What the end-to-end tests seed: brands, and accounts filed under them. */
interface BrandsSeed {
  brands: { id: string; name: string; color?: string }[];
  accounts: (Pick<Account, 'brandId' | 'network' | 'name' | 'handle'> & { id?: string; externalId?: string | null })[];
}

/** Test seeding: replaces every brand and account with these. */
async function seedBrands(data: BrandsSeed): Promise<void> {
  const db = getDb();
  const now = Date.now();
  await db.transaction('rw', db.brands, db.accounts, async () => {
    await db.accounts.clear();
    await db.brands.clear();
    await db.brands.bulkAdd(data.brands.map((b) => ({ id: b.id, name: b.name, color: b.color ?? '#2563eb', timeZone: null, createdAt: now, updatedAt: now })));
    await db.accounts.bulkAdd(
      data.accounts.map((a) => ({
        id: a.id ?? crypto.randomUUID(),
        brandId: a.brandId,
        network: a.network,
        name: a.name,
        handle: a.handle,
        externalId: a.externalId ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  });
}
