import { describe, expect, test } from 'vitest';
import { lintCaption } from './lint';
import { LINKEDIN_COMMENT_MAX, LINKEDIN_POST_MAX, rulesFor, THREADS_POST_MAX, X_POST_MAX } from './limits';

const codes = (text: string, network: Parameters<typeof rulesFor>[0]) => lintCaption(text, rulesFor(network)).issues.map((i) => i.code);

// X's rules (#14). Threads' and LinkedIn's are tested with their adapters.
describe("X's rules in the linter (#14)", () => {
  test('X counts as twitter-text: 140 CJK letters fill the 280, one more is too long; a link counts 23', () => {
    expect(lintCaption('日'.repeat(140), rulesFor('x')).length).toBe(X_POST_MAX);
    expect(codes('日'.repeat(140), 'x')).toEqual([]);
    expect(codes('日'.repeat(141), 'x')).toEqual(['too-long']);
    expect(lintCaption(`a https://example.com/${'p'.repeat(300)}`, rulesFor('x')).length).toBe(2 + 23);
  });

  test('X links any number of hashtags and hints past two', () => {
    expect(codes('#uno #due', 'x')).toEqual([]);
    expect(codes('#uno #due #tre', 'x')).toEqual(['many-hashtags']);
  });

  test('Threads: one topic tag per post, 500 characters', () => {
    expect(codes('#bologna', 'threads')).toEqual([]);
    expect(codes('#bologna #caffè', 'threads')).toEqual(['one-topic-tag']);
    expect(codes('a'.repeat(THREADS_POST_MAX), 'threads')).toEqual([]);
    expect(codes('a'.repeat(THREADS_POST_MAX + 1), 'threads')).toEqual(['too-long']);
  });

  test('LinkedIn: 3,000 characters per post, no hashtag cap, a hint past five', () => {
    expect(codes('a'.repeat(LINKEDIN_POST_MAX), 'linkedin')).toEqual([]);
    expect(codes('a'.repeat(LINKEDIN_POST_MAX + 1), 'linkedin')).toEqual(['too-long']);
    expect(codes('#a1 #b2 #c3 #d4 #e5', 'linkedin')).toEqual([]);
    expect(codes('#a1 #b2 #c3 #d4 #e5 #f6', 'linkedin')).toEqual(['many-hashtags']);
  });

  test('LinkedIn: a comment holds 1,250 characters', () => {
    const comment = rulesFor('linkedin', undefined, 'comment');
    expect(comment.maxLength).toBe(LINKEDIN_COMMENT_MAX);
    expect(lintCaption('a'.repeat(LINKEDIN_COMMENT_MAX), comment).issues).toEqual([]);
    expect(lintCaption('a'.repeat(LINKEDIN_COMMENT_MAX + 1), comment).issues.map((i) => i.code)).toEqual(['too-long']);
  });
});
