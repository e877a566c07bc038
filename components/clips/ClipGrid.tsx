import { memo } from 'react';
import type { Brand } from '@/utils/db/brands';
import type { Clip, ClipStatus } from '@/utils/db/clips';
import { ClipCard } from './ClipCard';
import { useThumbnails } from './useThumbnails';

interface GridProps {
  /** The cards to show now (a page of the results). */
  clips: readonly Clip[];
  layout: 'grid' | 'list';
  selected: ReadonlySet<string>;
  onToggleSelected: (id: string) => void;
  onOpen: (id: string) => void;
  onStatus: (ids: string[], status: ClipStatus) => void;
  onKey: (clip: Clip, event: React.KeyboardEvent) => void;
  brands?: readonly Brand[];
  /** Brands shared with this computer read-only (#15): their cards are shown, not changed. */
  readOnlyBrands?: ReadonlySet<string>;
}

/**
 * The cards of the library, grid or list. Its own component so that the thumbnails,
 * which arrive a moment after the cards, re-render only the grid (and in it only the
 * cards whose thumbnail came), not the toolbar and the rest of the page; memoised, so a
 * keystroke the deferred search has not answered yet leaves it alone.
 */
export const ClipGrid = memo(function ClipGrid({ clips, layout, selected, onToggleSelected, onOpen, onStatus, onKey, brands, readOnlyBrands }: GridProps) {
  const thumbnails = useThumbnails(clips);
  return (
    <div
      data-testid="clips-results"
      data-layout={layout}
      className={layout === 'grid' ? 'grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-3' : 'flex flex-col gap-2'}
    >
      {clips.map((clip) => (
        <ClipCard
          key={clip.id}
          clip={clip}
          layout={layout}
          selected={selected.has(clip.id)}
          thumbnail={thumbnails.get(clip.id)}
          onToggleSelected={onToggleSelected}
          onOpen={onOpen}
          onStatus={onStatus}
          onKey={onKey}
          brands={brands}
          readOnly={clip.brandId !== null && !!readOnlyBrands?.has(clip.brandId)}
        />
      ))}
    </div>
  );
});
