import type { ReactNode } from 'react';
import {
  defaultTimeZoneItem,
  languageItem,
  sidebarSideItem,
  type LanguageChoice,
  type SidebarSide,
} from '@/utils/settings/items';
import { HashtagSettings } from './hashtags/HashtagSettings';
import { CaptureImageLimit } from './clips/CaptureImageLimit';
import { useI18n } from './i18n';
import { ShortcutSettings } from './replies/ShortcutSettings';
import { SiteSwitches } from './SiteSwitches';
import { browserTimeZone, TimeZonePicker } from './TimeZonePicker';
import { Section } from './ui';
import { useStorageItem } from './useStorageItem';

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="flex items-center justify-between gap-3 text-sm">
      <span>{label}</span>
      {children}
    </label>
  );
}

const selectClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** Every setting, as the popup and the library page show them. Changes are saved at once. */
export function SettingsForm() {
  const { t } = useI18n();
  const [language, setLanguage] = useStorageItem(languageItem);
  const [side, setSide] = useStorageItem(sidebarSideItem);
  const [timeZone, setTimeZone] = useStorageItem(defaultTimeZoneItem);
  if (!language || !side || timeZone === undefined) return null;

  return (
    <div className="space-y-4">
      <SiteSwitches Row={Row} />
      <Section title={t('settingsInterfaceTitle')}>
        <Row label={t('settingsLanguage')}>
          <select
            className={selectClass}
            value={language}
            onChange={(e) => void setLanguage(e.target.value as LanguageChoice)}
            data-testid="settings-language"
          >
            <option value="auto">{t('settingsLanguageAuto')}</option>
            <option value="en">English</option>
            <option value="it">Italiano</option>
          </select>
        </Row>
        <Row label={t('settingsSidebarSide')}>
          <select
            className={selectClass}
            value={side}
            onChange={(e) => void setSide(e.target.value as SidebarSide)}
            data-testid="settings-side"
          >
            <option value="right">{t('settingsSideRight')}</option>
            <option value="left">{t('settingsSideLeft')}</option>
          </select>
        </Row>
      </Section>
      <Section title={t('settingsTimeZoneTitle')}>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('settingsTimeZoneHelp')}</p>
        <TimeZonePicker value={timeZone ?? browserTimeZone()} onChange={(zone) => void setTimeZone(zone)} />
        {timeZone !== null && (
          <button
            type="button"
            className="text-xs text-blue-700 underline dark:text-blue-300"
            onClick={() => void setTimeZone(null)}
            data-testid="settings-timezone-reset"
          >
            {t('settingsTimeZoneUseBrowser', browserTimeZone())}
          </button>
        )}
      </Section>
      <ShortcutSettings />
      <HashtagSettings />
      <Section title={t('navIdeas')}>
        <CaptureImageLimit className={selectClass} />
      </Section>
    </div>
  );
}
