import { useI18n } from '@/components/i18n';
import { HashtagAvoidList } from './HashtagSetsAvoidList';
import { HashtagSetsEditor } from './HashtagSetsEditor';

/** Hashtag sets (named groups, in the user's order of priority) and the avoid list. */
export function HashtagSetsSection() {
  const { t } = useI18n();
  return (
    <div className="grid max-w-5xl gap-8 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">{t('hashtagSetsTitle')}</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('hashtagSetsIntro')}</p>
        <HashtagSetsEditor />
      </div>
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">{t('hashtagAvoidTitle')}</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t('hashtagAvoidIntro')}</p>
        <HashtagAvoidList />
      </div>
    </div>
  );
}
