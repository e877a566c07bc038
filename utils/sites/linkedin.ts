import type { SiteAdapter } from './types';

/** LinkedIn (#14): the surfaces and their markers are read by this network's own adapter,
 * which replaces this one; until then the page agent runs here with no markers. */
export const linkedin: SiteAdapter = {
  site: 'linkedin',
  surface: () => 'other',
  checkMarkers: () => [],
};
