import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ChromiumRun } from './chromium';
import { extensionUrl } from './extension-pages';

/** The library page on its Best time section, once it has rendered. */
export async function bestTimeLibrary(run: ChromiumRun, page?: Page): Promise<Page> {
  const tab = page ?? (await run.context.newPage());
  await tab.goto(extensionUrl(run, 'library.html#best-time'));
  await tab.getByTestId('best-time-section').waitFor();
  return tab;
}

/** A sample export from tests/data/best-time/, as the file chooser would hand it over. */
export function sampleExport(name: string) {
  return { name, mimeType: 'text/csv', buffer: readFileSync(new URL(`../../data/best-time/${name}`, import.meta.url)) };
}

/**
 * Runs in the library page (same origin as the extension's database): writes 120 posts of one
 * account over the 8 weeks before now, at 09:00 and 18:00 Rome time every day (engagement
 * about 100) and at Wednesday 15:00 (engagement 200). Raw IndexedDB: the page's Dexie is not
 * reachable from a test.
 */
export async function syntheticPosts({ brandId, accountId, network }: { brandId: string; accountId: string; network: string }): Promise<number> {
  const zone = 'Europe/Rome';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short',
  });
  const wall = (t: number) => {
    const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
    return { ms: Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute), weekday: p.weekday };
  };
  /** The instant at which Rome's wall clock reads this date at `hour`:00. */
  const romeAt = (dayStartUtc: number, hour: number) => {
    const d = new Date(dayStartUtc);
    const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, 5);
    let t = target;
    for (let i = 0; i < 3; i++) t += target - wall(t).ms;
    return t;
  };
  const now = Date.now();
  const rows: unknown[] = [];
  let n = 0;
  for (let daysBack = 1; daysBack <= 56; daysBack++) {
    const day = Math.floor((now - daysBack * 86_400_000) / 86_400_000) * 86_400_000;
    const hours = [9, 18];
    const weekday = wall(romeAt(day, 12)).weekday;
    if (weekday === 'Wed') hours.push(15);
    for (const hour of hours) {
      const publishedAt = romeAt(day, hour);
      const reactions = hour === 15 ? 200 : 100 + ((n * 7) % 11) - 5;
      n++;
      rows.push({
        id: `synthetic-${n}`, createdAt: now, updatedAt: now, brandId, accountId, network,
        permalink: `https://www.instagram.com/p/SYNTH${n}/`, publishedAt, source: 'import',
        metrics: { reactions, comments: 0, shares: 0, saves: null, reach: null, views: null },
      });
    }
  }
  await new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('spalla');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('postLog', 'readwrite');
      for (const row of rows) tx.objectStore('postLog').put(row);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
  return rows.length;
}
