import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import {
  CSV_FIELDS,
  guessMapping,
  importCsvReplies,
  planCsvRows,
  previewCsvImport,
  type CsvField,
  type CsvImportReport,
  type CsvMapping,
  type CsvPlan,
  type CsvTable,
} from '@/utils/replies/csv';
import { CSV_SKIP_KEYS } from '@/utils/replies/messages';

const FIELD_KEYS: Record<CsvField, string> = {
  title: 'repliesEditorTitleLabel',
  body: 'repliesEditorBodyLabel',
  shortcut: 'repliesEditorShortcutLabel',
  tags: 'repliesEditorTagsLabel',
};

const PREVIEW_ROWS = 5;

/** The mapping step of a CSV import: which column is which field, the language of the
 * rows, a preview of the replies and of every row that will be skipped and why. */
export function CsvImport({ table, fileName, onClose }: { table: CsvTable; fileName: string; onClose(): void }) {
  const { t, language: uiLanguage } = useI18n();
  const [mapping, setMapping] = useState<CsvMapping>(() => guessMapping(table.headers));
  const [language, setLanguage] = useState<string>(uiLanguage);
  const [preview, setPreview] = useState<CsvPlan | null>(null);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const plan = useMemo(() => planCsvRows(table, mapping, language), [table, mapping, language]);
  useEffect(() => {
    let live = true;
    void previewCsvImport(getDb(), plan).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [plan]);

  async function confirm() {
    setBusy(true);
    try {
      setReport(await importCsvReplies(getDb(), plan));
    } finally {
      setBusy(false);
    }
  }

  if (report) {
    return (
      <Notice tone="ok" testId="replies-csv-report">
        <p data-added={report.added.length} data-skipped={report.skipped.length}>
          {t('repliesCsvReportImported', report.added.length)} {t('repliesCsvRowsSkipped', report.skipped.length)}
        </p>
        <SkippedRows rows={report.skipped} />
        <Button className="mt-2" onClick={onClose} data-testid="replies-csv-close">
          {t('repliesClose')}
        </Button>
      </Notice>
    );
  }

  const columnOptions = table.headers.map((header, index) => ({ index, label: header || t('repliesCsvColumn', index + 1) }));
  return (
    <div className="space-y-3 rounded-md border border-slate-300 p-3 dark:border-slate-600" data-testid="replies-csv-mapping">
      <p className="font-medium">{t('repliesCsvMappingTitle', fileName)}</p>
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="replies-csv-detected" data-encoding={table.encoding} data-delimiter={table.delimiter}>
        {t(
          'repliesCsvDetected',
          table.rows.length,
          table.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          table.delimiter === ';' ? t('repliesCsvSemicolon') : table.delimiter === ',' ? t('repliesCsvComma') : t('repliesCsvTab'),
        )}
      </p>
      <div className="grid gap-2 sm:grid-cols-5">
        {CSV_FIELDS.map((field) => (
          <label key={field} className="space-y-1 text-xs font-medium">
            <span className="block">{t(FIELD_KEYS[field])}</span>
            <select
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              value={mapping[field] ?? ''}
              data-testid={`replies-csv-map-${field}`}
              onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value === '' ? null : Number(e.target.value) }))}
            >
              <option value="">{t('repliesCsvNoColumn')}</option>
              {columnOptions.map(({ index, label }) => (
                <option key={index} value={index}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="space-y-1 text-xs font-medium">
          <span className="block">{t('repliesEditorLanguageLabel')}</span>
          <select
            className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            value={language}
            data-testid="replies-csv-language"
            onChange={(e) => setLanguage(e.target.value)}
          >
            <option value="it">{t('repliesLanguageIt')}</option>
            <option value="en">{t('repliesLanguageEn')}</option>
          </select>
        </label>
      </div>

      {preview && (
        <>
          <p className="text-sm" data-testid="replies-csv-summary" data-ready={preview.drafts.length} data-skipped={preview.skipped.length}>
            {t('repliesCsvSummaryReady', preview.drafts.length)} {t('repliesCsvRowsSkipped', preview.skipped.length)}
          </p>
          {preview.drafts.length > 0 && (
            <table className="w-full table-fixed text-left text-xs" data-testid="replies-csv-preview">
              <thead>
                <tr>
                  <th className="w-12 py-0.5">{t('repliesCsvRow')}</th>
                  {CSV_FIELDS.map((field) => (
                    <th key={field} className="py-0.5">
                      {t(FIELD_KEYS[field])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.drafts.slice(0, PREVIEW_ROWS).map(({ row, draft }) => (
                  <tr key={row} className="align-top" data-testid="replies-csv-preview-row" data-row={row}>
                    <td className="py-0.5">{row}</td>
                    <td className="truncate py-0.5">{draft.title}</td>
                    <td className="whitespace-pre-wrap break-words py-0.5">{draft.body}</td>
                    <td className="py-0.5">{draft.shortcut ?? ''}</td>
                    <td className="py-0.5">{draft.tags.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.drafts.length > PREVIEW_ROWS && <p className="text-xs text-slate-500">{t('repliesCsvMore', preview.drafts.length - PREVIEW_ROWS)}</p>}
          <SkippedRows rows={preview.skipped} />
        </>
      )}
      <div className="flex gap-2">
        <Button
          variant="primary"
          disabled={busy || !preview || preview.drafts.length === 0}
          onClick={() => void confirm()}
          data-testid="replies-csv-confirm"
        >
          {t('repliesImportConfirm')}
        </Button>
        <Button onClick={onClose} data-testid="replies-csv-cancel">
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

function SkippedRows({ rows }: { rows: CsvPlan['skipped'] }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium">{t('repliesCsvSkippedTitle')}</p>
      <ul className="max-h-48 overflow-auto text-xs" data-testid="replies-csv-skipped">
        {rows.map((skip) => (
          <li key={`${skip.row}-${skip.reason}`} data-testid="replies-csv-skipped-row" data-row={skip.row} data-reason={skip.reason}>
            {t('repliesCsvSkippedRow', skip.row, skip.title || '—', t(CSV_SKIP_KEYS[skip.reason]))}
          </li>
        ))}
      </ul>
    </div>
  );
}
