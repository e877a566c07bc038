import { useMemo } from 'react';
import { useStorageItem } from '@/components/useStorageItem';
import type { SyncStatus } from '@/utils/messaging/features/sync';
import { syncStatusItem } from '@/utils/sync/items';

/** Every shared brand's status by brand id, live (the background writes `syncStatusItem`);
 * undefined while reading. */
export function useSyncStatuses(): Record<string, SyncStatus> | undefined {
  return useStorageItem(syncStatusItem)[0];
}

/** The brands this computer holds through a read-only token: their items can be used,
 * not changed (the server refuses the change anyway; the interface says so first). */
export function useReadOnlyBrands(): ReadonlySet<string> {
  const statuses = useSyncStatuses();
  return useMemo(() => readOnlyBrands(statuses), [statuses]);
}

export function readOnlyBrands(statuses: Record<string, SyncStatus> | undefined): ReadonlySet<string> {
  return new Set(Object.values(statuses ?? {}).filter((status) => status.role === 'read-only').map((status) => status.brandId));
}
