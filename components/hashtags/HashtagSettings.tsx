import { useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice, Section } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { clampInstagramLimit, INSTAGRAM_DEFAULT_HASHTAG_LIMIT, INSTAGRAM_OLD_HASHTAG_LIMIT } from '@/utils/hashtags/limits';
import { sendMessage } from '@/utils/messaging/protocol';
import {
  hashtagPlacementItem,
  hashtagsLearnFromFeedItem,
  instagramHashtagLimitItem,
  type HashtagPlacement,
} from '@/utils/settings/items';

const selectClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="flex items-center justify-between gap-3 text-sm">
      <span>{label}</span>
      {children}
    </label>
  );
}

/** The hashtag settings (issue #4): learning from the feed (and forgetting it), the
 * Instagram limit, where a clicked hashtag goes. */
export function HashtagSettings() {
  const { t } = useI18n();
  const [learn, setLearn] = useStorageItem(hashtagsLearnFromFeedItem);
  const [limit, setLimit] = useStorageItem(instagramHashtagLimitItem);
  const [placement, setPlacement] = useStorageItem(hashtagPlacementItem);
  const [custom, setCustom] = useState<string | null>(null);
  const [cleared, setCleared] = useState<'done' | 'failed' | null>(null);
  if (learn === undefined || limit === undefined || placement === undefined) return null;

  const preset = limit === INSTAGRAM_DEFAULT_HASHTAG_LIMIT ? '5' : limit === INSTAGRAM_OLD_HASHTAG_LIMIT ? '30' : 'custom';
  const choice = custom !== null ? 'custom' : preset;

  async function clearLearned() {
    try {
      await sendMessage('clearLearnedHashtags');
      setCleared('done');
    } catch {
      setCleared('failed');
    }
  }

  return (
    <Section title={t('settingsHashtagsTitle')}>
      <Row label={t('settingsHashtagsLearn')}>
        <input
          type="checkbox"
          role="switch"
          className="h-4 w-4 accent-blue-600"
          checked={learn === true}
          onChange={(e) => void setLearn(e.target.checked)}
          data-testid="settings-hashtags-learn"
        />
      </Row>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('settingsHashtagsLearnHelp')}</p>
      <div className="flex items-center gap-2">
        <Button onClick={() => void clearLearned()} data-testid="settings-hashtags-clear">
          {t('settingsHashtagsClear')}
        </Button>
        {cleared && (
          <Notice tone={cleared === 'done' ? 'ok' : 'error'} testId="settings-hashtags-cleared">
            {t(cleared === 'done' ? 'settingsHashtagsCleared' : 'settingsHashtagsClearFailed')}
          </Notice>
        )}
      </div>
      <Row label={t('settingsHashtagsInstagramLimit')}>
        <select
          className={selectClass}
          value={choice}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'custom') {
              setCustom(String(limit));
              return;
            }
            setCustom(null);
            void setLimit(Number(v));
          }}
          data-testid="settings-hashtags-limit"
        >
          <option value="5">{t('settingsHashtagsLimit5')}</option>
          <option value="30">{t('settingsHashtagsLimit30')}</option>
          <option value="custom">{t('settingsHashtagsLimitCustom')}</option>
        </select>
      </Row>
      {choice === 'custom' && (
        <Row label={t('settingsHashtagsLimitNumber')}>
          <input
            type="number"
            min={1}
            max={30}
            className={`${selectClass} w-20`}
            value={custom ?? String(limit)}
            onChange={(e) => {
              setCustom(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(n)) void setLimit(clampInstagramLimit(n));
            }}
            data-testid="settings-hashtags-limit-custom"
          />
        </Row>
      )}
      <Row label={t('settingsHashtagsPlacement')}>
        <select
          className={selectClass}
          value={placement}
          onChange={(e) => void setPlacement(e.target.value as HashtagPlacement)}
          data-testid="settings-hashtags-placement"
        >
          <option value="end">{t('settingsHashtagsPlacementEnd')}</option>
          <option value="caret">{t('settingsHashtagsPlacementCaret')}</option>
        </select>
      </Row>
    </Section>
  );
}
