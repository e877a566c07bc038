/** `npm run sync-server`: runs Spalla's sync server, and manages its access tokens.
 *
 *   npm run sync-server [-- --port 1234 --host 127.0.0.1 --data server/data]
 *   npm run sync-server -- token add --role editor|read-only --document CODE|'*' [--label NAME]
 *   npm run sync-server -- token list
 *   npm run sync-server -- token revoke ID
 *
 * Token commands change the running server through its control channel (server/control.ts),
 * or the database file when no server runs on that data directory. The server's messages are
 * for the person who runs it: English only (the extension's own words are in en and it). */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sendControl, type ControlReply, type ControlRequest } from './control.ts';
import { startSyncServer, type SyncServer } from './index.ts';
import { SyncStore, isTokenRole, type NewToken, type TokenInfo } from './store.ts';

/** server/data/ beside this file (ignored by git). */
const DEFAULT_DATA_DIR = resolve(import.meta.dirname, 'data');

const USAGE = `Spalla sync server: shares brands between teammates' Spalla (docs/sync.md).

  npm run sync-server [-- --port 1234 --host 127.0.0.1 --data DIR]
      Starts the server. On the first start it creates an editor token for every
      brand and prints it once. Stop it with Ctrl+C: changes are saved first.

  npm run sync-server -- token add --role editor|read-only --document CODE [--label NAME]
      Creates a token for one brand (its code, as Spalla shows it) or for every
      brand (--document '*'), and prints it once.
  npm run sync-server -- token list
  npm run sync-server -- token revoke ID
      Revokes a token: its connections close at once and it is refused from then on.

  --data DIR   where the database lives (default: server/data)`;

type Print = (line: string) => void;

/** Runs one command line. Resolves with the running server for the start command. */
export async function run(argv: string[], print: Print = console.log): Promise<SyncServer | undefined> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      role: { type: 'string' },
      document: { type: 'string' },
      label: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);
  const [command, action, argument] = positionals;

  if (values.help || command === 'help') {
    print(USAGE);
    return undefined;
  }
  if (command === undefined || command === 'start') {
    const port = values.port === undefined ? 1234 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}: not a port number.`);
    return serve({ port, host: values.host ?? '127.0.0.1', dataDir }, print);
  }
  if (command === 'token' && action === 'add') {
    if (!isTokenRole(values.role)) throw new Error('token add needs --role editor or --role read-only.');
    if (!values.document) throw new Error("token add needs --document: the brand's code, or '*' for every brand.");
    const reply = await tokenCommand(dataDir, { command: 'add', token: { role: values.role, document: values.document, label: values.label } });
    printNewToken(reply.info!, reply.token!, print);
    return undefined;
  }
  if (command === 'token' && action === 'list') {
    const reply = await tokenCommand(dataDir, { command: 'list' });
    printTokens(reply.tokens ?? [], print);
    return undefined;
  }
  if (command === 'token' && action === 'revoke' && argument) {
    const reply = await tokenCommand(dataDir, { command: 'revoke', idOrToken: argument });
    if (!reply.info) throw new Error(`No token with the id ${argument} (see: npm run sync-server -- token list).`);
    print(`Revoked token ${reply.info.id} (${describe(reply.info)}): it is refused from now on, and its open connections were closed.`);
    return undefined;
  }
  throw new Error(`Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
}

async function serve(options: { port: number; host: string; dataDir: string }, print: Print): Promise<SyncServer> {
  const server = await startSyncServer({ ...options, log: (line) => print(`${new Date().toISOString()} ${line}`) });
  print('Spalla sync server');
  print(`  Address:  ${server.url}`);
  print(`  Database: ${server.file}`);
  if (server.listTokens().length === 0) {
    const token = await server.addToken({ role: 'editor', document: '*', label: 'First token' });
    print('');
    print('First start: this editor token opens every brand. It is shown only this once, so keep it');
    print('somewhere safe (a password manager):');
    print('');
    print(`    ${token}`);
    print('');
    print('To share a brand: in Spalla\'s library, open the brand and choose "Share this brand",');
    print(`with the server address and the token. The address is ${server.url} for this computer only;`);
    print('for teammates on other computers, put a TLS reverse proxy in front of this server and use its');
    print('wss:// address, for example wss://sync.example.com (docs/sync.md says how). Teammates join with');
    print('the brand\'s code (Spalla shows it once the brand is shared), the address and a token.');
    print('Give each person their own token, so that you can revoke one without the others:');
    print("  npm run sync-server -- token add --role editor --document '*' --label Anna");
    print('  npm run sync-server -- token add --role read-only --document CODE --label Client');
  }
  print('');
  print('Running. Stop with Ctrl+C (changes are saved first).');
  return server;
}

/** Sends a token command to the running server, or applies it to the file when none runs. */
async function tokenCommand(dataDir: string, request: ControlRequest): Promise<Extract<ControlReply, { ok: true }>> {
  const reply = (await sendControl(dataDir, request)) ?? (await offline(dataDir, request));
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

async function offline(dataDir: string, request: ControlRequest): Promise<ControlReply> {
  const store = await SyncStore.open(dataDir);
  try {
    switch (request.command) {
      case 'add':
        return { ok: true, ...(await store.addToken(request.token)) };
      case 'list':
        return { ok: true, tokens: store.listTokens() };
      case 'revoke':
        return { ok: true, info: await store.revokeToken(request.idOrToken) };
    }
  } finally {
    await store.close();
  }
}

function describe(info: Pick<TokenInfo, 'role' | 'document' | 'label'>): string {
  const where = info.document === '*' ? 'every brand' : `brand ${info.document}`;
  return [info.role, where, info.label ? `"${info.label}"` : null].filter(Boolean).join(', ');
}

function printNewToken(info: TokenInfo, token: string, print: Print) {
  print(`Added token ${info.id} (${describe(info)}). The token, shown only this once:`);
  print('');
  print(`    ${token}`);
  print('');
  print("Give it to the person together with the server's address" + (info.document === '*' ? '.' : " and the brand's code."));
}

function printTokens(tokens: TokenInfo[], print: Print) {
  if (tokens.length === 0) {
    print('No tokens yet: the first start creates one, or: npm run sync-server -- token add --role editor --document "*"');
    return;
  }
  const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
  const rows = [
    ['ID', 'ROLE', 'DOCUMENT', 'LABEL', 'CREATED (UTC)', 'REVOKED (UTC)'],
    ...tokens.map((t) => [t.id, t.role, t.document === '*' ? '* (every brand)' : t.document, t.label ?? '-', when(t.createdAt), when(t.revokedAt)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) print(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

async function main() {
  let server: SyncServer | undefined;
  try {
    server = await run(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  if (!server) return;
  const running = server;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log('Stopping at once, without saving.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: saving and stopping…`);
    try {
      await running.stop();
      console.log('Stopped. Every change is saved.');
      process.exit(0);
    } catch (error) {
      console.error('Could not save before stopping:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
