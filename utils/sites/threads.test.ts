import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test, vi } from 'vitest';
import { StaticRoute } from '../../tests/fixtures/src/app';
import { ThreadsApp } from '../../tests/fixtures/src/threads-app';
import { readReplyContext } from './reply-context';
import { threads } from './threads';
import { readThreadsAccount, readThreadsViewer } from './threads-account';
import { findThreadsPosts, readThreadsPost } from './threads-posts';
import type { PostSnapshot } from './types';

// The fixtures' editors module also holds LinkedIn's Quill box; quill's bundle touches
// `document` as it loads, which this DOM-less render has not. No Threads page uses it.
vi.mock('quill', () => ({ default: class {} }));

// The www.threads.com fixture page (tests/fixtures/src/threads-app.tsx), rendered to HTML by
// react-dom/server and read by the real adapter, in English and Italian. The browser tests
// (tests/e2e/threads*.e2e.ts) read the same page live, with its Lexical editors running.
type Lang = 'en' | 'it';
const TH = 'https://www.threads.com';

function fixturePage(path: string, lang: Lang): { doc: Document; url: URL } {
  const url = new URL(`${TH}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  const html = renderToStaticMarkup(createElement(StaticRoute, { url: url.href, children: createElement(ThreadsApp) }))
    // react-dom/server writes `contentEditable`, `dateTime`...: HTML names are case-insensitive
    // and a browser lowercases them; linkedom keeps them as written, so lowercase them here.
    .replace(/<[^>]+>/g, (tag) => tag.replace(/ ([A-Za-z][\w-]*)=/g, (_, name: string) => ` ${name.toLowerCase()}=`));
  const window = parseHTML(`<!doctype html><html lang="${lang}"><head><base href="${TH}/"></head><body>${html}</body></html>`);
  // The readers use the DOM's globals (`Node`, `HTMLVideoElement`...), as a page has them.
  for (const name of ['Node', 'HTMLElement', 'HTMLImageElement', 'HTMLVideoElement', 'HTMLAnchorElement'] as const) {
    (globalThis as Record<string, unknown>)[name] ??= window[name];
  }
  const { document } = window;
  return { doc: document as unknown as Document, url };
}

const img = (name: string) => `${TH}/__fixture/img/${name}.png?stp=dst-jpg_e35&_nc_ht=scontent.cdninstagram.com&_nc_cat=104&oe=6756A1B2`;
const alt = (lang: Lang, what: string) => (lang === 'en' ? `May be an image of ${what}` : `Potrebbe essere un'immagine di ${what}`);

const EXPECTED: Record<string, (lang: Lang) => Omit<PostSnapshot, 'network'>> = {
  text: () => ({
    permalink: `${TH}/@spallademo/post/DQt3xtP0st1`,
    authorName: 'spallademo',
    authorHandle: 'spallademo',
    text: "Nuovo menù d'autunno da oggi ☕🍂\nChi passa a provarlo?",
    hashtags: ['Bologna'],
    images: [],
    postedAt: Date.parse('2026-11-20T12:34:00.000Z'),
    postedAtExact: true,
    counts: { reactions: 128, comments: 34, shares: 5 },
    links: [],
  }),
  image: (lang) => ({
    permalink: `${TH}/@giulia.verdi/post/DQ1mAgE0p2x`,
    authorName: 'giulia.verdi',
    authorHandle: 'giulia.verdi',
    text: 'Sunday market haul 🥕🍅 #bologna',
    hashtags: ['farmers market', 'bologna'],
    images: [{ url: img('th-market'), alt: alt(lang, 'vegetables'), kind: 'image' }],
    postedAt: Date.parse('2026-11-20T09:10:00.000Z'),
    postedAtExact: true,
    counts: { reactions: 86, comments: 4, shares: 0 },
    links: [],
  }),
  carousel: (lang) => ({
    permalink: `${TH}/@spallademo/post/DQcArOuSeL3`,
    authorName: 'spallademo',
    authorHandle: 'spallademo',
    text: 'Le torte della settimana 🍰 Scorri →',
    hashtags: ['dolci'],
    images: [
      { url: img('th-cake-1'), alt: alt(lang, 'cake'), kind: 'image' },
      { url: img('th-cake-2'), alt: alt(lang, 'cake and fruit'), kind: 'image' },
      { url: img('th-cake-3'), alt: alt(lang, 'dessert'), kind: 'image' },
    ],
    postedAt: Date.parse('2026-11-19T10:15:00.000Z'),
    postedAtExact: true,
    // "1.2K" / "1,2K": the page shows the likes rounded.
    counts: { reactions: 1200, comments: 12, shares: 7 },
    links: [],
  }),
  video: () => ({
    permalink: `${TH}/@luca.bianchi/post/DQvIdEo4lAt`,
    authorName: 'luca.bianchi',
    authorHandle: 'luca.bianchi',
    text: 'Latte art in slow motion ☕',
    hashtags: ['latte art'],
    images: [{ url: img('th-latte'), alt: null, kind: 'video-poster' }],
    postedAt: Date.parse('2026-11-18T16:20:00.000Z'),
    postedAtExact: true,
    counts: { reactions: 340, comments: 8, shares: 2 },
    links: [],
  }),
  quote: () => ({
    permalink: `${TH}/@marco.neri/post/DQqUoTe5aBc`,
    authorName: 'marco.neri',
    authorHandle: 'marco.neri',
    text: 'Proprio così 👇 Il mercato della domenica è il migliore.',
    hashtags: [],
    images: [],
    postedAt: Date.parse('2026-11-18T08:05:00.000Z'),
    postedAtExact: true,
    counts: { reactions: 15, comments: 1, shares: 0 },
    links: [`${TH}/@giulia.verdi/post/DQ1mAgE0p2x`],
  }),
  repost: () => ({
    permalink: `${TH}/@luca.bianchi/post/DQrEpOsT6xy`,
    authorName: 'luca.bianchi',
    authorHandle: 'luca.bianchi',
    text: 'Weekend vibes ✨ Dieci anni di forno in via Marsala 🥖',
    hashtags: ['weekend'],
    images: [],
    postedAt: Date.parse('2026-11-17T19:45:00.000Z'),
    postedAtExact: true,
    counts: { reactions: 42, comments: 0, shares: 3 },
    links: [],
  }),
};

describe.each<Lang>(['en', 'it'])('Threads fixture (%s)', (lang) => {
  test('the feed: six posts, outermost only (the quoted post is not one of them), each read in full', () => {
    const { doc } = fixturePage('/', lang);
    const posts = findThreadsPosts(doc);
    expect(posts).toHaveLength(6);
    const read = posts.map((p) => readThreadsPost(p));
    expect(read.map((r) => r.network)).toEqual(Array(6).fill('threads'));
    const byKind = Object.fromEntries(Object.keys(EXPECTED).map((kind, i) => [kind, read[i]]));
    for (const [kind, expected] of Object.entries(EXPECTED)) {
      expect({ kind, ...byKind[kind] }).toEqual({ kind, network: 'threads', ...expected(lang) });
    }
  });

  test('labels in a language the reader does not know (Traditional Chinese, as the saved real page has them): the counts by the action bar\'s order', () => {
    const { doc } = fixturePage('/', lang);
    const zh: Record<string, string> = { Like: '讚', 'Mi piace': '讚', Reply: '回覆', Rispondi: '回覆', Repost: '轉發', Ripubblica: '轉發', Share: '分享', Condividi: '分享' };
    for (const icon of doc.querySelectorAll('svg[aria-label]')) {
      const label = icon.getAttribute('aria-label') ?? '';
      if (zh[label]) icon.setAttribute('aria-label', zh[label]);
    }
    const read = findThreadsPosts(doc).map((p) => readThreadsPost(p).counts);
    expect(read).toEqual(Object.values(EXPECTED).map((expected) => expected(lang).counts));
  });

  test('surfaces and their markers: feed, post page, profile, composer dialog, other', () => {
    const cases: [string, string, string[]][] = [
      ['/', 'feed', ['column', 'post']],
      ['/@spallademo/post/DQt3xtP0st1', 'post', ['column', 'post', 'postPagelet', 'replyBox']],
      ['/@giulia.verdi', 'profile', ['column', 'post']],
      ['/intent/post', 'composer', ['dialog', 'composerBox']],
      // A reply opens the same composer, with the post it answers above the box.
      ['/?reply=DQ1mAgE0p2x', 'composer', ['dialog', 'composerBox']],
      ['/search', 'other', ['column']],
    ];
    for (const [path, surface, markers] of cases) {
      const { doc, url } = fixturePage(path, lang);
      expect({ path, surface: threads.surface(url, doc) }).toEqual({ path, surface });
      const checks = threads.checkMarkers(surface as never, doc);
      expect({ path, found: checks.filter((c) => c.found).map((c) => c.name) }).toEqual({ path, found: markers });
    }
  });

  test('a page without the markers shows them missing (never an exception)', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>changed</p></body></html>');
    const checks = threads.checkMarkers('feed', document as unknown as Document);
    expect(checks.filter((c) => c.required && !c.found).map((c) => c.name)).toEqual(['column', 'post']);
    expect(findThreadsPosts(document as unknown as Document)).toEqual([]);
  });

  test('the profile names its account; the navigation names the user', () => {
    const { doc, url } = fixturePage('/@giulia.verdi', lang);
    expect(readThreadsAccount(url, doc)).toEqual({ network: 'threads', handle: 'giulia.verdi', name: 'Giulia Verdi' });
    expect(readThreadsAccount(new URL(`${TH}/`), doc)).toBeNull();
    expect(readThreadsViewer(doc)).toBe('spallademo');
  });

  test('reply context: the new thread greets nobody; a reply greets the post author, never the user', () => {
    const box = (doc: Document, id: string) => doc.querySelector<HTMLElement>(`[data-fixture-editor="${id}"]`);
    const composer = fixturePage('/intent/post', lang).doc;
    expect(readReplyContext('threads', 'composer', box(composer, 'th-composer'), composer)).toEqual({
      fullName: null, myName: 'spallademo', actingAs: null, box: 'threads-post',
    });
    const reply = fixturePage('/?reply=DQ1mAgE0p2x', lang).doc;
    expect(readReplyContext('threads', 'feed', box(reply, 'th-reply'), reply)).toEqual({
      fullName: 'giulia.verdi', myName: 'spallademo', actingAs: null, box: 'threads-reply',
    });
    const postPage = fixturePage('/@giulia.verdi/post/DQ1mAgE0p2x', lang).doc;
    expect(readReplyContext('threads', 'post', box(postPage, 'th-post-reply'), postPage).fullName).toBe('giulia.verdi');
    // The user's own post: the reply box greets nobody.
    const own = fixturePage('/@spallademo/post/DQt3xtP0st1', lang).doc;
    expect(readReplyContext('threads', 'post', box(own, 'th-post-reply'), own).fullName).toBeNull();
  });
});

describe('threads surfaces from the address', () => {
  const doc = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  test.each([
    ['https://www.threads.com/', 'feed'],
    ['https://www.threads.com/for_you', 'feed'],
    ['https://www.threads.com/following', 'feed'],
    ['https://www.threads.com/@spallademo', 'profile'],
    ['https://www.threads.com/@spallademo/replies', 'profile'],
    ['https://www.threads.com/@spallademo/post/DQt3xtP0st1', 'post'],
    ['https://www.threads.com/@spallademo/post/DQt3xtP0st1/media', 'post'],
    ['https://www.threads.com/intent/post?text=Ciao', 'composer'],
    ['https://www.threads.com/search?q=bologna&serp_type=tags', 'other'],
    ['https://www.threads.com/activity', 'other'],
    ['https://www.threads.net/@spallademo', 'profile'],
  ])('%s is %s', (url, surface) => {
    expect(threads.surface(new URL(url), doc)).toBe(surface);
  });
});
