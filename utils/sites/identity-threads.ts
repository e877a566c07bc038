import type { PageIdentity } from '../messaging/page-state';
import { profileOrLoggedIn } from './identity-account';
import { readThreadsAccount, readThreadsViewer } from './threads-account';

/** www.threads.com: the profile page's account and the logged-in account, from the readers
 * the post log and the greeting already use (threads-account.ts, with their evidence), in the
 * precedence of `profileOrLoggedIn`. */
export function readThreadsIdentity(location: Location | URL, doc: Document, composer: HTMLElement | null): PageIdentity | null {
  return profileOrLoggedIn('threads', readThreadsAccount(location, doc), readThreadsViewer(doc), composer);
}
