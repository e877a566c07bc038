import { useEffect } from 'react';
import { BackupPanel } from '@/components/BackupPanel';
import { DeleteAllData } from '@/components/DeleteAllData';
import { useI18n } from '@/components/i18n';
import { SettingsForm } from '@/components/SettingsForm';
import { Section } from '@/components/ui';
import { useTheme } from '@/components/useTheme';

/** The full-page library. The feature issues add their own sections (replies, clips,
 * hashtag sets, post log); for now it holds the settings in full and backup. */
export function LibraryApp() {
  const { t } = useI18n();
  useTheme();
  useEffect(() => {
    document.title = t('libraryTitle');
  }, [t]);
  return (
    <div className="mx-auto max-w-3xl space-y-8 p-6 text-sm">
      <header>
        <h1 className="text-2xl font-bold">{t('libraryTitle')}</h1>
        <p className="text-slate-600 dark:text-slate-400">{t('libraryIntro')}</p>
      </header>
      <div className="grid gap-8 md:grid-cols-2">
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
    </div>
  );
}
