import { isStarterReply } from '../../../utils/replies/starter';

/**
 * Spalla seeds its starter replies once, when it is installed, whenever its background
 * gets to it (`runtime.onInstalled`): a test that puts in replies of its own waits for
 * the starters first, or they may land in the middle of its list or take its shortcuts.
 * Answers the starters present (none if none came within `timeout`).
 */
export async function settledStarterReplies(list: () => Promise<{ id: string }[]>, timeout = 10_000): Promise<{ id: string }[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const starters = (await list()).filter(isStarterReply);
    if (starters.length > 0 || Date.now() > deadline) return starters;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
