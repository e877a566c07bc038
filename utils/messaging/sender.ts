import type { Runtime } from 'webextension-polyfill';
import { siteForHost } from '../sites/site-key';

type Sender = Pick<Runtime.MessageSender, 'id' | 'url' | 'tab' | 'frameId'> | chrome.runtime.MessageSender;

/** Sent by one of our extension pages (sidebar, popup, library), possibly framed in a tab. */
export function isFromExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** Sent by our sidebar page framed in a tab. */
export function isFromSidebar(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return (
    isFromExtensionPage(sender, extensionId, extensionOrigin) &&
    sender.url!.startsWith(`${extensionOrigin}sidebar.html`) &&
    typeof sender.tab?.id === 'number'
  );
}

/** Sent by our page agent in the top frame of one of the three sites. */
export function isFromPageAgent(sender: Sender, extensionId: string): boolean {
  if (sender.id !== extensionId || typeof sender.tab?.id !== 'number' || sender.frameId !== 0) return false;
  try {
    return siteForHost(new URL(sender.url ?? '').hostname) !== null;
  } catch {
    return false;
  }
}
