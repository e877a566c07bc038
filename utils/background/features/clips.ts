import { browser, type Browser } from '#imports';
import { getDb } from '../../db/app-db';
import type { Clip } from '../../db/clips';
import { loadTranslator } from '../../i18n/catalog';
import { isFromPageAgent, isFromSidebar } from '../../messaging/sender';
import { onMessage, sendMessage } from '../../messaging/protocol';
import type { CaptureFailure, CaptureResult, ClipSummary } from '../../messaging/features/clips';
import { clipInputSchema, inputFromSnapshot, userFieldsSchema, type ClipInput } from '../../clips/capture-input';
import { blobToDataUrl, prepareImages } from '../../clips/capture-images';
import { isQuotaError, quotaError, saveCapture } from '../../clips/capture-save';
import { teachFromClip } from '../../clips/capture-learn';
import { learnClipHashtags } from './hashtags';
import { WEB_CLIP_MENUS, webClipInput, type WebClipClick } from '../../clips/capture-web';
import { clipsFullImageLimitItem, clipsLastCaptureItem, draftToInsertItem, sidebarTabItem } from '../../settings/items';
import type { PostSnapshot } from '../../sites/types';
import type { BackgroundContext } from '../context';
import { brandForNew, brandOfTab } from '../brand-of-tab';
import { syncStatusItem } from '../../sync/items';
import { isReadOnlyBrand, readOnlyBrands } from '../../sync/read-only';
import { recentClips } from '../../clips/store';

/** The sidebar tab of this feature (entrypoints/sidebar/tabs.tsx). */
const IDEAS_TAB = 'ideas';
export const CLIP_COMMAND = 'clip-post';
const CLIP_STRING_KEYS = ['clipsPageClip', 'clipsPageSaving', 'clipsPageSaved', 'clipsPageFailed'];
const MENU_TITLES: Record<(typeof WEB_CLIP_MENUS)[number], string> = {
  'clip-selection': 'clipsPageMenuSelection',
  'clip-image': 'clipsPageMenuImage',
  'clip-link': 'clipsPageMenuLink',
  'clip-page': 'clipsPageMenuPage',
};
const MENU_CONTEXTS: Record<(typeof WEB_CLIP_MENUS)[number], string> = {
  'clip-selection': 'selection',
  'clip-image': 'image',
  'clip-link': 'link',
  'clip-page': 'page',
};

type Menus = typeof browser.contextMenus;
/** Firefox calls them `menus` (and still answers to `contextMenus`). */
function menusApi(): Menus | undefined {
  const api = browser as unknown as { menus?: Menus; contextMenus?: Menus };
  return api.menus ?? api.contextMenus;
}

/** The background's part of the content-ideas library (issue #6): saving captures with
 * their images, the sidebar's clip list, the keyboard command and the context menu. */
export function startClips(ctx: BackgroundContext): void {
  const extensionOrigin = ctx.extensionOrigin;
  let failNextWrite = false;

  /** Fetches the images, then writes clip + images in one transaction, a new clip filed
   * under the brand in view in the tab it came from (all brands when that brand is shared
   * read-only: `brandForNew`). */
  async function capture(raw: ClipInput, tabId: number | undefined): Promise<CaptureResult> {
    const parsed = clipInputSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    const input = parsed.data;
    const limit = await clipsFullImageLimitItem.getValue();
    const [{ prepared, failed }, filing, statuses] = await Promise.all([prepareImages(input.images, limit), brandForNew(tabId), syncStatusItem.getValue()]);
    const failing = failNextWrite;
    failNextWrite = false;
    try {
      const outcome = await saveCapture(getDb(), input, prepared, {
        brandId: filing.brandId,
        readOnlyBrands: readOnlyBrands(statuses),
        beforeCommit: failing
          ? () => {
              throw quotaError();
            }
          : undefined,
      });
      // The hashtag model learns from the new clip, after the save and without holding it up.
      if (!outcome.readOnly) void teachFromClip(outcome, learnClipHashtags);
      return {
        ok: true,
        clipId: outcome.clip.id,
        updated: outcome.updated,
        imagesSaved: outcome.keptOldImages ? 0 : prepared.length,
        imagesFailed: outcome.readOnly ? 0 : failed,
        ...(outcome.readOnly ? { readOnly: 'unchanged' as const } : filing.readOnly ? { readOnly: 'all-brands' as const } : {}),
      };
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'quota' };
      console.error('[Spalla] saving a clip failed', error);
      return { ok: false, reason: 'error' };
    }
  }

  /** Tells the sidebar of `tabId` (opened on the Ideas tab) what the capture did. */
  async function reveal(tabId: number | undefined, result: CaptureResult) {
    // The page it was clipped from (our host permission lets us read the tab's address):
    // the sidebar shows "Clipped" only while that page is the one beside it.
    const pageUrl = tabId === undefined ? undefined : await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
    await clipsLastCaptureItem.setValue({
      clipId: result.ok ? result.clipId : null,
      error: result.ok ? null : result.reason,
      updated: result.ok && result.updated,
      at: Date.now(),
      pageUrl,
      readOnly: result.ok ? result.readOnly : undefined,
    });
    await sidebarTabItem.setValue(IDEAS_TAB);
    if (tabId !== undefined) await sendMessage('setSidebarOpen', true, { tabId, frameId: 0 }).catch(() => {});
  }

  async function captureSnapshot(snapshot: PostSnapshot | null, tabId: number | undefined): Promise<CaptureResult> {
    const result: CaptureResult = snapshot ? await capture(inputFromSnapshot(snapshot), tabId) : { ok: false, reason: 'no-post' };
    await reveal(tabId, result);
    return result;
  }

  async function readFromTab(tabId: number, where: 'pointer' | 'view'): Promise<PostSnapshot | null> {
    try {
      return await sendMessage('readPostForClip', { where }, { tabId, frameId: 0 });
    } catch {
      return null;
    }
  }

  onMessage('clipPost', async ({ sender, data }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    return captureSnapshot(data?.snapshot ?? null, sender.tab!.id!);
  });

  onMessage('getClipStrings', async ({ sender }) => {
    if (!isFromPageAgent(sender, browser.runtime.id)) throw new Error('refused');
    const { t } = await loadTranslator();
    return Object.fromEntries(CLIP_STRING_KEYS.map((key) => [key, t(key)]));
  });

  onMessage('clipPostInView', async ({ sender }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin)) throw new Error('refused');
    const tabId = sender.tab!.id!;
    return captureSnapshot(await readFromTab(tabId, 'view'), tabId);
  });

  onMessage('listRecentClips', async ({ sender, data }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin)) throw new Error('refused');
    const limit = Math.min(50, Math.max(1, Math.floor(Number(data?.limit) || 10)));
    const clips = await recentClips(getDb(), await brandOfTab(sender.tab?.id), limit);
    return Promise.all(clips.map(summarize));
  });

  onMessage('updateClipFields', async ({ sender, data }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin)) throw new Error('refused');
    const fields = userFieldsSchema.safeParse({ note: data?.note, tags: data?.tags, status: data?.status });
    if (!fields.success || typeof data?.id !== 'string') throw new Error('invalid');
    const db = getDb();
    const tags = [...new Set(fields.data.tags)];
    // A clip of a brand shared read-only (#15) is not changed: the sidebar offers no change.
    const before = await db.clips.get(data.id);
    if (!before) return null;
    if (await isReadOnlyBrand(before.brandId)) return summarize(before);
    const changed = await db.clips.update(data.id, { ...fields.data, tags, updatedAt: Date.now() });
    if (!changed) {
      const clip = await db.clips.get(data.id);
      return clip ? summarize(clip) : null;
    }
    return summarize((await db.clips.get(data.id))!);
  });

  onMessage('insertDraft', async ({ sender }) => {
    if (!isFromSidebar(sender, browser.runtime.id, extensionOrigin)) throw new Error('refused');
    const draft = await draftToInsertItem.getValue();
    if (!draft) return { ok: false, reason: 'no-draft' };
    const text = draftText(draft.text, draft.hashtags);
    let result: { ok: boolean; reason?: string };
    try {
      result = await sendMessage('insertText', { text }, { tabId: sender.tab!.id!, frameId: 0 });
    } catch {
      result = { ok: false, reason: 'no-agent' };
    }
    if (result.ok) await draftToInsertItem.setValue(null);
    return result;
  });

  // The keyboard command clips the post under the pointer.
  async function clipCommand(tab?: Browser.tabs.Tab): Promise<CaptureResult | null> {
    const target = tab?.id != null ? tab : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
    if (target?.id == null) return null;
    return captureSnapshot(await readFromTab(target.id, 'pointer'), target.id);
  }
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CLIP_COMMAND) void clipCommand(tab);
  });

  // The context menu, on any site: selection, image, link, or the page itself.
  async function clipFromMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<CaptureResult> {
    // Image bytes need the image's host: asked for only now, inside the click (the user
    // gesture permissions.request needs), and only when not already granted.
    const origin = info.menuItemId === 'clip-image' && info.srcUrl ? originPattern(info.srcUrl) : null;
    const asked = origin ? browser.permissions.request({ origins: [origin] }).catch(() => false) : Promise.resolve(true);
    const click: WebClipClick = {
      menuItemId: info.menuItemId,
      pageUrl: info.pageUrl ?? tab?.url,
      selectionText: info.selectionText,
      srcUrl: info.srcUrl,
      linkUrl: info.linkUrl,
      linkText: (info as { linkText?: string }).linkText,
      title: tab?.title,
    };
    await asked;
    const input = webClipInput(click);
    const result: CaptureResult = input ? await capture(input, tab?.id) : { ok: false, reason: 'no-post' };
    await clipsLastCaptureItem.setValue({
      clipId: result.ok ? result.clipId : null,
      error: result.ok ? null : result.reason,
      updated: result.ok && result.updated,
      at: Date.now(),
      pageUrl: info.pageUrl ?? tab?.url,
    });
    void showBadge(tab?.id, result.ok);
    return result;
  }

  const menus = menusApi();
  if (menus) {
    const createMenus = async () => {
      const { t } = await loadTranslator();
      await menus.removeAll();
      for (const id of WEB_CLIP_MENUS) {
        menus.create({ id, title: t(MENU_TITLES[id]), contexts: [MENU_CONTEXTS[id]] as never });
      }
    };
    browser.runtime.onInstalled.addListener(() => void createMenus());
    browser.runtime.onStartup?.addListener(() => void createMenus());
    menus.onClicked.addListener((info, tab) => {
      if ((WEB_CLIP_MENUS as readonly (string | number)[]).includes(info.menuItemId)) void clipFromMenu(info, tab);
    });
  }

  // End-to-end hooks (test drivers cannot click menus, press commands or fill a disk).
  ctx.expose('clipFromMenu', clipFromMenu as never);
  ctx.expose('clipCommand', clipCommand as never);
  ctx.expose('clipsFailNextWrite', () => {
    failNextWrite = true;
  });
}

/** The draft as it goes into the composer: its text, then any hashtag it lacks. */
export function draftText(text: string, hashtags: string[]): string {
  const missing = hashtags.filter((tag) => !new RegExp(`#${escapeRegExp(tag)}(?![\\p{L}\\p{N}_])`, 'iu').test(text));
  return missing.length ? `${text.trimEnd()}\n\n${missing.map((tag) => `#${tag}`).join(' ')}` : text;
}

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function originPattern(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? `${parsed.origin}/*` : null;
  } catch {
    return null;
  }
}

async function showBadge(tabId: number | undefined, ok: boolean) {
  const action = (browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action }).action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action || tabId === undefined) return;
  try {
    await action.setBadgeText({ tabId, text: ok ? '✓' : '!' });
    setTimeout(() => void action.setBadgeText({ tabId, text: '' }).catch(() => {}), 4000);
  } catch {
    /* the tab went away */
  }
}

async function summarize(clip: Clip): Promise<ClipSummary> {
  const images = clip.imageIds.length ? await getDb().images.where('clipId').equals(clip.id).toArray() : [];
  const order = new Map(clip.imageIds.map((id, i) => [id, i]));
  images.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
  const shown = images.find((i) => i.role === 'thumbnail') ?? images.find((i) => i.role === 'poster') ?? images[0];
  return {
    id: clip.id,
    brandId: clip.brandId,
    network: clip.network,
    permalink: clip.permalink,
    authorName: clip.authorName,
    authorHandle: clip.authorHandle,
    text: clip.text.slice(0, 2000),
    textLength: clip.text.length,
    hashtags: clip.hashtags,
    note: clip.note,
    tags: clip.tags,
    status: clip.status,
    clippedAt: clip.clippedAt,
    imageCount: images.filter((i) => i.role !== 'thumbnail').length || images.length,
    thumbnail: shown ? { dataUrl: await blobToDataUrl(shown.blob), sourceUrl: shown.sourceUrl } : null,
  };
}

export type { CaptureFailure };
