import type { SyncStatus } from '../messaging/features/sync';
import type { BrandRef } from '../db/record';
import { syncStatusItem } from './items';

/** The brands this computer holds through a read-only token (issue #15): their items can be
 * used, not changed (the server refuses the change anyway; the interface says so first). */
export function readOnlyBrands(statuses: Record<string, SyncStatus> | undefined): ReadonlySet<string> {
  return new Set(Object.values(statuses ?? {}).filter((status) => status.role === 'read-only').map((status) => status.brandId));
}

/** In the background: is `brandId` shared with this computer read-only? */
export async function isReadOnlyBrand(brandId: BrandRef): Promise<boolean> {
  return brandId !== null && readOnlyBrands(await syncStatusItem.getValue()).has(brandId);
}
