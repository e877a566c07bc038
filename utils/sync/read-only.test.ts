import { describe, expect, test } from 'vitest';
import type { SyncStatus } from '../messaging/features/sync';
import { syncStatusItem } from './items';
import { isReadOnlyBrand, readOnlyBrands } from './read-only';

function status(brandId: string, role: SyncStatus['role']): SyncStatus {
  return { brandId, server: 'wss://sync.example.com', code: brandId, role, phase: 'connected', offlineSince: null, lastSyncedAt: null, error: null };
}

describe('brands shared read-only (issue #15)', () => {
  test('only the brands whose token is read-only; none while the statuses are read', () => {
    expect([...readOnlyBrands({ a: status('a', 'read-only'), b: status('b', 'editor'), c: status('c', null) })]).toEqual(['a']);
    expect(readOnlyBrands(undefined).size).toBe(0);
  });

  test('in the background, from the status the manager keeps; all brands is never read-only', async () => {
    expect(await isReadOnlyBrand('a')).toBe(false);
    await syncStatusItem.setValue({ a: status('a', 'read-only'), b: status('b', 'editor') });
    expect(await isReadOnlyBrand('a')).toBe(true);
    expect(await isReadOnlyBrand('b')).toBe(false);
    expect(await isReadOnlyBrand(null)).toBe(false);
  });
});
