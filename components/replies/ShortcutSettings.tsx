import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { Section } from '../ui';
import { useStorageItem } from '../useStorageItem';
import { prefixProblem, type PrefixProblem } from '@/utils/replies/shortcut';
import { replyShortcutKeyItem, replyShortcutPrefixItem, type ReplyShortcutKey } from '@/utils/settings/items';

const PROBLEM_KEYS: Record<PrefixProblem, string> = {
  empty: 'repliesPrefixEmpty',
  'too-long': 'repliesPrefixTooLong',
  space: 'repliesPrefixSpace',
  'word-character': 'repliesPrefixWordCharacter',
};

const inputClass =
  'w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-center font-mono text-sm dark:border-slate-600 dark:bg-slate-900';

/** Typed shortcuts: the prefix (saved only when valid: never empty) and the key that
 * expands. Part of the settings in the popup and the library. */
export function ShortcutSettings() {
  const { t } = useI18n();
  const [prefix, setPrefix] = useStorageItem(replyShortcutPrefixItem);
  const [key, setKey] = useStorageItem(replyShortcutKeyItem);
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (prefix !== undefined && draft === null) setDraft(prefix);
  }, [prefix, draft]);
  if (prefix === undefined || key === undefined || draft === null) return null;
  const problem = prefixProblem(draft);

  return (
    <Section title={t('repliesSettingsTitle')}>
      <label className="flex items-center justify-between gap-3 text-sm">
        <span>{t('repliesSettingsPrefix')}</span>
        <input
          className={inputClass}
          value={draft}
          maxLength={6}
          aria-invalid={problem !== null}
          aria-describedby="replies-prefix-help"
          onChange={(e) => {
            setDraft(e.target.value);
            if (prefixProblem(e.target.value) === null) void setPrefix(e.target.value);
          }}
          data-testid="settings-replies-prefix"
        />
      </label>
      <p id="replies-prefix-help" className="text-xs text-slate-500 dark:text-slate-400">
        {t('repliesSettingsPrefixHelp')}
      </p>
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300" data-testid="settings-replies-prefix-error">
          {t(PROBLEM_KEYS[problem])}
        </p>
      )}
      <label className="flex items-center justify-between gap-3 text-sm">
        <span>{t('repliesSettingsKey')}</span>
        <select
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          value={key}
          onChange={(e) => void setKey(e.target.value as ReplyShortcutKey)}
          data-testid="settings-replies-key"
        >
          <option value="Tab">{t('repliesSettingsKeyTab')}</option>
          <option value="Space">{t('repliesSettingsKeySpace')}</option>
        </select>
      </label>
    </Section>
  );
}
