import { useEffect, useState } from 'react';
import { keepPortOpen } from './live-port';
import type { PageState } from '@/utils/messaging/page-state';
import { SIDEBAR_PORT, type SidebarPortMessage } from '@/utils/messaging/protocol';

/** The page state of the tab this sidebar sits in, pushed live by the background.
 * `undefined` while connecting, `null` when the page agent did not answer. */
export function usePageState(): PageState | null | undefined {
  const [state, setState] = useState<PageState | null>();
  useEffect(
    () =>
      keepPortOpen(SIDEBAR_PORT, (message) => {
        const m = message as SidebarPortMessage;
        if (m.type === 'pageState') setState(m.state);
      }),
    [],
  );
  return state;
}
