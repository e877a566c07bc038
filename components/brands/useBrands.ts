import { useMemo, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/utils/db/app-db';
import type { Brand } from '@/utils/db/brands';
import { ALL_BRANDS, validFilter, type BrandFilter } from '@/utils/brands/filter';

/** Every brand, by name; undefined while reading. Follows the database (a brand made or
 * merged in the Brands section shows in every section's filter at once). */
export function useBrands(): Brand[] | undefined {
  const brands = useLiveQuery(() => getDb().brands.toArray(), []);
  return useMemo(() => brands && [...brands].sort((a, b) => a.name.localeCompare(b.name)), [brands]);
}

// The library's brand filter is one for the whole page: picking a brand in one section
// shows that brand in the next one too.
let current: BrandFilter = ALL_BRANDS;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function setBrandFilter(filter: BrandFilter) {
  current = filter;
  for (const listener of listeners) listener();
}

/** The filter the library shows, and its setter. A brand that is gone reads as "all". */
export function useBrandFilter(brands: readonly Brand[] | undefined): [BrandFilter, (filter: BrandFilter) => void] {
  const filter = useSyncExternalStore(subscribe, () => current);
  const valid = brands ? validFilter(filter, brands.map((b) => b.id)) : filter;
  return [valid, setBrandFilter];
}
