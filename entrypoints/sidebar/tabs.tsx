import type { ComponentType } from 'react';
import type { PageState } from '@/utils/messaging/page-state';
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
  /** i18n key of the tab's label. */
  labelKey: string;
  Panel: ComponentType<SidebarPanelProps>;
}

/** The sidebar's tabs, in the order shown. A feature adds its tab here once it works
 * (a feature that is not finished is absent, not a placeholder). */
export const SIDEBAR_TABS: SidebarTab[] = [
  // Saved replies (#3)
  { id: 'replies', labelKey: 'navReplies', Panel: RepliesPanel },

  // Hashtags (#4)
  { id: 'hashtags', labelKey: 'navHashtags', Panel: HashtagsPanel },

  // Best time (#5)
  { id: 'best-time', labelKey: 'navBestTime', Panel: BestTimePanel },

  // Ideas (#6)
  { id: 'ideas', labelKey: 'navIdeas', Panel: IdeasPanel },

  { id: 'data', labelKey: 'navData', Panel: DataPanel },
];
