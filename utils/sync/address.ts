/** Hosts a plain `ws://` address may name: this computer only. Anything else must be `wss://`
 * (TLS from the team's reverse proxy, docs/sync.md): a token must not cross a network in clear. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The server address as it will be used (trimmed, no trailing slash), or null when it is not a
 * `wss://` address or a `ws://` one on this computer. */
export function checkServerAddress(input: string): string | null {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password || url.hash) return null;
  if (url.protocol === 'wss:' || (url.protocol === 'ws:' && LOOPBACK.has(url.hostname))) {
    return url.href.replace(/\/$/, '');
  }
  return null;
}

/** A brand's code (the document name): the brand's id, a uuid on every computer. */
export function isBrandCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(code);
}
