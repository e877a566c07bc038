import { useCallback, useEffect, useState } from 'react';
import { getDb } from '@/utils/db/app-db';
import { formatBytes } from '@/utils/clips/bytes';
import { isLowOnSpace, measureStorage, persistState, requestPersistence, spaceLeft, type PersistState, type StorageFigures } from '@/utils/clips/storage';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';

/** Once per page: asking again after a refusal would only nag. */
let asked = false;

const PERSIST_KEYS: Record<PersistState, string> = {
  persistent: 'clipsPersistOn',
  'best-effort': 'clipsPersistOff',
  unsupported: 'clipsPersistUnsupported',
};

/** How much room the library takes, how much is left, and whether the browser keeps it
 * under storage pressure. `version` changes when clips change, to measure again. */
export function ClipsStorage({ version }: { version: number }) {
  const { t, language } = useI18n();
  const [figures, setFigures] = useState<StorageFigures | null>(null);
  const [persist, setPersist] = useState<PersistState | null>(null);
  const measure = useCallback(() => {
    void measureStorage(getDb()).then(setFigures);
    void persistState().then(async (state) => {
      // Ask once, without waiting for a click: an idea library is worth keeping.
      if (state === 'best-effort' && !asked) {
        asked = true;
        state = await requestPersistence();
      }
      setPersist(state);
    });
  }, []);
  useEffect(() => {
    // After the grid has painted: summing 2,000 blob sizes is quick, but not first.
    const timer = setTimeout(measure, 500);
    return () => clearTimeout(timer);
  }, [measure, version]);

  if (!figures) return null;
  const left = spaceLeft(figures);
  const bytes = (n: number) => formatBytes(n, language);
  return (
    <div className="space-y-2 text-xs" data-testid="clips-storage" data-image-bytes={figures.imageBytes} data-usage={figures.usage ?? ''} data-quota={figures.quota ?? ''}>
      <p data-testid="clips-storage-images">{t('clipsStorageImages', figures.images, bytes(figures.imageBytes))}</p>
      {figures.usage !== null && <p data-testid="clips-storage-usage">{t('clipsStorageUsage', bytes(figures.usage))}</p>}
      {left !== null && <p data-testid="clips-storage-left">{t('clipsStorageLeft', bytes(left))}</p>}
      {isLowOnSpace(figures) && (
        <Notice tone="warn" testId="clips-storage-low">
          {t('clipsStorageLow', bytes(left ?? 0))}
        </Notice>
      )}
      {persist && (
        <p className="flex flex-wrap items-center gap-2">
          <span data-testid="clips-persist-state" data-state={persist}>
            {t(PERSIST_KEYS[persist])}
          </span>
          {persist === 'best-effort' && (
            <Button onClick={() => void requestPersistence().then(setPersist)} data-testid="clips-persist-request">
              {t('clipsPersistAsk')}
            </Button>
          )}
        </p>
      )}
    </div>
  );
}
