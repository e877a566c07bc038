/** The running server's control channel: a Unix socket in the data directory (a named pipe on
 * Windows) through which `npm run sync-server -- token …` adds, lists and revokes tokens
 * while the server runs. Without it the command would change a copy of the database that
 * the server then overwrites, and a revoked token would stay open until a restart.
 *
 * Who may use it: whoever can open the data directory (created with mode 0700), the same
 * people who could read or replace the database file itself. The channel is also the
 * server's lock: a second server on the same data directory finds it answering and stops.
 * Node's net module: https://nodejs.org/api/net.html#identifying-paths-for-ipc-connections */
import { createHash } from 'node:crypto';
import { existsSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { NewToken, TokenInfo } from './store.ts';

export type ControlRequest = { command: 'add'; token: NewToken } | { command: 'list' } | { command: 'revoke'; idOrToken: string };

export type ControlReply =
  | { ok: true; token?: string; info?: TokenInfo | null; tokens?: TokenInfo[] }
  | { ok: false; error: string };

/** Unix socket paths are limited to about 100 bytes (sun_path: 108 on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/** The control channel's address for a data directory, or null when the directory's path
 * is too long for a Unix socket (the server then runs without it). */
export function controlPath(dataDir: string): string | null {
  const dir = resolve(dataDir);
  if (process.platform === 'win32') {
    return `\\\\.\\pipe\\spalla-sync-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  }
  const path = join(dir, 'control.sock');
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : null;
}

/** Sends one request to the server running on `dataDir`; null when none is running. */
export function sendControl(dataDir: string, request: ControlRequest): Promise<ControlReply | null> {
  const path = controlPath(dataDir);
  if (!path) return Promise.resolve(null);
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection(path);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => {
      try {
        resolvePromise(JSON.parse(answer) as ControlReply);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Nothing listens: no server runs on this data directory.
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolvePromise(null);
      else reject(error);
    });
  });
}

/** Starts answering control requests with `handle`. Refuses if a server already answers on
 * this data directory; removes a socket file left by a server that crashed. */
export async function listenControl(dataDir: string, handle: (request: ControlRequest) => Promise<ControlReply>): Promise<Server | null> {
  const path = controlPath(dataDir);
  if (!path) return null;
  if (await isAnswering(path)) {
    throw new Error(`A sync server already runs on the data directory ${resolve(dataDir)}.`);
  }
  if (process.platform !== 'win32' && existsSync(path)) unlinkSync(path);

  const server = createServer((socket: Socket) => {
    let request = '';
    socket.setEncoding('utf8');
    socket.on('data', async (chunk: string) => {
      request += chunk;
      if (!request.includes('\n')) return;
      let reply: ControlReply;
      try {
        reply = await handle(JSON.parse(request) as ControlRequest);
      } catch (error) {
        reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      socket.end(JSON.stringify(reply));
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolvePromise());
  });
  return server;
}

function isAnswering(path: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection(path);
    socket.on('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.on('error', () => resolvePromise(false));
  });
}
