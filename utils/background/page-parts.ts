import { browser } from '#imports';
import { isFromPageAgent } from '../messaging/sender';
import { onMessage } from '../messaging/protocol';
import { isPagePartName, PAGE_PART_FILES } from '../page-agent/parts';

/** Runs a part of the page agent in the frame of the agent that asked for it, in the
 * agent's own isolated world (`scripting.executeScript`'s default world), on demand: see
 * `utils/page-agent/parts.ts`. Only our agent in the top frame of one of the sites may
 * ask, and only for a part we name; the file's path comes from our own table. */
export function answerPagePartRequests(): void {
  onMessage('loadPagePart', async ({ sender, data }) => {
    if (!isFromPageAgent(sender, browser.runtime.id) || !isPagePartName(data)) throw new Error('refused');
    await browser.scripting.executeScript({
      target: { tabId: sender.tab!.id!, frameIds: [sender.frameId!] },
      files: [PAGE_PART_FILES[data] as never],
    });
  });
}
