import { BackupReminder } from '@/components/BackupReminder';
import { DeleteAllData } from '@/components/DeleteAllData';
import { useI18n } from '@/components/i18n';
import { SettingsForm } from '@/components/SettingsForm';
import { Button } from '@/components/ui';
import { useTheme } from '@/components/useTheme';
import { openLibraryTab } from '@/utils/library-tab';

export function PopupApp() {
  const { t } = useI18n();
  useTheme();
  return (
    <div className="w-[340px] space-y-4 p-4 text-sm">
      <header className="flex items-center justify-between">
        <h1 className="text-base font-bold">Spalla</h1>
        <Button
          variant="primary"
          onClick={() => void openLibraryTab()}
          data-testid="popup-open-library"
        >
          {t('openLibrary')}
        </Button>
      </header>
      <BackupReminder />
      <SettingsForm />
      <DeleteAllData />
    </div>
  );
}
