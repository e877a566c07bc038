import { useEffect, useState } from 'react';
import { useFormatDate, useI18n } from '@/components/i18n';
import { TABLE_LABEL_KEYS } from '@/components/tableLabels';
import { Button, Notice, Section } from '@/components/ui';
import { TABLE_NAMES } from '@/utils/db/schema';
import type { PageState } from '@/utils/messaging/page-state';
import { sendMessage, type Overview } from '@/utils/messaging/protocol';
import { sidebarSideItem } from '@/utils/settings/items';
import { usePageState } from './usePageState';
import { useTheme } from '@/components/useTheme';

const SITE_LABEL = { facebook: 'siteFacebook', instagram: 'siteInstagram', business: 'siteBusiness' } as const;

export function SidebarApp() {
  const { t } = useI18n();
  const page = usePageState();
  useTheme(page?.theme);

  return (
    <div className="flex h-screen flex-col text-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h1 className="text-base font-bold">Spalla</h1>
        <button
          type="button"
          className="rounded p-1 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-700"
          aria-label={t('sidebarClose')}
          title={t('sidebarClose')}
          onClick={() => void sendMessage('closeSidebar')}
          data-testid="sidebar-close"
        >
          ×
        </button>
      </header>
      <main className="flex-1 space-y-5 overflow-auto p-3">
        <ThisPage page={page} />
        <OnThisComputer />
      </main>
    </div>
  );
}

function ThisPage({ page }: { page: PageState | null | undefined }) {
  const { t } = useI18n();
  if (page === undefined) return <p className="text-slate-500">{t('sidebarConnecting')}</p>;
  if (page === null) {
    return (
      <Notice tone="warn" testId="sidebar-no-agent">
        {t('sidebarNoAgent')}
      </Notice>
    );
  }
  const missing = page.markers.filter((m) => m.required && !m.found);
  return (
    <Section title={t('sidebarThisPage')} testId="sidebar-this-page">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-500 dark:text-slate-400">{t('sidebarSite')}</dt>
        <dd data-testid="sidebar-site" data-value={page.site}>
          {t(SITE_LABEL[page.site])}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">{t('sidebarSurface')}</dt>
        <dd data-testid="sidebar-surface" data-value={page.surface}>
          {t(`surface_${page.surface}`)}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">{t('sidebarComposer')}</dt>
        <dd
          data-testid="sidebar-composer"
          data-focused={String(page.composer.focused)}
          data-kind={page.composer.kind ?? 'none'}
        >
          {page.composer.kind === null
            ? t('composerNone')
            : t(page.composer.focused ? 'composerFocused' : 'composerLast', t(`composerKind_${page.composer.kind}`))}
          {page.composer.label && (
            <span className="block truncate text-xs text-slate-500 dark:text-slate-400" title={page.composer.label}>
              “{page.composer.label}”
            </span>
          )}
        </dd>
      </dl>
      {page.composer.covered && <CoveredNotice />}
      {missing.length > 0 && (
        <Notice tone="warn" testId="sidebar-marker-missing">
          {t('sidebarMarkersMissing', missing.map((m) => m.name).join(', '))}
        </Notice>
      )}
    </Section>
  );
}

/** The sidebar hides the box the user is typing in: offer the ways out. */
function CoveredNotice() {
  const { t } = useI18n();
  return (
    <Notice tone="info" testId="sidebar-covered-notice">
      <p>{t('sidebarCovers')}</p>
      <div className="mt-2 flex gap-2">
        <Button
          onClick={async () => {
            const side = await sidebarSideItem.getValue();
            await sidebarSideItem.setValue(side === 'right' ? 'left' : 'right');
          }}
          data-testid="sidebar-move-side"
        >
          {t('sidebarMoveSide')}
        </Button>
        <Button onClick={() => void sendMessage('closeSidebar')}>{t('sidebarClose')}</Button>
      </div>
    </Notice>
  );
}

function OnThisComputer() {
  const { t } = useI18n();
  const formatDate = useFormatDate();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    sendMessage('getOverview')
      .then(setOverview)
      .catch(() => setFailed(true));
  }, []);

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
      <Button
        onClick={() => void sendMessage('openLibrary')}
        data-testid="sidebar-open-library"
      >
        {t('openLibrary')}
      </Button>
    </Section>
  );
}
