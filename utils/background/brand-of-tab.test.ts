import { describe, expect, test, vi } from 'vitest';
import type { SyncStatus } from '../messaging/features/sync';
import { syncStatusItem } from '../sync/items';
import { brandForNew } from './brand-of-tab';

// The brand in view of tab 7 is Lucia's, of tab 8 Gino's (the feature itself needs a
// running background: brand-in-view.ts).
vi.mock('./brand-in-view', () => ({ brandInView: async (tabId: number) => ({ brandId: tabId === 7 ? 'lucia' : tabId === 8 ? 'gino' : null }) }));

function status(brandId: string, role: SyncStatus['role']): SyncStatus {
  return { brandId, server: 'wss://sync.example.com', code: brandId, role, phase: 'connected', offlineSince: null, lastSyncedAt: null, error: null };
}

describe('where something new made from a tab is filed (issue #15)', () => {
  test('under the brand in view, unless it is shared read-only: then under all brands, naming the brand', async () => {
    await syncStatusItem.setValue({ lucia: status('lucia', 'read-only'), gino: status('gino', 'editor') });
    expect(await brandForNew(7)).toEqual({ brandId: null, readOnly: 'lucia' });
    expect(await brandForNew(8)).toEqual({ brandId: 'gino', readOnly: null });
    expect(await brandForNew(9)).toEqual({ brandId: null, readOnly: null });
    expect(await brandForNew(undefined)).toEqual({ brandId: null, readOnly: null });
  });
});
