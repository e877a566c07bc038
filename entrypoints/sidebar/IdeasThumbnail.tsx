import { useI18n } from '@/components/i18n';
import type { ClipSummary } from '@/utils/messaging/features/clips';

/** A thumbnail from the stored blob (as a data: URL), never from the site's address. */
export function ClipThumbnail({ clip, large = false }: { clip: ClipSummary; large?: boolean }) {
  const { t } = useI18n();
  if (!clip.thumbnail) return null;
  return (
    <img
      src={clip.thumbnail.dataUrl}
      alt={t('clipsPageImageAlt', clip.authorName ?? clip.authorHandle ?? t('clipsPageUnknownAuthor'))}
      className={large ? 'max-h-40 w-full rounded object-cover' : 'h-12 w-12 flex-none rounded object-cover'}
      data-testid={large ? 'clips-page-editor-thumb' : 'clips-page-thumb'}
      data-source-url={clip.thumbnail.sourceUrl ?? ''}
      draggable={false}
    />
  );
}
