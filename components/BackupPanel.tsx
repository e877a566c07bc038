import { useRef, useState } from 'react';
import { browser } from '#imports';
import { backupFileName, exportBackup, recordBackupDone } from '@/utils/backup/export';
import { applyImport, planImport, readBackup, type ImportReport, type ParsedBackup } from '@/utils/backup/import';
import type { BackupError } from '@/utils/backup/errors';
import { backupErrorMessage, importReportSummary } from '@/utils/backup/messages';
import { getDb } from '@/utils/db/app-db';
import { TABLE_NAMES } from '@/utils/db/schema';
import { TABLE_LABEL_KEYS } from './tableLabels';
import { useI18n } from './i18n';
import { ImportPreview, ImportRefused } from './ImportSteps';
import { Button, Notice } from './ui';

type Step =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'exported' }
  | { kind: 'preview'; backup: ParsedBackup; plan: ImportReport; fileName: string }
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'error'; error: BackupError };

/** Export the whole database to one file; import one back after showing what it will do. */
export function BackupPanel() {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  async function runExport() {
    setStep({ kind: 'busy' });
    try {
      const blob = await exportBackup(getDb(), { appVersion: browser.runtime.getManifest().version });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = backupFileName(new Date());
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      await recordBackupDone(Date.now());
      setStep({ kind: 'exported' });
    } catch (error) {
      console.error('[Spalla] export failed', error);
      setStep({ kind: 'error', error: { code: 'export-failed' } });
    }
  }

  async function chooseFile(file: File | undefined) {
    if (!file) return;
    setStep({ kind: 'busy' });
    const read = await readBackup(file);
    if (!read.ok) {
      setStep({ kind: 'error', error: read.error });
      return;
    }
    const plan = await planImport(getDb(), read.backup);
    setStep(plan.ok ? { kind: 'preview', backup: read.backup, plan: plan.report, fileName: file.name } : { kind: 'error', error: plan.error });
  }

  async function confirmImport(backup: ParsedBackup) {
    setStep({ kind: 'busy' });
    const result = await applyImport(getDb(), backup);
    setStep(result.ok ? { kind: 'imported', report: result.report } : { kind: 'error', error: result.error });
  }

  return (
    <div className="space-y-3">
      <p className="text-slate-600 dark:text-slate-400">{t('backupIntro')}</p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={step.kind === 'busy'} onClick={() => void runExport()} data-testid="backup-export">
          {t('backupExportButton')}
        </Button>
        <Button disabled={step.kind === 'busy'} onClick={() => fileInput.current?.click()} data-testid="backup-import-open">
          {t('backupImportButton')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          className="hidden"
          data-testid="backup-import-input"
          onChange={(e) => {
            void chooseFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {step.kind === 'busy' && <p className="text-slate-500">{t('backupWorking')}</p>}
      {step.kind === 'exported' && (
        <Notice tone="ok" testId="backup-exported">
          {t('backupExported')}
        </Notice>
      )}
      {step.kind === 'error' && <ImportRefused testId="backup-error" code={step.error.code} message={backupErrorMessage(t, step.error)} />}
      {step.kind === 'preview' && (
        <ImportPreview
          testIds={{ preview: 'backup-preview', confirm: 'backup-import-confirm', cancel: 'backup-import-cancel' }}
          title={t('backupPreviewTitle', step.fileName)}
          confirmLabel={t('backupImportConfirm')}
          onConfirm={() => void confirmImport(step.backup)}
          onCancel={() => setStep({ kind: 'idle' })}
        >
          <ReportTable report={step.plan} />
        </ImportPreview>
      )}
      {step.kind === 'imported' && (
        <Notice tone="ok" testId="backup-report">
          <p>{importReportSummary(t, step.report)}</p>
          <ReportTable report={step.report} />
        </Notice>
      )}
    </div>
  );
}

export function ReportTable({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return (
    <table className="w-full text-left text-xs">
      <thead>
        <tr>
          <th className="py-0.5 font-medium">{t('backupColumnWhat')}</th>
          <th className="py-0.5 font-medium">{t('backupColumnAdded')}</th>
          <th className="py-0.5 font-medium">{t('backupColumnUpdated')}</th>
          <th className="py-0.5 font-medium">{t('backupColumnSkipped')}</th>
        </tr>
      </thead>
      <tbody>
        {TABLE_NAMES.map((name) => {
          const row = report[name];
          return (
            <tr key={name} data-testid={`backup-report-${name}`} data-added={row.added} data-updated={row.updated} data-skipped={row.skipped}>
              <td className="py-0.5">{t(TABLE_LABEL_KEYS[name], row.added + row.updated + row.skipped)}</td>
              <td>{row.added}</td>
              <td>{row.updated}</td>
              <td>{row.skipped}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
