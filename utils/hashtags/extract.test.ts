import { describe, expect, test } from 'vitest';
import { extractHashtags, isValidHashtag, normalizeHashtag } from './extract';

const NFD = (s: string) => s.normalize('NFD');

describe('extractHashtags: scripts', () => {
  test.each<[string, string, string[]]>([
    ['Latin with accents', 'Buongiorno #caffè e #Perù', ['caffè', 'Perù']],
    ['Latin, decomposed accents kept as written', NFD('#café'), [NFD('café')]],
    ['Vietnamese stacked marks', '#Việt_Nam', ['Việt_Nam']],
    ['Cyrillic', 'Привет #Москва #ёлка', ['Москва', 'ёлка']],
    ['Greek', '#Αθήνα', ['Αθήνα']],
    ['Arabic', 'مرحبا #مرحبا_بكم', ['مرحبا_بكم']],
    ['Arabic with harakat', '#مَرْحَبًا', ['مَرْحَبًا']],
    ['Hebrew', '#שלום עולם', ['שלום']],
    ['Hebrew with points', '#שָׁלוֹם', ['שָׁלוֹם']],
    ['CJK ideographs', '#日本語 #中文', ['日本語', '中文']],
    ['Hangul', '#한국어 #서울', ['한국어', '서울']],
    ['Thai with its marks', '#ภาษาไทย #สวัสดี', ['ภาษาไทย', 'สวัสดี']],
    ['Devanagari with combining marks', '#हिंदी #नमस्ते', ['हिंदी', 'नमस्ते']],
    ['Japanese kana', '#ひらがな #カタカナー', ['ひらがな', 'カタカナー']],
    ['Japanese kana with decomposed dakuten', NFD('#がっこう'), [NFD('がっこう')]],
    ['CJK glued before # is mid-word', '今日は#ラーメン', []],
    ['CJK tag runs on to the next non-tag char', '#ラーメン食べた。', ['ラーメン食べた']],
  ])('%s', (_name, text, expected) => {
    expect(extractHashtags(text)).toEqual(expected);
  });
});

describe('extractHashtags: boundaries', () => {
  test.each<[string, string, string[]]>([
    ['start of text', '#start here', ['start']],
    ['after a space', 'hello #world', ['world']],
    ['after punctuation', '(#paren) "#quote" ,#comma', ['paren', 'quote', 'comma']],
    ['after a symbol', '+#plus $#dollar', ['plus', 'dollar']],
    ['after an emoji', '🍕#pizza', ['pizza']],
    ['after an emoji with VS16', '❤️#love', ['love']],
    ['after a skin-tone emoji', '👍🏽#tag', ['tag']],
    ['after a keycap emoji', '1️⃣#uno', ['uno']],
    ['after a ZWJ emoji sequence', '👩\u200d💻#dev', ['dev']],
    ['mid-word # gives nothing', 'abc#tag', []],
    ['mid-word after a digit', '2024#tag', []],
    ['mid-word after underscore', 'a_#tag', []],
    ['after an accented letter', 'caffè#tag', []],
    ['after & (HTML entity)', 'it&#39;s &#tag', []],
    ['after an entity ending in ;', '&amp;#tag', ['tag']],
    ['lone #', 'a # b #', []],
    ['##tag: second # starts the tag', '##tag', ['tag']],
    ['keycap emoji #️⃣ is no tag', '#️⃣tag', []],
    ['tag followed by # is discarded', '#a#b', []],
    ['tag followed by ＃ is discarded', '#a＃b', []],
    ['tag followed by :// is discarded', '#http://x.it', []],
    ['@mention then #', '@user #tag', ['tag']],
    ['line breaks', 'first\n#one\r\n#two\n\n#three', ['one', 'two', 'three']],
    ['tab and NBSP', '\t#tab\u00a0#nbsp', ['tab', 'nbsp']],
    ['ideographic space', '写真\u3000#旅行', ['旅行']],
  ])('%s', (_name, text, expected) => {
    expect(extractHashtags(text)).toEqual(expected);
  });
});

describe('extractHashtags: URLs', () => {
  test.each<[string, string, string[]]>([
    ['fragment in https URL', 'see https://x.it/a#b', []],
    ['fragment in www URL', 'www.x.it/#frag', []],
    ['fragment in bare domain with path', 'x.it/page/#frag', []],
    ['URL then a real tag', 'https://x.it/a#b #real', ['real']],
    ['tag right after URL fragment line', 'www.x.it/#frag\n#next', ['next']],
    ['query then fragment', 'http://x.it/?q=1&#x #y', ['y']],
    ['sentence with dots is not a URL', 'Fine. #end', ['end']],
    ['tag before a URL', '#news https://x.it/#a', ['news']],
  ])('%s', (_name, text, expected) => {
    expect(extractHashtags(text)).toEqual(expected);
  });
});

describe('extractHashtags: tag content', () => {
  test.each<[string, string, string[]]>([
    ['! ends a tag', '#caffè!', ['caffè']],
    [', ends a tag', '#tag, #other.', ['tag', 'other']],
    ['apostrophe ends a tag', "#rock'n'roll", ['rock']],
    ['hyphen ends a tag', '#well-being', ['well']],
    ['middle dot stays inside a tag (twitter-text)', '#a·b', ['a·b']],
    ['Hebrew maqaf and gershayim stay inside a tag', '#בית־ספר #צה״ל', ['בית־ספר', 'צה״ל']],
    ['katakana middle dot stays inside a tag', '#ラーメン・つけ麺', ['ラーメン・つけ麺']],
    ['a special character alone is no tag', '#〃 #・', []],
    ['digits alone are no tag', '#2024', []],
    ['digits and underscore alone are no tag', '#_2024 #_', []],
    ['letters with digits', '#café_2024 #2024ok', ['café_2024', '2024ok']],
    ['underscores', '#_under_score_ #snake_case', ['_under_score_', 'snake_case']],
    ['Persian ZWNJ inside a word', '#می\u200cخواهم', ['می\u200cخواهم']],
    ['ZWJ inside a Devanagari word', '#क्\u200dष', ['क्\u200dष']],
    ['joiners trimmed at the ends', '#\u200ctag\u200d end', ['tag']],
    ['full-width ＃', '＃タグ ＃tag', ['タグ', 'tag']],
    ['repeats kept, in order', '#b #a #b #a', ['b', 'a', 'b', 'a']],
    ['case kept as written', '#Tag #TAG #tag', ['Tag', 'TAG', 'tag']],
    ['empty text', '', []],
    ['no # at all', 'just words', []],
    ['superscript digit ends a tag', '#m²', ['m']],
  ])('%s', (_name, text, expected) => {
    expect(extractHashtags(text)).toEqual(expected);
  });
});

describe('extractHashtags: emoji option', () => {
  test.each<[string, string, string[], string[]]>([
    ['emoji after a tag', '#pizza🍕', ['pizza'], ['pizza🍕']],
    ['emoji-only tag', '#🍕 #ok', ['ok'], ['🍕', 'ok']],
    ['skin-tone emoji', '#thanks👍🏽 more', ['thanks'], ['thanks👍🏽']],
    ['ZWJ emoji sequence', '#code👩\u200d💻', ['code'], ['code👩\u200d💻']],
    ['VS16 emoji', '#love❤️', ['love'], ['love❤️']],
    ['flag', '#italia🇮🇹', ['italia'], ['italia🇮🇹']],
    ['keycap', '#top1️⃣', ['top1'], ['top1️⃣']],
    ['text-default symbol still ends a tag', '#brand™', ['brand'], ['brand']],
    ['emoji between two tags', '#pizza🍕#pasta', ['pizza', 'pasta'], ['pasta']],
    ['emoji then letters', '#i❤️roma', ['i'], ['i❤️roma']],
  ])('%s', (_name, text, off, on) => {
    expect(extractHashtags(text)).toEqual(off);
    expect(extractHashtags(text, { allowEmoji: false })).toEqual(off);
    expect(extractHashtags(text, { allowEmoji: true })).toEqual(on);
  });
});

describe('isValidHashtag', () => {
  test.each<[string, boolean, boolean?]>([
    ['caffè', true],
    ['café_2024', true],
    ['2024ok', true],
    ['می\u200cخواهم', true],
    ['हिंदी', true],
    ['2024', false],
    ['_', false],
    ['', false],
    ['#tag', false],
    ['two words', false],
    ['well-being', false],
    ['\u200ctag', false],
    ['pizza🍕', false],
    ['pizza🍕', true, true],
    ['🍕', true, true],
  ])('%j → %s', (tag, expected, allowEmoji) => {
    expect(isValidHashtag(tag, { allowEmoji })).toBe(expected);
  });
});

describe('normalizeHashtag', () => {
  test.each<[string, string, string]>([
    ['Caffè', 'caffè', 'caffe'],
    ['caffè', 'caffè', 'caffe'],
    ['caffe', 'caffe', 'caffe'],
    ['#Caffè', 'caffè', 'caffe'],
    [NFD('Caffè'), 'caffè', 'caffe'],
    ['ÉCOLE', 'école', 'ecole'],
    ['Αθήνα', 'αθήνα', 'αθηνα'],
    ['ΟΔΟΣ', 'οδοσ', 'οδοσ'],
    ['Straße', 'strasse', 'strasse'],
    ['STRASSE', 'strasse', 'strasse'],
    ['İstanbul', 'istanbul', 'istanbul'],
    ['Istanbul', 'istanbul', 'istanbul'],
    ['Kraków', 'kraków', 'krakow'],
    ['Łódź', 'łódź', 'lodz'],
    ['Москва', 'москва', 'москва'],
    ['МОЙ', 'мой', 'мой'],
    ['Ёлка', 'ёлка', 'елка'],
    ['Київ', 'київ', 'київ'],
    ['हिंदी', 'हिंदी', 'हिंदी'],
    ['नमस्ते', 'नमस्ते', 'नमस्ते'],
    ['สวัสดี', 'สวัสดี', 'สวัสดี'],
    ['مَرْحَبًا', 'مَرْحَبًا', 'مَرْحَبًا'],
    ['שָׁלוֹם', 'שָׁלוֹם', 'שָׁלוֹם'],
    [NFD('がっこう'), 'がっこう', 'がっこう'],
    ['می\u200cخواهم', 'می\u200cخواهم', 'میخواهم'],
    ['love❤️', 'love❤️', 'love❤'],
  ])('%j → key %j, looseKey %j', (tag, key, looseKey) => {
    expect(normalizeHashtag(tag)).toEqual({ key, looseKey });
  });

  test('Caffè, caffè and caffe: one family, two keys', () => {
    const [a, b, c] = ['Caffè', 'caffè', 'caffe'].map(normalizeHashtag);
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
    expect(new Set([a.looseKey, b.looseKey, c.looseKey]).size).toBe(1);
  });

  test('NFC and NFD input give the same keys', () => {
    for (const word of ['Perù', 'Việt', 'Ёлка', 'हिंदी', 'がっこう', 'Αθήνα']) {
      expect(normalizeHashtag(NFD(word))).toEqual(normalizeHashtag(word.normalize('NFC')));
    }
  });

  test('keys are idempotent', () => {
    for (const word of ['Caffè', 'Straße', 'İstanbul', 'ΟΔΟΣ', 'Ёлка', 'नमस्ते']) {
      const { key, looseKey } = normalizeHashtag(word);
      expect(normalizeHashtag(key).key).toBe(key);
      expect(normalizeHashtag(looseKey).looseKey).toBe(looseKey);
    }
  });
});

describe('extract + normalize', () => {
  test('counts tags by key across spellings', () => {
    const tags = extractHashtags('#Caffè #caffè #caffe #CAFFÈ');
    const byKey = new Map<string, number>();
    for (const t of tags) {
      const { key } = normalizeHashtag(t);
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(byKey)).toEqual({ 'caffè': 3, caffe: 1 });
  });

  test('every extracted tag is valid', () => {
    const text = '#caffè! ##x #می\u200cخواهم #2024ok https://x.it/#no ＃タグ #pizza🍕';
    for (const allowEmoji of [false, true]) {
      for (const t of extractHashtags(text, { allowEmoji })) expect(isValidHashtag(t, { allowEmoji })).toBe(true);
    }
  });
});
