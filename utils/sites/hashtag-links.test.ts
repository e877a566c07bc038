import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { findHashtagPosts, readPostHashtags } from './hashtag-links';

// linkedom (WXT's own DOM for Node) parses the test markup: selectors and nesting are what is tested.
function dom(html: string): ParentNode {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body as unknown as ParentNode;
}

describe('Facebook hashtag links', () => {
  const root = dom(`
    <div role="feed">
      <div role="article" id="p1">
        <div data-ad-rendering-role="story_message"><div dir="auto">Buongiorno
          <a href="/hashtag/autunno?__eep__=6&__cft__[0]=x">#autunno</a>
          <a href="/hashtag/Spalla?__eep__=6">#Spalla</a>
          <a href="/hashtag/autunno?__eep__=6">#autunno</a>
          <a href="/spallademo/posts/pfbid1">2 h</a></div></div>
        <ul><li><div role="article" aria-label="Comment by Luca"><a href="/hashtag/commento">#commento</a></div></li></ul>
      </div>
      <div role="article" id="p2"><a href="/hashtag/caff%C3%A8">caffè link without hash</a><a href="/hashtag/2024">#2024</a></div>
    </div>`);

  test('posts are the outermost articles', () => {
    expect(findHashtagPosts(root, 'facebook').map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  test('only the post’s own hashtag links, each once; never other links', () => {
    const [p1, p2] = findHashtagPosts(root, 'facebook');
    expect(readPostHashtags(p1, 'facebook')).toEqual(['autunno', 'Spalla']);
    // From the address when the link text is not a hashtag; digits-only is not a tag.
    expect(readPostHashtags(p2, 'facebook')).toEqual(['caffè']);
  });
});

describe('Instagram hashtag links', () => {
  test('explore/tags links inside the article', () => {
    const root = dom(`<main role="main"><article id="a1"><span dir="auto">Menu
      <a href="/explore/tags/autunno/">#autunno</a> <a href="/explore/tags/bologna/">#bologna</a>
      <a href="/p/CxY12aBcD3e/">link</a></span></article><article id="a2"></article></main>`);
    const posts = findHashtagPosts(root, 'instagram');
    expect(posts.map((p) => p.id)).toEqual(['a1', 'a2']);
    expect(readPostHashtags(posts[0], 'instagram')).toEqual(['autunno', 'bologna']);
    expect(readPostHashtags(posts[1], 'instagram')).toEqual([]);
  });
});

describe('Threads topic tag links', () => {
  test('the tag search link of each post, not of the post it quotes; a tag with spaces is no hashtag', () => {
    const root = dom(`<div role="region" aria-label="Column body">
      <div data-pressable-container="true" id="t1"><a href="/@spallademo">spallademo</a>
        <a href="/search?q=Bologna&amp;serp_type=tags&amp;tag_id=1">Bologna</a>
        <a href="/@spallademo/post/DQt3xtP0st1"><time datetime="2026-11-20T12:34:00.000Z">2h</time></a>
        <div data-pressable-container="true"><a href="/search?q=caff%C3%A8&amp;serp_type=tags">caffè</a></div></div>
      <div data-pressable-container="true" id="t2"><a href="/search?q=farmers%20market&amp;serp_type=tags">farmers market</a></div>
    </div>`);
    const posts = findHashtagPosts(root, 'threads');
    expect(posts.map((p) => p.id)).toEqual(['t1', 't2']);
    expect(readPostHashtags(posts[0], 'threads')).toEqual(['Bologna']);
    expect(readPostHashtags(posts[1], 'threads')).toEqual([]);
  });
});

describe('X hashtag links (#14)', () => {
  // As tests/fixtures/src/x.tsx draws posts: a quoted post is inside the quoting one.
  const root = dom(`
    <div data-testid="cellInnerDiv"><article data-testid="tweet" id="x1">
      <div data-testid="tweetText"><a href="/hashtag/bologna?src=hashtag_click">#bologna</a>
        <a href="/hashtag/cucina?src=hashtag_click">#cucina</a></div>
    </article></div>
    <div data-testid="cellInnerDiv"><article data-testid="tweet" id="x2">
      <div data-testid="tweetText"><a href="/hashtag/consigli?src=hashtag_click">#consigli</a></div>
      <div role="link"><div data-testid="tweetText"><a href="/hashtag/pasta?src=hashtag_click">#pasta</a></div></div>
    </article></div>`);

  test('posts are the tweets; the hashtags are their links, the quoted post’s included', () => {
    const posts = findHashtagPosts(root, 'x');
    expect(posts.map((p) => p.id)).toEqual(['x1', 'x2']);
    expect(readPostHashtags(posts[0], 'x')).toEqual(['bologna', 'cucina']);
    expect(readPostHashtags(posts[1], 'x')).toEqual(['consigli', 'pasta']);
  });
});
