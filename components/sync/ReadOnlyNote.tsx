import { useI18n } from '@/components/i18n';

/** Beside an item of a brand shared read-only (#15), whose changing controls are disabled. */
export function ReadOnlyNote() {
  const { t } = useI18n();
  return (
    <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="sync-read-only-item">
      {t('syncReadOnlyItem')}
    </p>
  );
}
