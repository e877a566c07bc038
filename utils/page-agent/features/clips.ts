import type { PageFeature } from '../feature';

/** The page agent's part of the content-ideas library (issue #6): clip controls on posts. */
export const clipsFeature: PageFeature = {
  id: 'clips',
  init() {},
};
