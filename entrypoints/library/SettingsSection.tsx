import { BackupPanel } from '@/components/BackupPanel';
import { DeleteAllData } from '@/components/DeleteAllData';
import { useI18n } from '@/components/i18n';
import { SettingsForm } from '@/components/SettingsForm';
import { Section } from '@/components/ui';

/** Every setting, backup and restore, and deleting everything. */
export function SettingsSection() {
  const { t } = useI18n();
  return (
    <div className="grid max-w-4xl gap-8 md:grid-cols-2">
      <div className="space-y-6">
        <h2 className="text-lg font-semibold">{t('settingsTitle')}</h2>
        <SettingsForm />
      </div>
      <div className="space-y-6">
        <h2 id="backup" className="text-lg font-semibold">{t('backupTitle')}</h2>
        <BackupPanel />
        <Section title={t('deleteAllTitle')}>
          <DeleteAllData />
        </Section>
      </div>
    </div>
  );
}
