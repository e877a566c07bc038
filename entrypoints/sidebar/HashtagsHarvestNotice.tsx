import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { hashtagsLearnFromFeedItem } from '@/utils/settings/items';

/** Asks, until the user answers, whether to learn hashtags from posts scrolled past
 * (issue #12): nothing is learned before a yes. The answer can be changed in Settings. */
export function HashtagsHarvestNotice() {
  const { t } = useI18n();
  const [answer, setAnswer] = useStorageItem(hashtagsLearnFromFeedItem);
  if (answer !== null) return null; // loading (undefined) or answered
  return (
    <Notice tone="info" testId="hashtags-harvest-notice">
      <p>{t('hashtagsHarvestNotice')}</p>
      <div className="mt-2 flex items-center justify-end gap-2">
        <Button onClick={() => void setAnswer(false)} data-testid="hashtags-harvest-no">
          {t('hashtagsHarvestNo')}
        </Button>
        <Button variant="primary" onClick={() => void setAnswer(true)} data-testid="hashtags-harvest-yes">
          {t('hashtagsHarvestYes')}
        </Button>
      </div>
    </Notice>
  );
}
