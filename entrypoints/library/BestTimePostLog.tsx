import { memo, useMemo, useState } from 'react';
import Papa from 'papaparse';
import { TZDate } from '@date-fns/tz';
import { useI18n } from '@/components/i18n';
import { dateFormatter, formatDateTime } from '@/utils/i18n/dates';
import { Button, Notice, Section } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import type { TimingAccount } from '@/utils/timing/accounts';
import type { PostLogEntry, PostMetrics } from '@/utils/db/post-log';
import { cleanPermalink, parseCount } from '@/utils/timing/csv-import';
import { logPosts } from '@/utils/timing/post-log-store';

const METRICS: (keyof PostMetrics)[] = ['reactions', 'comments', 'shares', 'saves', 'reach', 'views'];
const METRIC_KEY: Record<keyof PostMetrics, string> = {
  reactions: 'bestTimeReactions',
  comments: 'bestTimeComments',
  shares: 'bestTimeShares',
  saves: 'bestTimeSaves',
  reach: 'bestTimeReach',
  views: 'bestTimeViews',
};
const SOURCE_KEY = { page: 'bestTimeSourcePage', import: 'bestTimeSourceImport', manual: 'bestTimeSourceManual' } as const;

type SortKey = 'publishedAt' | keyof PostMetrics;
/** Rows drawn at a time: an account can have thousands of posts. */
const PAGE_ROWS = 100;

/** The account's post log: a table (sort, filter, delete, export as CSV) and a form to add a
 * post by hand. Memoised: choosing a prior redraws the heatmaps, not 100 table rows. */
export const BestTimePostLog = memo(function BestTimePostLog({
  brand,
  posts,
  timeZone,
  onChanged,
}: {
  brand: TimingAccount;
  posts: PostLogEntry[];
  timeZone: string;
  onChanged(): void;
}) {
  const { t, language } = useI18n();
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'publishedAt', down: true });
  const [filter, setFilter] = useState('');
  const [source, setSource] = useState<'all' | PostLogEntry['source']>('all');
  const [limit, setLimit] = useState(PAGE_ROWS);
  const format = useMemo(
    () => dateFormatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    [language, timeZone],
  );

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const rows = posts.filter(
      (p) =>
        (source === 'all' || p.source === source) &&
        (!q || (p.permalink ?? '').toLowerCase().includes(q) || format.format(p.publishedAt).toLowerCase().includes(q)),
    );
    const value = (p: PostLogEntry) => (sort.key === 'publishedAt' ? p.publishedAt : (p.metrics[sort.key] ?? -1));
    return rows.sort((a, b) => (sort.down ? value(b) - value(a) : value(a) - value(b)));
  }, [posts, filter, source, sort, format]);

  function exportCsv() {
    const csv = Papa.unparse({
      fields: ['published_at_utc', `published_at_local (${timeZone})`, 'permalink', ...METRICS, 'source'],
      data: shown.map((p) => [
        new Date(p.publishedAt).toISOString(),
        format.format(p.publishedAt),
        p.permalink ?? '',
        ...METRICS.map((m) => p.metrics[m] ?? ''),
        p.source,
      ]),
    });
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `spalla-post-log-${(brand.handle ?? brand.name).replace(/[^\w.-]+/g, '_')}-${brand.network}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.down ? 'descending' : 'ascending') : 'none'} className="px-2 py-1 text-left">
      <button
        type="button"
        className="font-semibold hover:underline"
        onClick={() => setSort((s) => ({ key, down: s.key === key ? !s.down : true }))}
        data-testid={`best-time-log-sort-${key}`}
      >
        {label}
        {sort.key === key ? (sort.down ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );

  return (
    <Section title={t('bestTimePostLog', posts.length)} testId="best-time-log">
      <ManualEntry brand={brand} timeZone={timeZone} onAdded={onChanged} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimeFilter')}</span>
          <input
            type="search"
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            data-testid="best-time-log-filter"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimeSource')}</span>
          <select
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={source}
            onChange={(e) => setSource(e.target.value as typeof source)}
            data-testid="best-time-log-source"
          >
            <option value="all">{t('bestTimeSourceAll')}</option>
            {(['page', 'import', 'manual'] as const).map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_KEY[s])}
              </option>
            ))}
          </select>
        </label>
        <Button onClick={exportCsv} disabled={shown.length === 0} data-testid="best-time-log-export">
          {t('bestTimeExportCsv')}
        </Button>
      </div>
      {posts.length === 0 ? (
        <p className="text-slate-500" data-testid="best-time-log-empty">
          {t('bestTimeLogEmpty')}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-xs" data-testid="best-time-log-table">
            <thead className="border-b border-slate-200 dark:border-slate-700">
              <tr>
                {header('publishedAt', t('bestTimePublished'))}
                <th scope="col" className="px-2 py-1 text-left">
                  {t('bestTimePermalink')}
                </th>
                {METRICS.map((m) => header(m, t(METRIC_KEY[m])))}
                <th scope="col" className="px-2 py-1 text-left">
                  {t('bestTimeSource')}
                </th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((p) => (
                <tr key={p.id} className="border-b border-slate-100 dark:border-slate-800" data-testid="best-time-log-row" data-id={p.id}>
                  <td className="whitespace-nowrap px-2 py-1">{format.format(p.publishedAt)}</td>
                  <td className="max-w-56 truncate px-2 py-1" title={p.permalink ?? ''}>
                    {p.permalink ? (
                      <a className="text-blue-700 underline dark:text-blue-300" href={p.permalink} target="_blank" rel="noreferrer noopener">
                        {p.permalink.replace(/^https:\/\/(www\.)?/, '')}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  {METRICS.map((m) => (
                    <td key={m} className="px-2 py-1 text-right tabular-nums" data-metric={m}>
                      {p.metrics[m] ?? '—'}
                    </td>
                  ))}
                  <td className="px-2 py-1">{t(SOURCE_KEY[p.source])}</td>
                  <td className="px-2 py-1">
                    <button
                      type="button"
                      className="text-red-700 hover:underline dark:text-red-300"
                      aria-label={t('bestTimeDeletePost', format.format(p.publishedAt))}
                      onClick={async () => {
                        await getDb().postLog.delete(p.id);
                        onChanged();
                      }}
                      data-testid="best-time-log-delete"
                    >
                      {t('bestTimeDelete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length > limit && (
            <div className="mt-2 flex items-center gap-3 text-xs">
              <span data-testid="best-time-log-count">{t('bestTimeLogShowing', limit, shown.length)}</span>
              <Button onClick={() => setLimit((l) => l + PAGE_ROWS)} data-testid="best-time-log-more">
                {t('bestTimeLogMore', Math.min(PAGE_ROWS, shown.length - limit))}
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
});

/** A `datetime-local` value read as wall-clock time in `timeZone`, or null when incomplete. */
function wallTimeIn(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? +new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), timeZone) : null;
}

/** A post typed by hand: the time is read in the account's zone. */
function ManualEntry({ brand, timeZone, onAdded }: { brand: TimingAccount; timeZone: string; onAdded(): void }) {
  const { t, language } = useI18n();
  const [when, setWhen] = useState('');
  const [link, setLink] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);

  async function add() {
    setAdded(false);
    const publishedAt = wallTimeIn(when, timeZone);
    if (publishedAt === null) return setError(t('bestTimeManualNeedsTime'));
    const permalink = cleanPermalink(link);
    if (permalink === 'bad') return setError(t('bestTimeManualBadLink'));
    const metrics: PostMetrics = { reactions: null, comments: null, shares: null, saves: null, reach: null, views: null };
    for (const k of METRICS) {
      const n = parseCount(values[k] ?? '');
      if (n === 'bad') return setError(t('bestTimeManualBadNumber', t(METRIC_KEY[k])));
      metrics[k] = n;
    }
    if (metrics.reactions === null && metrics.comments === null && metrics.shares === null && metrics.saves === null) {
      return setError(t('bestTimeManualNeedsCounts'));
    }
    await logPosts(getDb(), brand, [{ publishedAt, permalink, metrics }], 'manual', Date.now());
    setError(null);
    setWhen('');
    setLink('');
    setValues({});
    setAdded(true);
    onAdded();
  }

  return (
    <form
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      data-testid="best-time-manual"
    >
      <h3 className="font-semibold">{t('bestTimeManualTitle', timeZone)}</h3>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimePublished')}</span>
          <input
            type="datetime-local"
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            data-testid="best-time-manual-when"
          />
          {/* The input draws its date in the browser's language; this says it in Spalla's. */}
          <span className="text-xs text-slate-500" data-testid="best-time-manual-when-text">
            {wallTimeIn(when, timeZone) !== null ? formatDateTime(wallTimeIn(when, timeZone)!, language, timeZone) : ''}
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('bestTimePermalinkOptional')}</span>
          <input
            type="url"
            className="w-72 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            data-testid="best-time-manual-link"
          />
        </label>
        {METRICS.map((k) => (
          <label key={k} className="flex flex-col gap-1">
            <span className="text-xs text-slate-500">{t(METRIC_KEY[k])}</span>
            <input
              inputMode="numeric"
              className="w-20 rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
              value={values[k] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
              data-testid={`best-time-manual-${k}`}
            />
          </label>
        ))}
        <Button type="submit" variant="primary" data-testid="best-time-manual-add">
          {t('bestTimeManualAdd')}
        </Button>
      </div>
      {error && (
        <Notice tone="error" testId="best-time-manual-error">
          {error}
        </Notice>
      )}
      {added && (
        <Notice tone="ok" testId="best-time-manual-added">
          {t('bestTimeManualAdded')}
        </Notice>
      )}
    </form>
  );
}
