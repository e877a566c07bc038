import { browser } from '#imports';
import { getDb } from '../../db/app-db';
import { onMessage } from '../../messaging/protocol';
import { isFromExtensionPage } from '../../messaging/sender';
import { SyncManager } from '../../sync/manager';
import { syncSharesItem } from '../../sync/items';
import type { BackgroundContext } from '../context';

/** Wakes the background every minute while a brand is shared, so that a Chromium service
 * worker stopped while idle reconnects (chrome.alarms: at most once a minute, and the
 * "alarms" permission shows no warning: developer.chrome.com/docs/extensions/reference/api/alarms). */
export const SYNC_ALARM = 'spalla-sync';

/** Team sharing (issue #15) in the background: the shares' connections and their messages,
 * for our extension pages only (the library and the sidebar). */
export function startSync(ctx: BackgroundContext): void {
  const manager = new SyncManager({ db: getDb });
  const fromPage = (sender: Parameters<typeof isFromExtensionPage>[0]) => isFromExtensionPage(sender, browser.runtime.id, ctx.extensionOrigin);

  /** The wake-up alarm exists exactly while something is shared: no share, nothing runs. */
  const keepAlarm = async () => {
    if (manager.hasShares()) {
      if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
    } else await browser.alarms.clear(SYNC_ALARM);
  };
  const startAll = () =>
    manager
      .startAll()
      .then(keepAlarm)
      .catch((error) => console.error('[Spalla] sync could not start', error));

  onMessage('syncStatusList', ({ sender }) => {
    if (!fromPage(sender)) throw new Error('refused');
    return manager.statusList();
  });
  onMessage('syncShare', async ({ sender, data }) => {
    if (!fromPage(sender)) throw new Error('refused');
    const result = await manager.share(data);
    await keepAlarm();
    return result;
  });
  onMessage('syncJoin', async ({ sender, data }) => {
    if (!fromPage(sender)) throw new Error('refused');
    const result = await manager.join(data);
    await keepAlarm();
    return result;
  });
  onMessage('syncStop', async ({ sender, data }) => {
    if (!fromPage(sender)) throw new Error('refused');
    await manager.stop(String(data?.brandId));
    await keepAlarm();
  });
  onMessage('syncRetry', async ({ sender, data }) => {
    if (!fromPage(sender)) throw new Error('refused');
    return manager.retry(String(data?.brandId));
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void startAll();
  });
  // A share removed by another page (delete all data): close it here too.
  syncSharesItem.watch((shares, before) => {
    for (const brandId of Object.keys(before ?? {})) {
      if (!(brandId in (shares ?? {}))) void manager.stop(brandId).then(keepAlarm);
    }
  });
  void startAll();

  // End-to-end hooks (`self.spalla.<name>` in the service worker).
  ctx.expose('syncDocJSON', (brandId: string) => manager.docJSON(brandId));
  ctx.expose('syncForceRemoteEdit', (brandId: string, replyId: string, text: string) => manager.forceRemoteEdit(brandId, replyId, text));
  ctx.expose('syncServerState', (brandId: string) => manager.serverState(brandId));
  ctx.expose('syncIdle', (brandId: string) => manager.idle(brandId));
  ctx.expose('syncStatusList', () => manager.statusList());
}
