import { useI18n } from '@/components/i18n';
import { useSyncStatuses } from '@/components/sync/useSyncStatus';
import type { SyncPhase } from '@/utils/messaging/features/sync';
import { syncStatusWords } from '@/utils/sync/status-words';
import { useBrandInView } from './useBrandInView';

/** The icon's colour by phase: green up to date, blue busy, amber offline, red when the
 * user must act (in the library, Brands). */
const PHASE_COLOR: Record<SyncPhase, string> = {
  connected: 'text-green-600 dark:text-green-400',
  syncing: 'text-blue-600 dark:text-blue-400',
  connecting: 'text-blue-600 dark:text-blue-400',
  offline: 'text-amber-600 dark:text-amber-400',
  error: 'text-red-600 dark:text-red-400',
};

/** Beside the brand in view in the header, when that brand is shared with the team (#15):
 * a small icon coloured by the connection's phase, its status in words as its label. */
export function SyncIndicator() {
  const { t, language } = useI18n();
  const { view } = useBrandInView();
  const statuses = useSyncStatuses();
  const status = view?.brandId ? statuses?.[view.brandId] : undefined;
  if (!status) return null;
  const label = t('syncIndicatorLabel', syncStatusWords(status, t, language, Date.now()));
  return (
    <span role="img" aria-label={label} title={label} className={`inline-flex shrink-0 ${PHASE_COLOR[status.phase]}`} data-testid="sidebar-sync" data-phase={status.phase}>
      {/* Two arrows chasing each other: the usual "sync" sign. */}
      <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M13.5 6.5A5.5 5.5 0 0 0 3.4 4.6" />
        <path d="M3 2v3h3" />
        <path d="M2.5 9.5a5.5 5.5 0 0 0 10.1 1.9" />
        <path d="M13 14v-3h-3" />
      </svg>
    </span>
  );
}
