import { useEffect, useState } from 'react';
import { useFormatDate, useI18n } from '@/components/i18n';
import { TABLE_LABEL_KEYS } from '@/components/tableLabels';
import { Notice, Section } from '@/components/ui';
import { TABLE_NAMES } from '@/utils/db/schema';
import { sendMessage, type Overview } from '@/utils/messaging/protocol';
import type { SidebarPanelProps } from './tabs';

/** What Spalla keeps on this computer, and when it was last backed up. */
export function DataPanel({ active }: SidebarPanelProps) {
  const { t } = useI18n();
  const formatDate = useFormatDate();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!active && overview) return;
    sendMessage('getOverview')
      .then(setOverview)
      .catch(() => setFailed(true));
    // Counted again each time the tab is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  return (
    <Section title={t('sidebarOnThisComputer')} testId="sidebar-overview">
      {failed && <Notice tone="error">{t('sidebarOverviewFailed')}</Notice>}
      {overview && (
        <>
          <ul className="space-y-0.5" data-testid="sidebar-counts">
            {TABLE_NAMES.filter((name) => name !== 'images').map((name) => (
              <li key={name} data-testid={`sidebar-count-${name}`} data-value={overview.counts[name]}>
                {t(TABLE_LABEL_KEYS[name], overview.counts[name])}
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="sidebar-last-backup">
            {overview.lastBackupAt ? t('lastBackupAt', formatDate(overview.lastBackupAt)) : t('lastBackupNever')}
          </p>
        </>
      )}
    </Section>
  );
}
