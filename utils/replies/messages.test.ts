import { expect, test } from 'vitest';
import { errorExcerpt, positionOf, templateErrorMessage, TEMPLATE_ERROR_KEYS } from './messages';
import { parseTemplate, TEMPLATE_ERROR_CODES } from './template';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';

test.each([
  ['start of the text', 'Ciao {{nome}}', 0, { line: 1, column: 1 }],
  ['on the first line', 'Ciao {{nome}}', 5, { line: 1, column: 6 }],
  ['on the third line', 'a\nbb\nccc {{x', 9, { line: 3, column: 5 }],
  ['after an emoji (one column, two UTF-16 units)', '😊 {{x', 3, { line: 1, column: 3 }],
  ['past the end', 'ab', 99, { line: 1, column: 3 }],
])('positionOf: %s', (_why, source, offset, expected) => {
  expect(positionOf(source, offset)).toEqual(expected);
});

test('errorExcerpt: the faulty part apart, on its own line only, long lines cut', () => {
  const source = 'Prima riga\nGrazie mille per averci scritto, {{nome}} e a presto da tutti noi del negozio\nultima';
  const [error] = parseTemplate(source).errors;
  expect(errorExcerpt(source, error, 10)).toEqual({ before: '… scritto, ', marked: '{{nome}}', after: ' e a prest…' });
  // An unclosed tag reported up to the end of the text stops at its line.
  expect(errorExcerpt('Ciao {{\nx', { start: 5, end: 9 })).toEqual({ before: 'Ciao ', marked: '{{', after: '' });
});

test('every template error code has an explanation in English and Italian, with the name', () => {
  for (const code of TEMPLATE_ERROR_CODES) {
    expect(TEMPLATE_ERROR_KEYS[code] in en, code).toBe(true);
    expect(TEMPLATE_ERROR_KEYS[code] in it, code).toBe(true);
  }
  const t = (key: string, ...subs: (string | number)[]) => `${key}(${subs.join(',')})`;
  expect(templateErrorMessage(t, { code: 'unknown-variable', start: 0, end: 8, name: 'nome' })).toBe('repliesTemplateErrorUnknownVariable(nome)');
});
