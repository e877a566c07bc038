import { useI18n } from '@/components/i18n';
import type { Brand } from '@/utils/db/brands';
import type { BrandRef } from '@/utils/db/record';

/** A brand's colour with its initial, for recognition at a glance. */
export function BrandBadge({ brand, size = 'sm' }: { brand: Pick<Brand, 'name' | 'color'>; size?: 'sm' | 'lg' }) {
  const initial = Array.from(brand.name.trim())[0]?.toUpperCase() ?? '?';
  const box = size === 'lg' ? 'h-8 w-8 text-sm' : 'h-4 w-4 text-[0.6rem]';
  return (
    <span aria-hidden="true" className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold text-white ${box}`} style={{ backgroundColor: brand.color }}>
      {initial}
    </span>
  );
}

/** Which brand an item belongs to: its colour and name, "All brands" for a shared item, or
 * that its brand is not stored here (an idea from another computer's clips file). */
export function BrandChip({ brandId, brands }: { brandId: BrandRef; brands: readonly Brand[] }) {
  const { t } = useI18n();
  const brand = brandId === null ? undefined : brands.find((b) => b.id === brandId);
  return (
    <span
      className="inline-flex max-w-48 items-center gap-1 rounded-full border border-slate-200 px-1.5 py-0.5 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300"
      data-testid="brand-chip"
      data-brand-id={brandId ?? ''}
    >
      {brand && <BrandBadge brand={brand} />}
      <span className="truncate">{brand ? brand.name : t(brandId === null ? 'brandShared' : 'brandUnknown')}</span>
    </span>
  );
}
