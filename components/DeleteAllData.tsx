import { useState } from 'react';
import { browser } from '#imports';
import { changesNoted, getDb } from '@/utils/db/app-db';
import { TABLE_NAMES, type TableName } from '@/utils/db/schema';
import { TABLE_LABEL_KEYS } from './tableLabels';
import { countAll, deleteAllRecords } from '@/utils/db/wipe';
import { useI18n } from './i18n';
import { Button, Notice } from './ui';

/** "Delete all my data": first says exactly what will go, then goes. */
export function DeleteAllData() {
  const { t } = useI18n();
  const [counts, setCounts] = useState<Record<TableName, number> | null>(null);
  const [state, setState] = useState<'idle' | 'confirm' | 'working' | 'done' | 'failed'>('idle');

  async function ask() {
    setCounts(await countAll(getDb()));
    setState('confirm');
  }

  async function confirm() {
    setState('working');
    try {
      await deleteAllRecords(getDb());
      // Let the change clock write its note first, or it would land after the clear
      // and leave a reminder to back up data that no longer exists.
      await changesNoted();
      await browser.storage.local.clear();
      setState('done');
    } catch (error) {
      console.error('[Spalla] delete all failed', error);
      setState('failed');
    }
  }

  if (state === 'confirm' || state === 'working') {
    return (
      <div className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800" data-testid="delete-all-confirmation">
        <p className="text-sm font-medium">{t('deleteAllConfirmTitle')}</p>
        <ul className="list-disc pl-5 text-sm">
          {TABLE_NAMES.map((name) => (
            <li key={name}>{t(TABLE_LABEL_KEYS[name], counts?.[name] ?? 0)}</li>
          ))}
          <li>{t('deleteAllSettings')}</li>
        </ul>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('deleteAllIrreversible')}</p>
        <div className="flex gap-2">
          <Button variant="danger" disabled={state === 'working'} onClick={() => void confirm()} data-testid="delete-all-confirm">
            {t('deleteAllConfirm')}
          </Button>
          <Button onClick={() => setState('idle')} data-testid="delete-all-cancel">
            {t('cancel')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      {state === 'done' && <Notice tone="ok" testId="delete-all-done">{t('deleteAllDone')}</Notice>}
      {state === 'failed' && <Notice tone="error">{t('deleteAllFailed')}</Notice>}
      <Button variant="plain" className="text-red-700 dark:text-red-300" onClick={() => void ask()} data-testid="delete-all-open">
        {t('deleteAllButton')}
      </Button>
    </div>
  );
}
