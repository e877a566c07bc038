import { useI18n } from '@/components/i18n';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import type { Brand } from '@/utils/db/brands';
import { ALL_BRANDS, SHARED_BRANDS, type BrandFilter } from '@/utils/brands/filter';

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

/** `library-filter-brand`: all brands, one brand, or (where items can be shared) the
 * items shared by all brands. */
export function BrandFilterSelect({
  brands,
  value,
  onChange,
  shared = true,
}: {
  brands: readonly Brand[];
  value: BrandFilter;
  onChange(filter: BrandFilter): void;
  /** Offer "shared by all brands" (not for accounts, which always have a brand). */
  shared?: boolean;
}) {
  const { t } = useI18n();
  return (
    <select className={control} aria-label={t('brandFilterLabel')} value={value} data-testid="library-filter-brand" onChange={(e) => onChange(e.target.value)}>
      <option value={ALL_BRANDS}>{t('brandFilterAll')}</option>
      {brands.map((brand) => (
        <option key={brand.id} value={brand.id}>
          {brand.name}
        </option>
      ))}
      {shared && <option value={SHARED_BRANDS}>{t('brandFilterShared')}</option>}
    </select>
  );
}

/** A one-shot choice of a brand (picking one acts; the select goes back to its
 * placeholder): where to move items or an account, which brand to merge into. With
 * `shared`, "all brands (shared)" is a choice too and is picked as null. */
export function BrandPicker({
  brands,
  placeholder,
  label,
  testId,
  shared = false,
  onPick,
}: {
  brands: readonly Brand[];
  placeholder: string;
  label: string;
  testId: string;
  shared?: boolean;
  onPick(brandId: string | null): void;
}) {
  const { t } = useI18n();
  return (
    <select
      className={control}
      aria-label={label}
      value=""
      data-testid={testId}
      onChange={(e) => {
        const value = e.target.value;
        if (value) onPick(value === SHARED_BRANDS ? null : value);
      }}
    >
      <option value="">{placeholder}</option>
      {brands.map((brand) => (
        <option key={brand.id} value={brand.id}>
          {brand.name}
        </option>
      ))}
      {shared && <option value={SHARED_BRANDS}>{t('brandMoveShared')}</option>}
    </select>
  );
}

/** Moves the selected items to a brand or to all brands. */
export function MoveToBrand({ brands, onMove, testId }: { brands: readonly Brand[]; onMove(brandId: string | null): void; testId: string }) {
  const { t } = useI18n();
  // A brand shared read-only (#15) takes no new items.
  const readOnly = useReadOnlyBrands();
  const targets = readOnly.size ? brands.filter((brand) => !readOnly.has(brand.id)) : brands;
  return <BrandPicker brands={targets} placeholder={t('brandMoveChoose')} label={t('brandMoveLabel')} testId={testId} shared onPick={onMove} />;
}
