// A witness on the server's side of the network for the sync tests: a TCP proxy in front
// of the sync server that logs every connection and, from the WebSocket frames the client
// sends, the Yjs documents it asks for. Every Hocuspocus message starts with the document's
// name as a lib0 varString (@hocuspocus/provider's OutgoingMessage: writeVarString(encoder,
// documentName), then the message type), so the name is readable without decoding the rest.
// Frames as RFC 6455 section 5.2 lays them out; client frames are always masked.
import net from 'node:net';
import * as decoding from 'lib0/decoding';

const HTTP_REQUEST_LINE = /^(GET|HEAD|PUT|POST|OPTIONS|DELETE) (\S+) HTTP\/1\.[01]\r$/gm;

export interface WitnessConnection {
  openedAt: number;
  /** The HTTP upgrade request's first line, e.g. "GET / HTTP/1.1". */
  requestLine: string;
  documents: Set<string>;
  /** A plain HTTP connection (the thumbnails' blob requests, server/blobs.ts): each request's
   * method and path, e.g. "PUT /blobs/<code>/<sha256>". Empty for a WebSocket. */
  httpRequests: string[];
}

export interface WsWitness {
  port: number;
  connections: WitnessConnection[];
  /** Every document any client asked for, sorted. */
  documents(): string[];
  /** Every plain HTTP request (method and path), in order. */
  httpRequests(): string[];
  close(): Promise<void>;
}

/** Reads the client's frames out of `buffer` from `offset`; answers where the next frame starts
 * (a partial frame waits for more bytes). */
function readFrames(buffer: Buffer, onPayload: (payload: Uint8Array, compressed: boolean) => void): number {
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const first = buffer[offset];
    const second = buffer[offset + 1];
    const opcode = first & 0x0f;
    const compressed = (first & 0x40) !== 0;
    let length = second & 0x7f;
    let at = offset + 2;
    if (length === 126) {
      if (buffer.length < at + 2) break;
      length = buffer.readUInt16BE(at);
      at += 2;
    } else if (length === 127) {
      if (buffer.length < at + 8) break;
      length = Number(buffer.readBigUInt64BE(at));
      at += 8;
    }
    const masked = (second & 0x80) !== 0;
    const maskAt = at;
    if (masked) at += 4;
    if (buffer.length < at + length) break;
    const payload = Buffer.from(buffer.subarray(at, at + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= buffer[maskAt + (i % 4)];
    if (opcode === 0x2 || opcode === 0x0) onPayload(payload, compressed);
    offset = at + length;
  }
  return offset;
}

export function startWsWitness(targetPort: number, host = '127.0.0.1'): Promise<WsWitness> {
  const connections: WitnessConnection[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    sockets.add(client).add(upstream);
    const log: WitnessConnection = { openedAt: Date.now(), requestLine: '', documents: new Set(), httpRequests: [] };
    let http = false;
    connections.push(log);
    let pending = Buffer.alloc(0);
    let upgraded = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (http) {
        // Later requests on a kept-alive connection: their request lines (bodies are images,
        // which hold no such line).
        for (const match of chunk.toString('latin1').matchAll(HTTP_REQUEST_LINE)) log.httpRequests.push(`${match[1]} ${match[2]}`);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        log.requestLine = pending.subarray(0, pending.indexOf('\r\n')).toString('latin1');
        if (!/^upgrade:\s*websocket/im.test(pending.subarray(0, end).toString('latin1'))) {
          http = true;
          for (const match of pending.toString('latin1').matchAll(HTTP_REQUEST_LINE)) log.httpRequests.push(`${match[1]} ${match[2]}`);
          pending = Buffer.alloc(0);
          return;
        }
        pending = pending.subarray(end + 4);
        upgraded = true;
      }
      const used = readFrames(pending, (payload, compressed) => {
        if (compressed) {
          log.documents.add('<compressed frame>');
          return;
        }
        try {
          log.documents.add(decoding.readVarString(decoding.createDecoder(payload)));
        } catch {
          log.documents.add('<unreadable frame>');
        }
      });
      pending = pending.subarray(used);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        connections,
        documents: () => [...new Set(connections.flatMap((c) => [...c.documents]))].sort(),
        httpRequests: () => connections.flatMap((c) => c.httpRequests),
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
