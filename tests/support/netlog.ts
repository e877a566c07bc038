// Reads a Chromium NetLog (`--log-net-log=FILE --net-log-capture-mode=Default`): the JSON
// file Chromium writes while it runs, `{ constants, events }`, each event with a numeric
// `type` named in `constants.logEventTypes` and its `params` (Chromium's
// net/log/net_log_event_type_list.h; the format: https://www.chromium.org/developers/design-documents/network-stack/netlog/).
// Default capture mode logs every request's URL and every socket's address, not the bytes.
import { readFileSync } from 'node:fs';

export interface NetLogRequest {
  /** The event that named the URL (URL_REQUEST_START_JOB, REQUEST_ALIVE, …). */
  event: string;
  url: string;
  /** Who asked (an origin such as chrome-extension://ID or https://www.facebook.com), when logged. */
  initiator: string | null;
}

export interface NetLogSummary {
  requests: NetLogRequest[];
  /** host:port of every TCP connection attempt (TCP_CONNECT_ATTEMPT, TCP_CONNECT). */
  tcp: string[];
  /** Every host the browser resolved (HOST_RESOLVER_MANAGER_REQUEST/JOB). */
  resolved: string[];
}

interface RawEvent {
  type: number;
  params?: Record<string, unknown>;
}

/** A log cut short (the browser did not close it) lacks its last brackets: close them. */
function parseLenient(text: string): { constants: { logEventTypes: Record<string, number> }; events: RawEvent[] } {
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(`${text.trimEnd().replace(/,$/, '')}]}`);
  }
}

export function readNetLog(file: string): NetLogSummary {
  const log = parseLenient(readFileSync(file, 'utf8'));
  const names = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const requests: NetLogRequest[] = [];
  const tcp = new Set<string>();
  const resolved = new Set<string>();
  for (const { type, params } of log.events) {
    if (!params) continue;
    const event = names.get(type) ?? String(type);
    if (typeof params.url === 'string' && params.url !== '') requests.push({ event, url: params.url, initiator: typeof params.initiator === 'string' ? params.initiator : null });
    if (event === 'TCP_CONNECT_ATTEMPT' && typeof params.address === 'string') tcp.add(params.address);
    if (event === 'TCP_CONNECT') {
      if (typeof params.remote_address === 'string') tcp.add(params.remote_address);
      if (Array.isArray(params.address_list)) for (const address of params.address_list) tcp.add(String(address));
    }
    if (event.startsWith('HOST_RESOLVER_MANAGER_') && typeof params.host === 'string') resolved.add(params.host);
  }
  return { requests, tcp: [...tcp].sort(), resolved: [...resolved].sort() };
}
