import type { SiteAdapter } from './types';

/** X (#14): the surfaces and their markers are read by this network's own adapter,
 * which replaces this one; until then the page agent runs here with no markers. */
export const x: SiteAdapter = {
  site: 'x',
  surface: () => 'other',
  checkMarkers: () => [],
};
