import { expect, test } from 'vitest';
import { normalizeHashtag } from './extract';
import { hashtagKeys } from './keys';

test.each(['Pizza', '#Pizza', 'pizza_2024', 'CaffÈ', 'Caffè', '＃Caffè', 'İstanbul', 'Straße', 'ΣΟΦΟΣ', 'A#b', '#', '', 'x-y', 'café\u200d'])(
  'hashtagKeys(%j) equals normalizeHashtag',
  (tag) => {
    expect(hashtagKeys(tag)).toEqual(normalizeHashtag(tag));
  },
);
