import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedReply } from '@/utils/db/saved-replies';
import { REPLIES_PORT, type RepliesPortMessage } from '@/utils/messaging/features/replies';
import { sendMessage } from '@/utils/messaging/protocol';
import { keepPortOpen } from './live-port';

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
    return keepPortOpen(REPLIES_PORT, (message) => {
      const m = message as RepliesPortMessage;
      if (m.type === 'changed') void reload();
      // The fresh list goes along: state set by reload() is not rendered yet.
      else void reload().then((list) => list && signalRef.current(m, list));
    });
  }, [reload]);

  return { replies, failed, reload };
}
