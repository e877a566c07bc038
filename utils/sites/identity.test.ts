import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { identityReader } from './identity';

// The markup of tests/fixtures/src (facebook.tsx, instagram.tsx, business.tsx, x.tsx,
// threads-app.tsx, linkedin.tsx) for the two clients, reduced to what the readers look at: roles, aria-labels, headings, links.
function page(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}
const at = (url: string) => new URL(url);
const box = (doc: Document, id: string) => doc.querySelector(`[data-id="${id}"]`) as HTMLElement;

type Lang = 'en' | 'it';
const L = {
  en: {
    commentAs: 'Comment as', write: 'Write a comment…', you: 'Your profile', profile: 'Profile', reply: (n: string, who: string) => `Reply on ${n} as ${who}…`,
    page: 'Page', friends: (n: number) => `${n} friends`, addFriend: 'Add friend', message: 'Message', like: 'Like', follow: 'Follow',
  },
  it: {
    commentAs: 'Commenta come', write: 'Scrivi un commento…', you: 'Il tuo profilo', profile: 'Profilo', reply: (n: string, who: string) => `Rispondi su ${n} come ${who}…`,
    page: 'Pagina', friends: (n: number) => `${n} amici`, addFriend: 'Aggiungi agli amici', message: 'Messaggio', like: 'Mi piace', follow: 'Segui',
  },
};

const banner = (lang: Lang, menu?: { href: string; name: string }) => `<div role="banner"><a href="/" aria-label="Facebook">f</a>
  <a href="/marta.rossi" aria-label="Marta Rossi"><img alt=""></a><div role="button" aria-label="${L[lang].you}"></div>
  ${menu ? `<div role="dialog" aria-label="${L[lang].you}"><a href="${menu.href}"><span>${menu.name}</span></a><div role="button">…</div></div>` : ''}</div>`;
const fbBox = (label: string, id = 'top') => `<div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="${label}" data-id="${id}"></div>`;
const feed = (label: string) => `<div role="main"><div role="feed"><div aria-posinset="1">${fbBox(label)}</div><div aria-posinset="2">${fbBox(label, 'second')}</div></div></div>`;
const pageMain = (name: string, label: string) => `<div role="main"><h1>${name}</h1>${fbBox(label)}</div>`;

describe.each(['en', 'it'] as const)('Facebook (%s)', (lang) => {
  const t = L[lang];
  const read = (url: string, doc: Document, composer: HTMLElement | null = null, reader = identityReader('facebook')) =>
    reader.read(at(url), doc, composer);

  test('feed acting as a Page: the comment boxes name it', () => {
    const doc = page(banner(lang) + feed(`${t.commentAs} Pizzeria Da Gino`));
    expect(read('https://www.facebook.com/', doc)).toEqual({ network: 'facebook', via: 'acting-as', handle: null, externalId: null, name: 'Pizzeria Da Gino' });
  });

  test('feed as the person: nobody (the person is not a business account)', () => {
    expect(read('https://www.facebook.com/', page(banner(lang) + feed(t.write)))).toBeNull();
    expect(read('https://www.facebook.com/', page(banner(lang) + feed(`${t.commentAs} Marta Rossi`)))).toBeNull();
  });

  test("a Page's own address: username, profile.php?id=, /people/Name/id", () => {
    const doc = page(banner(lang) + pageMain('Fiori di Lucia', t.write));
    expect(read('https://www.facebook.com/fioridilucia', doc)).toEqual({ network: 'facebook', via: 'page', handle: 'fioridilucia', externalId: null, name: 'Fiori di Lucia' });
    expect(read('https://www.facebook.com/profile.php?id=108837261549013', doc)).toMatchObject({ via: 'page', handle: null, externalId: '108837261549013' });
    expect(read('https://www.facebook.com/people/Fiori-di-Lucia/108837261549013/', doc)).toMatchObject({ via: 'page', externalId: '108837261549013', name: 'Fiori di Lucia' });
    // The person's own profile is no business account.
    expect(read('https://www.facebook.com/marta.rossi', page(banner(lang) + pageMain('Marta Rossi', t.write)))).toBeNull();
  });

  test('acting as one Page on another Page: the page while looking, the Page acted as while commenting', () => {
    const doc = page(banner(lang) + pageMain('Fiori di Lucia', `${t.commentAs} Pizzeria Da Gino`));
    expect(read('https://www.facebook.com/fioridilucia', doc)).toMatchObject({ via: 'page', handle: 'fioridilucia' });
    expect(read('https://www.facebook.com/fioridilucia', doc, box(doc, 'top'))).toMatchObject({ via: 'acting-as', name: 'Pizzeria Da Gino' });
  });

  test('the open account menu names the profile in use, with its address', () => {
    const doc = page(banner(lang, { href: '/pizzeriadagino', name: 'Pizzeria Da Gino' }) + feed(t.write));
    expect(read('https://www.facebook.com/', doc)).toEqual({ network: 'facebook', via: 'acting-as', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino' });
    const self = page(banner(lang, { href: '/marta.rossi', name: 'Marta Rossi' }) + feed(t.write));
    expect(read('https://www.facebook.com/', self)).toBeNull();
  });

  test("the home feed's left column: its first link is the profile in use", () => {
    const rail = (href: string, name: string) =>
      `<div data-pagelet="LeftRail"><div data-visualcompletion="ignore-dynamic"><div><ul><li><a role="link" href="${href}"><img alt=""><span>${name}</span></a></li><li><a role="link" href="/friends/"><span>Friends</span></a></li></ul></div></div></div>`;
    const doc = page(banner(lang) + rail('/profile.php?id=104729384756102', 'Pizzeria Da Gino') + feed(t.write));
    expect(read('https://www.facebook.com/', doc)).toEqual({ network: 'facebook', via: 'acting-as', handle: null, externalId: '104729384756102', name: 'Pizzeria Da Gino' });
    expect(read('https://www.facebook.com/', page(banner(lang) + rail('/marta.rossi', 'Marta Rossi') + feed(t.write)))).toBeNull();
  });

  test('Messenger: the Page acted as, remembered from the feed of the same document', () => {
    const reader = identityReader('facebook');
    const onFeed = page(banner(lang, { href: '/pizzeriadagino', name: 'Pizzeria Da Gino' }) + feed(`${t.commentAs} Pizzeria Da Gino`));
    expect(read('https://www.facebook.com/', onFeed, null, reader)).toMatchObject({ via: 'acting-as', handle: 'pizzeriadagino' });
    const messenger = page(banner(lang) + `<div role="main" aria-label="…">${fbBox('Message', 'msg')}</div>`);
    expect(read('https://www.facebook.com/messages/t/100', messenger, box(messenger, 'msg'), reader)).toEqual({
      network: 'facebook', via: 'inbox', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino',
    });
    // A Page where only the comment boxes name the Page acted as keeps its address in memory.
    read('https://www.facebook.com/fioridilucia', page(banner(lang) + pageMain('Fiori di Lucia', `${t.commentAs} Pizzeria Da Gino`)), null, reader);
    expect(read('https://www.facebook.com/messages/t/100', messenger, null, reader)).toMatchObject({ via: 'inbox', handle: 'pizzeriadagino' });
    // A fresh document on Messenger says nothing.
    expect(read('https://www.facebook.com/messages/t/100', messenger)).toBeNull();
    // Back to the person: forgotten.
    read('https://www.facebook.com/', page(banner(lang) + feed(t.write)), null, reader);
    expect(read('https://www.facebook.com/messages/t/100', messenger, null, reader)).toBeNull();
  });
});

// A person's profile and a Page at the same kind of address (facebook-account.ts,
// facebookPersonProfile): the person's header links to their friends list and, to a
// stranger, offers "Add friend"; a Page shows "Page · <category>", "Like" and "Follow".
describe.each(['en', 'it'] as const)('Facebook: a person\'s profile is not a Page (%s)', (lang) => {
  const t = L[lang];
  const read = (url: string, doc: Document, composer: HTMLElement | null = null, reader = identityReader('facebook')) =>
    reader.read(at(url), doc, composer);
  const button = (label: string) => `<div role="button" aria-label="${label}"><span>${label}</span></div>`;
  const tabs = (friendsHref: string | null) =>
    `<div role="tablist"><a role="tab" href="#">Posts</a>${friendsHref ? `<a role="tab" href="${friendsHref}">${lang === 'it' ? 'Amici' : 'Friends'}</a>` : ''}</div>`;
  const person = (o: { name: string; friendsHref: string | null; stranger: boolean; comment?: string }) =>
    `<div role="main"><div><h1>${o.name}</h1>${o.friendsHref ? `<a href="${o.friendsHref}"><strong>312</strong> ${t.friends(312).replace(/^312 /, '')}</a>` : ''}
      ${o.stranger ? button(t.addFriend) : `<div role="button" aria-label="${lang === 'it' ? 'Amici' : 'Friends'}"></div>`}${button(t.message)}</div>
      ${tabs(o.friendsHref)}${fbBox(o.comment ?? t.write)}</div>`;
  const pageHead = (name: string, category: string) =>
    `<div role="main"><div><h1>${name}</h1><span>1.2K likes • 1.3K followers</span>${button(t.like)}${button(t.follow)}${button(t.message)}</div>
      <div><span>${t.page} · ${category}</span></div>${tabs(null)}${fbBox(t.write)}</div>`;

  test('a stranger\'s profile by username (friends list, "Add friend"): nobody', () => {
    const doc = page(banner(lang) + person({ name: 'Luca Bianchi', friendsHref: '/luca.bianchi/friends', stranger: true }));
    expect(read('https://www.facebook.com/luca.bianchi', doc)).toBeNull();
  });

  test("a friend's profile: only the link to their friends list tells (no \"Add friend\")", () => {
    const doc = page(banner(lang) + person({ name: 'Giulia Verdi', friendsHref: '/giulia.verdi/friends', stranger: false }));
    expect(read('https://www.facebook.com/giulia.verdi', doc)).toBeNull();
    // By id: profile.php?id=N&sk=friends.
    const byId = page(banner(lang) + person({ name: 'Giulia Verdi', friendsHref: '/profile.php?id=100004567891234&sk=friends', stranger: false }));
    expect(read('https://www.facebook.com/profile.php?id=100004567891234', byId)).toBeNull();
    // A friends list of someone else (a link in a post) says nothing about this profile: a Page.
    const other = page(banner(lang) + person({ name: 'Giulia Verdi', friendsHref: '/luca.bianchi/friends', stranger: false }));
    expect(read('https://www.facebook.com/giulia.verdi', other)).toMatchObject({ via: 'page', handle: 'giulia.verdi' });
  });

  test('a stranger whose friends list is hidden: "Add friend" tells', () => {
    const doc = page(banner(lang) + person({ name: 'Marco Neri', friendsHref: null, stranger: true }));
    expect(read('https://www.facebook.com/marco.neri', doc)).toBeNull();
  });

  test('a Page ("Page · category", Like, Follow) is still a Page, by username and by id', () => {
    const doc = page(banner(lang) + pageHead('Pizzeria Da Gino', lang === 'it' ? 'Pizzeria' : 'Pizza place'));
    expect(read('https://www.facebook.com/pizzeriadagino', doc)).toEqual({ network: 'facebook', via: 'page', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino' });
    expect(read('https://www.facebook.com/profile.php?id=104729384756102', doc)).toMatchObject({ via: 'page', externalId: '104729384756102' });
  });

  test("on a person's profile the Page acted as still answers (commenting, the left column)", () => {
    const doc = page(banner(lang) + person({ name: 'Luca Bianchi', friendsHref: '/luca.bianchi/friends', stranger: true, comment: `${t.commentAs} Fiori di Lucia` }));
    expect(read('https://www.facebook.com/luca.bianchi', doc)).toMatchObject({ via: 'acting-as', name: 'Fiori di Lucia' });
    expect(read('https://www.facebook.com/luca.bianchi', doc, box(doc, 'top'))).toMatchObject({ via: 'acting-as', name: 'Fiori di Lucia' });
  });
});

describe.each(['en', 'it'] as const)('Instagram (%s)', (lang) => {
  const t = L[lang];
  const nav = (me: string) => `<div role="navigation"><a href="/">Home</a><a href="/${me}/" role="link"><svg aria-label="${t.profile}"></svg><span>${t.profile}</span></a></div>`;
  const profile = (handle: string, name: string) => `<main role="main"><header><section><h2>${handle}</h2><div><strong>${name}</strong></div></section></header></main>`;
  const read = (url: string, doc: Document, composer: HTMLElement | null = null) => identityReader('instagram').read(at(url), doc, composer);

  test('the logged-in account everywhere; its own profile with its name', () => {
    expect(read('https://www.instagram.com/', page(nav('pizzeriadagino') + '<main role="main"><article></article></main>'))).toEqual({
      network: 'instagram', via: 'logged-in', handle: 'pizzeriadagino', externalId: null, name: null,
    });
    expect(read('https://www.instagram.com/pizzeriadagino/', page(nav('pizzeriadagino') + profile('pizzeriadagino', 'Pizzeria Da Gino')))).toEqual({
      network: 'instagram', via: 'profile', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino',
    });
  });

  test("another client's profile while logged in as one: the profile; writing: the logged-in account", () => {
    const doc = page(nav('pizzeriadagino') + profile('fioridilucia', 'Fiori di Lucia') + '<form><textarea data-id="c"></textarea></form>');
    expect(read('https://www.instagram.com/fioridilucia/', doc)).toMatchObject({ via: 'profile', handle: 'fioridilucia' });
    expect(read('https://www.instagram.com/fioridilucia/', doc, box(doc, 'c'))).toMatchObject({ via: 'logged-in', handle: 'pizzeriadagino' });
  });
});

describe.each(['en', 'it'] as const)('Business Suite (%s)', (lang) => {
  const t = L[lang];
  const reply = (network: string, who: string) => `<div role="main"><div role="region" aria-label="Luca"><div role="textbox" contenteditable="true" aria-label="${t.reply(network, who)}"></div></div></div>`;
  const read = (url: string, doc: Document) => identityReader('business').read(at(url), doc, null);

  test('the asset in the address beats everything; the inbox names it', () => {
    const doc = page(reply('Facebook', 'Pizzeria Da Gino'));
    expect(read('https://business.facebook.com/latest/inbox/all?asset_id=104729384756102&business_id=555', doc)).toEqual({
      network: 'facebook', via: 'inbox', handle: null, externalId: '104729384756102', name: 'Pizzeria Da Gino',
    });
    expect(read('https://business.facebook.com/latest/home?asset_id=108837261549013', page('<div role="main"></div>'))).toEqual({
      network: 'facebook', via: 'asset', handle: null, externalId: '108837261549013', name: null,
    });
    // An Instagram thread's box names the Instagram account, not the Page.
    expect(read('https://business.facebook.com/latest/inbox/all?asset_id=104729384756102', page(reply('Instagram', 'pizzeriadagino')))).toMatchObject({ externalId: '104729384756102', name: null });
  });

  test('no asset: the reply box; business_id alone chooses nothing', () => {
    expect(read('https://business.facebook.com/latest/inbox/all', page(reply('Instagram', 'Fiori di Lucia')))).toEqual({
      network: 'instagram', via: 'inbox', handle: null, externalId: null, name: 'Fiori di Lucia',
    });
    expect(read('https://business.facebook.com/latest/home?business_id=1234567890', page('<div role="main"></div>'))).toBeNull();
  });
});

describe.each(['en', 'it'] as const)('X (%s)', (lang) => {
  const label = { en: 'Profile', it: 'Profilo' }[lang];
  // x.tsx's Layout: the side navigation with the "Profile" link, then the main column.
  const nav = (me: string) => `<header role="banner"><a href="/home" role="link" data-testid="AppTabBar_Home_Link">Home</a>
    <a href="/${me}" role="link" aria-label="${label}" data-testid="AppTabBar_Profile_Link">${label}</a></header>`;
  const main = (inner: string) => `<main role="main"><div data-testid="primaryColumn">${inner}</div></main>`;
  const profile = (handle: string, name: string) => main(`<div data-testid="UserName"><span>${name}</span> <span>@${handle}</span></div>`);
  const reply = main('<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox" data-id="c"></div>');
  const read = (url: string, doc: Document, composer: HTMLElement | null = null) => {
    // visibleText (post-read.ts) reads node types from the global, as in a browser.
    Object.assign(globalThis, { Node: parseHTML('').Node });
    return identityReader('x').read(at(url), doc, composer);
  };

  test('the logged-in account from the side navigation; its own profile with its name', () => {
    expect(read('https://x.com/home', page(nav('PizzeriaDaGino') + reply))).toEqual({
      network: 'x', via: 'logged-in', handle: 'PizzeriaDaGino', externalId: null, name: null,
    });
    expect(read('https://x.com/pizzeriadagino', page(nav('PizzeriaDaGino') + profile('pizzeriadagino', 'Pizzeria Da Gino')))).toEqual({
      network: 'x', via: 'profile', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino',
    });
  });

  test("another client's profile: the profile; writing in a box there: the logged-in account", () => {
    const doc = page(nav('pizzeriadagino') + profile('fioridilucia', 'Fiori di Lucia') + reply);
    expect(read('https://x.com/fioridilucia/media', doc)).toMatchObject({ via: 'profile', handle: 'fioridilucia', name: 'Fiori di Lucia' });
    expect(read('https://x.com/fioridilucia', doc, box(doc, 'c'))).toMatchObject({ via: 'logged-in', handle: 'pizzeriadagino' });
  });

  test("X's own pages are no profile; no navigation link, no logged-in account", () => {
    expect(read('https://x.com/explore', page(nav('pizzeriadagino') + main('')))).toMatchObject({ via: 'logged-in', handle: 'pizzeriadagino' });
    expect(read('https://x.com/home', page(main('')))).toBeNull();
    expect(read('https://x.com/home', page(nav('i/flow/login') + main('')))).toBeNull();
  });
});

describe.each(['en', 'it'] as const)('Threads (%s)', (lang) => {
  const label = { en: 'Profile', it: 'Profilo' }[lang];
  // threads-app.tsx: the navigation's profile link (an icon with its label), a profile's h1.
  const nav = (me: string) => `<div role="navigation"><a href="/" role="link"><svg aria-label="Home"></svg></a>
    <a href="/@${me}" role="link"><svg aria-label="${label}" role="img"></svg></a></div>`;
  const profile = (handle: string, name: string) => `<div class="th-profile-head"><h1 dir="auto">${name}</h1><span translate="no">${handle}</span></div>`;
  const read = (url: string, doc: Document, composer: HTMLElement | null = null) => identityReader('threads').read(at(url), doc, composer);

  test('the viewer everywhere; a profile in view; the viewer where the user writes', () => {
    expect(read('https://www.threads.com/', page(nav('pizzeriadagino')))).toEqual({
      network: 'threads', via: 'logged-in', handle: 'pizzeriadagino', externalId: null, name: null,
    });
    expect(read('https://www.threads.com/@pizzeriadagino', page(nav('pizzeriadagino') + profile('pizzeriadagino', 'Pizzeria Da Gino')))).toEqual({
      network: 'threads', via: 'profile', handle: 'pizzeriadagino', externalId: null, name: 'Pizzeria Da Gino',
    });
    const doc = page(nav('pizzeriadagino') + profile('fioridilucia', 'Fiori di Lucia') + '<div role="textbox" contenteditable="true" data-id="c"></div>');
    expect(read('https://www.threads.com/@fioridilucia', doc)).toMatchObject({ via: 'profile', handle: 'fioridilucia' });
    expect(read('https://www.threads.com/@fioridilucia', doc, box(doc, 'c'))).toMatchObject({ via: 'logged-in', handle: 'pizzeriadagino' });
  });
});

describe('LinkedIn', () => {
  // linkedin.tsx's company Page: the top card's name.
  const company = page('<main><section class="org-top-card"><h1 class="org-top-card-summary__title">Spalla Demo</h1></section></main>');
  const read = (url: string, doc = company) => identityReader('linkedin').read(at(url), doc, null);

  test("a company Page's address, on any of its tabs: the Page, by its slug or its id", () => {
    for (const url of ['https://www.linkedin.com/company/spalla-demo/', 'https://www.linkedin.com/company/spalla-demo/posts/?feedView=all']) {
      expect(read(url)).toEqual({ network: 'linkedin', via: 'page', handle: 'spalla-demo', externalId: null, name: 'Spalla Demo' });
    }
    // By its id, as on the admin view's addresses (read as the Page shown).
    for (const url of ['https://www.linkedin.com/company/104729384/', 'https://www.linkedin.com/company/104729384/admin/dashboard/']) {
      expect(read(url, page(''))).toEqual({ network: 'linkedin', via: 'page', handle: null, externalId: '104729384', name: null });
    }
  });

  test('the feed, a person and odd slugs name no Page', () => {
    for (const url of ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/in/marta-rossi/', 'https://www.linkedin.com/company/', 'https://www.linkedin.com/company/%3Cscript%3E/']) {
      expect(read(url)).toBeNull();
    }
  });
});

describe('hostile and odd pages: text only, null when unsure, never an exception', () => {
  test('a name with markup stays text; a name over 200 characters is no name', () => {
    const hostile = '<img src=x onerror=alert(1)>Pizzeria';
    const doc = page(banner('en') + `<div role="main"><div role="feed">${fbBox(`Comment as ${hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`)}</div></div>`);
    expect(identityReader('facebook').read(at('https://www.facebook.com/'), doc, null)?.name).toBe(hostile);
    const long = page(banner('en') + `<div role="main"><h1>${'A'.repeat(201)}</h1></div>`);
    expect(identityReader('facebook').read(at('https://www.facebook.com/lunghissimo'), long, null)).toEqual({
      network: 'facebook', via: 'page', handle: 'lunghissimo', externalId: null, name: null,
    });
  });

  test('missing markers, odd addresses and ids give null', () => {
    const empty = page('');
    for (const url of ['https://www.facebook.com/', 'https://www.facebook.com/messages/t/1', 'https://www.facebook.com/groups/x', 'https://www.facebook.com/profile.php?id=abc']) {
      const got = identityReader('facebook').read(at(url), empty, null);
      expect(got === null || got.externalId === null).toBe(true);
    }
    expect(identityReader('facebook').read(at('https://www.facebook.com/'), empty, null)).toBeNull();
    expect(identityReader('instagram').read(at('https://www.instagram.com/explore/'), empty, null)).toBeNull();
    expect(identityReader('x').read(at('https://x.com/home'), empty, null)).toBeNull();
    expect(identityReader('threads').read(at('https://www.threads.com/'), empty, null)).toBeNull();
    expect(identityReader('business').read(at('https://business.facebook.com/latest/inbox/all?asset_id=12<script>'), empty, null)).toBeNull();
    expect(identityReader('business').read(at('https://business.facebook.com/latest/inbox/all?asset_id=' + '9'.repeat(40)), empty, null)).toBeNull();
  });

  test('a document whose lookups throw gives null', () => {
    const broken = new Proxy({}, { get: () => { throw new Error('boom'); } }) as Document;
    for (const site of ['facebook', 'instagram', 'business', 'x', 'threads', 'linkedin'] as const) {
      expect(identityReader(site).read(at('https://www.facebook.com/x?asset_id=12345'), broken, null)).toBeNull();
    }
  });
});
