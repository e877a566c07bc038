import { shouldRemindBackup } from '@/utils/db/change-clock';
import { openLibraryTab } from '@/utils/library-tab';
import { backupStatusItem } from '@/utils/settings/items';
import { useFormatDate, useI18n } from './i18n';
import { Notice } from './ui';
import { useStorageItem } from './useStorageItem';

/** All data lives on this one machine: nudge the user to keep a copy. */
export function BackupReminder() {
  const { t } = useI18n();
  const formatDate = useFormatDate();
  const [status] = useStorageItem(backupStatusItem);
  if (!status || !shouldRemindBackup(status, Date.now())) return null;
  return (
    <Notice tone="warn" testId="backup-reminder">
      <p>{status.lastBackupAt ? t('backupReminderOld', formatDate(status.lastBackupAt)) : t('backupReminderNever')}</p>
      <button
        type="button"
        className="mt-1 font-medium underline"
        onClick={() => void openLibraryTab({ hash: '#backup' })}
        data-testid="backup-reminder-open"
      >
        {t('backupReminderAction')}
      </button>
    </Notice>
  );
}
