import { definePagePart } from '@/utils/page-agent/parts';
import { startHarvest } from '@/utils/page-agent/features/hashtags-harvest';

/** Part `harvest` of the page agent (hashtags of the posts scrolled past, while learning
 * from the feed is on), run in the agent's isolated world on demand by the background
 * (`utils/page-agent/parts.ts`). */
export default defineUnlistedScript(() => definePagePart('harvest', { startHarvest }));
