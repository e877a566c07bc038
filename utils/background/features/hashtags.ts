import { browser } from '#imports';
import { NETWORKS } from '../../db/record';
import { AppDB, getDb } from '../../db/app-db';
import type { ClipLesson } from '../../clips/capture-learn';
import type { HashtagSetInput } from '../../hashtags/suggest';
import { suggestHashtags } from '../../hashtags/suggest';
import type { HashtagModelInfo, LearnHashtagsRequest, SuggestHashtagsRequest } from '../../messaging/features/hashtags';
import type { HashtagSuggestion } from '../../hashtags/rank';
import { onMessage } from '../../messaging/protocol';
import { isFromExtensionPage, isFromPageAgent, isFromSidebar } from '../../messaging/sender';
import { offeredIn } from '../../brands/offered';
import type { BrandRef } from '../../db/record';
import { brandOfTab } from '../brand-of-tab';
import { feedLearningAllowed, hashtagsLearnFromFeedItem } from '../../settings/items';
import type { BackgroundContext } from '../context';
import { LearnedHashtagStore } from './hashtags-store';

const MAX_LIMIT = 50;
/** A caption is at most 2,200 characters on Instagram, 63,206 on Facebook. */
const MAX_TEXT = 70_000;
const MAX_TAGS = 100;

let store: LearnedHashtagStore | undefined;

function learnedHashtags(): LearnedHashtagStore {
  return (store ??= new LearnedHashtagStore(getDb()));
}

/** The user's hashtag sets that apply to a network and are offered with `brandId` in view
 * (its own and the shared ones; all of them with all brands in view). */
export async function setsFor(network: SuggestHashtagsRequest['network'], brandId: BrandRef): Promise<HashtagSetInput[]> {
  const sets = await getDb().hashtagSets.toArray();
  return sets.filter((set) => (set.network === null || set.network === network) && offeredIn(set.brandId, brandId));
}

export async function suggestForText(request: SuggestHashtagsRequest): Promise<HashtagSuggestion[]> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(request.limit) || 1));
  const brandId = request.brandId ?? null;
  const [model, sets] = await Promise.all([learnedHashtags().model(), setsFor(request.network, brandId)]);
  return suggestHashtags(model, request.text.slice(0, MAX_TEXT), {
    network: request.network,
    limit,
    // A brand in view: its own learning fully, the shared at half weight, other brands'
    // not at all (`scopesFor`); all brands: everything learned.
    brand: brandId ?? undefined,
    avoid: request.avoid?.slice(0, 10_000),
    sets,
  });
}

/** Learns one post or clip. Posts scrolled past are learned only after the user said
 * yes; callers in the background (clipping) may call this directly. */
export async function learnHashtags(request: LearnHashtagsRequest): Promise<{ learned: number }> {
  if (request.source === 'seen' && !feedLearningAllowed(await hashtagsLearnFromFeedItem.getValue())) return { learned: 0 };
  const input = request.tags ? request.tags.slice(0, MAX_TAGS) : (request.text ?? '').slice(0, MAX_TEXT);
  const learned = await learnedHashtags().learn(input, {
    network: request.network,
    brand: request.brandId ?? null,
    source: request.source,
  });
  return { learned };
}

/** The model's source for what clips teach (see `learnClipHashtags`). */
export const CLIP_SOURCE = 'seen' satisfies LearnHashtagsRequest['source'];

/**
 * Learns the hashtags of a clip the user just saved (called by the clips feature).
 *
 * Learned as 'seen', not 'own', on purpose: a clip is someone else's post, and the
 * "yours" mark (and the "yours" prior) read `ownCount` as "hashtags you have used often";
 * counted as seen, a clip teaches co-occurrence (P(c | s) counts own and seen posts alike)
 * without making a competitor's tags "yours". Unlike posts scrolled past,
 * NOT subject to the harvest setting: clipping is the user's deliberate act.
 * See docs/hashtags.md, "Clips".
 */
export async function learnClipHashtags(lesson: ClipLesson): Promise<{ learned: number }> {
  const learned = await learnedHashtags().learn(lesson.tags.slice(0, MAX_TAGS), {
    network: lesson.network,
    brand: lesson.brandId ?? null,
    source: CLIP_SOURCE,
  });
  return { learned };
}

export async function hashtagModelInfo(): Promise<HashtagModelInfo> {
  return (await learnedHashtags().model()).info();
}

export async function clearLearnedHashtags(): Promise<{ cleared: number }> {
  return { cleared: await learnedHashtags().clear() };
}

export async function reloadLearnedHashtags(): Promise<{ reloaded: true }> {
  await learnedHashtags().reload();
  return { reloaded: true };
}

function isNetwork(value: unknown): value is SuggestHashtagsRequest['network'] {
  return (NETWORKS as readonly unknown[]).includes(value);
}

type Sender = Parameters<typeof isFromPageAgent>[0];
type HashtagsMessage = 'suggestHashtags' | 'learnHashtags' | 'clearLearnedHashtags' | 'reloadLearnedHashtags' | 'getHashtagModelInfo';

/** Who may send what: our extension pages (sidebar, library, popup) read and clear the
 * model; the page agent feeds it (the only one that sees posts scrolled past); our pages
 * may feed it the user's own posts and clips. A web page can send none of these. */
export function mayAsk(message: HashtagsMessage, sender: Sender, data: unknown, extensionId: string, extensionOrigin: string): boolean {
  const fromPage = isFromExtensionPage(sender, extensionId, extensionOrigin);
  if (message !== 'learnHashtags') return fromPage;
  const source = (data as Partial<LearnHashtagsRequest> | undefined)?.source;
  return isFromPageAgent(sender, extensionId) || (fromPage && source === 'own');
}

/** A well-formed learn request, or an error to throw back. */
export function checkLearnRequest(data: unknown): LearnHashtagsRequest {
  const d = data as Partial<LearnHashtagsRequest> | undefined;
  const ok =
    d !== null &&
    typeof d === 'object' &&
    isNetwork(d.network) &&
    (d.source === 'own' || d.source === 'seen') &&
    (d.text === undefined || typeof d.text === 'string') &&
    (d.tags === undefined || (Array.isArray(d.tags) && d.tags.every((t) => typeof t === 'string'))) &&
    (d.text !== undefined || d.tags !== undefined) &&
    (d.brandId === undefined || d.brandId === null || typeof d.brandId === 'string');
  if (!ok) throw new Error('bad request');
  return d as LearnHashtagsRequest;
}

/** The background's part of hashtag suggestions (issue #4): the learned model and the
 * messages that read and feed it. */
export function startHashtags(ctx: BackgroundContext): void {
  // The worker is started again after every idle stop, mostly for the page agent's
  // messages while the user is on Facebook or Instagram: start reading the model then,
  // so that the sidebar's first suggestion does not wait for the whole load.
  setTimeout(() => void learnedHashtags().model().catch((error) => console.error('[Spalla] hashtag model', error)), 0);

  const refuseUnless = (message: HashtagsMessage, sender: Sender, data?: unknown) => {
    if (!mayAsk(message, sender, data, browser.runtime.id, ctx.extensionOrigin)) throw new Error('refused');
  };

  onMessage('suggestHashtags', async ({ sender, data }) => {
    refuseUnless('suggestHashtags', sender);
    if (typeof data?.text !== 'string' || !isNetwork(data.network)) throw new Error('bad request');
    // The sidebar asks for the brand in view in its tab; the library names the brand.
    const brandId = isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin) ? await brandOfTab(sender.tab?.id) : (data.brandId ?? null);
    return suggestForText({ ...data, brandId });
  });

  onMessage('learnHashtags', async ({ sender, data }) => {
    refuseUnless('learnHashtags', sender, data);
    const request = checkLearnRequest(data);
    // What a page agent or the sidebar sends is filed under the brand in view in its tab;
    // the library names the brand itself.
    const fromTab = isFromPageAgent(sender, browser.runtime.id) || isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin);
    return learnHashtags(fromTab ? { ...request, brandId: await brandOfTab(sender.tab?.id) } : request);
  });

  onMessage('clearLearnedHashtags', ({ sender }) => {
    refuseUnless('clearLearnedHashtags', sender);
    return clearLearnedHashtags();
  });

  onMessage('reloadLearnedHashtags', ({ sender }) => {
    refuseUnless('reloadLearnedHashtags', sender);
    return reloadLearnedHashtags();
  });

  onMessage('getHashtagModelInfo', ({ sender }) => {
    refuseUnless('getHashtagModelInfo', sender);
    return hashtagModelInfo();
  });

  ctx.expose('hashtagsLearn', learnHashtags as (...args: never[]) => unknown);
  ctx.expose('hashtagsSuggest', suggestForText as (...args: never[]) => unknown);
  ctx.expose('hashtagsInfo', hashtagModelInfo);
  ctx.expose('hashtagsFlush', () => learnedHashtags().flush());
  // The benchmark times the cold load in a freshly started worker with this.
  ctx.expose('hashtagsLoad', async () => {
    await learnedHashtags().model();
    return learnedHashtags().lastLoad;
  });
  ctx.expose('hashtagsClear', clearLearnedHashtags);
  // And the load of a worker started again while the browser runs: a new connection.
  ctx.expose('hashtagsLoadAfresh', async () => {
    const db = new AppDB();
    const store = new LearnedHashtagStore(db);
    try {
      await store.model();
      return store.lastLoad;
    } finally {
      store.close();
      db.close();
    }
  });
}
