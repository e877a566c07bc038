import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkLinkedInMarkers, linkedInSurface } from './linkedin';
import { readLinkedInReplyContext } from './linkedin-reply';
import { findLinkedInPosts, linkedInIdTime, readLinkedInPost } from './linkedin-posts';
import { composerKind } from './composer-kind';
import { findHashtagPosts, readPostHashtags } from './hashtag-links';

// The markup of tests/fixtures/src/linkedin.tsx (itself built from the evidence cited in
// linkedin.ts and linkedin-posts.ts), reduced to what the adapter looks at. Quill builds
// `.ql-container > .ql-editor` at run time: written out here as it leaves them.

let window: ReturnType<typeof parseHTML>;

function dom(body: string): Document {
  window = parseHTML(`<!doctype html><html><head><base href="https://www.linkedin.com/"></head><body>${body}</body></html>`);
  // linkedom's elements are not the browser's subclasses: tell them apart by tag, as
  // `instanceof` does in a page.
  const g = globalThis as Record<string, unknown>;
  const byTag = (tag: string) => {
    const Shim = function () {} as unknown as { [Symbol.hasInstance]: (el: unknown) => boolean };
    Object.defineProperty(Shim, Symbol.hasInstance, { value: (el: unknown) => (el as Element | null)?.localName === tag });
    return Shim;
  };
  g.HTMLVideoElement = byTag('video');
  g.HTMLTextAreaElement = byTag('textarea');
  g.HTMLInputElement = byTag('input');
  return window.document as unknown as Document;
}

beforeAll(() => {
  (globalThis as { Node?: unknown }).Node ??= { TEXT_NODE: 3, ELEMENT_NODE: 1 };
});

type Lang = 'en' | 'it';
const L = {
  en: { comment: 'Add a comment…', reply: 'Add a reply…', more: '…more', reposted: 'reposted this', comments: '2 comments', reposts: '5 reposts', message: 'Write a message…', share: 'What do you want to talk about?' },
  it: { comment: 'Aggiungi un commento…', reply: 'Aggiungi una risposta…', more: '…altro', reposted: 'ha diffuso questo post', comments: '2 commenti', reposts: '5 diffusioni post', message: 'Scrivi un messaggio…', share: 'Di cosa vorresti parlare?' },
};

const quill = (placeholder: string, id: string) =>
  `<div class="ql-container"><div class="ql-editor ql-blank" contenteditable="true" role="textbox" data-placeholder="${placeholder}" data-id="${id}"><p><br></p></div><div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></div>`;

/** 2026-11-20T12:34:00Z as an activity id. */
const ID = ((BigInt(Date.parse('2026-11-20T12:34:00.000Z')) << 22n) + 1234n).toString();

const actor = (name: string, href: string) => `
  <div class="update-components-actor"><a class="update-components-actor__meta-link" href="${href}?trk=feed-actor">
    <span class="update-components-actor__title"><span class="update-components-actor__name"><span aria-hidden="true">${name}</span><span class="visually-hidden">${name}</span></span></span>
    <span class="update-components-actor__sub-description"><span aria-hidden="true">2h • </span></span></a></div>`;

function post(lang: Lang, o: { id?: string; name?: string; href?: string; text?: string; media?: string; repostedBy?: string; comments?: string[]; cut?: boolean }) {
  const t = L[lang];
  const comments = (o.comments ?? [])
    .map(
      (name, i) => `<article class="comments-comment-entity"><a class="comments-comment-meta__description-container" href="/in/x/"><span class="comments-comment-meta__description-title">${name}</span></a>
      <div class="comments-comment-item__main-content"><span class="update-components-text">Bello #commento</span></div>
      ${i === 0 ? `<div class="comments-comment-box comments-comment-box--reply"><form class="comments-comment-box__form"><div class="comments-comment-texteditor">${quill(t.reply, 'reply')}</div></form></div>` : ''}
      </article>`,
    )
    .join('');
  return `<div class="feed-shared-update-v2" data-urn="urn:li:activity:${o.id ?? ID}" role="article">
    ${o.repostedBy ? `<div class="update-components-header"><span class="update-components-header__text-view"><a href="/in/marco-neri/">${o.repostedBy}</a> ${t.reposted}</span></div>` : ''}
    ${actor(o.name ?? 'Spalla Demo', o.href ?? '/company/spalla-demo/')}
    <div class="feed-shared-update-v2__description"><div class="update-components-text"><span class="break-words"><span dir="ltr">${o.text ?? 'Il menù <a href="/feed/hashtag/?keywords=autunno">#autunno</a> è arrivato #caffè'}</span></span></div>
      ${o.cut ? `<button class="feed-shared-inline-show-more-text__see-more-less-toggle">${t.more}</button>` : ''}</div>
    ${o.media ?? ''}
    <ul class="social-details-social-counts"><li class="social-details-social-counts__reactions"><button aria-label="128"><span class="social-details-social-counts__reactions-count">1,280</span></button></li>
      <li class="social-details-social-counts__comments"><button>${t.comments}</button></li><li><button>${t.reposts}</button></li></ul>
    <div class="comments-comment-box"><form class="comments-comment-box__form"><div class="comments-comment-texteditor">${quill(t.comment, 'top')}</div></form></div>
    ${comments}
  </div>`;
}

const nav = `<header class="global-nav"><a href="/feed/">Home</a><img class="global-nav__me-photo" alt="Marta Rossi" src="/x.png"></header>`;
const box = (doc: Document, id: string) => doc.querySelector(`[data-id="${id}"]`) as HTMLElement;

describe('LinkedIn surfaces', () => {
  test.each([
    ['https://www.linkedin.com/feed/', 'feed'],
    ['https://www.linkedin.com/', 'feed'],
    ['https://www.linkedin.com/feed/?shareActive=true', 'composer'],
    [`https://www.linkedin.com/feed/update/urn:li:activity:${ID}/`, 'post'],
    ['https://www.linkedin.com/posts/spalla-demo_autunno-activity-7250000000000000001-AbCd', 'post'],
    ['https://www.linkedin.com/company/spalla-demo/', 'profile'],
    ['https://www.linkedin.com/company/spalla-demo/posts/', 'profile'],
    ['https://www.linkedin.com/in/luca-bianchi/', 'profile'],
    ['https://www.linkedin.com/messaging/thread/300/', 'messages'],
    ['https://www.linkedin.com/messaging/', 'messages'],
    ['https://www.linkedin.com/jobs/view/1/', 'other'],
  ])('%s is %s', (url, surface) => {
    expect(linkedInSurface(new URL(url))).toBe(surface);
  });
});

describe.each(['en', 'it'] as const)('LinkedIn (%s): markers, boxes, readers', (lang) => {
  const t = L[lang];

  test('feed markers are found; a page without them shows what is missing', () => {
    const doc = dom(`${nav}<main><button class="share-box-feed-entry__trigger">Start</button>${post(lang, {})}</main>`);
    expect(checkLinkedInMarkers('feed', doc).filter((m) => m.required).every((m) => m.found)).toBe(true);
    const empty = dom('<main></main>');
    expect(checkLinkedInMarkers('feed', empty).filter((m) => m.required && !m.found).map((m) => m.name)).toEqual(['post', 'startPost']);
  });

  test('messaging markers, and the message box is a plain contenteditable', () => {
    const doc = dom(`${nav}<div class="msg-thread"><h2 class="msg-entity-lockup__entity-title">Luca Bianchi</h2>
      <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="${t.message}" data-id="msg"><p><br></p></div></form></div>`);
    expect(checkLinkedInMarkers('messages', doc).every((m) => m.found)).toBe(true);
    expect(composerKind(box(doc, 'msg'))).toBe('contenteditable');
    expect(readLinkedInReplyContext(box(doc, 'msg'), doc)).toMatchObject({ fullName: 'Luca Bianchi', myName: 'Marta Rossi', box: 'linkedin-message' });
  });

  test("comment and reply boxes are Quill; each greets the person it answers", () => {
    const doc = dom(`${nav}<main>${post(lang, { name: 'Luca Bianchi', href: '/in/luca-bianchi/', comments: ['Giulia Verdi', 'Marco Neri'] })}</main>`);
    expect(composerKind(box(doc, 'top'))).toBe('quill');
    expect(readLinkedInReplyContext(box(doc, 'top'), doc)).toMatchObject({ fullName: 'Luca Bianchi', box: 'linkedin-comment' });
    // The reply box under a comment answers that comment, never the post or the last commenter.
    expect(readLinkedInReplyContext(box(doc, 'reply'), doc)).toMatchObject({ fullName: 'Giulia Verdi', box: 'linkedin-comment' });
  });

  test("the viewer's own post greets nobody; the post composer neither", () => {
    const doc = dom(`${nav}<main>${post(lang, { name: 'Marta Rossi', href: '/in/marta-rossi/' })}
      <div role="dialog"><div class="share-creation-state">${quill(t.share, 'share')}</div></div></main>`);
    expect(readLinkedInReplyContext(box(doc, 'top'), doc).fullName).toBeNull();
    expect(readLinkedInReplyContext(box(doc, 'share'), doc)).toMatchObject({ fullName: null, box: 'linkedin-post' });
    expect(checkLinkedInMarkers('composer', doc).every((m) => m.found)).toBe(true);
  });

  test('a text post: author, company handle, clean permalink, text, hashtags, counts, exact time', () => {
    const doc = dom(`<main>${post(lang, { cut: true })}</main>`);
    const [only] = findLinkedInPosts(doc);
    const snap = readLinkedInPost(only);
    expect(snap).toMatchObject({
      network: 'linkedin',
      authorName: 'Spalla Demo',
      authorHandle: 'spalla-demo',
      permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${ID}/`,
      text: 'Il menù #autunno è arrivato #caffè',
      hashtags: ['autunno', 'caffè'],
      counts: { reactions: 1280, comments: 2, shares: 5 },
      postedAt: Date.parse('2026-11-20T12:34:00.000Z'),
      postedAtExact: true,
      images: [],
    });
  });

  test('counts in the singular ("1 comment" / "1 commento", "1 repost" / "1 diffusione post"), and the comments by their component in a language the reader does not know', () => {
    const one = { en: ['1 comment', '1 repost'], it: ['1 commento', '1 diffusione post'] }[lang];
    const singular = dom(`<main>${post(lang, {}).replace(L[lang].comments, one[0]).replace(L[lang].reposts, one[1])}</main>`);
    expect(readLinkedInPost(findLinkedInPosts(singular)[0]).counts).toEqual({ reactions: 1280, comments: 1, shares: 1 });
    const german = dom(`<main>${post(lang, {}).replace(L[lang].comments, '2 Kommentare')}</main>`);
    expect(readLinkedInPost(findLinkedInPosts(german)[0]).counts.comments).toBe(2);
  });

  test("image, multi-image and video posts; a repost's author is the original's; comments stay out", () => {
    const img = (n: string) => `<img src="/__fixture/img/${n}.png?e=1790000000&t=sig" alt="">`;
    const doc = dom(`<main>
      ${post(lang, { id: '7250000000000000001', media: `<div class="update-components-image">${img('a')}</div>` })}
      ${post(lang, { id: '7250000000000000002', media: `<div class="update-components-image">${img('a')}${img('b')}${img('c')}</div>` })}
      ${post(lang, { id: '7250000000000000003', media: '<div class="update-components-linkedin-video"><video poster="/__fixture/img/p.png"></video></div>' })}
      ${post(lang, { id: '7250000000000000004', name: 'Luca Bianchi', href: '/in/luca-bianchi/', repostedBy: 'Marco Neri', comments: ['Giulia Verdi'] })}
    </main>`);
    const snaps = findLinkedInPosts(doc).map(readLinkedInPost);
    expect(snaps).toHaveLength(4);
    expect(snaps[0].images.map((i) => i.url)).toEqual(['https://www.linkedin.com/__fixture/img/a.png?e=1790000000&t=sig']);
    expect(snaps[1].images).toHaveLength(3);
    expect(snaps[2].images).toEqual([{ url: 'https://www.linkedin.com/__fixture/img/p.png', alt: null, kind: 'video-poster' }]);
    expect(snaps[3]).toMatchObject({ authorName: 'Luca Bianchi', authorHandle: 'luca-bianchi' });
    expect(snaps[3].hashtags.includes('commento')).toBe(false);
  });
});

describe('LinkedIn hashtag harvest', () => {
  test("the posts' hashtag links (both address shapes), never a comment's", () => {
    const doc = dom(`<main>${post('en', { text: 'Ciao <a href="/feed/hashtag/?keywords=autunno">#autunno</a> <a href="/feed/hashtag/bologna/">#bologna</a>' })}
      ${post('en', { id: '7250000000000000009', text: 'Altro <a href="/feed/hashtag/?keywords=caff%C3%A8">caffè</a>', comments: ['Giulia Verdi'] })}</main>`);
    doc.querySelector('.comments-comment-entity .update-components-text')!.innerHTML = '<a href="/feed/hashtag/?keywords=commento">#commento</a>';
    const posts = findHashtagPosts(doc, 'linkedin');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => readPostHashtags(p, 'linkedin'))).toEqual([['autunno', 'bologna'], ['caffè']]);
  });
});

describe('LinkedIn activity ids carry their time', () => {
  test('the top 41 bits are Unix milliseconds', () => {
    expect(linkedInIdTime(ID)).toBe(Date.parse('2026-11-20T12:34:00.000Z'));
    // codingmatheus/linkedin-timestamp-extractor's README example post.
    expect(new Date(linkedInIdTime('7163147469877407744')!).toISOString()).toBe('2024-02-13T12:30:41.663Z');
    expect(linkedInIdTime('12')).toBeNull();
  });
});
