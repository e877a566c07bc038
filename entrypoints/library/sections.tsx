import type { ComponentType } from 'react';
import { RepliesSection } from './RepliesSection';
import { HashtagSetsSection } from './HashtagSetsSection';
import { BestTimeSection } from './BestTimeSection';
import { IdeasSection } from './IdeasSection';
import { SettingsSection } from './SettingsSection';
import { BrandsSection } from './BrandsSection';

export interface LibrarySection {
  /** Also the address's hash: `library.html#<id>`. */
  id: string;
  /** i18n key of its name in the navigation. */
  labelKey: string;
  View: ComponentType;
}

/** The library page's sections, in the navigation's order. A feature adds its section
 * here once it works. */
export const LIBRARY_SECTIONS: LibrarySection[] = [
  // Saved replies (#3)
  { id: 'replies', labelKey: 'navReplies', View: RepliesSection },

  // Hashtag sets (#4)
  { id: 'hashtags', labelKey: 'navHashtagSets', View: HashtagSetsSection },

  // Best time and the post log (#5)
  { id: 'best-time', labelKey: 'navBestTime', View: BestTimeSection },

  // Content ideas (#6)
  { id: 'ideas', labelKey: 'navIdeas', View: IdeasSection },

  // Brands: the clients, their accounts, merge, delete, one brand's file (#13)
  { id: 'brands', labelKey: 'navBrands', View: BrandsSection },

  { id: 'settings', labelKey: 'navSettings', View: SettingsSection },
];

/** Shown when the address names no section. */
export const DEFAULT_LIBRARY_SECTION = 'settings';
