import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from '#imports';
import type { SavedReply } from '@/utils/db/saved-replies';
import { REPLIES_PORT, type RepliesPortMessage } from '@/utils/messaging/features/replies';
import { sendMessage } from '@/utils/messaging/protocol';

/** The saved replies, read through the background (the framed sidebar may not open
 * the database), and the background's signals for this tab's panel: palette, form,
 * blocked shortcut, list changed. */
export function useReplies(onSignal: (message: RepliesPortMessage, replies: SavedReply[]) => void) {
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [failed, setFailed] = useState(false);
  const signalRef = useRef(onSignal);
  signalRef.current = onSignal;

  const reload = useCallback(async () => {
    try {
      const list = await sendMessage('repliesList');
      setReplies(list);
      setFailed(false);
      return list;
    } catch {
      setFailed(true);
      return null;
    }
  }, []);

  useEffect(() => {
    void reload();
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let closed = false;
    const connect = () => {
      port = browser.runtime.connect({ name: REPLIES_PORT });
      port.onMessage.addListener((message: unknown) => {
        const m = message as RepliesPortMessage;
        if (m.type === 'changed') void reload();
        // The fresh list goes along: state set by reload() is not rendered yet.
        else void reload().then((list) => list && signalRef.current(m, list));
      });
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(connect, 200);
      });
    };
    connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, [reload]);

  return { replies, failed, reload };
}
