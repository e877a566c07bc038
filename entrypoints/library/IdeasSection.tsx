import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ClipCard } from '@/components/clips/ClipCard';
import { ClipGrid } from '@/components/clips/ClipGrid';
import { ClipDetail } from '@/components/clips/ClipDetail';
import { ClipsStorage } from '@/components/clips/ClipsStorage';
import { ClipsToolbar } from '@/components/clips/ClipsToolbar';
import { ClipsTransfer } from '@/components/clips/ClipsTransfer';
import { SchedulePicker } from '@/components/clips/SchedulePicker';
import { StatusSelect } from '@/components/clips/StatusSelect';
import { useClipSearch } from '@/components/clips/useClipSearch';
import { useThumbnails } from '@/components/clips/useThumbnails';
import { useI18n } from '@/components/i18n';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { BrandFilterSelect, MoveToBrand } from '@/components/brands/BrandFilterSelect';
import { useBrandFilter, useBrands } from '@/components/brands/useBrands';
import { ALL_BRANDS, filterByBrand } from '@/utils/brands/filter';
import { moveItems } from '@/utils/brands/ops';
import { Button, Notice, Section } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import type { Clip, ClipStatus } from '@/utils/db/clips';
import { NO_FILTERS, filterChoices, selectClips, sortClips, type ClipFilters, type ClipSort } from '@/utils/clips/query';
import { statusForKey } from '@/utils/clips/status';
import { WRITE_FAILURE_KEYS, writeFailureOf } from '@/utils/clips/storage';
import { deleteClips, restoreClips, setStatus, type RemovedClips } from '@/utils/clips/store';

/** Cards rendered at a time; more as the user scrolls (20,000 clips would otherwise be
 * 20,000 cards and their thumbnails). A keystroke replaces them all, so fewer is
 * faster: 30 fill a large screen, and the next 30 come before the end scrolls in. */
export const CLIPS_PAGE_SIZE = 30;

/** Cards rendered with the answer to a keystroke (more than a screen shows above the
 * fold); the rest of the page follows in the next moment the page is idle, so typing
 * fast only ever renders these. */
const FIRST_CARDS = 12;

/**
 * The content-ideas library: every clip as a card, searched as the user types,
 * filtered, sorted, changed one by one, in bulk or by keyboard (docs/clips-library.md).
 */
export function IdeasSection() {
  const { t, language } = useI18n();
  // First the newest page of clips (an index range: as fast with 20,000 clips as with
  // 60), then all of them for search, filters and sorting.
  const [firstPage, setFirstPage] = useState<{ clips: Clip[]; total: number } | null>(null);
  useEffect(() => {
    const db = getDb();
    void db
      .transaction('r', db.clips, async () => ({
        clips: await db.clips.orderBy('clippedAt').reverse().limit(CLIPS_PAGE_SIZE).toArray(),
        total: await db.clips.count(),
      }))
      .then(setFirstPage);
  }, []);
  // Started once the first page is read, so that the big read does not delay it.
  const firstRead = firstPage !== null;
  const clips = useLiveQuery<Clip[] | undefined>(() => (firstRead ? getDb().clips.toArray() : undefined), [firstRead]);
  const collator = useMemo(() => new Intl.Collator(language, { sensitivity: 'base', numeric: true }), [language]);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [filters, setFilters] = useState<ClipFilters>(NO_FILTERS);
  const brands = useBrands();
  const [brandFilter, setBrandFilter] = useBrandFilter(brands);
  const [sort, setSort] = useState<ClipSort>('clipped');
  const [layout, setLayout] = useState<'grid' | 'list'>('grid');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState<string[] | null>(null);
  const [removed, setRemoved] = useState<RemovedClips | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [limit, setLimit] = useState(CLIPS_PAGE_SIZE);
  const searchBox = useRef<HTMLInputElement>(null);
  const { ready, search } = useClipSearch(clips);
  // For the bench: when the clips were read, and when the index was ready.
  useEffect(() => void (clips && performance.mark('spalla-clips-loaded')), [clips === undefined]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => void (ready && performance.mark('spalla-search-ready')), [ready]);

  const searching = deferredQuery.trim() !== '';
  const matches = useMemo(() => (searching ? (ready ? search(deferredQuery) : []) : null), [searching, ready, search, deferredQuery]);
  const sorted = useMemo(() => (clips ? sortClips(clips, sort, collator) : []), [clips, sort, collator]);
  const shown = useMemo(
    () => (clips ? filterByBrand(selectClips(clips, { filters, sort, matches, collator, sorted }), brandFilter) : []),
    [clips, filters, sort, matches, collator, sorted, brandFilter],
  );
  const choices = useMemo(() => filterChoices(clips ?? [], collator), [clips, collator]);
  const byId = useMemo(() => new Map((clips ?? []).map((clip) => [clip.id, clip])), [clips]);
  // `whole`: the search, filters and sort whose page is rendered in full. A new one
  // starts with FIRST_CARDS; a change of the clips themselves (a status set from a
  // card) keeps the whole page, so no focused card goes away.
  const view = `${deferredQuery}\u0000${JSON.stringify(filters)}\u0000${sort}\u0000${brandFilter}`;
  const [whole, setWhole] = useState<string | null>(null);
  const rendered = whole === view ? limit : Math.min(limit, FIRST_CARDS);
  const visible = useMemo(() => shown.slice(0, rendered), [shown, rendered]);
  useEffect(() => {
    if (whole === view) return;
    const timer = setTimeout(() => startTransition(() => setWhole(view)), 0);
    return () => clearTimeout(timer);
  }, [whole, view]);

  useEffect(() => setLimit(CLIPS_PAGE_SIZE), [deferredQuery, filters, sort, brandFilter]);
  // A clip deleted elsewhere leaves the selection.
  useEffect(() => {
    setSelected((current) => {
      const kept = [...current].filter((id) => byId.has(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [byId]);

  const describeError = useCallback((cause: unknown) => {
    console.error('[Spalla] library write failed', cause);
    return t(WRITE_FAILURE_KEYS[writeFailureOf(cause)]);
  }, [t]);

  const skipped = useRef<string | null>(null);
  const write = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        // A change that left read-only clips out says so once it is done.
        setError(skipped.current);
        skipped.current = null;
      } catch (cause) {
        setError(describeError(cause));
      }
    },
    [describeError],
  );

  // Clips of a brand shared read-only (#15) are used, not changed: every change below
  // (a card's status, a key, the bulk bar, the detail) leaves them out and says so.
  const readOnlyBrands = useReadOnlyBrands();
  const changeableRef = useRef<(ids: string[]) => string[]>((ids) => ids);
  changeableRef.current = (ids) => {
    const kept = ids.filter((id) => {
      const brandId = byId.get(id)?.brandId;
      return !brandId || !readOnlyBrands.has(brandId);
    });
    if (kept.length < ids.length) {
      if (kept.length === 0) setError(t('syncReadOnlySkipped'));
      else skipped.current = t('syncReadOnlySkipped');
    }
    return kept;
  };

  const changeStatus = useCallback(
    (all: string[], status: ClipStatus) => {
      const ids = changeableRef.current(all);
      if (ids.length === 0) return;
      if (status === 'scheduled') setScheduling(ids);
      else void write(() => setStatus(getDb(), ids, status));
    },
    [write],
  );

  const remove = useCallback(
    (all: string[]) => {
      const ids = changeableRef.current(all);
      if (ids.length === 0) return;
      void write(async () => {
        const gone = await deleteClips(getDb(), ids);
        setRemoved(gone);
        setOpenId((open) => (open && ids.includes(open) ? null : open));
        setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
      });
    },
    [write],
  );

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  /** The keys of a focused card (docs/clips-library.md): 1–5 status, x or Space select,
   * Enter open, Delete delete, arrows move. With a selection that holds the card, the
   * status and delete keys act on the whole selection. */
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const onCardKey = useCallback(
    (clip: Clip, event: React.KeyboardEvent) => {
      if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
      const current = selectedRef.current;
      const targets = current.has(clip.id) ? [...current] : [clip.id];
      const status = statusForKey(event.key);
      const card = event.currentTarget as HTMLElement;
      if (status) changeStatus(targets, status);
      else if (event.key === 'x' || event.key === ' ') toggle(clip.id);
      else if (event.key === 'Enter') setOpenId(clip.id);
      else if (event.key === 'Delete') remove(targets);
      else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') (card.nextElementSibling as HTMLElement | null)?.focus();
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') (card.previousElementSibling as HTMLElement | null)?.focus();
      else return;
      event.preventDefault();
    },
    [changeStatus, toggle, remove],
  );

  // "/" jumps to the search box; Escape clears the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [role="dialog"]');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        searchBox.current?.focus();
      } else if (event.key === 'Escape' && !typing) setSelected(new Set());
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  // More cards once the end of the list scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setLimit((n) => n + CLIPS_PAGE_SIZE);
      },
      { rootMargin: '0px 0px 800px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [shown.length > limit]); // eslint-disable-line react-hooks/exhaustive-deps

  const open = openId ? byId.get(openId) : undefined;
  const schedulingClips = scheduling ? scheduling.map((id) => byId.get(id)).filter((clip): clip is Clip => !!clip) : [];
  const allShownSelected = shown.length > 0 && shown.every((clip) => selected.has(clip.id));

  // Made again only when the clips or the selection change, not at every keystroke.
  const panels = useMemo(
    () =>
      clips && (
        // Above the cards: the grid grows as it scrolls, so nothing below it could be reached.
        <div className="grid gap-6 rounded-md border border-slate-200 p-3 md:grid-cols-2 dark:border-slate-700">
          <Section title={t('clipsTransferTitle')}>
            <ClipsTransfer clips={clips} selectedIds={selected} />
          </Section>
          <Section title={t('clipsStorageTitle')}>
            <ClipsStorage version={clips.length} />
          </Section>
        </div>
      ),
    [clips, selected, t],
  );

  if (!clips || !brands) return firstPage ? <FirstPage clips={firstPage.clips} total={firstPage.total} /> : <p className="text-slate-500">{t('clipsLoading')}</p>;

  return (
    // data-query: the search the cards on screen answer (it trails the box while React
    // defers); data-search-ready: the index is built. Both for the tests and the bench.
    <div className="space-y-4" data-testid="clips-library" data-query={deferredQuery} data-search-ready={ready}>
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-lg font-semibold">{t('navIdeas')}</h2>
        <p className="text-slate-600 dark:text-slate-400" data-testid="clips-count" data-count={shown.length} data-total={clips.length}>
          {searching || brandFilter !== ALL_BRANDS || JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) ? t('clipsCountFiltered', shown.length, clips.length) : t('clipsCount', clips.length)}
        </p>
        {searching && !ready && (
          <p className="text-xs text-slate-500" data-testid="clips-search-preparing">
            {t('clipsSearchPreparing')}
          </p>
        )}
      </div>

      {panels}
      <p className="text-xs text-slate-500" data-testid="clips-keys-help">
        {t('clipsKeysHelp')}
      </p>

      <ClipsToolbar
        query={query}
        onQuery={setQuery}
        searchRef={searchBox}
        filters={filters}
        onFilters={setFilters}
        sort={sort}
        onSort={setSort}
        layout={layout}
        onLayout={setLayout}
        tags={choices.tags}
        authors={choices.authors}
      />

      <div className="flex flex-wrap items-center gap-2 text-xs">
        <BrandFilterSelect brands={brands} value={brandFilter} onChange={setBrandFilter} />
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={allShownSelected}
            disabled={shown.length === 0}
            onChange={() => setSelected(allShownSelected ? new Set() : new Set(shown.map((clip) => clip.id)))}
            data-testid="clips-select-all"
          />
          {t('clipsSelectAll', shown.length)}
        </label>
        {selected.size > 0 && (
          <div className="flex flex-wrap items-center gap-2 rounded-md bg-blue-50 px-2 py-1 dark:bg-blue-950" data-testid="clips-bulk">
            <span data-testid="clips-bulk-count" data-count={selected.size}>
              {t('clipsSelectedCount', selected.size)}
            </span>
            <StatusSelect value="" placeholder={t('clipsBulkStatus')} label={t('clipsBulkStatus')} testId="clips-bulk-status" onChange={(status) => changeStatus([...selected], status)} />
            <MoveToBrand brands={brands} testId="clips-move-brand" onMove={(brandId) => void write(() => moveItems(getDb(), 'clips', changeableRef.current([...selected]), brandId))} />
            <Button variant="danger" onClick={() => remove([...selected])} data-testid="clips-bulk-delete">
              {t('clipsDeleteSelected', selected.size)}
            </Button>
            <Button onClick={() => setSelected(new Set())} data-testid="clips-bulk-clear">
              {t('clipsClearSelection')}
            </Button>
          </div>
        )}
      </div>

      {error && (
        <Notice tone="error" testId="clips-error">
          {error}
        </Notice>
      )}
      {removed && (
        <Notice tone="info" testId="clips-undo">
          <span className="flex flex-wrap items-center gap-2">
            {t('clipsDeleted', removed.clips.length)}
            <Button
              onClick={() =>
                void write(async () => {
                  await restoreClips(getDb(), removed);
                  setRemoved(null);
                })
              }
              data-testid="clips-undo-button"
            >
              {t('clipsUndo')}
            </Button>
            <Button onClick={() => setRemoved(null)} data-testid="clips-undo-dismiss" aria-label={t('clipsClose')}>
              ×
            </Button>
          </span>
        </Notice>
      )}

      {clips.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400" data-testid="clips-empty">
          {t('clipsEmpty')}
        </p>
      ) : shown.length === 0 && (!searching || ready) ? (
        <p className="text-slate-600 dark:text-slate-400" data-testid="clips-no-match">
          {t('clipsNoMatch')}
        </p>
      ) : (
        <ClipGrid brands={brands} clips={visible} layout={layout} selected={selected} onToggleSelected={toggle} onOpen={setOpenId} onStatus={changeStatus} onKey={onCardKey} readOnlyBrands={readOnlyBrands} />
      )}
      {shown.length > limit && (
        <div ref={sentinel} className="flex justify-center">
          <Button onClick={() => setLimit((n) => n + CLIPS_PAGE_SIZE)} data-testid="clips-more">
            {t('clipsShowMore', shown.length - limit)}
          </Button>
        </div>
      )}

      {open && <ClipDetail clip={open} onClose={() => setOpenId(null)} onStatus={changeStatus} onDelete={remove} onWriteError={describeError} readOnly={open.brandId !== null && readOnlyBrands.has(open.brandId)} />}
      {scheduling && schedulingClips.length > 0 && (
        <SchedulePicker
          clips={schedulingClips}
          onClose={() => setScheduling(null)}
          onConfirm={(at) => {
            const ids = scheduling;
            setScheduling(null);
            void write(() => setStatus(getDb(), ids, 'scheduled', at));
          }}
        />
      )}
    </div>
  );
}

const noop = () => {};

/** The newest cards while the whole library is still being read: the same cards, not
 * yet interactive (no search or selection before every clip is there). */
function FirstPage({ clips, total }: { clips: Clip[]; total: number }) {
  const { t } = useI18n();
  const thumbnails = useThumbnails(clips);
  return (
    <div className="space-y-4" data-testid="clips-library-loading" aria-busy="true">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-lg font-semibold">{t('navIdeas')}</h2>
        <p className="text-slate-600 dark:text-slate-400">{t('clipsCount', total)}</p>
        <p className="text-xs text-slate-500">{t('clipsLoading')}</p>
      </div>
      {clips.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">{t('clipsEmpty')}</p>
      ) : (
        <div inert className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3">
          {clips.map((clip) => (
            <ClipCard key={clip.id} clip={clip} layout="grid" selected={false} thumbnail={thumbnails.get(clip.id)} onToggleSelected={noop} onOpen={noop} onStatus={noop} onKey={noop} />
          ))}
        </div>
      )}
    </div>
  );
}
