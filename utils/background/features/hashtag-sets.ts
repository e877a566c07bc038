import { browser } from '#imports';
import { getDb } from '../../db/app-db';
import { NETWORKS, type Network } from '../../db/record';
import { listHashtagSets, saveNewHashtagSet } from '../../hashtags/sets';
import type { ComposerText, InsertHashtagsResult } from '../../messaging/features/hashtag-sets';
import { onMessage, sendMessage } from '../../messaging/protocol';
import { isFromExtensionPage, isFromPageAgent, isFromSidebar } from '../../messaging/sender';
import type { BackgroundContext } from '../context';
import { learnHashtags } from './hashtags';
import { brandForNew, brandOfTab } from '../brand-of-tab';

const TEXT_MAX = 20_000;

/** Only the fields the sidebar knows, whatever else the page's message held. */
function composerFields(data: ComposerText): ComposerText {
  return { text: data.text, network: data.network, focused: data.focused, ...(data.box === 'comment' ? { box: 'comment' as const } : {}) };
}

function isComposerText(value: unknown): value is ComposerText {
  const v = value as ComposerText;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.text === 'string' &&
    v.text.length <= TEXT_MAX &&
    (NETWORKS as readonly unknown[]).includes(v.network) &&
    typeof v.focused === 'boolean'
  );
}

function isSeenBatch(value: unknown): value is { network: Network; posts: string[][] } {
  const v = value as { network?: unknown; posts?: unknown };
  return (
    typeof v === 'object' &&
    v !== null &&
    (NETWORKS as readonly unknown[]).includes(v.network) &&
    Array.isArray(v.posts) &&
    v.posts.length <= 100 &&
    v.posts.every((tags) => Array.isArray(tags) && tags.length <= 30 && tags.every((t) => typeof t === 'string' && t.length <= 100))
  );
}

/** The background's part of the hashtag sidebar (issue #4): it forwards the composer's
 * text from a tab's page agent to that tab's sidebar, carries "insert these hashtags"
 * the other way, and keeps the hashtag sets. */
export function startHashtagSets(ctx: BackgroundContext): void {
  const fromSidebar = (sender: Parameters<typeof isFromSidebar>[0]) =>
    isFromSidebar(sender, browser.runtime.id, ctx.extensionOrigin);

  onMessage('composerTextChanged', ({ sender, data }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    if (!isComposerText(data)) return;
    ctx.ports.post(sender.tab!.id!, {
      type: 'composerText',
      composer: composerFields(data),
    });
  });

  onMessage('learnSeenHashtags', async ({ sender, data }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    if (!isSeenBatch(data)) throw new Error('bad request');
    let learned = 0;
    // Filed under the brand in view in that tab (all brands: shared).
    const brandId = await brandOfTab(sender.tab?.id);
    // The engine checks the setting again for each post (it may just have been switched off).
    for (const tags of data.posts) learned += (await learnHashtags({ tags, network: data.network, source: 'seen', brandId })).learned;
    return { learned };
  });

  onMessage('getComposerText', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    try {
      const answer = await sendMessage('readComposerText', undefined, { tabId: sender.tab!.id!, frameId: 0 });
      return isComposerText(answer) ? composerFields(answer) : null;
    } catch {
      return null; // No agent in that tab.
    }
  });

  onMessage('insertHashtags', async ({ sender, data }): Promise<InsertHashtagsResult> => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return insertHashtags(sender.tab!.id!, data?.tags, data?.allowOverLimit === true);
  });

  onMessage('listHashtagSets', async ({ sender }) => {
    if (!fromSidebar(sender)) throw new Error('refused');
    return listHashtagSets(getDb(), await brandOfTab(sender.tab?.id));
  });

  onMessage('saveHashtagSet', async ({ sender, data }) => {
    if (!isFromExtensionPage(sender, browser.runtime.id, ctx.extensionOrigin)) throw new Error('refused');
    // A set saved from the sidebar is filed under the brand in view in its tab (all brands
    // when that brand is shared read-only, as the sidebar says: `brandForNew`).
    const brandId = fromSidebar(sender) ? (await brandForNew(sender.tab?.id)).brandId : null;
    return saveNewHashtagSet(getDb(), data, brandId);
  });

  ctx.expose('insertHashtags', (tabId: number, tags: string[], allowOverLimit = false) =>
    insertHashtags(tabId, tags, allowOverLimit),
  );
}

async function insertHashtags(tabId: number, tags: unknown, allowOverLimit: boolean): Promise<InsertHashtagsResult> {
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > 60 || !tags.every((t) => typeof t === 'string' && t.length <= 200)) {
    return { ok: false, reason: 'bad-tags' };
  }
  try {
    return await sendMessage('insertHashtagsInComposer', { tags, allowOverLimit }, { tabId, frameId: 0 });
  } catch {
    return { ok: false, reason: 'no-agent' };
  }
}
