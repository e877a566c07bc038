import { memo, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { TimeZonePicker } from '@/components/TimeZonePicker';
import { dateFormatter } from '@/utils/i18n/dates';
import { Button, Notice, Section } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import type { TimingAccount } from '@/utils/timing/accounts';
import { bestTimeCsvMappingsItem } from '@/utils/settings/items';
import {
  CSV_FIELDS,
  guessMapping,
  headerSignature,
  looksLikeMetaExport,
  mappingFits,
  planImport,
  readCsv,
  withTimeZone,
  type CsvField,
  type CsvMapping,
  type CsvTable,
  type DateOrder,
} from '@/utils/timing/csv-import';
import { logPosts, type LogResult } from '@/utils/timing/post-log-store';

const FIELD_KEY: Record<CsvField, string> = {
  publishedAt: 'bestTimePublished',
  permalink: 'bestTimePermalink',
  reactions: 'bestTimeReactions',
  comments: 'bestTimeComments',
  shares: 'bestTimeShares',
  saves: 'bestTimeSaves',
  reach: 'bestTimeReach',
  views: 'bestTimeViews',
};
const FILE_ERROR_KEY = {
  empty: 'bestTimeImportEmpty',
  'not-csv': 'bestTimeImportNotCsv',
  'no-rows': 'bestTimeImportNoRows',
  'no-date-column': 'bestTimeImportNoDateColumn',
} as const;
const SKIP_KEY = {
  'no-date': 'bestTimeSkipNoDate',
  'bad-date': 'bestTimeSkipBadDate',
  'bad-number': 'bestTimeSkipBadNumber',
  'no-counts': 'bestTimeSkipNoCounts',
  'bad-permalink': 'bestTimeSkipBadPermalink',
  duplicate: 'bestTimeSkipDuplicate',
} as const;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const PREVIEW_ROWS = 10;

interface Loaded {
  fileName: string;
  /** When the file was saved: the counts in it are as of then (newer counts win). */
  countsAt: number;
  table: CsvTable;
  mapping: CsvMapping;
  remembered: boolean;
}

/** Import of a Meta Business Suite / Instagram insights CSV: file, column mapping and the file's
 * time zone (remembered per set of columns), preview, then the report. Nothing is written
 * before "Import". `timeZone` is the account's zone: the posts are filed, previewed and binned
 * in it; the file's own times are read in the mapping's zone (US Pacific for Meta exports). */
/** Memoised: choosing a prior does not redraw the import form. */
export const BestTimeImport = memo(function BestTimeImport({ brand, timeZone, onImported }: { brand: TimingAccount; timeZone: string; onImported(): void }) {
  const { t, language } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [result, setResult] = useState<LogResult | null>(null);
  const plan = useMemo(() => (loaded ? planImport(loaded.table, loaded.mapping, timeZone) : null), [loaded, timeZone]);
  const format = useMemo(
    () => dateFormatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
    [language, timeZone],
  );

  async function open(file: File) {
    setResult(null);
    setLoaded(null);
    setFileError(null);
    if (file.size > MAX_FILE_BYTES) return setFileError(t('bestTimeImportTooBig'));
    const table = readCsv(await file.text());
    if (typeof table === 'string') return setFileError(t(FILE_ERROR_KEY[table]));
    const saved = (await bestTimeCsvMappingsItem.getValue())[headerSignature(table.headers)] as
      | Omit<CsvMapping, 'timeZone'> & { timeZone?: string | null }
      | undefined;
    const mapping = saved && mappingFits(saved as CsvMapping, table.headers) ? withTimeZone(saved, table.headers) : guessMapping(table.headers);
    setLoaded({ fileName: file.name, countsAt: file.lastModified || Date.now(), table, mapping, remembered: !!saved });
  }

  function setColumn(field: CsvField, value: string) {
    if (!loaded) return;
    const columns = { ...loaded.mapping.columns, [field]: value === '' ? null : Number(value) };
    setLoaded({ ...loaded, mapping: { ...loaded.mapping, columns } });
  }

  async function run() {
    if (!loaded || !plan) return;
    const all = await bestTimeCsvMappingsItem.getValue();
    await bestTimeCsvMappingsItem.setValue({ ...all, [headerSignature(loaded.table.headers)]: loaded.mapping });
    const r = await logPosts(getDb(), brand, plan.posts, 'import', loaded.countsAt);
    setResult(r);
    setLoaded(null);
    onImported();
  }

  function setFileZone(zone: string) {
    if (!loaded) return;
    setLoaded({ ...loaded, mapping: { ...loaded.mapping, timeZone: zone } });
  }

  const noDate = loaded && loaded.mapping.columns.publishedAt === null;
  return (
    <Section title={t('bestTimeImportTitle')} testId="best-time-import">
      <p className="text-slate-600 dark:text-slate-300">{t('bestTimeImportIntro', timeZone)}</p>
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        aria-label={t('bestTimeImportChoose')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void open(file);
        }}
        data-testid="best-time-import-file"
      />
      {fileError && (
        <Notice tone="error" testId="best-time-import-error">
          {fileError}
        </Notice>
      )}
      {result && (
        <Notice tone="ok" testId="best-time-import-result">
          {t('bestTimeImportDone', result.added, result.updated, result.keptNewer)}
        </Notice>
      )}
      {loaded && plan && (
        <div className="space-y-3" data-testid="best-time-import-mapping">
          <p className="font-semibold">
            {t('bestTimeImportMapping', loaded.fileName, loaded.table.rows.length)}
            {loaded.remembered && <span className="ml-2 font-normal text-slate-500">{t('bestTimeImportRemembered')}</span>}
          </p>
          <div className="grid max-w-3xl grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1">
            {CSV_FIELDS.map((field) => (
              <label key={field} className="contents">
                <span>{t(FIELD_KEY[field])}</span>
                <select
                  className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
                  value={loaded.mapping.columns[field] ?? ''}
                  onChange={(e) => setColumn(field, e.target.value)}
                  data-testid={`best-time-import-map-${field}`}
                >
                  <option value="">{t('bestTimeImportNotInFile')}</option>
                  {loaded.table.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || t('bestTimeImportColumn', i + 1)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className="contents">
              <span>{t('bestTimeImportDateOrder')}</span>
              <select
                className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
                value={loaded.mapping.dateOrder}
                onChange={(e) => setLoaded({ ...loaded, mapping: { ...loaded.mapping, dateOrder: e.target.value as DateOrder } })}
                data-testid="best-time-import-date-order"
              >
                <option value="auto">{t('bestTimeImportDateAuto', plan.dateOrder === 'dmy' ? t('bestTimeImportDmy') : t('bestTimeImportMdy'))}</option>
                <option value="dmy">{t('bestTimeImportDmy')}</option>
                <option value="mdy">{t('bestTimeImportMdy')}</option>
              </select>
            </label>
          </div>
          <div className="max-w-3xl space-y-1" data-testid="best-time-import-zone" data-zone={plan.fileZone}>
            <p className="font-semibold">{t('bestTimeImportZone')}</p>
            <p className="text-slate-600 dark:text-slate-300" data-testid="best-time-import-zone-why">
              {looksLikeMetaExport(loaded.table.headers) ? t('bestTimeImportZoneMeta', timeZone) : t('bestTimeImportZoneAccount', timeZone)}
            </p>
            <TimeZonePicker value={plan.fileZone} onChange={setFileZone} testIdPrefix="best-time-import-zone" />
          </div>

          {noDate ? (
            <Notice tone="error" testId="best-time-import-error">
              {t(FILE_ERROR_KEY['no-date-column'])}
            </Notice>
          ) : (
            <>
              <p data-testid="best-time-import-summary" data-posts={plan.posts.length} data-skipped={plan.skipped.length}>
                {t('bestTimeImportPreviewPosts', plan.posts.length)} {t('bestTimeImportPreviewSkipped', plan.skipped.length)}
              </p>
              {plan.posts.length > 0 && (
                <table className="text-xs" data-testid="best-time-import-preview">
                  <thead>
                    <tr>
                      {(['publishedAt', 'permalink', 'reactions', 'comments', 'shares'] as const).map((f) => (
                        <th key={f} className="px-2 text-left">
                          {t(FIELD_KEY[f])}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {plan.posts.slice(0, PREVIEW_ROWS).map((p) => (
                      <tr key={p.line} data-testid="best-time-import-preview-row" data-published={p.publishedAt}>
                        <td className="px-2">{format.format(p.publishedAt)}</td>
                        <td className="max-w-64 truncate px-2">{p.permalink ?? '—'}</td>
                        <td className="px-2 text-right">{p.metrics.reactions ?? '—'}</td>
                        <td className="px-2 text-right">{p.metrics.comments ?? '—'}</td>
                        <td className="px-2 text-right">{p.metrics.shares ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {plan.skipped.length > 0 && (
                <div data-testid="best-time-import-skipped">
                  <p className="font-semibold">{t('bestTimeImportSkippedTitle')}</p>
                  <ul className="list-disc pl-5 text-xs">
                    {plan.skipped.map((s) => (
                      <li key={`${s.line}-${s.reason}`} data-reason={s.reason} data-line={s.line}>
                        {t('bestTimeImportSkippedLine', s.line, t(SKIP_KEY[s.reason], s.value ?? '', s.field ? t(FIELD_KEY[s.field]) : ''))}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {plan.posts.length === 0 && (
                <Notice tone="error" testId="best-time-import-error">
                  {t('bestTimeImportNothing')}
                </Notice>
              )}
            </>
          )}
          <div className="flex gap-2">
            <Button variant="primary" disabled={!!noDate || plan.posts.length === 0} onClick={() => void run()} data-testid="best-time-import-run">
              {t('bestTimeImportRun', plan.posts.length)}
            </Button>
            <Button onClick={() => setLoaded(null)} data-testid="best-time-import-cancel">
              {t('bestTimeCancel')}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
});
