import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice, Section } from '@/components/ui';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { useStorageItem } from '@/components/useStorageItem';
import type { ClipSummary } from '@/utils/messaging/features/clips';
import { sendMessage } from '@/utils/messaging/protocol';
import { clipsLastCaptureItem, type LastCapture } from '@/utils/settings/items';
import { IdeasClipEditor } from './IdeasClipEditor';
import { IdeasDraft } from './IdeasDraft';
import { ReadOnlyInViewNote } from './ReadOnlyInView';
import { ClipThumbnail } from './IdeasThumbnail';
import type { SidebarPanelProps } from './tabs';
import { useBrandInView } from './useBrandInView';

const RECENT = 12;
const ERROR_KEYS = {
  quota: 'clipsPageErrorQuota',
  'no-post': 'clipsPageErrorNoPost',
  invalid: 'clipsPageErrorInvalid',
  error: 'clipsPageErrorOther',
} as const;
/** A clip made while the brand in view is shared read-only (#15): see `brandForNew`. */
const READ_ONLY_KEYS = {
  'all-brands': 'clipsPageReadOnlyAllBrands',
  unchanged: 'clipsPageReadOnlyUnchanged',
} as const;

/** A capture's report ("Clipped to your ideas", or why not) belongs to the page it was
 * made on: once the page beside the sidebar is another (in-app navigation, or the
 * sidebar of another tab), it is not shown. A report without an address (older) stays. */
function onPageOf(capture: LastCapture, page: SidebarPanelProps['page']): boolean {
  if (!capture.pageUrl) return true;
  if (!page) return false;
  try {
    return new URL(capture.pageUrl).pathname === page.path;
  } catch {
    return false;
  }
}

/** The sidebar's Ideas tab (#6): the clip just saved (with its note, tags and status),
 * "clip the post in view", the recent clips, and a draft chosen in the library. */
export function IdeasPanel({ page, active }: SidebarPanelProps) {
  const { t } = useI18n();
  const [lastCapture] = useStorageItem(clipsLastCaptureItem);
  const [recent, setRecent] = useState<ClipSummary[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Recent ideas are the brand in view's, then the shared ones (the background reads the brand).
  const brandId = useBrandInView().view?.brandId;
  const readOnlyBrands = useReadOnlyBrands();

  const reload = useCallback(() => {
    sendMessage('listRecentClips', { limit: RECENT })
      .then(setRecent)
      .catch(() => setRecent([]));
  }, []);

  useEffect(() => {
    if (active) reload();
  }, [active, reload, lastCapture?.at, brandId]);

  // A new clip is the one shown for editing.
  useEffect(() => {
    if (lastCapture?.clipId) setSelectedId(lastCapture.clipId);
  }, [lastCapture?.at, lastCapture?.clipId]);

  const selected = recent?.find((clip) => clip.id === selectedId) ?? null;
  // Every site with posts: Business Suite has none of its own.
  const canClip = page != null && page.site !== 'business';
  const fresh = lastCapture && Date.now() - lastCapture.at < 10 * 60_000 && onPageOf(lastCapture, page) ? lastCapture : null;

  return (
    <div className="space-y-5">
      <IdeasDraft />

      {fresh?.error && (
        <Notice tone="error" testId="clips-page-capture-error">
          <span data-reason={fresh.error}>{t(ERROR_KEYS[fresh.error as keyof typeof ERROR_KEYS] ?? 'clipsPageErrorOther')}</span>
        </Notice>
      )}
      {fresh?.clipId && fresh.clipId === selectedId && (
        <Notice tone={fresh.readOnly ? 'info' : 'ok'} testId="clips-page-capture-ok">
          <span data-clip-id={fresh.clipId} data-updated={String(fresh.updated)} data-read-only={fresh.readOnly ?? ''}>
            {fresh.readOnly ? t(READ_ONLY_KEYS[fresh.readOnly]) : fresh.updated ? t('clipsPageUpdated') : t('clipsPageJustClipped')}
          </span>
        </Notice>
      )}

      {selected && (
        <IdeasClipEditor
          key={selected.id}
          clip={selected}
          readOnly={selected.brandId !== null && readOnlyBrands.has(selected.brandId)}
          onSaved={(updated) => setRecent((list) => list?.map((c) => (c.id === updated.id ? updated : c)) ?? null)}
        />
      )}

      {canClip && (
        <div className="space-y-1">
          <Button
            variant="primary"
            disabled={busy}
            data-testid="clips-page-clip-in-view"
            onClick={async () => {
              setBusy(true);
              await sendMessage('clipPostInView').catch(() => null);
              setBusy(false);
            }}
          >
            {t('clipsPageClipInView')}
          </Button>
          <p className="text-xs text-slate-500 dark:text-slate-400">{t('clipsPageHint', 'Alt+Shift+C')}</p>
          <ReadOnlyInViewNote />
        </div>
      )}

      <Section title={t('clipsPageRecent')} testId="clips-page-recent">
        {recent?.length === 0 && <p className="text-slate-500">{t('clipsPageEmpty')}</p>}
        <ul className="space-y-2">
          {recent?.map((clip) => (
            <li key={clip.id} data-testid="clips-page-recent-item" data-clip-id={clip.id}>
              <button
                type="button"
                className={`flex w-full gap-2 rounded-md border p-2 text-left hover:bg-slate-50 dark:hover:bg-slate-800 ${
                  clip.id === selectedId ? 'border-blue-500' : 'border-slate-200 dark:border-slate-700'
                }`}
                onClick={() => setSelectedId(clip.id)}
                aria-pressed={clip.id === selectedId}
              >
                <ClipThumbnail clip={clip} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-xs font-semibold" data-testid="clips-page-author" dir="auto">
                    {clip.authorName ?? clip.authorHandle ?? t('clipsPageUnknownAuthor')}
                  </span>
                  <span className="line-clamp-2 block text-xs text-slate-600 dark:text-slate-300" data-testid="clips-page-text" dir="auto">
                    {clip.text}
                  </span>
                  <span className="text-[11px] text-slate-500">{t(`clipsPageStatus_${clip.status}`)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
