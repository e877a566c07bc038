import { describe, expect, test } from 'vitest';
import { planHashtagInsert } from './insert-plan';
import { rulesFor } from './limits';

const ig = rulesFor('instagram');
const fb = rulesFor('facebook');

describe('planHashtagInsert', () => {
  test.each([
    ['empty composer', '', '', '', ['pizza'], '#pizza'],
    ['after text: a separating space', 'Buon pranzo', 'Buon pranzo', '', ['pizza'], ' #pizza'],
    ['after a space already: none added', 'Buon pranzo ', 'Buon pranzo ', '', ['pizza'], '#pizza'],
    ['after a new line: none added', 'Buon pranzo\n', 'Buon pranzo\n', '', ['pizza'], '#pizza'],
    ['mid-text: spaces on both sides', 'Buon pranzo', 'Buon', ' pranzo'.slice(1), ['pizza'], ' #pizza '],
    ['several, with "#" or not', 'Ciao', 'Ciao', '', ['#pizza', 'napoli'], ' #pizza #napoli'],
  ])('%s', (_name, composerText, before, after, tags, expected) => {
    expect(planHashtagInsert({ tags, composerText, before, after, rules: fb }).text).toBe(expected);
  });

  test('tags already in the composer (any case) are not added again', () => {
    const plan = planHashtagInsert({ tags: ['Pizza', 'napoli'], composerText: 'Oggi #pizza', before: 'Oggi #pizza', after: '', rules: fb });
    expect(plan).toEqual({ text: ' #napoli', added: ['napoli'], alreadyThere: ['Pizza'], overLimit: [] });
  });

  test('a repeat inside the request is added once', () => {
    expect(planHashtagInsert({ tags: ['pizza', 'PIZZA'], composerText: '', before: '', after: '', rules: fb }).added).toEqual(['pizza']);
  });

  test('never past the limit: the rest is reported, in priority order', () => {
    const plan = planHashtagInsert({
      tags: ['a1', 'b2', 'c3', 'd4'],
      composerText: '#x #y #z',
      before: '#x #y #z',
      after: '',
      rules: ig,
    });
    expect(plan).toEqual({ text: ' #a1 #b2', added: ['a1', 'b2'], alreadyThere: [], overLimit: ['c3', 'd4'] });
  });

  test('at the limit nothing is inserted unless the user agreed', () => {
    const full = '#a #b #c #d #e';
    expect(planHashtagInsert({ tags: ['f'], composerText: full, before: full, after: '', rules: ig })).toMatchObject({
      text: '',
      overLimit: ['f'],
    });
    expect(
      planHashtagInsert({ tags: ['f'], composerText: full, before: full, after: '', rules: ig, allowOverLimit: true }),
    ).toMatchObject({ text: ' #f', overLimit: [] });
  });

  test('Facebook has no cap', () => {
    const many = Array.from({ length: 12 }, (_, i) => `t${i}x`);
    expect(planHashtagInsert({ tags: many, composerText: '', before: '', after: '', rules: fb }).added).toHaveLength(12);
  });
});
