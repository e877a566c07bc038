import { useRef, useState } from 'react';
import { browser } from '#imports';
import type { BackupError } from '@/utils/backup/errors';
import type { ImportReport, ParsedBackup } from '@/utils/backup/import';
import { backupErrorMessage, importReportSummary } from '@/utils/backup/messages';
import type { Clip } from '@/utils/db/clips';
import { getDb } from '@/utils/db/app-db';
import { applyClipsImport, clipsCsvFileName, clipsZipFileName, exportClipsZip, planClipsImport, readClipsFile } from '@/utils/clips/archive';
import { clipsCsvBlob, clipsToCsv, defaultSeparator, type CsvSeparator } from '@/utils/clips/csv';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { downloadBlob } from './download';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'exported'; count: number }
  | { kind: 'preview'; backup: ParsedBackup; plan: ImportReport; fileName: string }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'error'; message: string; code?: string };

/**
 * Export of the library (or the selection) as a zip with the images, or as CSV; import
 * of such a zip after a preview. The zip is a backup file restricted to clips and images
 * (docs/clips-library.md), checked on import exactly as a backup is.
 */
export function ClipsTransfer({ clips, selectedIds }: { clips: readonly Clip[]; selectedIds: ReadonlySet<string> }) {
  const { t, language } = useI18n();
  const [separator, setSeparator] = useState<CsvSeparator>(() => defaultSeparator(language));
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const scope = selectedIds.size > 0 ? [...selectedIds] : null;
  const count = scope ? scope.length : clips.length;

  const fail = (error: BackupError) => setStep({ kind: 'error', message: backupErrorMessage(t, error), code: error.code });

  async function exportZip() {
    setStep({ kind: 'busy' });
    try {
      const zip = await exportClipsZip(getDb(), { ids: scope ?? undefined, appVersion: browser.runtime.getManifest().version });
      downloadBlob(zip, clipsZipFileName(new Date()));
      setStep({ kind: 'exported', count });
    } catch (error) {
      console.error('[Spalla] clips export failed', error);
      fail((error as { error?: BackupError }).error ?? { code: 'export-failed' });
    }
  }

  function exportCsv() {
    const rows = scope ? clips.filter((clip) => selectedIds.has(clip.id)) : clips;
    const csv = clipsToCsv(rows, { t, separator });
    downloadBlob(clipsCsvBlob(csv), clipsCsvFileName(new Date()));
    setStep({ kind: 'exported', count: rows.length });
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setStep({ kind: 'busy' });
    const started = performance.now();
    const read = await readClipsFile(file);
    // For the bench: reading and checking the file, then planning the merge.
    const readAt = performance.now();
    performance.measure('spalla-clips-import-read', { start: started, end: readAt });
    if (!read.ok) {
      if ('notClipsOnly' in read) setStep({ kind: 'error', message: t('clipsImportNotClipsOnly'), code: 'not-clips-only' });
      else fail(read.error);
      return;
    }
    const plan = await planClipsImport(getDb(), read.backup);
    performance.measure('spalla-clips-import-plan', { start: readAt, end: performance.now() });
    if (plan.ok) setStep({ kind: 'preview', backup: read.backup, plan: plan.report, fileName: file.name });
    else fail(plan.error);
  }

  async function confirmImport(backup: ParsedBackup) {
    setStep({ kind: 'busy' });
    const result = await applyClipsImport(getDb(), backup);
    if (result.ok) setStep({ kind: 'imported', report: result.report });
    else fail(result.error);
  }

  return (
    <div className="space-y-2" data-testid="clips-transfer">
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="clips-export-scope">
        {scope ? t('clipsExportSelection', count) : t('clipsExportAll', count)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={step.kind === 'busy' || count === 0} onClick={() => void exportZip()} data-testid="clips-export-zip">
          {t('clipsExportZip')}
        </Button>
        <Button disabled={step.kind === 'busy' || count === 0} onClick={exportCsv} data-testid="clips-export-csv">
          {t('clipsExportCsv')}
        </Button>
        <label className="flex items-center gap-1 text-xs">
          {t('clipsCsvSeparator')}
          <select
            value={separator}
            onChange={(e) => setSeparator(e.target.value as CsvSeparator)}
            data-testid="clips-csv-separator"
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
          >
            <option value=";">{t('clipsCsvSemicolon')}</option>
            <option value=",">{t('clipsCsvComma')}</option>
          </select>
        </label>
        <Button disabled={step.kind === 'busy'} onClick={() => fileInput.current?.click()} data-testid="clips-import-open">
          {t('clipsImport')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          className="hidden"
          data-testid="clips-import-input"
          onChange={(e) => {
            void chooseFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {step.kind === 'busy' && <p className="text-slate-500">{t('clipsWorking')}</p>}
      {step.kind === 'exported' && (
        <Notice tone="ok" testId="clips-exported">
          {t('clipsExported', step.count)}
        </Notice>
      )}
      {step.kind === 'error' && (
        <Notice tone="error" testId="clips-transfer-error">
          <span data-code={step.code}>{step.message}</span>
          <span className="mt-1 block text-xs">{t('backupNothingChanged')}</span>
        </Notice>
      )}
      {step.kind === 'preview' && (
        <div className="space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-600" data-testid="clips-import-preview">
          <p className="font-medium">{t('clipsImportPreview', step.fileName)}</p>
          <ClipsReport report={step.plan} />
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => void confirmImport(step.backup)} data-testid="clips-import-confirm">
              {t('clipsImportConfirm')}
            </Button>
            <Button onClick={() => setStep({ kind: 'idle' })} data-testid="clips-import-cancel">
              {t('cancel')}
            </Button>
          </div>
        </div>
      )}
      {step.kind === 'imported' && (
        <Notice tone="ok" testId="clips-import-report">
          <p>{importReportSummary(t, step.report)}</p>
          <ClipsReport report={step.report} />
        </Notice>
      )}
    </div>
  );
}

function ClipsReport({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <ul className="text-xs">
      {(['clips', 'images'] as const).map((name) => (
        <li key={name} data-testid={`clips-import-${name}`} data-added={report[name].added} data-updated={report[name].updated} data-skipped={report[name].skipped}>
          {t(name === 'clips' ? 'clipsReportClips' : 'clipsReportImages', report[name].added, report[name].updated, report[name].skipped)}
        </li>
      ))}
    </ul>
  );
}
