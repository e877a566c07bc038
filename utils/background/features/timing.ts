import { browser } from '#imports';
import { getDb } from '../../db/app-db';
import type { Network } from '../../db/record';
import { findAccount } from '../../brands/ops';
import { fileAccount, hintAccount, timingAccount, withTimeZone, type TimingAccount } from '../../timing/accounts';
import { brandForNew, brandOfTab } from '../brand-of-tab';
import { NETWORKS } from '../../db/record';
import { isFromSidebar } from '../../messaging/sender';
import { onMessage, sendMessage } from '../../messaging/protocol';
import type { PageReading, TimingHint, TimingPageView } from '../../messaging/features/timing';
import { bestTimePriorChoiceItem, defaultTimeZoneItem } from '../../settings/items';
import { rateNow } from '../../timing/estimate';
import { accountGrid, logPosts } from '../../timing/post-log-store';
import type { BackgroundContext } from '../context';

const MAX_POSTS_PER_MESSAGE = 200;

/** The stored account for a page's account (`findAccount`), with its brand's time zone. */
export async function findTimingAccount(network: Network, handle: string | null, name: string | null): Promise<TimingAccount | null> {
  const account = await findAccount(getDb(), { network, handle, name });
  return account ? withTimeZone(account, await getDb().brands.get(account.brandId)) : null;
}

export async function hintFor(brand: TimingAccount, now = Date.now()): Promise<TimingHint> {
  const [defaultTimeZone, priorChoices] = await Promise.all([defaultTimeZoneItem.getValue(), bestTimePriorChoiceItem.getValue()]);
  const { grid, timeZone, prior } = await accountGrid(getDb(), brand, { now, defaultTimeZone, priorChoices });
  return {
    brand,
    timeZone,
    priorId: prior?.id ?? null,
    trust: grid.trust,
    totalPosts: grid.totalPosts,
    now: rateNow(grid, now, timeZone),
    nextBest: grid.nextBest,
    why: grid.why,
    postsPerDay: grid.postsPerDay,
  };
}

async function readPage(tabId: number): Promise<PageReading> {
  try {
    return await sendMessage('timingReadPage', undefined, { tabId, frameId: 0 });
  } catch {
    return { account: null, posts: [] };
  }
}

function count(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e12 ? v : null;
}

/** The background's part of best-time hints (issue #5): the sidebar's hint and logging. */
export function startTiming(ctx: BackgroundContext): void {
  const fromSidebar = (sender: Parameters<typeof isFromSidebar>[0]) => isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin);

  onMessage('timingPageView', async ({ sender }): Promise<TimingPageView> => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const tabId = sender.tab!.id!;
    const [reading, brandId] = await Promise.all([readPage(tabId), brandOfTab(tabId)]);
    // The network of the page's account, else of the account the page acts as (a feed).
    const network = reading.account?.network ?? ctx.ports.lastState(tabId)?.identity?.network ?? null;
    const chosen = await hintAccount(getDb(), reading.account, network, brandId);
    if (!chosen) return { reading, hint: null, onPage: false, logged: [] };
    const { account, onPage } = chosen;
    const links = onPage ? reading.posts.map((p) => p.permalink) : [];
    const logged = (await getDb().postLog.where('permalink').anyOf(links).toArray())
      .filter((e) => e.accountId === account.id)
      .map((e) => e.permalink!);
    return { reading, hint: await hintFor(account), onPage, logged };
  });

  onMessage('timingCreateAccount', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const name = typeof data?.name === 'string' ? data.name.trim().slice(0, 200) : '';
    if (!name || !(NETWORKS as readonly unknown[]).includes(data.network)) throw new Error('bad-account');
    const handle = typeof data.handle === 'string' && data.handle.trim() ? data.handle.trim().replace(/^@/, '').slice(0, 100) : null;
    const existing = await findTimingAccount(data.network, handle, name);
    if (existing) return existing;
    // Under the brand in view; a brand shared read-only takes no new account (#15): it gets a
    // brand of its own name, as under all brands.
    return fileAccount(getDb(), { network: data.network, name, handle }, (await brandForNew(sender.tab!.id!)).brandId);
  });

  onMessage('timingLogPosts', async ({ sender, data }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    const brand = typeof data?.brandId === 'string' ? await timingAccount(getDb(), data.brandId) : null;
    if (!brand || !Array.isArray(data.posts) || data.posts.length > MAX_POSTS_PER_MESSAGE) throw new Error('bad-posts');
    const posts = data.posts.map((p) => {
      const url = new URL(String(p.permalink));
      if (url.protocol !== 'https:' || !Number.isFinite(p.publishedAt)) throw new Error('bad-posts');
      const m = p.metrics ?? {};
      return {
        permalink: url.toString(),
        publishedAt: Math.round(p.publishedAt),
        metrics: { reactions: count(m.reactions), comments: count(m.comments), shares: count(m.shares), saves: count(m.saves), reach: count(m.reach), views: count(m.views) },
      };
    });
    return logPosts(getDb(), brand, posts, 'page', Date.now());
  });

  ctx.expose('bestTimeHint', async (brandId: string, now?: number) => {
    const brand = await timingAccount(getDb(), brandId);
    return brand ? hintFor(brand, now) : null;
  });
}
