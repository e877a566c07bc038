/** Page-side probes of the `<spalla-sidebar>` host. They run in the page's own world,
 * where the closed shadow root hides everything but the host's box and attributes. */

export interface HostInfo {
  count: number;
  state: string | null;
  side: string | null;
  theme: string | null;
  /** The host's box: the edge tab plus the open panel. */
  box: { x: number; y: number; width: number; height: number } | null;
  /** What a page script sees of its shadow root (must be null: closed). */
  shadowVisible: boolean;
}

export const HOST_INFO_SCRIPT = `(() => {
  const hosts = document.querySelectorAll('spalla-sidebar');
  const host = hosts[0];
  const r = host ? host.getBoundingClientRect() : null;
  return {
    count: hosts.length,
    state: host ? host.getAttribute('data-state') : null,
    side: host ? host.getAttribute('data-side') : null,
    theme: host ? host.getAttribute('data-theme') : null,
    box: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null,
    shadowVisible: host ? host.shadowRoot !== null : false,
  };
})()`;

/** Where a person clicks the edge tab: the host's inner edge, half-way down. */
export function edgeTabPoint(info: HostInfo): { x: number; y: number } {
  if (!info.box) throw new Error('no sidebar host');
  const x = info.side === 'left' ? info.box.x + info.box.width - 11 : info.box.x + 11;
  return { x, y: info.box.y + info.box.height / 2 };
}

/** What the page can see of our storage: must be nothing. */
export const PAGE_STORAGE_SCRIPT = `(async () => ({
  databases: (await indexedDB.databases()).map((d) => d.name),
  localStorageKeys: Object.keys(localStorage),
}))()`;

/** Reads the host through `read` until `check` holds (10 s at most). */
export async function pollHost(
  read: () => Promise<HostInfo>,
  check: (info: HostInfo) => boolean = (info) => info.count === 1,
): Promise<HostInfo> {
  const deadline = Date.now() + 10_000;
  let info = await read();
  while (!check(info)) {
    if (Date.now() > deadline) throw new Error(`host never matched: ${JSON.stringify(info)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    info = await read();
  }
  return info;
}

/** A `storage.local` snapshot without the backup clock (`backupStatus.dataChangedAt`):
 * the background moves it on every record it writes (starter replies seeded on install,
 * hashtags learned from the feed), whatever a test does meanwhile. Everything else,
 * settings and `lastBackupAt` included, stays in. */
export function withoutBackupClock(snapshot: unknown): unknown {
  const all = { ...(snapshot as Record<string, unknown>) };
  const status = all.backupStatus as Record<string, unknown> | undefined;
  if (status && typeof status === 'object') {
    const { dataChangedAt: _moves, ...rest } = status;
    all.backupStatus = rest;
  }
  return all;
}
