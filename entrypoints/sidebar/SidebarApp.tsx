import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import type { PageState } from '@/utils/messaging/page-state';
import { sendMessage } from '@/utils/messaging/protocol';
import { sidebarSideItem, sidebarStateItem, sidebarTabItem } from '@/utils/settings/items';
import { SIDEBAR_TABS, TabIcon, type SidebarTab } from './tabs';
import { usePageState } from './usePageState';
import { BrandInViewContext, useBrandInViewSource } from './useBrandInView';
import { BrandQuestion, BrandSwitch } from './BrandSwitch';
import { SyncIndicator } from './SyncIndicator';
import { useTheme } from '@/components/useTheme';

import { SITE_LABEL_KEYS as SITE_LABEL } from '@/utils/sites/networks';

/** The sidebar: a header (name, the brand in view, the page in one quiet line, library,
 * close), the question about an account in no brand, a problem
 * only when there is one, the tab bar, and the chosen tab's panel. The panel is the one
 * place that scrolls; nothing above it grows when the page's focus moves, so what the
 * user is about to click stays where it is. */
export function SidebarApp() {
  const page = usePageState();
  useTheme(page?.theme);
  const [chosen, setChosen] = useStorageItem(sidebarTabItem);
  const active = SIDEBAR_TABS.find((tab) => tab.id === chosen) ?? SIDEBAR_TABS[0];
  const brandInView = useBrandInViewSource();

  return (
    <BrandInViewContext.Provider value={brandInView}>
      <SidebarLayout page={page} active={active} choose={(id) => void setChosen(id)} />
    </BrandInViewContext.Provider>
  );
}

/** Everything inside the brand-in-view context. */
function SidebarLayout({ page, active, choose }: { page: PageState | null | undefined; active: SidebarTab; choose(id: string): void }) {
  const { t } = useI18n();
  return (
    <div className="flex h-screen flex-col overflow-hidden text-sm">
      <header className="relative flex items-center gap-2 border-b border-slate-200 px-3 py-1.5 dark:border-slate-700">
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <h1 className="shrink-0 text-base leading-5 font-bold">Spalla</h1>
            <BrandSwitch />
            <SyncIndicator />
          </div>
          <ThisPage page={page} />
        </div>
        <button
          type="button"
          className="shrink-0 rounded px-2 py-1 text-xs font-medium text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-700"
          onClick={() => void sendMessage('openLibrary', active.librarySection)}
          data-testid="sidebar-open-library"
          data-section={active.librarySection}
        >
          {t('openLibrary')}
        </button>
        <button
          type="button"
          className="shrink-0 rounded p-1 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-700"
          aria-label={t('sidebarClose')}
          title={t('sidebarClose')}
          onClick={() => void sendMessage('closeSidebar')}
          data-testid="sidebar-close"
        >
          ×
        </button>
      </header>
      <BrandQuestion />
      <PageProblems page={page} />
      <Tabs page={page} active={active} choose={choose} />
      {page?.composer.covered && <CoveredNotice page={page} />}
    </div>
  );
}

/** The features, one tab each; every panel stays mounted so a half-filled form
 * survives a look at another tab. The chosen tab is remembered. Five equal columns,
 * an icon over a short label: every label fits at the narrowest sidebar, in both
 * languages (`tests/e2e/sidebar-layout.e2e.ts` measures it). */
function Tabs({ page, active, choose }: { page: PageState | null | undefined; active: SidebarTab; choose(id: string): void }) {
  const { t } = useI18n();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent) {
    const delta = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!delta) return;
    event.preventDefault();
    const index = (SIDEBAR_TABS.indexOf(active) + delta + SIDEBAR_TABS.length) % SIDEBAR_TABS.length;
    choose(SIDEBAR_TABS[index].id);
    buttons.current[index]?.focus();
  }

  return (
    <>
      <div
        role="tablist"
        className="grid shrink-0 border-b border-slate-200 px-1 dark:border-slate-700"
        style={{ gridTemplateColumns: `repeat(${SIDEBAR_TABS.length}, minmax(0, 1fr))` }}
        onKeyDown={onKeyDown}
      >
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
              title={t(tab.titleKey)}
              onClick={() => choose(tab.id)}
              data-testid={`sidebar-tab-${tab.id}`}
              className={`-mb-px flex min-w-0 flex-col items-center gap-0.5 border-b-2 px-0 pt-1.5 pb-1 text-[11px] leading-4 font-medium ${
                selected
                  ? 'border-blue-600 text-blue-700 dark:border-blue-400 dark:text-blue-300'
                  : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              <TabIcon id={tab.id} />
              <span className="whitespace-nowrap" data-tab-label="">
                {t(tab.labelKey)}
              </span>
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
          className="min-h-0 flex-1 space-y-5 overflow-y-auto p-3"
          data-testid={`sidebar-panel-${tab.id}`}
        >
          <tab.Panel page={page} active={tab === active} />
        </main>
      ))}
    </>
  );
}

/** The page beside the sidebar in one quiet line (site · surface); the details (the
 * text box in use) open from it. It is a diagnosis, not the work: problems are shown
 * apart, by `PageProblems`. The details are an overlay, so opening them moves nothing. */
function ThisPage({ page }: { page: PageState | null | undefined }) {
  const { t } = useI18n();
  const details = useRef<HTMLDetailsElement>(null);
  // An overlay closes as a menu does: a click elsewhere, or Escape.
  useEffect(() => {
    const close = (event: Event) => {
      const el = details.current;
      if (!el?.open) return;
      const escape = event.type === 'keydown' && (event as globalThis.KeyboardEvent).key === 'Escape';
      if (escape || (event.type === 'pointerdown' && !el.contains(event.target as Node))) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  if (page === undefined) {
    return <p className="truncate text-xs text-slate-500 dark:text-slate-400">{t('sidebarConnecting')}</p>;
  }
  if (page === null) return null;
  return (
    <details ref={details} className="group text-xs" data-testid="sidebar-this-page">
      <summary
        className="flex cursor-pointer list-none items-center gap-1 text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100 [&::-webkit-details-marker]:hidden"
        title={t('sidebarThisPage')}
      >
        <span className="truncate">
          <span data-testid="sidebar-site" data-value={page.site}>
            {t(SITE_LABEL[page.site])}
          </span>
          {' · '}
          <span data-testid="sidebar-surface" data-value={page.surface}>
            {t(`surface_${page.surface}`)}
          </span>
        </span>
        <span aria-hidden="true" className="shrink-0 transition-transform group-open:rotate-90">
          ›
        </span>
      </summary>
      <div className="absolute inset-x-2 top-full z-20 mt-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-[#242526]">
        <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t('sidebarThisPage')}</h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t('sidebarSite')}</dt>
          <dd>{t(SITE_LABEL[page.site])}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t('sidebarSurface')}</dt>
          <dd>{t(`surface_${page.surface}`)}</dd>
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
      </div>
    </details>
  );
}

/** What stops Spalla from working on this page, in plain sight; nothing when all is well. */
function PageProblems({ page }: { page: PageState | null | undefined }) {
  const { t } = useI18n();
  const missing = page ? page.markers.filter((m) => m.required && !m.found) : [];
  if (page !== null && missing.length === 0) return null;
  return (
    <div className="shrink-0 border-b border-slate-200 p-2 dark:border-slate-700">
      {page === null ? (
        <Notice tone="warn" testId="sidebar-no-agent">
          {t('sidebarNoAgent')}
        </Notice>
      ) : (
        <Notice tone="warn" testId="sidebar-marker-missing">
          {t('sidebarMarkersMissing', missing.map((m) => m.name).join(', '))}
        </Notice>
      )}
    </div>
  );
}

/** The sidebar hides the box the user is typing in: offer the ways out. It sits below
 * the panel, which grows shorter: nothing above moves, nothing is covered. */
function CoveredNotice({ page }: { page: PageState }) {
  const { t } = useI18n();
  const { clearOnOtherSide, clearAtWidth } = page.composer;
  return (
    <div className="shrink-0 border-t border-slate-200 p-2 dark:border-slate-700">
      <Notice tone="info" testId="sidebar-covered-notice">
        <p>{t('sidebarCovers')}</p>
        <div className="mt-2 flex flex-wrap gap-2">
          {/* Only the ways that clear the box: a centred dialog is as covered on either side. */}
          {clearOnOtherSide && (
            <Button
              onClick={async () => {
                const side = await sidebarSideItem.getValue();
                await sidebarSideItem.setValue(side === 'right' ? 'left' : 'right');
              }}
              data-testid="sidebar-move-side"
            >
              {t('sidebarMoveSide')}
            </Button>
          )}
          {clearAtWidth !== null && (
            <Button
              onClick={async () => {
                const all = await sidebarStateItem.getValue();
                await sidebarStateItem.setValue({ ...all, [page.site]: { ...all[page.site], width: clearAtWidth } });
              }}
              data-testid="sidebar-narrower"
              data-width={clearAtWidth}
            >
              {t('sidebarNarrower')}
            </Button>
          )}
          <Button onClick={() => void sendMessage('closeSidebar')}>{t('sidebarClose')}</Button>
        </div>
      </Notice>
    </div>
  );
}
