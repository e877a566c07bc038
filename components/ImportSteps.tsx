import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { Button, Notice } from './ui';

/** Why a file was refused, and that nothing changed: every import of a backup-format file
 * (a backup, one brand's file) says it the same way. `code` goes to `data-code`. */
export function ImportRefused({ testId, code, message }: { testId: string; code: string; message: string }) {
  const { t } = useI18n();
  return (
    <Notice tone="error" testId={testId}>
      <span data-code={code}>{message}</span>
      <span className="mt-1 block text-xs">{t('backupNothingChanged')}</span>
    </Notice>
  );
}

/** What an import will do (`children`: the per-table counts), with its confirm and cancel. */
export function ImportPreview({
  testIds,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  testIds: { preview: string; confirm: string; cancel: string };
  title: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-600" data-testid={testIds.preview}>
      <p className="font-medium">{title}</p>
      {children}
      <div className="flex gap-2">
        <Button variant="primary" onClick={onConfirm} data-testid={testIds.confirm}>
          {confirmLabel}
        </Button>
        <Button onClick={onCancel} data-testid={testIds.cancel}>
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}
