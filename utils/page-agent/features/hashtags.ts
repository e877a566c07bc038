import type { PageFeature } from '../feature';

/** The page agent's part of hashtag suggestions (issue #4): the composer's text, the harvest. */
export const hashtagsFeature: PageFeature = {
  id: 'hashtags',
  init() {},
};
