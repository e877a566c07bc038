import type { Ref } from 'react';
import { CLIP_STATUSES, STATUS_LABEL_KEYS } from '@/utils/clips/status';
import { CLIP_SORTS, NO_FILTERS, type ClipFilters, type ClipSort } from '@/utils/clips/query';
import type { ClipStatus } from '@/utils/db/clips';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { NETWORKS } from '@/utils/db/record';
import { NETWORK_LABEL_KEYS } from './ClipCard';

const SORT_KEYS: Record<ClipSort, string> = {
  clipped: 'clipsSortClipped',
  posted: 'clipsSortPosted',
  author: 'clipsSortAuthor',
  status: 'clipsSortStatus',
};

const field = 'rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800';

const pad = (n: number) => String(n).padStart(2, '0');
function toDateInput(epochMs: number | null): string {
  if (epochMs === null) return '';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
/** A chosen day as epoch ms: its first millisecond for "from", its last for "to". */
function fromDateInput(value: string, end: boolean): number | null {
  if (!value) return null;
  const ms = new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}`).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export interface ToolbarProps {
  query: string;
  onQuery: (query: string) => void;
  searchRef: Ref<HTMLInputElement>;
  filters: ClipFilters;
  onFilters: (filters: ClipFilters) => void;
  sort: ClipSort;
  onSort: (sort: ClipSort) => void;
  layout: 'grid' | 'list';
  onLayout: (layout: 'grid' | 'list') => void;
  tags: string[];
  authors: string[];
}

/** Search, filters, sort and the grid/list switch. */
export function ClipsToolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const { filters, onFilters } = props;
  const set = <K extends keyof ClipFilters>(key: K, value: ClipFilters[K]) => onFilters({ ...filters, [key]: value });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="space-y-2">
      <input
        ref={props.searchRef}
        type="search"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        placeholder={t('clipsSearchPlaceholder')}
        aria-label={t('clipsSearch')}
        data-testid="clips-search"
        className={`${field} w-full max-w-xl`}
      />
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <select aria-label={t('clipsFilterNetwork')} data-testid="clips-filter-network" className={field} value={filters.network ?? ''} onChange={(e) => set('network', (e.target.value || null) as ClipFilters['network'])}>
          <option value="">{t('clipsAnyNetwork')}</option>
          {([...NETWORKS, 'web'] as const).map((network) => (
            <option key={network} value={network}>
              {t(NETWORK_LABEL_KEYS[network])}
            </option>
          ))}
        </select>
        <select aria-label={t('clipsFilterStatus')} data-testid="clips-filter-status" className={field} value={filters.status ?? ''} onChange={(e) => set('status', (e.target.value || null) as ClipStatus | null)}>
          <option value="">{t('clipsAnyStatus')}</option>
          {CLIP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_LABEL_KEYS[status])}
            </option>
          ))}
        </select>
        <select aria-label={t('clipsFilterTag')} data-testid="clips-filter-tag" className={`${field} max-w-40`} value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value || null)}>
          <option value="">{t('clipsAnyTag')}</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select aria-label={t('clipsFilterAuthor')} data-testid="clips-filter-author" className={`${field} max-w-40`} value={filters.author ?? ''} onChange={(e) => set('author', e.target.value || null)}>
          <option value="">{t('clipsAnyAuthor')}</option>
          {props.authors.map((author) => (
            <option key={author} value={author}>
              {author}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1">
          {t('clipsClippedFrom')}
          <input type="date" data-testid="clips-filter-from" className={field} value={toDateInput(filters.clippedFrom)} onChange={(e) => set('clippedFrom', fromDateInput(e.target.value, false))} />
        </label>
        <label className="flex items-center gap-1">
          {t('clipsClippedTo')}
          <input type="date" data-testid="clips-filter-to" className={field} value={toDateInput(filters.clippedTo)} onChange={(e) => set('clippedTo', fromDateInput(e.target.value, true))} />
        </label>
        {filtered && (
          <Button onClick={() => onFilters(NO_FILTERS)} data-testid="clips-filter-reset">
            {t('clipsFilterReset')}
          </Button>
        )}
        <label className="ml-auto flex items-center gap-1">
          {t('clipsSortBy')}
          <select data-testid="clips-sort" className={field} value={props.sort} onChange={(e) => props.onSort(e.target.value as ClipSort)}>
            {CLIP_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_KEYS[sort])}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label={t('clipsLayout')} className="flex">
          {(['grid', 'list'] as const).map((layout) => (
            <button
              key={layout}
              type="button"
              aria-pressed={props.layout === layout}
              data-testid={`clips-layout-${layout}`}
              onClick={() => props.onLayout(layout)}
              className={`border border-slate-300 px-2 py-1 first:rounded-l last:rounded-r dark:border-slate-600 ${props.layout === layout ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200' : ''}`}
            >
              {t(layout === 'grid' ? 'clipsLayoutGrid' : 'clipsLayoutList')}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
