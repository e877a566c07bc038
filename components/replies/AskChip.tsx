import { useI18n } from '@/components/i18n';

/** A value the reply asks before it is inserted, in a preview: visible and labelled. */
export function AskChip({ label, text }: { label: string; text?: string }) {
  const { t } = useI18n();
  return (
    <span
      className="mx-0.5 inline-block rounded border border-dashed border-amber-500 bg-amber-50 px-1 text-[11px] leading-4 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100"
      title={t('repliesAsksTitle', label)}
      data-testid="replies-ask"
      data-label={label}
    >
      {text ?? t('repliesAsks', label)}
    </span>
  );
}
