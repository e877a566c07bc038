import type { PageFeature } from '../feature';

/** The page agent's part of saved replies (issue #3): shortcut expansion, the palette key. */
export const repliesFeature: PageFeature = {
  id: 'replies',
  init() {},
};
