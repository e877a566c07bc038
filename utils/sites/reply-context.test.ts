import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readReplyContext } from './reply-context';

// The markup of tests/fixtures/src (facebook.tsx, instagram.tsx, business.tsx), reduced to
// what the reader looks at: roles, aria-labels, headers and nesting. linkedom parses it.
function page(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}
function box(doc: Document, id: string): HTMLElement {
  return doc.querySelector(`[data-id="${id}"]`) as HTMLElement;
}

type Lang = 'en' | 'it';
const L = {
  en: { write: 'Write a comment…', replyTo: 'Reply to', commentBy: 'Comment by', commentAs: 'Comment as', message: 'Message',
    conversation: 'Messages in conversation with', add: 'Add a comment…', profile: 'Profile' },
  it: { write: 'Scrivi un commento…', replyTo: 'Rispondi a', commentBy: 'Commento di', commentAs: 'Commenta come', message: 'Messaggio',
    conversation: 'Messaggi nella conversazione con', add: 'Aggiungi un commento...', profile: 'Profilo' },
};

const banner = (me = 'Marta Rossi') =>
  `<div role="banner"><a href="/" aria-label="Facebook">f</a><a href="/marta.rossi" aria-label="${me}"><img alt=""></a></div>`;

/** A Facebook post as facebook.tsx draws it: header (profile_name > h3 link), comments as
 * labelled articles, a reply box under the first comment, the top-level box last. */
function fbPost(lang: Lang, o: { author: string; comments: string[]; boxLabel?: string; reply?: boolean; unit?: boolean }) {
  const t = L[lang];
  const comments = o.comments
    .map(
      (name, i) => `<li><div role="article" aria-label="${t.commentBy} ${name}"><a href="/x"><span>${name}</span></a><div dir="auto">…</div></div>
      ${i === 0 && o.reply ? `<div><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="${t.replyTo} ${name}" data-id="reply"></div></div>` : ''}</li>`,
    )
    .join('');
  const post = `<div role="article" aria-labelledby="h">
      <div data-ad-rendering-role="profile_name"><h3 id="h"><span><a role="link" href="/a"><strong><span>${o.author}</span></strong></a></span></h3></div>
      <div data-ad-rendering-role="story_message"><div dir="auto">Text</div></div>
      <ul>${comments}</ul>
      <div><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="${o.boxLabel ?? t.write}" data-id="top"></div></div>
    </div>`;
  return o.unit ? `<div role="feed"><div aria-posinset="1" aria-setsize="-1">${post}</div></div>` : post;
}

describe.each(['en', 'it'] as const)('Facebook (%s): the person a box greets', (lang) => {
  const t = L[lang];

  test('post page: the top-level box greets the post author, never the last commenter', () => {
    const doc = page(`${banner()}<div role="main">${fbPost(lang, { author: 'Luca Bianchi', comments: ['Giulia Verdi', 'Marco Neri'], reply: true })}</div>`);
    const top = readReplyContext('facebook', 'post', box(doc, 'top'), doc);
    expect(top).toMatchObject({ fullName: 'Luca Bianchi', box: 'facebook-comment', actingAs: { kind: 'profile', name: 'Marta Rossi' } });
    // The reply box answers the comment it is under, by its own label.
    expect(readReplyContext('facebook', 'post', box(doc, 'reply'), doc).fullName).toBe('Giulia Verdi');
  });

  test('feed: the same, the post being a feed unit', () => {
    const doc = page(`${banner()}<div role="main">${fbPost(lang, { author: 'Luca Bianchi', comments: ['Giulia Verdi'], unit: true })}</div>`);
    expect(readReplyContext('facebook', 'feed', box(doc, 'top'), doc).fullName).toBe('Luca Bianchi');
  });

  test('feed, 2026 shape: no post article, the feed unit stands for the post', () => {
    const doc = page(`${banner()}<div role="feed"><div aria-posinset="2" aria-setsize="-1">
      <div data-ad-rendering-role="profile_name"><h4><a role="link" href="/g"><strong><span>Giulia Verdi</span></strong></a></h4></div>
      <ul><li><div role="article" aria-label="${t.commentBy} Marco Neri"></div></li></ul>
      <div role="textbox" contenteditable="true" aria-label="${t.write}" data-id="top"></div></div></div>`);
    expect(readReplyContext('facebook', 'feed', box(doc, 'top'), doc).fullName).toBe('Giulia Verdi');
  });

  test("the user's own post: nobody (the fallback), not the commenter", () => {
    const doc = page(`${banner()}${fbPost(lang, { author: 'Marta Rossi', comments: ['Luca Bianchi'] })}`);
    expect(readReplyContext('facebook', 'post', box(doc, 'top'), doc).fullName).toBeNull();
  });

  test('a post by the Page the user comments as ("Comment as PAGE"): nobody', () => {
    const doc = page(`${banner()}${fbPost(lang, { author: 'Spalla Demo', comments: ['Luca Bianchi'], boxLabel: `${t.commentAs} Spalla Demo` })}`);
    const context = readReplyContext('facebook', 'profile', box(doc, 'top'), doc);
    expect(context).toMatchObject({ fullName: null, actingAs: { kind: 'page', name: 'Spalla Demo' }, myName: 'Spalla Demo' });
  });

  test('acting as the Page on someone else’s post: that post’s author', () => {
    const doc = page(`${banner()}${fbPost(lang, { author: 'Giulia Verdi', comments: ['Spalla Demo'], boxLabel: `${t.commentAs} Spalla Demo` })}`);
    expect(readReplyContext('facebook', 'feed', box(doc, 'top'), doc).fullName).toBe('Giulia Verdi');
  });

  test('a box whose post shows no author: nobody', () => {
    const doc = page(`${banner()}<div role="article" aria-labelledby="x"><ul><li><div role="article" aria-label="${t.commentBy} Luca Bianchi"></div></li></ul>
      <div role="textbox" contenteditable="true" aria-label="${t.write}" data-id="top"></div></div>`);
    expect(readReplyContext('facebook', 'post', box(doc, 'top'), doc).fullName).toBeNull();
  });

  test('Messenger: the person of the conversation', () => {
    const doc = page(`${banner()}<div role="main" aria-label="${t.conversation} Luca Bianchi">
      <div role="textbox" contenteditable="true" aria-label="${t.message}" data-id="m"></div></div>`);
    expect(readReplyContext('facebook', 'messages', box(doc, 'm'), doc)).toMatchObject({ fullName: 'Luca Bianchi', box: 'facebook-message' });
  });
});

/** An Instagram post as instagram.tsx draws it: header with the author's handle link, the
 * comments as list items, the comment textarea in a form. */
function igPage(lang: Lang, author: string, commenters: string[], me = 'spallademo') {
  const t = L[lang];
  return page(`<div role="navigation"><a href="/" aria-label="Instagram">Instagram</a>
      <a href="/${me}/" role="link"><svg aria-label="${t.profile}" role="img"><title>${t.profile}</title></svg><span>${t.profile}</span></a></div>
    <main role="main"><article>
      <header><a href="/${author}/" role="link"><img alt=""></a><span><a href="/${author}/" role="link"><span dir="auto">${author}</span></a></span>
        <a href="/p/CODE/" role="link"><time datetime="2026-11-20T12:34:00.000Z">2 h</time></a></header>
      <ul>${commenters.map((c) => `<li><a href="/${c}/">${c}</a> <span dir="auto">…</span></li>`).join('')}</ul>
      <section><form method="POST"><textarea aria-label="${t.add}" placeholder="${t.add}" data-id="c"></textarea></form></section>
    </article></main>`);
}

describe.each(['en', 'it'] as const)('Instagram (%s): the comment textarea', (lang) => {
  test("greets the post's author, not the last commenter", () => {
    const doc = igPage(lang, 'giulia.verdi', ['spallademo', 'luca.bianchi']);
    expect(readReplyContext('instagram', 'post', box(doc, 'c'), doc)).toMatchObject({ fullName: 'giulia.verdi', box: 'instagram-comment' });
  });

  test('on the logged-in account’s own post: nobody', () => {
    const doc = igPage(lang, 'spallademo', ['luca.bianchi', 'giulia.verdi']);
    expect(readReplyContext('instagram', 'feed', box(doc, 'c'), doc).fullName).toBeNull();
  });

  test('DMs: the person of the conversation', () => {
    const t = L[lang];
    const doc = page(`<div role="grid" aria-label="${t.conversation} luca.bianchi"></div><div role="textbox" contenteditable="true" aria-label="${t.message}" data-id="d"></div>`);
    expect(readReplyContext('instagram', 'messages', box(doc, 'd'), doc)).toMatchObject({ fullName: 'luca.bianchi', box: 'instagram-message' });
  });
});

describe('Business Suite', () => {
  test.each([
    ['Reply on Instagram as Spalla Demo…', 'instagram-comment'],
    ['Rispondi su Facebook come Spalla Demo…', 'facebook-comment'],
  ])('%s: the open thread names the person', (boxLabel, kind) => {
    const doc = page(`<div role="region" aria-label="Luca Bianchi"><div role="textbox" contenteditable="true" aria-label="${boxLabel}" data-id="b"></div></div>`);
    expect(readReplyContext('business', 'inbox', box(doc, 'b'), doc)).toMatchObject({
      fullName: 'Luca Bianchi',
      myName: 'Spalla Demo',
      actingAs: { kind: 'page', name: 'Spalla Demo' },
      box: kind,
    });
  });
});
