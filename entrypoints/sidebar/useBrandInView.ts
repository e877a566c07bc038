import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { BrandView } from '@/utils/messaging/features/brands';
import { SIDEBAR_PORT, sendMessage, type SidebarPortMessage } from '@/utils/messaging/protocol';
import { keepPortOpen } from './live-port';

export interface BrandInViewState {
  /** `undefined` while connecting. */
  view: BrandView | undefined;
  /** Shows the view a choice answered with (it is also pushed; whichever comes first shows). */
  update(view: BrandView): void;
}

/** The brand in view of this sidebar's tab (issue #13), for every panel: `useBrandInView()`.
 * `SidebarApp` provides it, from one port. */
export const BrandInViewContext = createContext<BrandInViewState>({ view: undefined, update: () => {} });

export function useBrandInView(): BrandInViewState {
  return useContext(BrandInViewContext);
}

/** The view as the background pushes it live (`utils/background/brand-in-view.ts`):
 * used once, by `SidebarApp`. */
export function useBrandInViewSource(): BrandInViewState {
  const [view, setView] = useState<BrandView>();
  useEffect(
    () =>
      keepPortOpen(
        SIDEBAR_PORT,
        (message) => {
          const m = message as SidebarPortMessage;
          if (m.type === 'brandInView') setView(m.view);
        },
        // Connected (again): ask for the view now, the background pushes only changes.
        () => void sendMessage('brandInViewGet').then(setView, () => {}),
      ),
    [],
  );
  const update = useCallback((next: BrandView) => setView(next), []);
  return useMemo(() => ({ view, update }), [view, update]);
}
