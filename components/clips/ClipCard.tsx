import { memo } from 'react';
import type { Clip, ClipStatus } from '@/utils/db/clips';
import { authorOf } from '@/utils/clips/query';
import { useFormatDate, useI18n } from '../i18n';
import { StatusSelect } from './StatusSelect';
import type { CardThumbnail } from './thumbnail-urls';
import { BrandChip } from '@/components/brands/BrandChip';
import type { Brand } from '@/utils/db/brands';

export const NETWORK_LABEL_KEYS: Record<Clip['network'], string> = {
  facebook: 'siteFacebook',
  instagram: 'siteInstagram',
  x: 'siteX',
  threads: 'siteThreads',
  linkedin: 'siteLinkedIn',
  web: 'clipsNetworkWeb',
};

/** Cards off screen are neither laid out nor painted until scrolled to (60 of them
 * come in at each keystroke); their size meanwhile is the last one they had, or about a
 * card's. */
const OFFSCREEN_SKIPPED = {
  grid: '[content-visibility:auto] [contain-intrinsic-size:auto_22rem]',
  list: '[content-visibility:auto] [contain-intrinsic-size:auto_5rem]',
} as const;

interface CardProps {
  clip: Clip;
  layout: 'grid' | 'list';
  selected: boolean;
  /** From `useThumbnails`, for all the cards on screen at once. */
  thumbnail: CardThumbnail | undefined;
  onToggleSelected: (id: string) => void;
  onOpen: (id: string) => void;
  onStatus: (ids: string[], status: ClipStatus) => void;
  onKey: (clip: Clip, event: React.KeyboardEvent) => void;
  /** Given: the card shows its brand (the library). */
  brands?: readonly Brand[];
  /** A clip of a read-only shared brand (#15): its status cannot be changed here. */
  readOnly?: boolean;
}

/**
 * One idea in the grid or the list. Everything from the page (author, text, tags) is a
 * React text child: shown as text, never parsed as HTML.
 */
export const ClipCard = memo(function ClipCard({ clip, layout, selected, thumbnail, onToggleSelected, onOpen, onStatus, onKey, brands, readOnly }: CardProps) {
  const { t } = useI18n();
  const formatDate = useFormatDate();
  const author = authorOf(clip) ?? t('clipsNoAuthor');
  const grid = layout === 'grid';
  return (
    <article
      tabIndex={0}
      data-testid="clips-card"
      data-clip-id={clip.id}
      data-status={clip.status}
      aria-selected={selected}
      aria-label={t('clipsCardLabel', author)}
      onKeyDown={(e) => onKey(clip, e)}
      className={`group relative flex rounded-lg border bg-white focus-visible:outline-2 focus-visible:outline-blue-500 dark:bg-slate-800 ${
        selected ? 'border-blue-500 ring-1 ring-blue-500' : 'border-slate-200 dark:border-slate-700'
      } ${grid ? 'flex-col' : 'flex-row items-start gap-3 p-2'} ${OFFSCREEN_SKIPPED[layout]}`}
    >
      <div className={grid ? 'aspect-[4/3] w-full overflow-hidden rounded-t-lg bg-slate-100 dark:bg-slate-900' : 'h-14 w-14 shrink-0 overflow-hidden rounded bg-slate-100 dark:bg-slate-900'}>
        {thumbnail && (
          <img
            src={thumbnail.url}
            alt={t('clipsImageAlt', author)}
            className="h-full w-full object-cover"
            data-testid="clips-card-thumbnail"
            data-role={thumbnail.role}
            draggable={false}
            decoding="async"
          />
        )}
      </div>
      <div className={`flex min-w-0 flex-1 flex-col gap-1 ${grid ? 'p-2' : ''}`}>
        <div className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggleSelected(clip.id)}
            aria-label={t('clipsSelect', author)}
            data-testid="clips-card-select"
          />
          <span className="truncate font-medium" data-testid="clips-card-author" dir="auto">
            {author}
          </span>
          <span className="ml-auto shrink-0 text-xs text-slate-500">{t(NETWORK_LABEL_KEYS[clip.network])}</span>
        </div>
        <p className={`whitespace-pre-line break-words text-slate-700 dark:text-slate-300 ${grid ? 'line-clamp-4' : 'line-clamp-2'}`} data-testid="clips-card-text" dir="auto">
          {clip.text.slice(0, 600)}
        </p>
        {clip.tags.length > 0 && (
          <ul className="flex flex-wrap gap-1" aria-label={t('clipsTags')}>
            {clip.tags.slice(0, 8).map((tag) => (
              <li key={tag} className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-700" dir="auto">
                {tag}
              </li>
            ))}
          </ul>
        )}
        {brands && <BrandChip brandId={clip.brandId} brands={brands} />}
        <div className="mt-auto flex flex-wrap items-center gap-2 pt-1 text-xs text-slate-500">
          <StatusSelect
            value={clip.status}
            label={t('clipsStatusOf', author)}
            testId="clips-card-status"
            disabled={readOnly}
            onChange={(status) => onStatus([clip.id], status)}
          />
          {clip.status === 'scheduled' && clip.scheduledAt !== null && (
            <span data-testid="clips-card-scheduled">{formatDate(clip.scheduledAt)}</span>
          )}
          <span className="ml-auto">{formatDate(clip.clippedAt)}</span>
          <button
            type="button"
            className="rounded px-1.5 py-0.5 font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-700"
            onClick={() => onOpen(clip.id)}
            data-testid="clips-card-open"
          >
            {t('clipsOpen')}
          </button>
        </div>
      </div>
    </article>
  );
});
