/** The sync server's scale figures (issue #15): N brand documents loaded in one server, the
 * memory each costs, how long loading takes, and the first sync of one brand by a client.
 *
 *   node --expose-gc --import tsx server/measure.ts [--docs 1,10,100] [--replies 200]
 *        [--sets 20] [--clips 100] [--posts 300] [--thumbnail-bytes 8000] [--json]
 *
 * Each document has the layout of the extension's shared brand (docs/sync.md): Y.Maps of rows,
 * each row a Y.Map of fields, the texts people edit as Y.Text, clip thumbnails as bytes.
 * Memory is read after a forced garbage collection (--expose-gc; without it the figures are
 * noisier). Everything runs in this one process, server included: the deltas are the server's. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startSyncServer } from './index.ts';
import { SyncStore } from './store.ts';

export interface BrandShape {
  replies: number;
  sets: number;
  clips: number;
  posts: number;
  /** Bytes of each clip's thumbnail (the extension keeps them small, a few KB of JPEG/WebP). */
  thumbnailBytes: number;
}

/** A busy agency client: what one brand might hold after a year. */
export const TYPICAL_BRAND: BrandShape = { replies: 200, sets: 20, clips: 100, posts: 300, thumbnailBytes: 8_000 };

const NETWORKS = ['facebook', 'instagram', 'x', 'threads', 'linkedin'];
const WORDS = 'grazie ciao thanks order delivery open monday shop new offer today write us soon team pizza recipe photo story event'.split(' ');

/** Deterministic filler text, so two runs measure the same bytes. */
function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function row(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

function text(value: string): Y.Text {
  return new Y.Text(value);
}

/** One brand's document, as the whole Yjs state (what the server stores). */
export function brandUpdate(shape: BrandShape, seed = 1): Uint8Array {
  const random = seeded(seed);
  const doc = new Y.Doc();
  const now = Date.UTC(2026, 11, 1);
  const id = (kind: string, i: number) => `${kind}-${seed}-${i}-0000-4000-8000-000000000000`;
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('name', `Brand ${seed}`);
    meta.set('color', '#2563eb');
    meta.set('timeZone', 'Europe/Rome');
    meta.set('format', 1);
    const accounts = doc.getMap('accounts');
    for (let i = 0; i < 2; i++) {
      accounts.set(id('account', i), row({ network: NETWORKS[i], name: `Brand ${seed}`, handle: `brand${seed}`, externalId: null, createdAt: now, updatedAt: now }));
    }
    const replies = doc.getMap('savedReplies');
    for (let i = 0; i < shape.replies; i++) {
      replies.set(
        id('reply', i),
        row({
          title: text(words(random, 4)),
          body: text(words(random, 40 + Math.floor(random() * 40))),
          shortcut: i % 3 ? null : `r${i}`,
          tags: [WORDS[i % WORDS.length]],
          networks: [NETWORKS[i % 2]],
          language: i % 2 ? 'it' : 'en',
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    const sets = doc.getMap('hashtagSets');
    for (let i = 0; i < shape.sets; i++) {
      sets.set(id('set', i), row({ name: text(words(random, 2)), tags: Array.from({ length: 15 }, (_, j) => `#${WORDS[(i + j) % WORDS.length]}${j}`), network: null, createdAt: now, updatedAt: now }));
    }
    const clips = doc.getMap('clips');
    const thumbnails = doc.getMap('thumbnails');
    for (let i = 0; i < shape.clips; i++) {
      const thumbnailId = id('image', i);
      clips.set(
        id('clip', i),
        row({
          network: NETWORKS[i % NETWORKS.length],
          permalink: `https://www.instagram.com/p/${seed}x${i}/`,
          authorName: 'Someone',
          authorHandle: 'someone',
          text: words(random, 60),
          hashtags: ['#idea', `#${WORDS[i % WORDS.length]}`],
          imageIds: shape.thumbnailBytes > 0 ? [thumbnailId] : [],
          postedAt: now - i * 3_600_000,
          counts: { reactions: i * 3, comments: i, shares: null },
          note: text(words(random, 12)),
          tags: ['ideas'],
          status: 'idea',
          scheduledAt: null,
          clippedAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (shape.thumbnailBytes > 0) {
        const bytes = new Uint8Array(shape.thumbnailBytes);
        for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
        thumbnails.set(thumbnailId, row({ clipId: id('clip', i), role: 'thumbnail', mimeType: 'image/webp', width: 320, height: 320, sourceUrl: null, blob: bytes, createdAt: now, updatedAt: now }));
      }
    }
    const postLog = doc.getMap('postLog');
    for (let i = 0; i < shape.posts; i++) {
      postLog.set(
        id('post', i),
        row({
          accountId: id('account', i % 2),
          network: NETWORKS[i % 2],
          permalink: `https://www.facebook.com/brand${seed}/posts/${i}`,
          publishedAt: now - i * 86_400_000,
          metrics: { reactions: i, comments: i % 7, shares: i % 3, saves: null, reach: 1000 + i, views: null },
          source: 'page',
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** ws in Node refuses messages over 100 MiB by default; a browser's WebSocket has no such
 * limit, and a big brand's first sync is one message (the server allows 512 MiB). */
class ClientWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { maxPayload: 512 * 1024 * 1024 });
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function settle(): NodeJS.MemoryUsage {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

export interface ServerFigures {
  documents: number;
  documentBytes: number;
  databaseBytes: number;
  /** Writing the whole database file (sql.js export + atomic write). */
  writeMs: number;
  /** Starting the server, which reads the database into memory. */
  startMs: number;
  startRssBytes: number;
  /** Loading every document (fetch from SQLite + decoding the Yjs state). */
  loadMs: number;
  heapPerDocument: number;
  externalPerDocument: number;
  rssPerDocument: number;
  /** One client's first sync of one brand over WebSocket, from nothing. */
  firstSyncMs: number;
}

export async function measureServer(documents: number, shape: BrandShape = TYPICAL_BRAND): Promise<ServerFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'spalla-sync-measure-'));
  try {
    const codes = Array.from({ length: documents }, (_, i) => `brand-${i}`);
    const store = await SyncStore.open(dataDir);
    let documentBytes = 0;
    for (const [i, code] of codes.entries()) {
      const update = brandUpdate(shape, i + 1);
      documentBytes = update.length;
      store.putDocument(code, update);
    }
    let started = performance.now();
    await store.flush();
    const writeMs = performance.now() - started;
    await store.close();
    const databaseBytes = statSync(store.file).size;

    const before = settle();
    started = performance.now();
    const server = await startSyncServer({ port: 0, dataDir, quiet: true });
    const startMs = performance.now() - started;
    const afterStart = settle();

    started = performance.now();
    const connections = [];
    for (const code of codes) connections.push(await server.hocuspocus.openDirectConnection(code));
    const loadMs = performance.now() - started;
    const loaded = settle();

    const token = await server.addToken({ role: 'read-only', document: '*' });
    const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: ClientWebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: codes[0], token });
    started = performance.now();
    const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
    provider.attach();
    await synced;
    const firstSyncMs = performance.now() - started;
    provider.destroy();
    socket.destroy();

    for (const connection of connections) await connection.disconnect();
    await server.stop();
    return {
      documents,
      documentBytes,
      databaseBytes,
      writeMs,
      startMs,
      startRssBytes: afterStart.rss - before.rss,
      loadMs,
      heapPerDocument: (loaded.heapUsed - afterStart.heapUsed) / documents,
      externalPerDocument: (loaded.external - afterStart.external) / documents,
      rssPerDocument: (loaded.rss - afterStart.rss) / documents,
      firstSyncMs,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

export function printFigures(figures: ServerFigures[], shape: BrandShape, print = console.log) {
  print(
    `\nSync server: brand documents in memory (each ${shape.replies} replies, ${shape.sets} hashtag sets, ${shape.clips} clips` +
      `${shape.thumbnailBytes ? ` with ${(shape.thumbnailBytes / 1000).toFixed(0)} KB thumbnails` : ''}, ${shape.posts} logged posts: ${mb(figures[0]?.documentBytes ?? 0)} of Yjs state)`,
  );
  if (!gc) print('  (run with node --expose-gc for steadier memory figures)');
  for (const f of figures) {
    print(
      `  ${String(f.documents).padStart(4)} document${f.documents === 1 ? ' ' : 's'}: load ${ms(f.loadMs)} (${(f.loadMs / f.documents).toFixed(1)} ms each); ` +
        `per document heap ${mb(f.heapPerDocument)}, external ${mb(f.externalPerDocument)}, RSS ${mb(f.rssPerDocument)}; ` +
        `database ${mb(f.databaseBytes)} (start ${ms(f.startMs)}, +${mb(f.startRssBytes)} RSS; whole-file write ${ms(f.writeMs)}); ` +
        `a client's first sync of one loaded brand ${ms(f.firstSyncMs)}`,
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '1,10,100' },
      replies: { type: 'string' },
      sets: { type: 'string' },
      clips: { type: 'string' },
      posts: { type: 'string' },
      'thumbnail-bytes': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const pick = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const shape: BrandShape = {
    replies: pick(values.replies, TYPICAL_BRAND.replies),
    sets: pick(values.sets, TYPICAL_BRAND.sets),
    clips: pick(values.clips, TYPICAL_BRAND.clips),
    posts: pick(values.posts, TYPICAL_BRAND.posts),
    thumbnailBytes: pick(values['thumbnail-bytes'], TYPICAL_BRAND.thumbnailBytes),
  };
  const figures: ServerFigures[] = [];
  for (const count of values.docs.split(',').map(Number)) figures.push(await measureServer(count, shape));
  if (values.json) console.log(JSON.stringify({ shape, figures }, null, 2));
  else printFigures(figures, shape);
  // Hocuspocus's store timers of the last server may still be pending: nothing to wait for.
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
