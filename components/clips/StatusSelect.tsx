import type { ClipStatus } from '@/utils/db/clips';
import { CLIP_STATUSES, STATUS_LABEL_KEYS } from '@/utils/clips/status';
import { useI18n } from '../i18n';

/** The status of one clip (or of the selection), in the workflow's order. */
export function StatusSelect({
  value,
  onChange,
  testId,
  label,
  placeholder,
  disabled,
}: {
  value: ClipStatus | '';
  onChange: (status: ClipStatus) => void;
  testId: string;
  label: string;
  /** Shown while nothing is chosen (the bulk bar). */
  placeholder?: string;
  /** A clip of a read-only shared brand (#15): shown, not changed. */
  disabled?: boolean;
}) {
  const { t } = useI18n();
  return (
    <select
      aria-label={label}
      data-testid={testId}
      value={value}
      disabled={disabled}
      title={disabled ? t('syncReadOnlyItem') : undefined}
      onChange={(e) => e.target.value && onChange(e.target.value as ClipStatus)}
      onKeyDown={(e) => e.stopPropagation()}
      className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800"
    >
      {placeholder !== undefined && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {CLIP_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(STATUS_LABEL_KEYS[status])}
        </option>
      ))}
    </select>
  );
}
