import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clip } from '@/utils/db/clips';
import { getDb } from '@/utils/db/app-db';
import { ClipSearch } from '@/utils/clips/search';
import { loadSearchSnapshot, saveSearchSnapshot, searchCacheName } from '@/utils/clips/search-cache';

/** After a change, the index is saved for the next visit once the library has been
 * quiet this long (a snapshot of 20,000 clips takes the page a moment). */
const SAVE_AFTER_MS = 1000;

/**
 * The search index of the library, kept in step with the clips. It starts from the
 * index saved at the last visit (`search-cache.ts`, read while the clips are read), or
 * is built after the first paint (the grid shows before the index exists) in slices
 * that yield to the page; then it is updated incrementally: a changed clip is one
 * document. After a change it is saved again.
 */
export function useClipSearch(clips: readonly Clip[] | undefined) {
  const index = useRef<ClipSearch | null>(null);
  const [cache] = useState(() => {
    const name = searchCacheName(getDb().name);
    return { name, restored: loadSearchSnapshot(name).then((snapshot) => (snapshot ? ClipSearch.restore(snapshot) : null)) };
  });
  const syncing = useRef<Promise<unknown>>(Promise.resolve());
  const [version, setVersion] = useState(0);
  const [ready, setReady] = useState(false);
  const [changedAt, setChangedAt] = useState(0);

  useEffect(() => {
    if (!clips) return;
    let live = true;
    const timer = setTimeout(() => {
      // One sync at a time: two overlapping ones could add the same clip twice.
      syncing.current = syncing.current.then(async () => {
        index.current ??= (await cache.restored) ?? new ClipSearch();
        const changed = await index.current.sync(clips);
        if (!live) return;
        setReady(true);
        if (changed > 0) {
          setVersion((v) => v + 1);
          setChangedAt(performance.now());
        }
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [clips, cache]);

  useEffect(() => {
    if (changedAt === 0) return;
    const timer = setTimeout(() => {
      syncing.current = syncing.current.then(async () => {
        if (!index.current) return;
        await saveSearchSnapshot(cache.name, index.current.snapshot());
        performance.mark('spalla-search-saved'); // for the bench
      });
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [changedAt, cache]);

  const search = useCallback((query: string) => (index.current ? index.current.search(query) : []), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ready, search };
}
