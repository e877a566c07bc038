import { describe, expect, test } from 'vitest';
import { formatAvoidList, makeAvoidCheck, mergeAvoidList, parseAvoidList } from './avoid-list';

describe('parseAvoidList', () => {
  test.each([
    ['plain text, one per line, "#" optional', 'likeforlike\n#followforfollow\r\n\n  l4l  \n', ['likeforlike', 'followforfollow', 'l4l']],
    ['CSV with a header', 'hashtag\nlikeforlike\n"#l4l"\n', ['likeforlike', 'l4l']],
    ['CSV on one row, semicolons', 'spam;#l4l;caffè', ['spam', 'l4l', 'caffè']],
    ['a byte-order mark is ignored', '\uFEFFspam\n', ['spam']],
  ])('%s', (_name, text, expected) => {
    expect(parseAvoidList(text)).toEqual({ ok: true, tags: expected, duplicates: 0 });
  });

  test('repeats are counted and kept once', () => {
    expect(parseAvoidList('spam\nSPAM\nspam')).toEqual({ ok: true, tags: ['spam'], duplicates: 2 });
  });

  test('what is not a hashtag refuses the whole file and says where', () => {
    expect(parseAvoidList('spam\n2024\nnot a tag\nok')).toEqual({
      ok: false,
      error: 'invalid',
      invalid: [
        { line: 2, text: '2024' },
        { line: 3, text: 'not a tag' },
      ],
    });
  });

  test('an empty file is refused', () => {
    expect(parseAvoidList('\n\n')).toMatchObject({ ok: false, error: 'empty' });
  });

  test('round trip through the plain text export', () => {
    const tags = ['likeforlike', 'caffè', 'ラーメン'];
    expect(parseAvoidList(formatAvoidList(tags))).toEqual({ ok: true, tags, duplicates: 0 });
  });
});

test('mergeAvoidList keeps the existing order and drops repeats', () => {
  expect(mergeAvoidList(['a1', 'B2'], ['b2', 'c3', 'A1'])).toEqual(['a1', 'B2', 'c3']);
});

test('makeAvoidCheck ignores case and accents', () => {
  const avoided = makeAvoidCheck(['#Caffe']);
  expect([avoided('caffè'), avoided('CAFFE'), avoided('caffetteria')]).toEqual([true, true, false]);
});
