import { definePagePart } from '@/utils/page-agent/parts';
import { composerPart } from '@/utils/page-agent/features/composer-part';

/** Part `composer` of the page agent (the insertion engine and what uses it), run in the
 * agent's isolated world on demand by the background (`utils/page-agent/parts.ts`). */
export default defineUnlistedScript(() => definePagePart('composer', composerPart));
