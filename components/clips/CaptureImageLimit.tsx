import { formatNumber } from '@/utils/i18n/format';
import { useI18n } from '@/components/i18n';
import { useStorageItem } from '@/components/useStorageItem';
import { CLIPS_FULL_IMAGE_LIMITS, clipsFullImageLimitItem } from '@/utils/settings/items';

/** The setting for how large a clipped picture may be kept (bigger ones are scaled down). */
export function CaptureImageLimit({ className }: { className: string }) {
  const { t, language } = useI18n();
  const [limit, setLimit] = useStorageItem(clipsFullImageLimitItem);
  if (limit === undefined) return null;
  return (
    <label className="flex items-center justify-between gap-3 text-sm">
      <span>{t('clipsPageFullImageLimit')}</span>
      <select
        className={className}
        value={limit}
        onChange={(e) => void setLimit(Number(e.target.value))}
        data-testid="settings-clips-image-limit"
      >
        {CLIPS_FULL_IMAGE_LIMITS.map((bytes) => (
          <option key={bytes} value={bytes}>
            {bytes === 0 ? t('clipsPageLimitNone') : t('clipsPageLimitMb', formatNumber(bytes / 1_000_000, language))}
          </option>
        ))}
      </select>
    </label>
  );
}
