import type { ClipStatus } from '../db/clips';

/** The workflow of an idea, in order. */
export const CLIP_STATUSES: readonly ClipStatus[] = ['idea', 'draft', 'scheduled', 'published', 'archived'];

export const STATUS_LABEL_KEYS: Record<ClipStatus, string> = {
  idea: 'clipsStatusIdea',
  draft: 'clipsStatusDraft',
  scheduled: 'clipsStatusScheduled',
  published: 'clipsStatusPublished',
  archived: 'clipsStatusArchived',
};

/** Keyboard: on a focused card (or the selection), the digit keys set the status in the
 * workflow's order (1 idea … 5 archived). Documented in docs/clips-library.md. */
export function statusForKey(key: string): ClipStatus | null {
  const index = Number(key) - 1;
  return /^[1-5]$/.test(key) ? CLIP_STATUSES[index] : null;
}
