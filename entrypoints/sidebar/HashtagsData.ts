import { useEffect, useRef, useState } from 'react';
import type { HashtagSet } from '@/utils/db/hashtags';
import type { Network } from '@/utils/db/record';
import type { HashtagSuggestion } from '@/utils/messaging/features/hashtags';
import type { ComposerText } from '@/utils/messaging/features/hashtag-sets';
import { sendMessage, SIDEBAR_PORT, type SidebarPortMessage } from '@/utils/messaging/protocol';
import { keepPortOpen } from './live-port';
import { useBrandInView } from './useBrandInView';

/** The text of this tab's composer: asked once, then pushed live by the background
 * (the page agent sends it ~150 ms after the last keystroke). */
export function useComposerText(): ComposerText | null {
  const [composer, setComposer] = useState<ComposerText | null>(null);
  useEffect(() => {
    let closed = false;
    const close = keepPortOpen(
      SIDEBAR_PORT,
      (message) => {
        const m = message as SidebarPortMessage;
        if (m.type === 'composerText') setComposer(m.composer);
      },
      // On every (re)connection, ask for the text as it is now.
      () =>
        void sendMessage('getComposerText')
          .then((answer) => !closed && answer && setComposer(answer))
          .catch(() => {}),
    );
    return () => {
      closed = true;
      close();
    };
  }, []);
  return composer;
}

export interface SuggestionsState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  items: HashtagSuggestion[];
  /** Length of the text the items are for (benchmarks and tests wait on it). */
  forLength: number;
}

export const SUGGESTION_LIMIT = 12;

/** Ranked suggestions for `text` from the background's model, for the brand in view (the
 * background reads it for this tab; asked again when it changes); the answer to an older
 * text never replaces a newer one. */
export function useSuggestions(text: string, network: Network, avoid: readonly string[], debounceMs = 0): SuggestionsState {
  const [state, setState] = useState<SuggestionsState>({ status: 'idle', items: [], forLength: 0 });
  const asked = useRef(0);
  const avoidKey = avoid.join('\n');
  const brandId = useBrandInView().view?.brandId;
  useEffect(() => {
    const id = ++asked.current;
    if (!text.trim()) {
      setState({ status: 'idle', items: [], forLength: 0 });
      return;
    }
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, status: 'loading' }));
      sendMessage('suggestHashtags', { text, network, limit: SUGGESTION_LIMIT, avoid: avoidKey ? avoidKey.split('\n') : [] })
        .then((items) => id === asked.current && setState({ status: 'ready', items, forLength: text.length }))
        .catch(() => id === asked.current && setState({ status: 'failed', items: [], forLength: text.length }));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [text, network, avoidKey, debounceMs, brandId]);
  return state;
}

/** The hashtag sets offered with the brand in view (its own, then the shared ones), read
 * again when `version` changes (after a save) and when the brand in view changes. */
export function useHashtagSets(version: number): HashtagSet[] | null {
  const [sets, setSets] = useState<HashtagSet[] | null>(null);
  const brandId = useBrandInView().view?.brandId;
  useEffect(() => {
    let live = true;
    sendMessage('listHashtagSets')
      .then((all) => live && setSets(all))
      .catch(() => live && setSets([]));
    return () => {
      live = false;
    };
  }, [version, brandId]);
  return sets;
}
