import { useEffect, useState } from 'react';
import { browser } from '#imports';
import type { PageState } from '@/utils/messaging/page-state';
import { SIDEBAR_PORT, type SidebarPortMessage } from '@/utils/messaging/protocol';

/** The page state of the tab this sidebar sits in, pushed live by the background.
 * `undefined` while connecting, `null` when the page agent did not answer. */
export function usePageState(): PageState | null | undefined {
  const [state, setState] = useState<PageState | null>();
  useEffect(() => {
    let port: ReturnType<typeof browser.runtime.connect> | null = null;
    let closed = false;
    const connect = () => {
      // After an extension update this frame is orphaned: connecting would throw
      // "Extension context invalidated", and the new agent replaces us anyway.
      if (closed || browser.runtime?.id == null) return;
      try {
        port = browser.runtime.connect({ name: SIDEBAR_PORT });
      } catch {
        return;
      }
      port.onMessage.addListener((message: unknown) => {
        const m = message as SidebarPortMessage;
        if (m.type === 'pageState') setState(m.state);
      });
      // A service worker that was stopped drops the port: connect again.
      port.onDisconnect.addListener(() => {
        if (!closed) setTimeout(connect, 200);
      });
    };
    connect();
    return () => {
      closed = true;
      port?.disconnect();
    };
  }, []);
  return state;
}
