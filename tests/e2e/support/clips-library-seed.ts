import type { Clip, StoredImage } from '../../../utils/db/clips';
import type { PostLogEntry } from '../../../utils/db/post-log';
import { TABLE_NAMES } from '../../../utils/db/schema';
import type { RowsByTable } from '../../../utils/db/table-records';

/** The library the e2e tests start from: six ideas of every network and status, one
 * with a real image (thumbnail and full), an account with a post log for best-time hints. */

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.UTC(2026, 9, 1, 8, 0);

const PNG_2X2 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFElEQVR4nGP4z8DAAMIM////ZwAAHu8E/KPItPcAAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

export function clip(id: string, fields: Partial<Clip>): Clip {
  return {
    id,
    createdAt: T0,
    updatedAt: T0,
    network: 'instagram',
    permalink: `https://www.instagram.com/p/${id}/`,
    authorName: null,
    authorHandle: null,
    text: '',
    hashtags: [],
    imageIds: [],
    postedAt: null,
    counts: { reactions: null, comments: null, shares: null },
    note: '',
    tags: [],
    status: 'idea',
    scheduledAt: null,
    brandId: null,
    clippedAt: T0,
    ...fields,
  };
}

export function image(id: string, clipId: string, role: StoredImage['role']): StoredImage {
  return {
    id,
    createdAt: T0,
    updatedAt: T0,
    clipId,
    role,
    mimeType: 'image/png',
    width: 2,
    height: 2,
    sourceUrl: `https://scontent.cdninstagram.com/${id}.png`,
    blob: new Blob([PNG_2X2], { type: 'image/png' }),
    brandId: clipId === 'lasagne' ? 'brand-gino' : null,
  };
}

export function emptyRows(): RowsByTable {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, []])) as unknown as RowsByTable;
}

function postLog(): PostLogEntry[] {
  // Tuesdays at 18:00 Rome (16:00 UTC in September) do far better than anything else:
  // the hints must show them. 1 September 2026 is a Tuesday; the other posts go out at
  // 9:00 Rome on the other days.
  return Array.from({ length: 40 }, (_, i) => {
    const tuesday = i % 2 === 0;
    const publishedAt = tuesday ? Date.UTC(2026, 8, 1 + 7 * (i % 4), 16, 0) : Date.UTC(2026, 8, 2 + (i % 5), 7, 0);
    return {
      id: `post-${i}`,
      createdAt: T0,
      updatedAt: T0,
      brandId: 'brand-gino',
      accountId: 'brand-gino',
      network: 'instagram' as const,
      permalink: null,
      publishedAt,
      metrics: { reactions: tuesday ? 900 : 20, comments: 5, shares: 1, saves: 2, reach: null, views: null },
      source: 'manual' as const,
    };
  });
}

export function libraryRows(): RowsByTable {
  return {
    ...emptyRows(),
    brands: [{ id: 'brand-gino', createdAt: T0, updatedAt: T0, name: 'Trattoria Da Gino', color: '#dc2626', timeZone: 'Europe/Rome' }],
    accounts: [{ id: 'brand-gino', createdAt: T0, updatedAt: T0, brandId: 'brand-gino', network: 'instagram', name: 'Trattoria Da Gino', handle: 'dagino', externalId: null }],
    clips: [
      clip('lasagne', {
        authorName: 'Nonna Pina',
        authorHandle: 'nonnapina',
        text: 'Lasagne della domenica 🍅\nRicetta nei commenti!\n\n#cucinaitaliana #pasta',
        hashtags: ['cucinaitaliana', 'pasta'],
        imageIds: ['lasagne-full', 'lasagne-thumb'],
        tags: ['ricette'],
        brandId: 'brand-gino',
        postedAt: T0 - 2 * DAY,
        clippedAt: T0 + 5 * DAY,
        counts: { reactions: 1520, comments: 87, shares: null },
        note: 'Rifarla con la nostra sfoglia',
      }),
      clip('perche', { authorName: 'Luca Bianchi', text: 'Perché la città è più bella di sera', tags: ['citazioni'], clippedAt: T0 + 4 * DAY, postedAt: T0 + 3 * DAY }),
      clip('kaffee', {
        network: 'facebook',
        permalink: 'https://www.facebook.com/cafemuller/posts/1',
        authorName: 'Café Müller',
        text: 'Kaffee & Kuchen ab 14 Uhr',
        status: 'published',
        tags: ['tone'],
        clippedAt: T0 + 3 * DAY,
        postedAt: T0 - 10 * DAY,
      }),
      clip('quote', {
        network: 'web',
        permalink: 'javascript:alert(1)',
        authorName: 'Ann Handley',
        text: '=HYPERLINK("https://evil.example","click")\nEverybody writes.',
        status: 'draft',
        clippedAt: T0 + 2 * DAY,
      }),
      clip('brunch', { authorName: 'Bar Centrale', text: 'Brunch della domenica', status: 'archived', tags: ['ricette', 'weekend'], clippedAt: T0 + DAY }),
      clip('tiramisu', { authorName: 'Nonna Pina', authorHandle: 'nonnapina', text: 'Tiramisù classico', hashtags: ['dolci'], clippedAt: T0, brandId: 'brand-gino' }),
    ],
    images: [image('lasagne-full', 'lasagne', 'full'), image('lasagne-thumb', 'lasagne', 'thumbnail')],
    postLog: postLog(),
  };
}
