import type { AppDB } from './app-db';
import { TABLE_NAMES } from './schema';
import type { RowsByTable } from './table-records';

/** Sample rows for every table, for tests (migrations, backup). Realistic on purpose:
 * Italian and English text, emoji, accents, nulls, empty lists and real image bytes. */

export const day = 24 * 60 * 60 * 1000;
export const t0 = Date.UTC(2026, 9, 1, 8, 30); // 1 Oct 2026, 08:30 UTC

// A 1×1 red PNG and a 1×1 transparent GIF: real, decodable files.
const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const GIF_1X1 = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

/** Fresh rows on every call, so one test cannot change another's. */
export function makeFixtureRows(): RowsByTable {
  return {
    brands: [
      {
        id: 'brand-trattoria-gino',
        createdAt: t0,
        updatedAt: t0 + 2 * day,
        name: 'Trattoria Da Gino 🍝',
        color: '#dc2626',
        timeZone: 'Europe/Rome',
      },
      {
        id: 'brand-cafe-muller',
        createdAt: t0 + day,
        updatedAt: t0 + day,
        name: 'Café Müller – Berlin',
        color: '#db2777',
        timeZone: null,
      },
    ],
    accounts: [
      {
        id: 'brand-trattoria-gino',
        createdAt: t0,
        updatedAt: t0 + 2 * day,
        brandId: 'brand-trattoria-gino',
        network: 'instagram',
        name: 'Trattoria Da Gino 🍝',
        handle: 'trattoriadagino',
        externalId: null,
      },
      {
        id: 'brand-cafe-muller',
        createdAt: t0 + day,
        updatedAt: t0 + day,
        brandId: 'brand-cafe-muller',
        network: 'facebook',
        name: 'Café Müller – Berlin',
        handle: null,
        externalId: null,
      },
    ],
    savedReplies: [
      {
        id: 'reply-grazie',
        createdAt: t0,
        updatedAt: t0 + 5 * day,
        title: 'Grazie per il commento',
        body: 'Grazie mille! 😊 Ci vediamo presto da noi: la prenotazione è già aperta.',
        shortcut: ';grazie',
        tags: ['ringraziamenti', 'cortesia'],
        networks: ['instagram', 'facebook'],
        language: 'it',
        brandId: 'brand-trattoria-gino',
        useCount: 12,
        lastUsedAt: t0 + 5 * day,
        lastAnswers: { Orario: '19:30', Taglia: 'M' },
      },
      {
        id: 'reply-opening-hours',
        createdAt: t0 + day,
        updatedAt: t0 + day,
        title: 'Opening hours',
        body: "We're open Tue–Sun, 12:00–15:00 and 19:00–23:00.\nSee you soon!",
        shortcut: null,
        tags: [],
        networks: [],
        language: 'en-GB',
        brandId: null,
        useCount: 0,
        lastUsedAt: null,
      },
    ],
    hashtagSets: [
      {
        id: 'set-cucina',
        createdAt: t0,
        updatedAt: t0,
        name: 'Cucina italiana',
        tags: ['cucinaitaliana', 'pasta', 'ricettedellanonna'],
        network: 'instagram',
        brandId: 'brand-trattoria-gino',
      },
      {
        id: 'set-weekend',
        createdAt: t0 + day,
        updatedAt: t0 + 3 * day,
        name: 'Weekend ☕',
        tags: ['weekend', 'café', 'brunch'],
        network: null,
        brandId: null,
      },
    ],
    // Exactly what the database upgrade makes of the version 1 rows in `fixtures-v1.ts`
    // (written out by hand, so the migration test checks the upgrade against it).
    hashtagStats: [
      {
        id: 'instagram-brand-brand-trattoria-gino',
        createdAt: t0,
        updatedAt: t0 + 4 * day,
        network: 'instagram',
        brandId: 'brand-trattoria-gino',
        ownPosts: 4,
        keys: ['caffè', 'cucinaitaliana', 'foodporn', 'pasta'],
        tags: ['', 'CucinaItaliana', '', ''],
        ownCounts: Uint8Array.of(0, 4, 0, 0),
        seenCounts: Uint8Array.of(0, 37, 0, 0),
        lastSeenAt: Float64Array.of(t0 + 4 * day, t0 + 4 * day, t0 + 4 * day, t0 + 4 * day),
        partnerStarts: Uint8Array.of(0, 0, 3, 3, 3),
        partners: Uint8Array.of(3, 2, 0),
        partnerCounts: Uint8Array.of(3, 1, 2),
      },
      {
        id: 'facebook-shared',
        createdAt: t0 + day,
        updatedAt: t0 + day,
        network: 'facebook',
        brandId: null,
        ownPosts: 0,
        keys: ['café'],
        tags: ['Café'],
        ownCounts: Uint8Array.of(0),
        seenCounts: Uint8Array.of(1),
        lastSeenAt: Float64Array.of(t0 + day),
        partnerStarts: Uint8Array.of(0, 0),
        partners: Uint8Array.of(),
        partnerCounts: Uint8Array.of(),
      },
    ],
    clips: [
      {
        id: 'clip-lasagne',
        createdAt: t0,
        updatedAt: t0 + 6 * day,
        network: 'instagram',
        permalink: 'https://www.instagram.com/p/C0ffee123/',
        authorName: 'Nonna Pina',
        authorHandle: 'nonnapina',
        text: 'Lasagne della domenica 🍅🧀\nRicetta nei commenti! #cucinaitaliana #pasta',
        hashtags: ['cucinaitaliana', 'pasta'],
        imageIds: ['image-lasagne-full', 'image-lasagne-thumb'],
        postedAt: t0 - 2 * day,
        counts: { reactions: 1520, comments: 87, shares: null },
        note: 'Idea per il post di venerdì: rifarla con la nostra sfoglia.',
        tags: ['ricette', 'domenica'],
        status: 'idea',
        scheduledAt: null,
        brandId: 'brand-trattoria-gino',
        clippedAt: t0,
      },
      {
        id: 'clip-distribution',
        createdAt: t0 + day,
        updatedAt: t0 + day,
        network: 'web',
        permalink: null,
        authorName: null,
        authorHandle: null,
        text: '“Content is king” — but distribution is queen.',
        hashtags: [],
        imageIds: [],
        postedAt: null,
        counts: { reactions: null, comments: null, shares: null },
        note: '',
        tags: [],
        status: 'draft',
        scheduledAt: t0 + 10 * day,
        brandId: null,
        clippedAt: t0 + day,
      },
      {
        id: 'clip-kaffee',
        createdAt: t0 + 2 * day,
        updatedAt: t0 + 2 * day,
        network: 'facebook',
        permalink: 'https://www.facebook.com/cafemuller/posts/pfbid0Kaffee',
        authorName: 'Café Müller',
        authorHandle: 'cafemuller',
        text: 'Kaffee & Kuchen ab 14 Uhr ☕🍰',
        hashtags: [],
        imageIds: [],
        postedAt: t0 + day,
        counts: { reactions: 42, comments: 3, shares: 1 },
        note: 'Good tone for the Sunday post',
        tags: ['tone'],
        status: 'published',
        scheduledAt: null,
        brandId: 'brand-cafe-muller',
        clippedAt: t0 + 2 * day,
      },
    ],
    images: [
      {
        id: 'image-lasagne-full',
        createdAt: t0,
        updatedAt: t0,
        clipId: 'clip-lasagne',
        role: 'full',
        mimeType: 'image/png',
        width: 1,
        height: 1,
        sourceUrl: 'https://scontent.cdninstagram.com/v/t51.29350-15/lasagne.png?stp=dst-jpg&_nc_ht=x',
        blob: new Blob([PNG_1X1], { type: 'image/png' }),
        brandId: 'brand-trattoria-gino',
      },
      {
        id: 'image-lasagne-thumb',
        createdAt: t0,
        updatedAt: t0,
        clipId: 'clip-lasagne',
        role: 'thumbnail',
        mimeType: 'image/gif',
        width: null,
        height: null,
        sourceUrl: null,
        blob: new Blob([GIF_1X1], { type: 'image/gif' }),
        brandId: 'brand-trattoria-gino',
      },
    ],
    postLog: [
      {
        id: 'post-gino-1',
        createdAt: t0,
        updatedAt: t0,
        brandId: 'brand-trattoria-gino',
        accountId: 'brand-trattoria-gino',
        network: 'instagram',
        permalink: 'https://www.instagram.com/p/Gino0001/',
        publishedAt: t0 - day,
        metrics: { reactions: 310, comments: 24, shares: 5, saves: 40, reach: 5120, views: 8800 },
        source: 'page',
      },
      {
        id: 'post-muller-1',
        createdAt: t0 + day,
        updatedAt: t0 + 2 * day,
        brandId: 'brand-cafe-muller',
        accountId: 'brand-cafe-muller',
        network: 'facebook',
        permalink: null,
        publishedAt: t0,
        metrics: { reactions: 12, comments: null, shares: null, saves: null, reach: null, views: null },
        source: 'manual',
      },
    ],
  };
}

/** Writes rows into every table of `db`. */
export async function fillDatabase(db: AppDB, rows: RowsByTable = makeFixtureRows()): Promise<void> {
  await db.transaction('rw', db.allTables(), async () => {
    for (const name of TABLE_NAMES) await db.table(name).bulkAdd(rows[name]);
  });
}
