import { browser } from '#imports';

/** A port to the background that stays connected: a service worker that was stopped
 * drops its ports, so connect again (and call `onConnect` again, e.g. to ask for the
 * current state). Returns the function that closes it for good.
 *
 * After an extension update this frame is orphaned: connecting would throw "Extension
 * context invalidated", and the new page agent replaces the frame anyway, so it stops. */
export function keepPortOpen(
  name: string,
  onMessage: (message: unknown) => void,
  onConnect: () => void = () => {},
): () => void {
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;
  const connect = () => {
    if (closed || browser.runtime?.id == null) return;
    try {
      port = browser.runtime.connect({ name });
    } catch {
      return;
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      if (!closed) setTimeout(connect, 200);
    });
    onConnect();
  };
  connect();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
