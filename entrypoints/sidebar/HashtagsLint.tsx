import { useI18n } from '@/components/i18n';
import type { Translate } from '@/utils/i18n/catalog';
import type { LintIssue, LintResult } from '@/utils/hashtags/lint';

function issueText(t: Translate, issue: LintIssue): string {
  switch (issue.code) {
    case 'over-limit':
      return t('hashtagsLintOverLimit', issue.count, issue.limit);
    case 'one-topic-tag':
      return t('hashtagsLintOneTopic', `#${issue.topic}`, issue.plain.map((tag) => `#${tag}`).join(', '));
    case 'many-hashtags':
      return t('hashtagsLintMany', issue.count);
    case 'too-long':
      return t('hashtagsLintTooLong', issue.length, issue.max);
    case 'repeated':
      return t('hashtagsLintRepeated', `#${issue.tag}`, issue.times);
    case 'variants':
      return t('hashtagsLintVariants', issue.tags.map((tag) => `#${tag}`).join(', '));
    case 'digits-only':
      return t('hashtagsLintDigits', `#${issue.tag}`);
    case 'cut-by-punctuation':
      return t('hashtagsLintCut', `#${issue.written}`, `#${issue.linked}`);
    case 'avoided':
      return t('hashtagsLintAvoided', `#${issue.tag}`);
  }
}

const TONE = {
  error: 'text-red-700 dark:text-red-300',
  warning: 'text-amber-800 dark:text-amber-200',
  hint: 'text-slate-600 dark:text-slate-300',
} as const;

/** The composer linter's findings: the count against the limit, then each issue. */
export function HashtagsLint({ lint }: { lint: LintResult }) {
  const { t } = useI18n();
  const over = lint.limit !== null && lint.count > lint.limit;
  return (
    <div className="space-y-1" data-testid="hashtags-lint" data-count={lint.count} data-limit={lint.limit ?? 'none'} data-max-length={lint.maxLength ?? 'none'}>
      <p className={`text-xs ${over ? TONE.error : 'text-slate-600 dark:text-slate-300'}`} data-testid="hashtags-lint-count">
        {lint.limit === null ? t('hashtagsCountNoLimit', lint.count) : t('hashtagsCountOfLimit', lint.count, lint.limit)}
        {lint.maxLength !== null && ` · ${t('hashtagsLength', lint.length, lint.maxLength)}`}
      </p>
      {lint.issues.length > 0 && (
        <ul className="space-y-0.5 text-xs">
          {lint.issues.map((issue, i) => (
            <li key={i} className={TONE[issue.severity]} data-testid="hashtags-lint-issue" data-code={issue.code} data-severity={issue.severity}>
              {issueText(t, issue)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
