import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice, Section } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import type { PageState } from '@/utils/messaging/page-state';
import { sendMessage } from '@/utils/messaging/protocol';
import { sidebarSideItem, sidebarTabItem } from '@/utils/settings/items';
import { SIDEBAR_TABS } from './tabs';
import { usePageState } from './usePageState';
import { useTheme } from '@/components/useTheme';

const SITE_LABEL = { facebook: 'siteFacebook', instagram: 'siteInstagram', business: 'siteBusiness' } as const;

export function SidebarApp() {
  const { t } = useI18n();
  const page = usePageState();
  useTheme(page?.theme);

  return (
    <div className="flex h-screen flex-col text-sm">
      <header className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
        <h1 className="flex-1 text-base font-bold">Spalla</h1>
        <button
          type="button"
          className="rounded px-2 py-1 text-xs font-medium text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-700"
          onClick={() => void sendMessage('openLibrary')}
          data-testid="sidebar-open-library"
        >
          {t('openLibrary')}
        </button>
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
      <div className="border-b border-slate-200 p-3 dark:border-slate-700">
        <ThisPage page={page} />
      </div>
      <Tabs page={page} />
    </div>
  );
}

/** The features, one tab each; every panel stays mounted so a half-filled form
 * survives a look at another tab. The chosen tab is remembered. */
function Tabs({ page }: { page: PageState | null | undefined }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useStorageItem(sidebarTabItem);
  const active = SIDEBAR_TABS.find((tab) => tab.id === chosen) ?? SIDEBAR_TABS[0];
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent) {
    const delta = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!delta) return;
    event.preventDefault();
    const index = (SIDEBAR_TABS.indexOf(active) + delta + SIDEBAR_TABS.length) % SIDEBAR_TABS.length;
    void setChosen(SIDEBAR_TABS[index].id);
    buttons.current[index]?.focus();
  }

  return (
    <>
      <div role="tablist" className="flex gap-1 border-b border-slate-200 px-2 pt-1 dark:border-slate-700" onKeyDown={onKeyDown}>
        {SIDEBAR_TABS.map((tab, index) => {
          const selected = tab === active;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                buttons.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => void setChosen(tab.id)}
              data-testid={`sidebar-tab-${tab.id}`}
              className={`-mb-px border-b-2 px-2 py-1.5 text-xs font-semibold ${
                selected
                  ? 'border-blue-600 text-blue-700 dark:border-blue-400 dark:text-blue-300'
                  : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              {t(tab.labelKey)}
            </button>
          );
        })}
      </div>
      {SIDEBAR_TABS.map((tab) => (
        <main
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab !== active}
          className="flex-1 space-y-5 overflow-auto p-3"
          data-testid={`sidebar-panel-${tab.id}`}
        >
          <tab.Panel page={page} active={tab === active} />
        </main>
      ))}
    </>
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
