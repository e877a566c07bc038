import type { BrandRef, Network } from '../db/record';
import type { SaveOutcome } from './capture-save';

/**
 * What a saved clip teaches the hashtag model (issue #4: co-occurrence is learned "from
 * hashtags in the user's own posts and clips"). See docs/hashtags.md, "Clips".
 *
 * - Only a NEW clip teaches: clipping the same permalink again updates that clip and
 *   would otherwise count its hashtags twice.
 * - Only Facebook and Instagram clips: the model's scopes are those two networks (a web
 *   page's selection rarely carries hashtags, and suggestions never read a 'web' scope).
 * - Clipping is the user's deliberate act, so it teaches whatever the harvest setting
 *   (posts scrolled past) says.
 */
export interface ClipLesson {
  tags: string[];
  network: Network;
  brandId: BrandRef;
}

export function clipLesson(outcome: SaveOutcome): ClipLesson | null {
  const { clip, updated } = outcome;
  if (updated) return null;
  if (clip.network === 'web') return null;
  if (clip.hashtags.length === 0) return null;
  return { tags: [...clip.hashtags], network: clip.network, brandId: clip.brandId };
}

/**
 * Teaches the model what the saved clip carries. Never rejects: the clip is already
 * saved when this runs, and a failure to learn is only logged (the clip is kept).
 * Answers how many hashtags were learned.
 */
export async function teachFromClip(
  outcome: SaveOutcome,
  learn: (lesson: ClipLesson) => Promise<{ learned: number }>,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): Promise<number> {
  const lesson = clipLesson(outcome);
  if (!lesson) return 0;
  try {
    return (await learn(lesson)).learned;
  } catch (error) {
    log('[Spalla] learning the hashtags of a clip failed (the clip is saved)', error);
    return 0;
  }
}
