import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Heatmap } from '@/components/best-time/Heatmap';
import { NOW_KEY, TRUST_KEY, daysWithoutData, slotLabel, whyLine } from '@/components/best-time/format';
import { browserTimeZone, TimeZonePicker } from '@/components/TimeZonePicker';
import { Button, Notice, Section } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { getDb } from '@/utils/db/app-db';
import { addAccount, createBrandWithAccount } from '@/utils/brands/ops';
import { BrandChip } from '@/components/brands/BrandChip';
import { BrandFilterSelect } from '@/components/brands/BrandFilterSelect';
import { useBrandFilter, useBrands } from '@/components/brands/useBrands';
import { ALL_BRANDS, SHARED_BRANDS, brandForNew, filterByBrand, type BrandFilter } from '@/utils/brands/filter';
import type { Brand } from '@/utils/db/brands';
import { timingAccounts, type TimingAccount } from '@/utils/timing/accounts';
import type { PostLogEntry } from '@/utils/db/post-log';
import { stampNew, type Network } from '@/utils/db/record';
import { bestTimePriorChoiceItem, defaultTimeZoneItem } from '@/utils/settings/items';
import { gridFromBins, rateNow } from '@/utils/timing/estimate';
import { libraryBins } from '@/utils/timing/bins-cache';
import { chosenPrior, DEFAULT_PRIOR_ID, effectiveTimeZone, postsOf } from '@/utils/timing/post-log-store';
import { FLAT_PRIOR, hasStudyFor, priorGrid, TIMING_PRIORS, type TimingPrior } from '@/utils/timing/priors';
import { SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { NoStudyNote } from '@/components/best-time/NoStudyNote';
import { ReadOnlyNote } from '@/components/sync/ReadOnlyNote';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { BestTimeImport } from './BestTimeImport';
import { BestTimePostLog } from './BestTimePostLog';

const NETWORK_KEY: Record<Network, string> = SITE_LABEL_KEYS;

export function priorName(prior: TimingPrior): string {
  return `${prior.source.publisher} ${prior.year}${prior.source.title ? ` (“${prior.source.title}”)` : ''}`;
}

/** Library section "Best time": accounts, their week heatmaps and their post logs. */
export function BestTimeSection() {
  const { t } = useI18n();
  const [brands, setBrands] = useState<TimingAccount[] | null>(null);
  const [version, changed] = useReducer((x: number) => x + 1, 0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const allBrands = useBrands();
  const [pageFilter, setBrandFilter] = useBrandFilter(allBrands);
  // Accounts always belong to a brand: "shared by all brands" (picked in another section)
  // reads as all of them here.
  const brandFilter = pageFilter === SHARED_BRANDS ? ALL_BRANDS : pageFilter;

  useEffect(() => {
    void timingAccounts(getDb())
      .then((all) => {
        all.sort((a, b) => a.name.localeCompare(b.name) || a.network.localeCompare(b.network));
        setBrands(all);
        setSelectedId((id) => (id && all.some((b) => b.id === id) ? id : (all[0]?.id ?? null)));
      });
  }, [version, allBrands]);

  if (!brands || !allBrands) return null;
  const shown = filterByBrand(brands, brandFilter);
  const selected = shown.find((b) => b.id === selectedId) ?? shown[0] ?? null;
  return (
    <div className="max-w-6xl space-y-6" data-testid="best-time-section">
      <header className="space-y-1">
        <h2 className="text-lg font-bold">{t('bestTimeTitle')}</h2>
        <p className="text-slate-600 dark:text-slate-300">{t('bestTimeIntro')}</p>
      </header>
      <Accounts
        brands={shown}
        allBrands={allBrands}
        brandFilter={brandFilter}
        onBrandFilter={setBrandFilter}
        selected={selected}
        onSelect={setSelectedId}
        onChanged={changed}
      />
      {selected && <AccountView key={selected.id} brand={selected} onChanged={changed} />}
    </div>
  );
}

function Accounts({
  brands,
  allBrands,
  brandFilter,
  onBrandFilter,
  selected,
  onSelect,
  onChanged,
}: {
  brands: TimingAccount[];
  allBrands: Brand[];
  brandFilter: BrandFilter;
  onBrandFilter(filter: BrandFilter): void;
  selected: TimingAccount | null;
  onSelect(id: string): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');
  const [network, setNetwork] = useState<Network>('instagram');
  const [rename, setRename] = useState<string | null>(null);
  // A brand shared read-only (#15): its accounts are used for hints, not renamed or added to.
  const readOnlyBrands = useReadOnlyBrands();
  const selectedReadOnly = !!selected && readOnlyBrands.has(selected.brandId);
  const newBrand = brandForNew(brandFilter);
  const newInReadOnly = newBrand !== null && readOnlyBrands.has(newBrand);

  async function create() {
    if (!name.trim()) return;
    // Under the brand the filter shows, else a new brand of the account's name.
    const brandId = brandForNew(brandFilter);
    const fields = { network, name, handle };
    const account = brandId ? await addAccount(getDb(), brandId, fields) : (await createBrandWithAccount(getDb(), fields)).account;
    setName('');
    setHandle('');
    onSelect(account.id);
    onChanged();
  }

  return (
    <Section title={t('bestTimeAccounts')} testId="best-time-accounts">
      <BrandFilterSelect brands={allBrands} value={brandFilter} onChange={onBrandFilter} shared={false} />
      {brands.length === 0 ? (
        <Notice tone="info" testId="best-time-no-accounts">
          {t('bestTimeNoAccounts')}
        </Notice>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-500">{t('bestTimeAccount')}</span>
            <select
              className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
              value={selected?.id ?? ''}
              onChange={(e) => onSelect(e.target.value)}
              data-testid="best-time-account-select"
            >
              {brands.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} · {t(NETWORK_KEY[b.network])}
                  {b.handle ? ` · @${b.handle}` : ''}
                  {` · ${allBrands.find((brand) => brand.id === b.brandId)?.name ?? ''}`}
                </option>
              ))}
            </select>
          </label>
          {selected && <BrandChip brandId={selected.brandId} brands={allBrands} />}
          {selected &&
            (rename === null ? (
              <Button onClick={() => setRename(selected.name)} disabled={selectedReadOnly} title={selectedReadOnly ? t('syncReadOnlyItem') : undefined} data-testid="best-time-rename">
                {t('bestTimeRename')}
              </Button>
            ) : (
              <form
                className="flex items-end gap-2"
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (!rename.trim()) return;
                  await getDb().accounts.update(selected.id, { name: rename.trim(), updatedAt: Date.now() });
                  setRename(null);
                  onChanged();
                }}
              >
                <input
                  aria-label={t('bestTimeAccountName')}
                  className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
                  value={rename}
                  onChange={(e) => setRename(e.target.value)}
                  data-testid="best-time-rename-input"
                />
                <Button type="submit" variant="primary" data-testid="best-time-rename-save">
                  {t('bestTimeSave')}
                </Button>
                <Button onClick={() => setRename(null)}>{t('bestTimeCancel')}</Button>
              </form>
            ))}
        </div>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
        data-testid="best-time-new-account"
      >
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimeAccountName')}</span>
          <input
            required
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="best-time-new-name"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimeAccountHandle')}</span>
          <input
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={handle}
            onChange={(e) => setHandle(e.target.value)}
            data-testid="best-time-new-handle"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimeNetwork')}</span>
          <select
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={network}
            onChange={(e) => setNetwork(e.target.value as Network)}
            data-testid="best-time-new-network"
          >
            <option value="instagram">{t('siteInstagram')}</option>
            <option value="facebook">{t('siteFacebook')}</option>
            <option value="linkedin">{t('siteLinkedIn')}</option>
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={newInReadOnly} data-testid="best-time-new-create">
          {t('bestTimeAddAccount')}
        </Button>
        {newInReadOnly && <p className="basis-full text-xs text-amber-800 dark:text-amber-300">{t('syncReadOnlyNew')}</p>}
      </form>
    </Section>
  );
}

function AccountView({ brand, onChanged }: { brand: TimingAccount; onChanged(): void }) {
  const { t, language } = useI18n();
  const [posts, setPosts] = useState<PostLogEntry[] | null>(null);
  const [version, reload] = useReducer((x: number) => x + 1, 0);
  const [choices, setChoices] = useStorageItem(bestTimePriorChoiceItem);
  const [defaultZone] = useStorageItem(defaultTimeZoneItem);
  const [editZone, setEditZone] = useState(false);
  // A brand shared read-only (#15): its time zone and post log are used, not changed.
  const readOnly = useReadOnlyBrands().has(brand.brandId);

  useEffect(() => {
    void postsOf(getDb(), brand.id).then(setPosts);
  }, [brand, version]);

  const timeZone = effectiveTimeZone(brand, defaultZone ?? null);
  const prior = choices ? chosenPrior(brand, choices) : null;
  const priorCells = useMemo(() => (prior ? priorGrid(prior) : [...FLAT_PRIOR]), [prior]);
  const now = useMemo(() => Date.now(), [posts]); // eslint-disable-line react-hooks/exhaustive-deps
  // The posts' pass (bins) is kept per account until its posts or zone change; choosing a prior
  // only redoes the 168 cells.
  const bins = useMemo(
    () => (posts ? libraryBins.binsOf(`${brand.id}/${brand.network}`, posts, timeZone) : null),
    [posts, timeZone, brand.id, brand.network],
  );
  const grid = useMemo(() => (bins ? gridFromBins(bins, { prior: priorCells, now }) : null), [bins, priorCells, now]);
  // Stable (onChanged is the section's reducer dispatch), so the memoised post log and import
  // form skip a redraw that only changes the prior.
  const changedPosts = useCallback(() => {
    reload();
    onChanged();
  }, [onChanged]);
  if (!posts || !grid || !choices) return null;
  const choice = choices[brand.id] ?? DEFAULT_PRIOR_ID[brand.network];
  const noDays = daysWithoutData(t, grid.postsPerDay, language);

  return (
    <div className="space-y-6" data-testid="best-time-account" data-brand-id={brand.id}>
      <Section title={t('bestTimeHintTitle')} testId="best-time-summary">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">{t('bestTimeTrust')}</dt>
          <dd data-testid="best-time-trust" data-value={grid.trust}>
            {t(TRUST_KEY[grid.trust], grid.totalPosts)}
          </dd>
          <dt className="text-slate-500">{t('bestTimeNow')}</dt>
          <dd data-testid="best-time-now" data-value={rateNow(grid, now, timeZone)}>
            {t(NOW_KEY[rateNow(grid, now, timeZone)])}
          </dd>
          <dt className="text-slate-500">{t('bestTimeNextBest')}</dt>
          <dd>
            {grid.nextBest.length === 0 ? (
              <span data-testid="best-time-next-none">{t('bestTimeNoNextBest')}</span>
            ) : (
              <ol className="list-decimal pl-5" data-testid="best-time-next">
                {grid.nextBest.map((s) => (
                  <li key={s.start} data-day={s.day} data-hour={s.hour}>
                    {slotLabel(s.start, timeZone, language)}
                  </li>
                ))}
              </ol>
            )}
          </dd>
          <dt className="text-slate-500">{t('bestTimeWhy')}</dt>
          <dd data-testid="best-time-why" data-kind={grid.why?.kind ?? 'none'}>
            {whyLine(t, grid.why, language, prior ? priorName(prior) : null)}
          </dd>
        </dl>
        {noDays && (
          <Notice tone="info" testId="best-time-days-without-data">
            {noDays}
          </Notice>
        )}
      </Section>

      <Section title={t('bestTimeWeek', timeZone)} testId="best-time-heatmaps">
        <div className="flex flex-wrap gap-8">
          <div className="space-y-2">
            <Heatmap
              cells={priorCells.map((score) => ({ score, posts: null }))}
              label={prior ? t('bestTimePriorGrid', priorName(prior)) : t('bestTimeNoPriorGrid')}
              testId="best-time-prior-heatmap"
            />
            {prior ? (
              <div className="max-w-md text-xs text-slate-600 dark:text-slate-300" data-testid="best-time-prior-source">
                <p>{t('bestTimePriorSource', priorName(prior), prior.method)}</p>
                <p>{t('bestTimePriorStated', prior.stated)}</p>
                <p>{t('bestTimePriorCaveat', prior.note)}</p>
              </div>
            ) : (
              <>
                <p className="max-w-md text-xs text-slate-600">{t('bestTimeNoPriorExplained')}</p>
                <NoStudyNote network={brand.network} />
              </>
            )}
          </div>
          <Heatmap
            cells={grid.cells.map((c) => ({ score: c.score, posts: c.posts }))}
            label={t('bestTimeLearnedGrid', grid.totalPosts)}
            testId="best-time-learned-heatmap"
          />
        </div>
      </Section>

      <Section title={t('bestTimeSettings')} testId="best-time-settings">
        <label className="flex flex-col gap-1">
          <span>{t('bestTimeStartFrom')}</span>
          <select
            className="max-w-xl rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={choice}
            onChange={(e) => void setChoices({ ...choices, [brand.id]: e.target.value })}
            data-testid="best-time-prior-select"
          >
            {TIMING_PRIORS.filter((p) => p.network === brand.network).map((p) => (
              <option key={p.id} value={p.id}>
                {priorName(p)}
              </option>
            ))}
            <option value="none">{t('bestTimePriorNone')}</option>
          </select>
        </label>
        <div className="space-y-1" data-testid="best-time-zone">
          <p>
            {brand.timeZone ? t('bestTimeZoneOwn', brand.timeZone) : t('bestTimeZoneDefault', defaultZone ?? browserTimeZone())}
          </p>
          {editZone ? (
            <TimeZonePicker
              value={brand.timeZone ?? defaultZone ?? browserTimeZone()}
              onChange={async (zone) => {
                await getDb().brands.update(brand.brandId, { timeZone: zone, updatedAt: Date.now() });
                setEditZone(false);
                onChanged();
              }}
            />
          ) : (
            <div className="flex gap-2">
              <Button onClick={() => setEditZone(true)} disabled={readOnly} data-testid="best-time-zone-change">
                {t('bestTimeZoneChange')}
              </Button>
              {brand.timeZone && (
                <Button
                  disabled={readOnly}
                  onClick={async () => {
                    await getDb().brands.update(brand.brandId, { timeZone: null, updatedAt: Date.now() });
                    onChanged();
                  }}
                  data-testid="best-time-zone-reset"
                >
                  {t('bestTimeZoneReset')}
                </Button>
              )}
            </div>
          )}
        </div>
      </Section>

      {readOnly && <ReadOnlyNote />}
      {/* A disabled fieldset disables every control in it. */}
      <fieldset disabled={readOnly} className="space-y-6 disabled:opacity-70">
        <BestTimeImport brand={brand} timeZone={timeZone} onImported={changedPosts} />
        <BestTimePostLog brand={brand} posts={posts} timeZone={timeZone} onChanged={changedPosts} />
      </fieldset>
    </div>
  );
}
