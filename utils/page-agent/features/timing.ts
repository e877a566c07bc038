import type { PageFeature } from '../feature';

/** The page agent's part of best-time hints (issue #5): reading the account's own posts. */
export const timingFeature: PageFeature = {
  id: 'timing',
  init() {},
};
