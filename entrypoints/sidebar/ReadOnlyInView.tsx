import { useI18n } from '@/components/i18n';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { useBrandInView } from './useBrandInView';

/** Whether the brand in view is shared with this computer read-only (issue #15). */
export function useBrandInViewReadOnly(): boolean {
  const brandId = useBrandInView().view?.brandId ?? null;
  return useReadOnlyBrands().has(brandId ?? '');
}

/**
 * Where something new is made in the sidebar (a clip, a set, a reply) while the brand in
 * view is shared read-only: it says, before the person makes it, that it goes under All
 * brands. One rule for all three, and the least surprising one: the work is kept, on this
 * computer, instead of being refused or filed under the brand and undone a moment later
 * by the team's copy (the server refuses the change); the background files it so
 * (`brandForNew`, utils/background/brand-of-tab.ts).
 */
export function ReadOnlyInViewNote() {
  const { t } = useI18n();
  if (!useBrandInViewReadOnly()) return null;
  return (
    <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="sync-read-only-in-view">
      {t('syncReadOnlyInView')}
    </p>
  );
}
