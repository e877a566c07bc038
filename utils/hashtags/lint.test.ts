import { describe, expect, test } from 'vitest';
import { lintCaption, type LintIssue } from './lint';
import { FACEBOOK_HASHTAG_HINT, INSTAGRAM_CAPTION_MAX, rulesFor } from './limits';

const ig = rulesFor('instagram');
const ig30 = rulesFor('instagram', 30);
const fb = rulesFor('facebook');

const codes = (issues: LintIssue[]) => issues.map((i) => i.code);
const tags = (n: number, prefix = 'tag') => Array.from({ length: n }, (_, i) => `#${prefix}${String.fromCharCode(97 + i)}`).join(' ');

describe('lintCaption: counting against the limit', () => {
  test.each([
    ['5 on Instagram is within the default 5', tags(5), ig, []],
    ['6 on Instagram is over the default 5', tags(6), ig, ['over-limit']],
    ['6 on Instagram set to the old 30 is fine', tags(6), ig30, []],
    ['31 on Instagram set to 30 is over', tags(26) + ' ' + tags(5, 'x'), ig30, ['over-limit']],
    [`${FACEBOOK_HASHTAG_HINT} on Facebook: no hint`, tags(FACEBOOK_HASHTAG_HINT), fb, []],
    [`${FACEBOOK_HASHTAG_HINT + 1} on Facebook: a gentle hint, not an error`, tags(FACEBOOK_HASHTAG_HINT + 1), fb, ['many-hashtags']],
    ['40 on Facebook: still only a hint', tags(20) + ' ' + tags(20, 'z'), fb, ['many-hashtags']],
  ])('%s', (_name, text, rules, expected) => {
    expect(codes(lintCaption(text, rules).issues)).toEqual(expected);
  });

  test('the result says how many and against what', () => {
    const result = lintCaption('Pranzo #pizza #napoli #pizza', ig);
    expect(result).toMatchObject({ network: 'instagram', count: 3, limit: 5, tags: ['pizza', 'napoli', 'pizza'] });
    expect(lintCaption('ciao', fb)).toMatchObject({ limit: null, maxLength: null, count: 0 });
  });

  test('a custom Instagram limit is clamped to 1..30', () => {
    expect(rulesFor('instagram', 0).maxHashtags).toBe(1);
    expect(rulesFor('instagram', 99).maxHashtags).toBe(30);
    expect(rulesFor('instagram', 12).maxHashtags).toBe(12);
    expect(rulesFor('instagram', Number.NaN).maxHashtags).toBe(5);
  });
});

describe('lintCaption: caption length', () => {
  test.each([
    ['exactly 2,200 characters', 'a'.repeat(INSTAGRAM_CAPTION_MAX), []],
    ['2,201 characters', 'a'.repeat(INSTAGRAM_CAPTION_MAX + 1), ['too-long']],
    // 2,200 emoji are 4,400 UTF-16 units but 2,200 characters.
    ['2,200 emoji count as 2,200', '😀'.repeat(INSTAGRAM_CAPTION_MAX), []],
  ])('Instagram, %s', (_name, text, expected) => {
    expect(codes(lintCaption(text, ig).issues)).toEqual(expected);
  });

  test('Facebook has no length rule here', () => {
    expect(codes(lintCaption('a'.repeat(5000), fb).issues)).toEqual([]);
  });

  test('the length is reported', () => {
    expect(lintCaption('Ciao 👋🏽', ig)).toMatchObject({ length: 7, maxLength: 2200 });
  });
});

describe('lintCaption: repeats and variants', () => {
  test.each<[string, string, LintIssue[]]>([
    ['the same tag twice', '#pizza e ancora #pizza', [{ code: 'repeated', severity: 'warning', tag: 'pizza', times: 2 }]],
    ['case only: same key, a repeat', '#Pizza #pizza', [{ code: 'repeated', severity: 'warning', tag: 'Pizza', times: 2 }]],
    ['accents: a variant', '#caffè #caffe', [{ code: 'variants', severity: 'warning', tags: ['caffè', 'caffe'] }]],
    [
      'case and accent together',
      '#Caffè #caffè #caffe',
      [
        { code: 'repeated', severity: 'warning', tag: 'Caffè', times: 2 },
        { code: 'variants', severity: 'warning', tags: ['Caffè', 'caffe'] },
      ],
    ],
    ['different tags: nothing', '#caffè #caffetteria', []],
  ])('%s', (_name, text, expected) => {
    expect(lintCaption(text, fb).issues).toEqual(expected);
  });
});

describe('lintCaption: tags that will not link as written', () => {
  test.each<[string, string, LintIssue[]]>([
    ['digits only', 'Auguri #2024!', [{ code: 'digits-only', severity: 'warning', tag: '2024' }]],
    ['digits and underscore only', 'ok #2024_25', [{ code: 'digits-only', severity: 'warning', tag: '2024_25' }]],
    ['digits then letters is a tag', 'Auguri #2024ok', []],
    ['hyphen', 'Da noi #caffè-bar', [{ code: 'cut-by-punctuation', severity: 'warning', written: 'caffè-bar', linked: 'caffè' }]],
    ['apostrophe', "Tutto #l'amore", [{ code: 'cut-by-punctuation', severity: 'warning', written: "l'amore", linked: 'l' }]],
    ['typographic apostrophe', 'Tutto #l’amore', [{ code: 'cut-by-punctuation', severity: 'warning', written: 'l’amore', linked: 'l' }]],
    ['dot inside', 'Vieni #dolce.vita', [{ code: 'cut-by-punctuation', severity: 'warning', written: 'dolce.vita', linked: 'dolce' }]],
    ['sentence end is fine', 'Vieni a trovarci #dolcevita. A presto!', []],
    ['a dash between words is fine', '#pizza - #pasta', []],
    ['inside a URL: nothing', 'Leggi https://x.it/a#caffè-bar e www.y.it/#2024', []],
    ['glued to a word: not a tag, nothing', 'abc#caffè-bar', []],
  ])('%s', (_name, text, expected) => {
    expect(lintCaption(text, fb).issues).toEqual(expected);
  });
});

describe('lintCaption: the avoid list', () => {
  test.each<[string, string, string[], string[]]>([
    ['a listed tag', '#food #likeforlike', ['likeforlike'], ['likeforlike']],
    ['listed with "#", case and accents differ', '#Caffè', ['#caffe'], ['Caffè']],
    ['flagged once even if repeated', '#l4l #l4l', ['l4l'], ['l4l']],
    ['empty list: nothing', '#food', [], []],
  ])('%s', (_name, text, avoid, expected) => {
    const flagged = lintCaption(text, fb, avoid).issues.flatMap((i) => (i.code === 'avoided' ? [i.tag] : []));
    expect(flagged).toEqual(expected);
  });
});

test('a clean Instagram caption has no issues', () => {
  const result = lintCaption('Il nostro tiramisù della domenica 😋 #tiramisu #dolci #milano', ig, ['followforfollow']);
  expect(result.issues).toEqual([]);
  expect(result.count).toBe(3);
});

describe('lintCaption: Threads, one topic tag per post', () => {
  const th = rulesFor('threads');

  test('one hashtag is the topic tag: nothing to say', () => {
    expect(codes(lintCaption('Menù nuovo #bologna', th).issues)).toEqual([]);
  });

  test('from the second on, the linter names the tag and the hashtags that stay text (a warning)', () => {
    const result = lintCaption('Menù #bologna #caffè e #autunno', th);
    expect(result.issues).toEqual([{ code: 'one-topic-tag', severity: 'warning', topic: 'bologna', plain: ['caffè', 'autunno'] }]);
    expect(result).toMatchObject({ count: 3, limit: 1 });
  });

  test('past 500 characters the post is too long', () => {
    expect(codes(lintCaption('a'.repeat(501), th).issues)).toEqual(['too-long']);
    expect(codes(lintCaption('🍂'.repeat(500), th).issues)).toEqual([]);
  });
});
