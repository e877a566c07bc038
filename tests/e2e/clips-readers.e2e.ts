// The post readers (issue #6) on the fixture feeds and post pages, in a real Chromium:
// five kinds of post on Facebook and on Instagram, in English and Italian, each read to
// exactly the expected author, permalink, text, hashtags, images and counts.
import { beforeAll, describe, expect, test } from 'vitest';
import type { PostSnapshot } from '../../utils/sites/types';
import { useChromium } from './support/chromium-sidebar';
import { READ_POST_SCRIPT, readersBundle } from './support/clips-readers';

const current = useChromium();
let bundle = '';
beforeAll(async () => {
  bundle = await readersBundle();
});

type Lang = 'en' | 'it';
const FB = 'https://www.facebook.com';
const IG = 'https://www.instagram.com';
const fbImg = (name: string) => `${FB}/__fixture/img/${name}.png?_nc_cat=101&oh=00_AYB&oe=6756A1B2`;
const igImg = (name: string) => `${IG}/__fixture/img/${name}.png?stp=dst-jpg_e35&_nc_ht=scontent.cdninstagram.com&oe=6756A1B2`;
const fbAlt = (lang: Lang, what: string) => (lang === 'en' ? `May be an image of ${what}` : `Potrebbe essere un'immagine di ${what}`);
const igAlt = (lang: Lang, name: string, what: string) =>
  lang === 'en'
    ? `Photo by ${name} on November 20, 2026. May be an image of ${what}.`
    : `Foto condivisa da ${name} in data 20 novembre 2026. Potrebbe essere un'immagine di ${what}.`;

interface Case {
  kind: string;
  site: 'facebook' | 'instagram';
  /** A part of the permalink that finds the post on the feed. */
  key: string;
  /** The post's own page. */
  postPath: string;
  expected: (lang: Lang) => Omit<PostSnapshot, 'network' | 'links'> & { links?: string[] };
  /** Counts differ on the post page (Instagram shows the comments instead of "View all"). */
  postPageCounts?: PostSnapshot['counts'];
  /** Facebook's 2026 markup shows the reactions only rounded ("1.2K"): no label has more. */
  counts2026?: PostSnapshot['counts'];
}

const CASES: Case[] = [
  {
    kind: 'text only',
    site: 'facebook',
    key: 'pfbid789',
    postPath: '/giulia.verdi/posts/pfbid789',
    expected: () => ({
      permalink: `${FB}/giulia.verdi/posts/pfbid789`,
      authorName: 'Giulia Verdi',
      authorHandle: 'giulia.verdi',
      text: 'Qualcuno sa se domenica il mercato di via Marsala è aperto? 🤔',
      hashtags: [],
      images: [],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 4, comments: 2, shares: 0 },
      links: [],
    }),
  },
  {
    kind: 'single image',
    site: 'facebook',
    key: 'pfbid123',
    postPath: '/spallademo/posts/pfbid123',
    expected: (lang) => ({
      permalink: `${FB}/spallademo/posts/pfbid123`,
      authorName: 'Spalla Demo',
      authorHandle: 'spallademo',
      text: "Buongiorno! ☕ Il nuovo menù d'autunno è arrivato.\nTell us your favourite in the comments 👇 #autunno #spalla",
      hashtags: ['autunno', 'spalla'],
      images: [{ url: fbImg('post-coffee'), alt: fbAlt(lang, "coffee and text that says 'Spalla'"), kind: 'image' }],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 128, comments: 34, shares: 5 },
      links: [],
    }),
  },
  {
    kind: 'carousel',
    site: 'facebook',
    key: 'pfbid654',
    postPath: '/marco.neri/posts/pfbid654',
    expected: (lang) => ({
      permalink: `${FB}/marco.neri/posts/pfbid654`,
      authorName: 'Marco Neri',
      authorHandle: 'marco.neri',
      text: 'Tre torte nuove in vetrina 🍰 Which one first? #dolci #bologna',
      hashtags: ['dolci', 'bologna'],
      images: [
        { url: fbImg('post-cake-1'), alt: fbAlt(lang, 'cake'), kind: 'image' },
        { url: fbImg('post-cake-2'), alt: fbAlt(lang, 'cake and fruit'), kind: 'image' },
        { url: fbImg('post-cake-3'), alt: fbAlt(lang, 'dessert'), kind: 'image' },
      ],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 1234, comments: 56, shares: 7 },
      links: [],
    }),
    counts2026: { reactions: 1200, comments: 56, shares: 7 },
  },
  {
    kind: 'video',
    site: 'facebook',
    key: 'pfbid987',
    postPath: '/spallademo/posts/pfbid987',
    expected: () => ({
      permalink: `${FB}/spallademo/posts/pfbid987`,
      authorName: 'Spalla Demo',
      authorHandle: 'spallademo',
      text: 'Behind the scenes: latte art in 15 seconds ☕ #latteart',
      hashtags: ['latteart'],
      images: [{ url: `${FB}/__fixture/img/video-latte.png`, alt: null, kind: 'video-poster' }],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 310, comments: 21, shares: 4 },
      links: [],
    }),
  },
  {
    kind: 'shared post with See more',
    site: 'facebook',
    key: 'pfbid852',
    postPath: '/giulia.verdi/posts/pfbid852',
    expected: (lang) => ({
      permalink: `${FB}/giulia.verdi/posts/pfbid852`,
      authorName: 'Giulia Verdi',
      authorHandle: 'giulia.verdi',
      text: [
        'Sharing this because every small business owner should read it 👇',
        'Luca explains what worked for his café, and I tried the first tip last week: our Sunday posts at 7:30 got twice the comments.',
        'Thanks Luca! #smallbusiness #socialmedia',
      ].join('\n'),
      hashtags: ['smallbusiness', 'socialmedia'],
      images: [{ url: fbImg('post-bologna'), alt: fbAlt(lang, 'street and building'), kind: 'image' }],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 45, comments: 6, shares: 2 },
      links: [],
    }),
  },
  {
    kind: 'long post with See more and an outbound link',
    site: 'facebook',
    key: 'pfbid456',
    postPath: '/luca.bianchi/posts/pfbid456',
    expected: () => ({
      permalink: `${FB}/luca.bianchi/posts/pfbid456`,
      authorName: 'Luca Bianchi',
      authorHandle: 'luca.bianchi',
      text: [
        "Weekend in Bologna: three things I learned about running a small café's Instagram 📸",
        "1) Post when your regulars are on their phones, not when you have time. For us that's 7:30 and 13:00.",
        '2) Answer every comment within the hour, even with a simple emoji. People notice.',
        '3) Keep a few ready-made replies for the usual questions (opening hours, gluten-free, bookings) but always add a personal touch.',
        'Full notes: example.org',
      ].join('\n'),
      hashtags: [],
      images: [],
      postedAt: null,
      postedAtExact: false,
      counts: { reactions: 12, comments: 3, shares: 1 },
      links: ['https://example.org/'],
    }),
  },
  {
    kind: 'text only',
    site: 'instagram',
    key: 'C2tXt0nLy5q',
    postPath: '/p/C2tXt0nLy5q/',
    expected: () => ({
      permalink: `${IG}/p/C2tXt0nLy5q/`,
      authorName: 'giulia.verdi',
      authorHandle: 'giulia.verdi',
      text: 'Domani chiusi per inventario 📦 Ci vediamo giovedì! #avviso',
      hashtags: ['avviso'],
      images: [],
      postedAt: Date.parse('2026-11-19T18:00:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 19, comments: null, shares: null },
      links: [],
    }),
  },
  {
    kind: 'single image',
    site: 'instagram',
    key: 'CxY12aBcD3e',
    postPath: '/p/CxY12aBcD3e/',
    expected: (lang) => ({
      permalink: `${IG}/p/CxY12aBcD3e/`,
      authorName: 'spallademo',
      authorHandle: 'spallademo',
      text: "Il nuovo menù d'autunno è arrivato ☕🍂 #autunno #bologna #caffè",
      hashtags: ['autunno', 'bologna', 'caffè'],
      images: [{ url: igImg('ig-coffee'), alt: igAlt(lang, 'Spalla Demo', 'coffee'), kind: 'image' }],
      postedAt: Date.parse('2026-11-20T12:34:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 128, comments: 2, shares: null },
      links: [],
    }),
    postPageCounts: { reactions: 128, comments: null, shares: null },
  },
  {
    kind: 'carousel',
    site: 'instagram',
    key: 'C3cArOuSeL1',
    postPath: '/p/C3cArOuSeL1/',
    expected: (lang) => ({
      permalink: `${IG}/p/C3cArOuSeL1/`,
      authorName: 'spallademo',
      authorHandle: 'spallademo',
      text: 'Le torte della settimana 🍰 Swipe → #dolci #pasticceria',
      hashtags: ['dolci', 'pasticceria'],
      images: [
        { url: igImg('ig-cake-1'), alt: igAlt(lang, 'Spalla Demo', 'cake'), kind: 'image' },
        { url: igImg('ig-cake-2'), alt: igAlt(lang, 'Spalla Demo', 'cake and fruit'), kind: 'image' },
        { url: igImg('ig-cake-3'), alt: igAlt(lang, 'Spalla Demo', 'dessert'), kind: 'image' },
      ],
      postedAt: Date.parse('2026-11-19T10:15:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 1234, comments: 1, shares: null },
      links: [],
    }),
    postPageCounts: { reactions: 1234, comments: null, shares: null },
  },
  {
    kind: 'video',
    site: 'instagram',
    key: 'C4ViDeO5rEe',
    postPath: '/reel/C4ViDeO5rEe/',
    expected: () => ({
      permalink: `${IG}/reel/C4ViDeO5rEe/`,
      authorName: 'luca.bianchi',
      authorHandle: 'luca.bianchi',
      text: 'Latte art in slow motion ☕ #latteart #barista',
      hashtags: ['latteart', 'barista'],
      images: [
        {
          url: `${IG}/__fixture/img/ig-reel-latte.png?stp=dst-jpg_e15&_nc_ht=scontent.cdninstagram.com&oe=6756A1B2`,
          alt: 'Video',
          kind: 'video-poster',
        },
      ],
      postedAt: Date.parse('2026-11-18T16:20:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 12300, comments: null, shares: null },
      links: [],
    }),
  },
  {
    kind: 'shared post with "more"',
    site: 'instagram',
    key: 'C5sHaReD6pX',
    postPath: '/p/C5sHaReD6pX/',
    expected: (lang) => ({
      permalink: `${IG}/p/C5sHaReD6pX/`,
      authorName: 'marco.neri',
      authorHandle: 'marco.neri',
      text: 'Dieci anni di forno in via Marsala 🥖 Grazie a chi passa ogni mattina, a chi ci scrive e a chi porta gli amici. Sabato colazione offerta a tutti dalle 7 alle 9! #bologna #forno #anniversario',
      hashtags: ['bologna', 'forno', 'anniversario'],
      images: [{ url: igImg('ig-bakery'), alt: igAlt(lang, 'Marco Neri', 'bread'), kind: 'image' }],
      postedAt: Date.parse('2026-11-17T08:05:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 402, comments: null, shares: null },
      links: [],
    }),
  },
];

async function readOn(url: string, site: Case['site'], key: string) {
  const page = current.page;
  await page.goto(url);
  await page.waitForFunction(() => !!(window as any).__fixture);
  await page.waitForSelector(site === 'facebook' ? '[data-ad-rendering-role="profile_name"]' : 'article');
  await page.addScriptTag({ content: bundle });
  const result = (await page.evaluate(`(${READ_POST_SCRIPT})(${JSON.stringify([site, key])})`)) as {
    error?: string;
    expanded: boolean;
    snapshot: PostSnapshot;
    count: number;
  };
  expect(result.error).toBeUndefined();
  return result;
}

describe('post readers on the fixture pages (Chromium)', () => {
  // Facebook twice: its older markup (every post a [role=article]) and today's
  // (`?markup=2026`: the feed mixes posts without an article, whose comments are
  // articles, with older ones; counts without aria-labels). The same snapshot either way.
  const variants = CASES.flatMap((c) => (c.site === 'facebook' ? [{ c, markup: '' }, { c, markup: '2026' }] : [{ c, markup: '' }]));
  for (const lang of ['en', 'it'] as const) {
    for (const { c, markup } of variants) {
      const host = c.site === 'facebook' ? FB : IG;
      const params = new URLSearchParams({ ...(lang === 'it' ? { lang } : {}), ...(markup ? { markup } : {}) }).toString();
      const query = params ? `?${params}` : '';
      const site = markup ? `${c.site} (${markup} markup)` : c.site;
      test(`${site} feed, ${c.kind} (${lang})`, async () => {
        const { snapshot, expanded, count } = await readOn(`${host}/${query}`, c.site, c.key);
        expect(expanded).toBe(true);
        expect(count).toBe(c.site === 'facebook' ? 6 : 7);
        const expected = { network: c.site, links: [], ...c.expected(lang) };
        if (markup && c.counts2026) expected.counts = c.counts2026;
        expect(snapshot).toEqual(expected);
      });
      test(`${site} post page, ${c.kind} (${lang})`, async () => {
        const { snapshot, count } = await readOn(`${host}${c.postPath}${query}`, c.site, c.key);
        expect(count).toBe(1);
        const expected = { network: c.site, links: [], ...c.expected(lang) };
        if (c.postPageCounts) expected.counts = c.postPageCounts;
        if (markup && c.counts2026) expected.counts = c.counts2026;
        expect(snapshot).toEqual(expected);
      });
    }
  }

  test("2026 markup: no comment is read as a post, in English and Italian: no comment's link, tag or author", async () => {
    for (const query of ['?markup=2026', '?markup=2026&lang=it']) {
      await readOn(`${FB}/${query}`, 'facebook', 'pfbid123');
      const read = (await current.page.evaluate(`(() => {
        const r = window.__spallaReaders.facebook;
        return r.find(document).map((p) => ({ role: p.getAttribute('role'), label: p.getAttribute('aria-label'), snap: r.read(p) }));
      })()`)) as { role: string | null; label: string | null; snap: PostSnapshot }[];
      // Four of the six posts have no article of their own; each has a comment article.
      expect(read.filter((p) => p.role === 'article')).toHaveLength(2);
      expect(read.map((p) => p.snap.permalink)).toEqual(
        ['spallademo/posts/pfbid123', 'luca.bianchi/posts/pfbid456', 'giulia.verdi/posts/pfbid789', 'marco.neri/posts/pfbid654', 'spallademo/posts/pfbid987', 'giulia.verdi/posts/pfbid852'].map((p) => `${FB}/${p}`),
      );
      for (const { label, snap } of read) {
        expect(label ?? '').not.toMatch(/^(Comment by|Commento di)/);
        expect(snap.hashtags).not.toContain('fanclub');
      }
      const articles = await current.page.evaluate(() => document.querySelectorAll('[role="article"]').length);
      expect(articles).toBe(2 + 6); // two posts, six comments
    }
  });

  test("comments are not posts of their own, and their text is not the post's", async () => {
    const { snapshot } = await readOn(`${FB}/`, 'facebook', 'pfbid123');
    expect(snapshot.text).not.toContain('Che bello');
    const count = await current.page.evaluate(() => document.querySelectorAll('[role="article"]').length);
    expect(count).toBeGreaterThan(6); // the comments are articles too, nested in the posts
  });
});
