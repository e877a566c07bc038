import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { hashtagHarvestNoticeSeenItem, hashtagsLearnFromFeedItem } from '@/utils/settings/items';

/** Said once, at first run: the harvest is on, in one sentence, with its switch. */
export function HashtagsHarvestNotice() {
  const { t } = useI18n();
  const [seen, setSeen] = useStorageItem(hashtagHarvestNoticeSeenItem);
  const [allowed, setAllowed] = useStorageItem(hashtagsLearnFromFeedItem);
  if (seen !== false || allowed === undefined) return null;
  return (
    <Notice tone="info" testId="hashtags-harvest-notice">
      <p>{t('hashtagsHarvestNotice')}</p>
      <div className="mt-2 flex items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-xs font-medium">
          <input
            type="checkbox"
            role="switch"
            className="h-4 w-4 accent-blue-600"
            checked={allowed}
            onChange={(e) => void setAllowed(e.target.checked)}
            data-testid="hashtags-harvest-switch"
          />
          {t('hashtagsHarvestSwitch')}
        </label>
        <Button onClick={() => void setSeen(true)} data-testid="hashtags-harvest-notice-ok">
          {t('hashtagsHarvestNoticeOk')}
        </Button>
      </div>
    </Notice>
  );
}
