// A Yjs client in Node for the sync tests and bench: reads (or watches) a shared brand's
// document as the server holds it, with a token, through the same provider the extension
// uses (@hocuspocus/provider 3; Node 20 has no global WebSocket, so `ws` stands in, as
// HocuspocusProviderWebsocket's `WebSocketPolyfill` option allows).
import { createRequire } from 'node:module';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

/** `ws` (a dependency of @hocuspocus/server) has no types installed: taken as it is. */
const WebSocket: unknown = createRequire(import.meta.url)('ws');

export interface DocPeek {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  close(): void;
}

/** Connects to document `code` on `url` with `token` and resolves once synced (or rejects
 * with the server's reason when the token is refused). */
export function openServerDoc({ url, code, token, timeoutMs = 20_000 }: { url: string; code: string; token: string; timeoutMs?: number }): Promise<DocPeek> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  const provider: HocuspocusProvider = new HocuspocusProvider({ websocketProvider: socket, name: code, token, document: doc });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error(`document ${code} not synced within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve({ doc, provider, close });
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      close();
      reject(new Error(`token refused: ${reason}`));
    });
    // A provider given its socket is attached by hand (@hocuspocus/provider 3).
    provider.attach();
  });
}

/** The document as the server holds it now: every top-level type as JSON. */
export async function readServerDoc(options: { url: string; code: string; token: string }): Promise<Record<string, unknown>> {
  const peek = await openServerDoc(options);
  try {
    return docJson(peek.doc);
  } finally {
    peek.close();
  }
}

/** The layout's top-level types (docs/sync.md) as JSON. */
export function docJson(doc: Y.Doc): Record<string, unknown> {
  const names = ['meta', 'accounts', 'savedReplies', 'hashtagSets', 'clips', 'postLog', 'thumbnails'];
  return Object.fromEntries(names.map((name) => [name, doc.getMap(name).toJSON()]));
}
