import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readReplyContext } from './reply-context';
import { READERS } from './readers';
import { x } from './x';
import { findXPosts, readXPost } from './x-posts';

// The markup of tests/fixtures/src/x.tsx (itself built from the evidence in x.ts and
// x-posts.ts), reduced to what the adapter reads; linkedom parses it.
function page(body: string, url = 'https://x.com/home'): Document {
  const { document, Node } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  // visibleText (post-read.ts) reads node types from the global, as in a browser.
  Object.assign(globalThis, { Node });
  Object.defineProperty(document, 'location', { value: new URL(url) });
  return document as unknown as Document;
}

const L = {
  en: { replyingTo: 'Replying to', replies: '12 Replies. Reply', reposts: '34 reposts. Repost', likes: '1,234 Likes. Like', reposted: 'Spalla Demo reposted' },
  it: { replyingTo: 'In risposta a', replies: '12 risposte. Rispondi', reposts: '34 repost. Reposta', likes: '1.234 Mi piace. Mi piace', reposted: 'Spalla Demo ha repostato' },
};

function userName(handle: string, name: string, id: string, datetime = '2026-11-20T12:34:00.000Z') {
  return `<div data-testid="User-Name"><a href="/${handle}" role="link"><span>${name}</span></a>
    <a href="/${handle}" role="link" tabindex="-1"><span>@${handle}</span></a><span> · </span>
    <a href="/${handle}/status/${id}?s=20&t=trackme" role="link"><time datetime="${datetime}">11-20</time></a></div>`;
}

function post(lang: 'en' | 'it', o: { id: string; handle: string; name: string; text: string; inner?: string; social?: boolean }) {
  const t = L[lang];
  const tags = o.text.replace(/#([\p{L}\p{N}_]+)/gu, (_m, tag) => `<a href="/hashtag/${tag}?src=hashtag_click" role="link">#${tag}</a>`);
  return `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article">
    ${o.social ? `<div data-testid="socialContext">${t.reposted}</div>` : ''}
    ${userName(o.handle, o.name, o.id)}
    <div data-testid="tweetText" lang="it" dir="auto"><span>${tags}</span></div>
    ${o.inner ?? ''}
    <div role="group"><button data-testid="reply" aria-label="${t.replies}">12</button>
    <button data-testid="retweet" aria-label="${t.reposts}">34</button>
    <button data-testid="like" aria-label="${t.likes}">1234</button></div>
  </article></div>`;
}

const photo = (name: string) =>
  `<div data-testid="tweetPhoto"><a href="/damario/status/2/photo/1" role="link"><img alt="Image" src="https://pbs.twimg.com/media/${name}?format=png&name=small"></a></div>`;
const video = (name: string) =>
  `<div data-testid="videoPlayer"><video poster="https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/${name}.png" aria-label="Embedded video"></video></div>`;
const box = (doc: Document) => doc.querySelector('[data-id="box"]') as HTMLElement;
const composer = (label = 'Post text') =>
  `<div data-testid="tweetTextarea_0RichTextInputContainer"><div class="DraftEditor-root"><div contenteditable="true" role="textbox" aria-label="${label}" data-testid="tweetTextarea_0" data-id="box"><div data-contents="true"></div></div></div></div>`;

describe('x surfaces', () => {
  const doc = {} as Document;
  test.each([
    ['https://x.com/', 'feed'],
    ['https://x.com/home', 'feed'],
    ['https://x.com/giuliaverdi/status/1790000000000000001', 'post'],
    ['https://x.com/giuliaverdi/status/1790000000000000001/photo/1', 'post'],
    ['https://x.com/compose/post', 'composer'],
    ['https://x.com/messages/1790-luca', 'messages'],
    ['https://x.com/i/chat/1790-luca', 'messages'],
    ['https://x.com/damario', 'profile'],
    ['https://x.com/damario/media', 'profile'],
    ['https://x.com/explore', 'other'],
    ['https://x.com/settings/account', 'other'],
    ['https://x.com/notifications', 'other'],
    ['https://twitter.com/damario', 'profile'],
  ])('%s is %s', (url, surface) => {
    expect(x.surface(new URL(url), doc)).toBe(surface);
  });
});

describe('x markers', () => {
  test('home: main column, a post and the composer; a missing post is shown', () => {
    const full = page(`<div data-testid="primaryColumn">${composer()}${post('en', { id: '1', handle: 'a', name: 'A', text: 'hi' })}</div>`);
    expect(x.checkMarkers('feed', full).every((m) => m.found)).toBe(true);
    const empty = page(`<div data-testid="primaryColumn"></div>`);
    expect(x.checkMarkers('feed', empty).filter((m) => m.required && !m.found).map((m) => m.name)).toEqual(['post']);
  });

  test('messages need the message box, profiles the name block', () => {
    expect(x.checkMarkers('messages', page(`<div data-testid="dmComposerTextInput"><div contenteditable="true"></div></div>`))[0].found).toBe(true);
    expect(x.checkMarkers('messages', page(`<textarea data-testid="dm-composer-textarea"></textarea>`))[0].found).toBe(true);
    expect(x.checkMarkers('profile', page('<div></div>')).find((m) => m.name === 'profileName')?.found).toBe(false);
  });

  test('the account of a profile: handle from the address, name from the header', () => {
    const doc = page(`<div data-testid="UserName"><span>Trattoria Da Mario</span> <span>@damario</span></div>`);
    expect(READERS.x!.account!(new URL('https://x.com/damario'), doc)).toEqual({ network: 'x', handle: 'damario', name: 'Trattoria Da Mario' });
    expect(READERS.x!.account!(new URL('https://x.com/home'), doc)).toBeNull();
  });
});

describe('x reply context', () => {
  test.each(['en', 'it'] as const)('%s: the person answered is the @handle of "Replying to", named as their post shows them', (lang) => {
    const doc = page(
      `<div data-testid="primaryColumn">${post(lang, { id: '1', handle: 'giuliaverdi', name: 'Giulia Verdi', text: 'Ciao' })}
       <div>${L[lang].replyingTo} <a href="/giuliaverdi">@giuliaverdi</a></div>${composer()}</div>`,
      'https://x.com/giuliaverdi/status/1',
    );
    const box = doc.querySelector('[data-id="box"]') as HTMLElement;
    expect(readReplyContext('x', 'post', box, doc)).toMatchObject({ fullName: 'Giulia Verdi', box: 'x-reply' });
  });

  test('in a language the adapter does not know, the markers still name the person answered: the post page\'s post, the reply dialog\'s post', () => {
    // German words, which the adapter never reads: the post the box answers decides.
    const onPage = page(
      `<div data-testid="primaryColumn">${post('en', { id: '7', handle: 'damario', name: 'Trattoria Da Mario', text: 'Hallo' })}
       <div>Antwort an <a href="/damario">@damario</a> und <a href="/giuliaverdi">@giuliaverdi</a></div>${composer('Antwort posten')}</div>`,
      'https://x.com/damario/status/7',
    );
    expect(readReplyContext('x', 'post', onPage.querySelector('[data-id="box"]') as HTMLElement, onPage)).toMatchObject({ fullName: 'Trattoria Da Mario', box: 'x-reply' });
    const inDialog = page(
      `<div data-testid="primaryColumn">${post('en', { id: '8', handle: 'luca', name: 'Luca', text: 'Timeline' })}</div>
       <div role="dialog">${post('en', { id: '9', handle: 'giuliaverdi', name: 'Giulia Verdi', text: 'Hallo' })}
       <div>Antwort an <a href="/giuliaverdi">@giuliaverdi</a></div>${composer('Antwort posten')}</div>`,
      'https://x.com/compose/post',
    );
    expect(readReplyContext('x', 'composer', inDialog.querySelector('[data-id="box"]') as HTMLElement, inDialog)).toMatchObject({ fullName: 'Giulia Verdi', box: 'x-reply' });
  });

  test.each(['en', 'it'] as const)('%s: a reply dialog that shows no post: the words "Replying to @handle" name the person (the last resort)', (lang) => {
    const doc = page(
      `<div data-testid="primaryColumn">${post(lang, { id: '1', handle: 'giuliaverdi', name: 'Giulia Verdi', text: 'Ciao' })}</div>
       <div role="dialog"><div>${L[lang].replyingTo} <a href="/giuliaverdi">@giuliaverdi</a></div>${composer()}</div>`,
      'https://x.com/compose/post',
    );
    expect(readReplyContext('x', 'composer', box(doc), doc)).toMatchObject({ fullName: 'Giulia Verdi', box: 'x-reply' });
  });

  test('a new post answers no one; a message names the conversation', () => {
    const home = page(`<div data-testid="primaryColumn">${composer()}</div>`);
    expect(readReplyContext('x', 'feed', home.querySelector('[data-id="box"]') as HTMLElement, home)).toMatchObject({ fullName: null, box: 'x-post' });
    const dm = page(
      `<div data-testid="dm-conversation-header"><span>Luca Bianchi</span> <span>@lucabianchi</span></div>
       <div data-testid="dmComposerTextInput"><div contenteditable="true" data-id="dm"></div></div>`,
      'https://x.com/messages/1',
    );
    expect(readReplyContext('x', 'messages', dm.querySelector('[data-id="dm"]') as HTMLElement, dm)).toMatchObject({ box: 'x-message' });
    expect(readReplyContext('x', 'messages', dm.querySelector('[data-id="dm"]') as HTMLElement, dm).fullName).toMatch(/^Luca Bianchi/);
  });
});

describe('x post reader', () => {
  test.each(['en', 'it'] as const)('%s: text post: author, handle, clean permalink, hashtags, counts, time', (lang) => {
    const doc = page(post(lang, { id: '1790000000000000001', handle: 'giuliaverdi', name: 'Giulia Verdi', text: 'Menù nuovo #bologna #cucina' }));
    const [el] = findXPosts(doc);
    expect(readXPost(el)).toEqual({
      network: 'x',
      permalink: 'https://x.com/giuliaverdi/status/1790000000000000001',
      authorName: 'Giulia Verdi',
      authorHandle: 'giuliaverdi',
      text: 'Menù nuovo #bologna #cucina',
      hashtags: ['bologna', 'cucina'],
      images: [],
      postedAt: Date.parse('2026-11-20T12:34:00.000Z'),
      postedAtExact: true,
      counts: { reactions: 1234, comments: 12, shares: 34 },
    });
  });

  test('photos (the large size), a video poster, a repost by its author', () => {
    const doc = page(
      post('en', { id: '2', handle: 'damario', name: 'Trattoria Da Mario', text: 'Due piatti', inner: photo('p1') + photo('p2') }) +
        post('en', { id: '4', handle: 'lucabianchi', name: 'Luca Bianchi', text: 'Video', inner: video('v1') }) +
        post('en', { id: '6', handle: 'lucabianchi', name: 'Luca Bianchi', text: 'Aperti', social: true }),
    );
    const [photos, withVideo, repost] = findXPosts(doc).map(readXPost);
    expect(photos.images.map((i) => [i.url, i.kind])).toEqual([
      ['https://pbs.twimg.com/media/p1?format=png&name=large', 'image'],
      ['https://pbs.twimg.com/media/p2?format=png&name=large', 'image'],
    ]);
    expect(withVideo.images).toEqual([{ url: 'https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/v1.png', alt: 'Embedded video', kind: 'video-poster' }]);
    expect(repost).toMatchObject({ authorHandle: 'lucabianchi', permalink: 'https://x.com/lucabianchi/status/6' });
  });

  test("a quote: the quoting post's author, text and permalink; the quoted post's photo", () => {
    const quoted = `<div role="link" tabindex="0">${userName('damario', 'Trattoria Da Mario', '2')}
      <div data-testid="tweetText"><span>Tagliatelle #pasta</span></div>${photo('ragu')}</div>`;
    const doc = page(post('it', { id: '5', handle: 'spallademo', name: 'Spalla Demo', text: 'Da provare! #consigli', inner: quoted }));
    const snap = readXPost(findXPosts(doc)[0]);
    expect(snap).toMatchObject({
      authorName: 'Spalla Demo',
      authorHandle: 'spallademo',
      permalink: 'https://x.com/spallademo/status/5',
      text: 'Da provare! #consigli',
      hashtags: ['consigli'],
    });
    expect(snap.images.map((i) => i.url)).toEqual(['https://pbs.twimg.com/media/ragu?format=png&name=large']);
  });
});
