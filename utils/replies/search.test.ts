import { describe, expect, test } from 'vitest';
import { replySearch } from './search';

const replies = [
  { id: '1', title: 'Orari di apertura', shortcut: 'orari', body: 'Siamo aperti dalle 9 alle 18.', tags: ['info'] },
  { id: '2', title: 'Prezzi', shortcut: 'prezzi', body: 'Il listino è in bio.', tags: ['vendite'] },
  { id: '3', title: 'Thanks', shortcut: null, body: 'Thank you for the kind words! ☕', tags: ['caffè'] },
];

describe('palette search', () => {
  const search = replySearch(replies);
  test('empty query: everything, in the given order', () => {
    expect(search('  ').map((r) => r.id)).toEqual(['1', '2', '3']);
  });
  test('title with a typo', () => {
    expect(search('orair')[0].id).toBe('1');
  });
  test('shortcut', () => {
    expect(search('prezzi')[0].id).toBe('2');
  });
  test('tag, ignoring accents', () => {
    expect(search('caffe')[0].id).toBe('3');
  });
  test('body words', () => {
    expect(search('listino')[0].id).toBe('2');
  });
  test('nothing close: nothing', () => {
    expect(search('zzzzqqq')).toEqual([]);
  });
});
