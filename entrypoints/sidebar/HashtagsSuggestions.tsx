import { useI18n } from '@/components/i18n';
import type { HashtagSuggestion } from '@/utils/messaging/features/hashtags';
import type { SuggestionsState } from './HashtagsData';
import { reasonText } from './HashtagsReasons';

/** Ranked suggestions, each a button that adds it to the composer, with its reason. */
export function HashtagsSuggestions({
  state,
  testId,
  onPick,
  busy,
}: {
  state: SuggestionsState;
  testId: string;
  onPick: (suggestion: HashtagSuggestion) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  if (state.status === 'failed') return <p className="text-xs text-red-700 dark:text-red-300">{t('hashtagsSuggestFailed')}</p>;
  if (state.status === 'idle') return null;
  if (state.status === 'ready' && state.items.length === 0) {
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400" data-testid={testId} data-status="ready" data-for-length={state.forLength}>
        {t('hashtagsNoSuggestions')}
      </p>
    );
  }
  return (
    <ul className="space-y-1" data-testid={testId} data-status={state.status} data-for-length={state.forLength}>
      {state.items.map((s) => (
        <li key={s.tag}>
          <button
            type="button"
            disabled={busy}
            onClick={() => onPick(s)}
            title={t('hashtagsAddTitle', `#${s.tag}`)}
            className="flex w-full flex-col items-start rounded-md border border-slate-200 px-2 py-1 text-left hover:border-blue-400 hover:bg-blue-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
            data-testid="hashtags-suggestion"
            data-tag={s.tag}
          >
            <span className="font-medium text-blue-800 dark:text-blue-200">
              #{s.tag}
              {s.reasons.some((r) => r.code === 'yours') && (
                <span className="ml-1.5 rounded bg-green-100 px-1 text-[10px] font-semibold uppercase text-green-800 dark:bg-green-900 dark:text-green-100" data-testid="hashtags-suggestion-yours">
                  {t('hashtagsYours')}
                </span>
              )}
            </span>
            <Reason suggestion={s} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The strongest reason that says more than "yours" (which the badge already shows). */
function Reason({ suggestion }: { suggestion: HashtagSuggestion }) {
  const { t } = useI18n();
  const reason = suggestion.reasons.find((r) => r.code !== 'yours') ?? suggestion.reasons[0];
  if (!reason) return null;
  return (
    <span className="text-xs text-slate-500 dark:text-slate-400" data-testid="hashtags-suggestion-reason" data-code={reason.code}>
      {reasonText(t, reason)}
    </span>
  );
}
