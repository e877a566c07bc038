import type { ComponentType } from 'react';
import type { PageState } from '@/utils/messaging/page-state';
import type { LibrarySectionId } from '@/utils/library-tab';
import { BestTimePanel } from './BestTimePanel';
import { DataPanel } from './DataPanel';
import { HashtagsPanel } from './HashtagsPanel';
import { IdeasPanel } from './IdeasPanel';
import { RepliesPanel } from './RepliesPanel';

export interface SidebarPanelProps {
  /** The page beside the sidebar: undefined while connecting, null when no agent answers. */
  page: PageState | null | undefined;
  /** This panel's tab is the one shown. */
  active: boolean;
}

export interface SidebarTab {
  id: string;
  /** i18n key of the tab's short label (it must fit a fifth of the narrowest sidebar). */
  labelKey: string;
  /** i18n key of the feature's full name, the tab's tooltip. */
  titleKey: string;
  /** The library's section for this tab ("Open the library" lands there). */
  librarySection: LibrarySectionId;
  Panel: ComponentType<SidebarPanelProps>;
}

/** The sidebar's tabs, in the order shown. A feature adds its tab here once it works
 * (a feature that is not finished is absent, not a placeholder). */
export const SIDEBAR_TABS: SidebarTab[] = [
  // Saved replies (#3)
  { id: 'replies', labelKey: 'tabReplies', titleKey: 'navReplies', librarySection: 'replies', Panel: RepliesPanel },

  // Hashtags (#4)
  { id: 'hashtags', labelKey: 'tabHashtags', titleKey: 'navHashtags', librarySection: 'hashtags', Panel: HashtagsPanel },

  // Best time (#5)
  { id: 'best-time', labelKey: 'tabBestTime', titleKey: 'navBestTime', librarySection: 'best-time', Panel: BestTimePanel },

  // Ideas (#6)
  { id: 'ideas', labelKey: 'tabIdeas', titleKey: 'navIdeas', librarySection: 'ideas', Panel: IdeasPanel },

  { id: 'data', labelKey: 'tabData', titleKey: 'navData', librarySection: 'settings', Panel: DataPanel },
];

/** Line drawings, 16 px, in the text's colour: no image request, no icon font. */
const ICON_PATHS: Record<string, string> = {
  // A speech bubble.
  replies: 'M3 4.5A1.5 1.5 0 0 1 4.5 3h11A1.5 1.5 0 0 1 17 4.5v8a1.5 1.5 0 0 1-1.5 1.5H9l-4 3v-3h-.5A1.5 1.5 0 0 1 3 12.5z',
  // A hash sign.
  hashtags: 'M8 3 6.5 17M13.5 3 12 17M3.5 7.5h14M2.5 12.5h14',
  // A clock.
  'best-time': 'M10 2.5a7.5 7.5 0 1 0 0 15 7.5 7.5 0 0 0 0-15zM10 6v4.5l3 2',
  // A light bulb.
  ideas: 'M7.5 14.5h5M8 17.5h4M10 2.5a5 5 0 0 0-3 9c.6.5 1 1.2 1 2v.5h4v-.5c0-.8.4-1.5 1-2a5 5 0 0 0-3-9z',
  // A database: three stacked discs.
  data: 'M3.5 5c0-1.4 2.9-2.5 6.5-2.5s6.5 1.1 6.5 2.5-2.9 2.5-6.5 2.5S3.5 6.4 3.5 5zm0 0v10c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5V5m-13 5c0 1.4 2.9 2.5 6.5 2.5s6.5-1.1 6.5-2.5',
};

export function TabIcon({ id }: { id: string }) {
  const d = ICON_PATHS[id];
  if (!d) return null;
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
