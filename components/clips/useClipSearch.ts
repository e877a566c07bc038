import { useCallback, useEffect, useRef, useState } from 'react';
import type { Clip } from '@/utils/db/clips';
import { ClipSearch } from '@/utils/clips/search';

/**
 * The search index of the library, kept in step with the clips. It is built after the
 * first paint (the grid shows before the index exists) in slices that yield to the
 * page, and then updated incrementally: a changed clip is one document.
 */
export function useClipSearch(clips: readonly Clip[] | undefined) {
  const index = useRef<ClipSearch | null>(null);
  index.current ??= new ClipSearch();
  const syncing = useRef<Promise<unknown>>(Promise.resolve());
  const [version, setVersion] = useState(0);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!clips) return;
    let live = true;
    const timer = setTimeout(() => {
      // One sync at a time: two overlapping ones could add the same clip twice.
      syncing.current = syncing.current.then(async () => {
        const changed = await index.current!.sync(clips);
        if (!live) return;
        setReady(true);
        if (changed > 0) setVersion((v) => v + 1);
      });
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [clips]);

  const search = useCallback((query: string) => index.current!.search(query), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  return { ready, search };
}
