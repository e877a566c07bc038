import { definePagePart } from '@/utils/page-agent/parts';
import { postsPart } from '@/utils/page-agent/features/posts-part';

/** Part `posts` of the page agent (post readers, clip controls, best-time reading), run in
 * the agent's isolated world on demand by the background (`utils/page-agent/parts.ts`). */
export default defineUnlistedScript(() => definePagePart('posts', postsPart));
