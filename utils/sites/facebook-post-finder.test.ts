import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { findFacebookPostContainers } from './facebook-post-finder';
import { readFacebookPost } from './facebook-posts';
import { readFacebookTimeLabel } from './facebook-post-time';
import { readPostHashtags } from './hashtag-links';

// The shapes of Facebook's feed the finder must tell apart, written from the markers
// maintained tools key on today (see facebook-post-finder.ts for the sources): the older
// one (every post a [role=article]) and 2026's (no article around the post, comments
// still articles "Comment by NAME", counts without aria-labels). linkedom parses them.

function dom(html: string): Document {
  return parseHTML(`<!doctype html><html><head><base href="https://www.facebook.com/"></head><body>${html}</body></html>`).document as unknown as Document;
}

beforeAll(() => {
  // The reader walks text nodes by their type, as in a page.
  (globalThis as { Node?: unknown }).Node ??= { TEXT_NODE: 3, ELEMENT_NODE: 1 };
});

const comment = (name: string, text: string, id: string, label = `Comment by ${name}`) => `
  <div role="article" aria-label="${label} 2 h">
    <a href="/${id}"><span>${name}</span></a>
    <div dir="auto">${text} <a href="/hashtag/commento">#commento</a></div>
    <a href="/spallademo/posts/pfbid1?comment_id=${id}">2 h</a>
    <div role="button" aria-label="Actions for this comment">⋯</div>
  </div>`;

/** A post of 2026: no article; the header, the "⋯" menu, the text, counts as text. */
const newPost = (id: string, author: string, handle: string, counts: string, menu = 'Actions for this post') => `
  <div data-ad-rendering-role="profile_name"><h3><a href="/${handle}?__cft__[0]=x"><strong><span>${author}</span></strong></a></h3></div>
  <a href="/${handle}/posts/${id}?__cft__[0]=x" aria-label="Friday, November 20, 2026 at 12:34 PM">2 h</a>
  <div role="button" aria-label="${menu}" aria-haspopup="menu">⋯</div>
  <div data-ad-rendering-role="story_message"><div dir="auto">Testo di ${id} <a href="/hashtag/${id}tag">#${id}tag</a></div></div>
  ${counts}
  <div role="button">Like</div><div role="button">Comment</div>
  <ul><li>${comment('Luca Bianchi', 'Bello', '901')}</li></ul>`;

const oldPost = (id: string) => `
  <div role="article" aria-labelledby="${id}-h">
    <div data-ad-rendering-role="profile_name"><h3 id="${id}-h"><a href="/giulia.verdi"><strong><span>Giulia Verdi</span></strong></a></h3></div>
    <a href="/giulia.verdi/posts/${id}">3 h</a>
    <div role="button" aria-label="Actions for this post">⋯</div>
    <div data-ad-rendering-role="story_message"><div dir="auto">Vecchio ${id} <a href="/hashtag/vecchio">#vecchio</a></div></div>
    <div role="button" aria-label="Like: 4 people"><span>👍</span> <span>4</span></div>
    <div role="button"><span>2 comments</span></div>
    <ul><li>${comment('Marco Neri', 'Sì', '902')}</li></ul>
  </div>`;

const EN_COUNTS = `<div role="button"><span>All reactions:</span> <span>👍</span> <span>128</span></div>
  <div role="button"><span>34 comments</span></div><div role="button"><span>5 shares</span></div>`;

describe('finding Facebook posts in the feed shapes of today', () => {
  test('a feed mixing both shapes: every post once, in page order, none of them a comment', () => {
    const doc = dom(`<div role="banner"></div><div role="main"><div role="feed">
      <div><div aria-posinset="1">${oldPost('pfbidA')}</div></div>
      <div><div aria-posinset="2" id="unit2"><div>${newPost('pfbidB', 'Spalla Demo', 'spallademo', EN_COUNTS)}</div></div></div>
      <div data-pagelet="FeedUnit_3" id="pagelet3"><div>${newPost('pfbidC', 'Marco Neri', 'marco.neri', EN_COUNTS)}</div></div>
      <div id="bare4"><div>${newPost('pfbidD', 'Luca Bianchi', 'luca.bianchi', EN_COUNTS)}</div></div>
    </div></div>`);
    const posts = findFacebookPostContainers(doc);
    expect(posts.map((p) => readFacebookPost(p).permalink)).toEqual([
      'https://www.facebook.com/giulia.verdi/posts/pfbidA',
      'https://www.facebook.com/spallademo/posts/pfbidB',
      'https://www.facebook.com/marco.neri/posts/pfbidC',
      'https://www.facebook.com/luca.bianchi/posts/pfbidD',
    ]);
    // The old post is its article; the new ones their feed unit, pagelet, or the highest
    // block holding one "Actions for this post".
    expect(posts[0].getAttribute('role')).toBe('article');
    expect(posts[1].id).toBe('unit2');
    expect(posts[2].id).toBe('pagelet3');
    expect(posts[3].id).toBe('bare4');
    expect(posts.some((p) => /^Comment by/.test(p.getAttribute('aria-label') ?? ''))).toBe(false);
  });

  test('a post whose only article is a comment: the post is read, not the comment', () => {
    const doc = dom(`<div role="main"><div role="feed"><div id="p">${newPost('pfbidB', 'Spalla Demo', 'spallademo', EN_COUNTS)}</div></div></div>`);
    const [post, ...rest] = findFacebookPostContainers(doc);
    expect(rest).toEqual([]);
    const snap = readFacebookPost(post);
    expect(snap).toMatchObject({
      permalink: 'https://www.facebook.com/spallademo/posts/pfbidB',
      authorName: 'Spalla Demo',
      authorHandle: 'spallademo',
      text: 'Testo di pfbidB #pfbidBtag',
      hashtags: ['pfbidBtag'],
      counts: { reactions: 128, comments: 34, shares: 5 },
    });
    // The harvest learns the post's hashtags, not the comment's; the time is the post's.
    expect(readPostHashtags(post, 'facebook')).toEqual(['pfbidBtag']);
    expect(readFacebookTimeLabel(post)?.label).toBe('Friday, November 20, 2026 at 12:34 PM');
  });

  test('Italian: "Azioni per questo post", "Commento di", "Tutte le reazioni", "34 commenti"', () => {
    const counts = `<div role="button"><span>Tutte le reazioni:</span> <span>1,2K</span></div>
      <div role="button"><span>34 commenti</span></div><div role="button"><span>5 condivisioni</span></div>`;
    const doc = dom(`<div role="main"><div role="feed"><div id="p">
      ${newPost('pfbidE', 'Spalla Demo', 'spallademo', counts, 'Azioni per questo post').replace('Comment by Luca Bianchi', 'Commento di Luca Bianchi')}
    </div></div></div>`);
    const posts = findFacebookPostContainers(doc);
    expect(posts.map((p) => p.id)).toEqual(['p']);
    expect(readFacebookPost(posts[0]).counts).toEqual({ reactions: 1200, comments: 34, shares: 5 });
  });

  test('a reaction button that shows only icons and a number', () => {
    const counts = `<div role="button"><span aria-hidden="true">👍❤️</span> <span>57</span></div><span>9 comments</span>`;
    const doc = dom(`<div role="main"><div role="feed"><div aria-posinset="1">${newPost('pfbidF', 'Spalla Demo', 'spallademo', counts)}</div></div></div>`);
    expect(readFacebookPost(findFacebookPostContainers(doc)[0]).counts).toEqual({ reactions: 57, comments: 9, shares: null });
  });

  test('a lone comment article (nothing else marks a post) is never taken for a post', () => {
    const doc = dom(`<div role="main"><div role="feed"><div>${comment('Luca Bianchi', 'Ciao', '903')}</div></div></div>`);
    expect(findFacebookPostContainers(doc)).toEqual([]);
    const it = dom(`<div role="main">${comment('Luca Bianchi', 'Ciao', '904', 'Commento di Luca Bianchi')}</div>`);
    expect(findFacebookPostContainers(it)).toEqual([]);
  });

  test('a post page of 2026: the post climbs to just below the main column; a shared post inside is not a post of its own', () => {
    const doc = dom(`<div role="main"><div id="post">${newPost('pfbidG', 'Giulia Verdi', 'giulia.verdi', EN_COUNTS)}
      <div role="article"><h4><a href="/luca.bianchi">Luca Bianchi</a></h4><a href="/luca.bianchi/posts/pfbidS">Shared</a></div>
    </div></div>`);
    const posts = findFacebookPostContainers(doc);
    expect(posts.map((p) => p.id)).toEqual(['post']);
    expect(readFacebookPost(posts[0]).permalink).toBe('https://www.facebook.com/giulia.verdi/posts/pfbidG');
  });

  test('the older shape is read as before: articles, comments nested in them', () => {
    const doc = dom(`<div role="main"><div role="feed"><div aria-posinset="1">${oldPost('pfbidA')}</div><div aria-posinset="2">${oldPost('pfbidZ')}</div></div></div>`);
    const posts = findFacebookPostContainers(doc);
    expect(posts.map((p) => p.getAttribute('role'))).toEqual(['article', 'article']);
    expect(readFacebookPost(posts[0]).counts).toEqual({ reactions: 4, comments: 2, shares: null });
    expect(readPostHashtags(posts[0], 'facebook')).toEqual(['vecchio']);
  });

  test('rows of a chat window carry aria-posinset but are no posts', () => {
    const doc = dom(`<div role="main"><div role="feed"></div></div>
      <div><div role="grid" aria-label="Messages in conversation with Luca Bianchi"><div role="row" aria-posinset="1">Ciao</div></div></div>`);
    expect(findFacebookPostContainers(doc)).toEqual([]);
  });
});
