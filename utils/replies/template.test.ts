import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  fieldsToAsk,
  listFields,
  missingVariables,
  parseTemplate,
  renderPreview,
  renderTemplate,
  SAMPLE_CONTEXT,
  TEMPLATE_ERROR_CODES,
  type TemplateContext,
  type TemplateError,
} from './template';
import { seededRandom as seeded } from '../../tests/unit/seeded-random';

/** A `random` returning the given values in turn (then repeating the last). */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)];
}

// Wednesday 12 March 2025, 10:05 in Rome.
const NOW = new Date('2025-03-12T09:05:00Z');

function ctx(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    locale: 'it-IT',
    now: NOW,
    timeZone: 'Europe/Rome',
    firstName: 'Giulia',
    lastName: 'Rossi',
    myName: 'Pasticceria Dolce Vita',
    answers: { Orario: '18:30', Taglia: 'M' },
    random: () => 0,
    ...overrides,
  };
}

type Expected = { text: string; caret?: number | null; errors?: TemplateError[] };
type Case = [name: string, source: string, overrides: Partial<TemplateContext>, expected: Expected];

const err = (code: TemplateError['code'], start: number, end: number, name?: string): TemplateError =>
  name === undefined ? { code, start, end } : { code, start, end, name };

const cases: Case[] = [
  // plain text
  ['plain text', 'Grazie per il messaggio!', {}, { text: 'Grazie per il messaggio!' }],
  ['empty source', '', {}, { text: '' }],
  // variables
  ['first_name', 'Ciao {{first_name}}!', {}, { text: 'Ciao Giulia!' }],
  ['last_name', 'Gentile sig.ra {{last_name}}', {}, { text: 'Gentile sig.ra Rossi' }],
  ['full_name derived from first + last', '{{full_name}}', {}, { text: 'Giulia Rossi' }],
  ['full_name given explicitly', '{{full_name}}', { fullName: 'Giulia Maria Rossi' }, { text: 'Giulia Maria Rossi' }],
  ['full_name from first only', '{{full_name}}', { lastName: undefined }, { text: 'Giulia' }],
  ['my_name', '— {{my_name}}', {}, { text: '— Pasticceria Dolce Vita' }],
  ['date in Italian', '{{date}}', {}, { text: '12 marzo 2025' }],
  ['time in Italian', '{{time}}', {}, { text: '10:05' }],
  ['weekday in Italian', '{{weekday}}', {}, { text: 'mercoledì' }],
  ['time honours timeZone', '{{time}}', { timeZone: 'America/New_York' }, { text: '05:05' }],
  ['weekday in English', '{{weekday}}', { locale: 'en-US' }, { text: 'Wednesday' }],
  ['date in English', '{{date}}', { locale: 'en-US' }, { text: 'March 12, 2025' }],
  // fallbacks
  ['fallback used when missing', 'Ciao {{first_name|amico}}', { firstName: undefined }, { text: 'Ciao amico' }],
  ['fallback ignored when present', 'Ciao {{first_name|amico}}', {}, { text: 'Ciao Giulia' }],
  ['fallback used when empty', '{{first_name|amico}}', { firstName: '' }, { text: 'amico' }],
  ['fallback used when blank', '{{first_name|amico}}', { firstName: '   ' }, { text: 'amico' }],
  ['whitespace inside tags', 'Ciao {{ first_name | amico }}!', { firstName: undefined }, { text: 'Ciao amico!' }],
  ['empty fallback allowed', 'Ciao{{first_name|}}!', { firstName: undefined }, { text: 'Ciao!' }],
  ['fallback keeps inner bars and colons', '{{my_name|Ore 10:00|12:00}}', { myName: undefined }, { text: 'Ore 10:00|12:00' }],
  ['fallback with accents', '{{first_name|caro cliente è un piacere}}', { firstName: undefined }, { text: 'caro cliente è un piacere' }],
  // missing values
  ['missing value without fallback', 'Ciao {{first_name}}!', { firstName: undefined }, { text: 'Ciao!', errors: [err('missing-value', 5, 19, 'first_name')] }],
  ['missing my_name', '{{my_name}}', { myName: '' }, { text: '', errors: [err('missing-value', 0, 11, 'my_name')] }],
  ['invalid date is a missing value', '{{date}} {{time|?}}', { now: new Date(NaN) }, { text: '?', errors: [err('missing-value', 0, 8, 'date')] }],
  ['invalid locale degrades, no error', '{{weekday}}', { locale: 'not a locale!!' }, { text: expect.any(String) as unknown as string }],
  // unknown / empty / unclosed tags
  ['unknown variable', '{{nome}} ciao', {}, { text: ' ciao', errors: [err('unknown-variable', 0, 8, 'nome')] }],
  ['names are case-sensitive', '{{First_Name}}', {}, { text: '', errors: [err('unknown-variable', 0, 14, 'First_Name')] }],
  ['empty tag', 'a{{}}b', {}, { text: 'ab', errors: [err('empty-tag', 1, 5)] }],
  ['blank tag', '{{   }}', {}, { text: '', errors: [err('empty-tag', 0, 7)] }],
  ['tag with only a fallback', '{{|amico}}', {}, { text: '', errors: [err('empty-tag', 0, 10)] }],
  ['unclosed tag at end', 'Ciao {{first_name', {}, { text: 'Ciao {{first_name', errors: [err('unclosed-tag', 5, 7)] }],
  ['tag broken by a line break', '{{first_name\n}}', {}, { text: '{{first_name\n}}', errors: [err('unclosed-tag', 0, 2)] }],
  ['tag broken by a single brace', '{{a}b}}', {}, { text: '{{a}b}}', errors: [err('unclosed-tag', 0, 2)] }],
  // fill-in fields
  ['input answered', 'Ti aspettiamo alle {{input:Orario}}.', {}, { text: 'Ti aspettiamo alle 18:30.' }],
  ['input with spaces', '{{ input : Orario }}', {}, { text: '18:30' }],
  ['input unanswered', '{{input:Indirizzo}}', {}, { text: '', errors: [err('missing-answer', 0, 19, 'Indirizzo')] }],
  ['input blank answer', 'x{{input:Orario}}', { answers: { Orario: '  ' } }, { text: 'x', errors: [err('missing-answer', 1, 17, 'Orario')] }],
  ['input with no answers at all', '{{input:Orario}}', { answers: undefined }, { text: '', errors: [err('missing-answer', 0, 16, 'Orario')] }],
  ['choice answered', 'Taglia {{choice:Taglia|S|M|L}}', {}, { text: 'Taglia M' }],
  ['choice with spaces', '{{choice: Taglia | S | M | L }}', { answers: { Taglia: ' L ' } }, { text: 'L' }],
  ['choice invalid answer', '{{choice:Taglia|S|M|L}}', { answers: { Taglia: 'XL' } }, { text: '', errors: [err('invalid-choice', 0, 23, 'Taglia')] }],
  ['choice unanswered', '{{choice:Colore|rosso|blu}}', {}, { text: '', errors: [err('missing-answer', 0, 27, 'Colore')] }],
  ['same field twice uses one answer', '{{input:Orario}} / {{input:Orario}}', {}, { text: '18:30 / 18:30' }],
  ['malformed: input without label', '{{input:}}', {}, { text: '', errors: [err('malformed-tag', 0, 10, 'input')] }],
  ['malformed: choice without options', '{{choice:Taglia}}', {}, { text: '', errors: [err('malformed-tag', 0, 17, 'Taglia')] }],
  ['malformed: empty option', '{{choice:Taglia|S||L}}', {}, { text: '', errors: [err('malformed-tag', 0, 22, 'Taglia')] }],
  ['malformed: unknown field kind', '{{select:Taglia}}', {}, { text: '', errors: [err('malformed-tag', 0, 17, 'Taglia')] }],
  ['malformed: input with a bar', '{{input:Orario|18}}', {}, { text: '', errors: [err('malformed-tag', 0, 19, 'Orario')] }],
  // cursor
  ['no cursor → null caret', 'Ciao', {}, { text: 'Ciao', caret: null }],
  ['cursor at start', '{{cursor}}Ciao', {}, { text: 'Ciao', caret: 0 }],
  ['cursor in the middle', 'Ciao {{cursor}}!', {}, { text: 'Ciao !', caret: 5 }],
  ['cursor at end after variable', 'Perché {{first_name}}{{cursor}}', {}, { text: 'Perché Giulia', caret: 13 }],
  ['cursor after emoji with skin tone', '👍🏽 {{cursor}}grazie', {}, { text: '👍🏽 grazie', caret: 5 }],
  ['cursor after ZWJ emoji in a value', '{{first_name}}{{cursor}}', { firstName: '👩🏽‍💻 Ana' }, { text: '👩🏽‍💻 Ana', caret: 11 }],
  ['cursor with spaces', 'a{{ cursor }}b', {}, { text: 'ab', caret: 1 }],
  ['duplicate cursor', '{{cursor}}a{{cursor}}', {}, { text: 'a', caret: 0, errors: [err('duplicate-cursor', 11, 21, 'cursor')] }],
  ['cursor with fallback is malformed', '{{cursor|x}}', {}, { text: '', caret: null, errors: [err('malformed-tag', 0, 12, 'cursor')] }],
  ['cursor inside chosen alternative', '{a{{cursor}}|b}', { random: () => 0 }, { text: 'a', caret: 1 }],
  ['cursor inside other alternative', '{a{{cursor}}|b}', { random: () => 0.9 }, { text: 'b', caret: null }],
  // spintax
  ['spintax first', '{Grazie|Grazie mille|Ti ringraziamo}', { random: () => 0 }, { text: 'Grazie' }],
  ['spintax second', '{Grazie|Grazie mille|Ti ringraziamo}', { random: () => 0.5 }, { text: 'Grazie mille' }],
  ['spintax last', '{Grazie|Grazie mille|Ti ringraziamo}', { random: () => 0.999 }, { text: 'Ti ringraziamo' }],
  ['spintax nested', '{Ciao {a tutti|ragazzi}|Salve}', { random: sequence(0, 0.9) }, { text: 'Ciao ragazzi' }],
  ['spintax nested, other branch', '{Ciao {a tutti|ragazzi}|Salve}', { random: sequence(0.9) }, { text: 'Salve' }],
  ['variable inside spintax', '{Ciao {{first_name}}|Salve {{full_name}}}!', { random: () => 0.7 }, { text: 'Salve Giulia Rossi!' }],
  ['empty alternative', 'Grazie{ mille|}!', { random: () => 0.9 }, { text: 'Grazie!' }],
  ['random out of range is clamped', '{a|b}', { random: () => 7 }, { text: 'b' }],
  ['random NaN picks first', '{a|b}', { random: () => NaN }, { text: 'a' }],
  ['triple brace: group around a tag', '{{{first_name}}|amico}', { random: () => 0 }, { text: 'Giulia' }],
  ['missing value in an unchosen branch is still an error', '{Ciao {{first_name}}|Salve}', { firstName: undefined, random: () => 0.9 }, { text: 'Salve', errors: [err('missing-value', 6, 20, 'first_name')] }],
  // literal braces and bars
  ['single-brace group without bar is literal', 'Scrivi {ciao}', {}, { text: 'Scrivi {ciao}' }],
  ['literal group may contain a variable', '{ciao {{first_name}}}', {}, { text: '{ciao Giulia}' }],
  ['lone open brace', 'a { b', {}, { text: 'a { b' }],
  ['lone close brace', 'a } b :-}', {}, { text: 'a } b :-}' }],
  ['bar outside groups is literal', 'S|M|L', {}, { text: 'S|M|L' }],
  ['unbalanced braces around spintax', '}{a|b}{', { random: () => 0.9 }, { text: '}b{' }],
  // escapes
  ['escaped braces show a raw placeholder', '\\{\\{first_name\\}\\}', {}, { text: '{{first_name}}' }],
  ['escaped backslash', 'C:\\\\temp', {}, { text: 'C:\\temp' }],
  ['escaped bar inside spintax', '{a\\|b|c}', { random: () => 0 }, { text: 'a|b' }],
  ['escaped brace inside spintax', '{\\}|x}', { random: () => 0 }, { text: '}' }],
  ['other backslashes are literal', 'C:\\temp\\n', {}, { text: 'C:\\temp\\n' }],
  ['trailing backslash', 'ciao\\', {}, { text: 'ciao\\' }],
  // Unicode and line breaks
  [
    'Italian, emoji and line breaks preserved',
    'Ciao {{first_name}}! 😊\nGrazie per la recensione 👍🏽\n\nA presto,\n{{my_name}} 👋🏾',
    {},
    { text: 'Ciao Giulia! 😊\nGrazie per la recensione 👍🏽\n\nA presto,\nPasticceria Dolce Vita 👋🏾' },
  ],
  ['CRLF preserved', 'Perché no?\r\nCiao {{first_name}}\r\n', {}, { text: 'Perché no?\r\nCiao Giulia\r\n' }],
  ['error positions after emoji are UTF-16', '👍🏽 {{nome}}', {}, { text: '👍🏽 ', errors: [err('unknown-variable', 5, 13, 'nome')] }],
  // several errors, sorted by position
  [
    'several errors in source order',
    '{{x}} {{input:A}} {{}} {{first_name}}',
    { firstName: undefined },
    {
      text: '',
      errors: [err('unknown-variable', 0, 5, 'x'), err('missing-answer', 6, 17, 'A'), err('empty-tag', 18, 22), err('missing-value', 23, 37, 'first_name')],
    },
  ],
];

describe('renderTemplate — table', () => {
  test.each(cases)('%s', (_name, source, overrides, expected) => {
    const result = renderTemplate(source, ctx(overrides));
    expect(result).toEqual({ text: expected.text, caret: expected.caret ?? null, errors: expected.errors ?? [] });
  });
});

describe('listFields', () => {
  test('unique by label, in order, from every alternative', () => {
    const source = '{{input:Orario}} {a|{{choice:Taglia|S|M}}} {{input:Orario}} {{choice:Taglia|X}} {{input:Note}}';
    expect(listFields(source)).toEqual([
      { kind: 'input', label: 'Orario' },
      { kind: 'choice', label: 'Taglia', options: ['S', 'M'] },
      { kind: 'input', label: 'Note' },
    ]);
  });

  test('ignores malformed fields and plain variables', () => {
    expect(listFields('{{input:}} {{choice:T}} {{first_name}} \\{{input:X\\}}')).toEqual([]);
  });
});

describe('parseTemplate', () => {
  test('builds an AST with source positions', () => {
    expect(parseTemplate('Hi {{first_name|you}}{a|b}').nodes).toEqual([
      { type: 'text', value: 'Hi ', start: 0, end: 3 },
      { type: 'variable', name: 'first_name', fallback: 'you', start: 3, end: 21 },
      {
        type: 'spintax',
        start: 21,
        end: 26,
        alternatives: [[{ type: 'text', value: 'a', start: 22, end: 23 }], [{ type: 'text', value: 'b', start: 24, end: 25 }]],
      },
    ]);
  });

  test('very deep spintax nesting is reported, not a stack overflow', () => {
    const source = '{a|'.repeat(5000) + '}'.repeat(5000);
    const result = renderTemplate(source, ctx());
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.code === 'too-deep')).toBe(true);
  });
});

describe('SAMPLE_CONTEXT', () => {
  test('Italian sample fills every field of the source', () => {
    const source = 'Ciao {{first_name}}, {{input:Orario}} {{choice:Taglia|S|M}} {{date}} {{cursor}}';
    const result = renderTemplate(source, SAMPLE_CONTEXT('it-IT', { now: NOW, timeZone: 'Europe/Rome', source }));
    expect(result).toEqual({ text: 'Ciao Giulia, Orario S 12 marzo 2025 ', caret: 36, errors: [] });
  });

  test('unknown language falls back to English sample data', () => {
    expect(SAMPLE_CONTEXT('xx').firstName).toBe('Emma');
  });
});

describe('an empty value leaves no trace (issue #12)', () => {
  const none = { firstName: undefined, lastName: undefined, myName: undefined, answers: {} };
  test.each([
    ['space before punctuation', 'Ciao {{first_name|}}!', 'Ciao!'],
    ['double space', 'Ciao {{first_name|}} e grazie', 'Ciao e grazie'],
    ['at the start of a line', '{{first_name|}} grazie\n{{my_name|}} a presto', 'grazie\na presto'],
    ['at the end', 'Grazie {{my_name|}}', 'Grazie'],
    ['empty parentheses', 'Grazie ({{my_name|}}) a presto', 'Grazie a presto'],
    ['a list with two empty values', "We're open {{my_name|}}, {{first_name|}}.", "We're open."],
    ['a comma before a line end', 'Ciao {{first_name|}},\nbenvenuto', 'Ciao,\nbenvenuto'],
    ['a comma left dangling before a line end', 'Ciao, {{first_name|}}\nbenvenuto', 'Ciao\nbenvenuto'],
    ['an empty spintax alternative', 'Grazie {mille|} !', 'Grazie!'],
    ['unanswered fields (never inserted, still tidy)', 'call us on {{input:Phone}} or send us a DM', 'call us on or send us a DM'],
    ['the user’s own spacing elsewhere is kept', 'a  b {{my_name|}}', 'a  b'],
  ])('%s', (_name, source, text) => {
    expect(renderTemplate(source, ctx({ ...none, random: () => 0.99 })).text).toBe(text);
  });

  test('the caret keeps its place when spaces before it go', () => {
    expect(renderTemplate('Ciao {{first_name|}} {{cursor}}!', ctx(none))).toMatchObject({ text: 'Ciao!', caret: 4 });
  });
});

describe('renderPreview: what will be asked is a labelled place, not a gap', () => {
  test('fields and variables without value or fallback', () => {
    const source = "{Hi|Hello} {{first_name}}! We're open {{choice:Days|Mon|Tue}}, {{input:Hours}}.{{cursor}}";
    expect(renderPreview(source, ctx({ firstName: undefined, answers: {}, random: () => 0 }))).toEqual([
      { type: 'text', text: 'Hi ' },
      { type: 'ask', label: 'first_name', variable: 'first_name' },
      { type: 'text', text: "! We're open " },
      { type: 'ask', label: 'Days' },
      { type: 'text', text: ', ' },
      { type: 'ask', label: 'Hours' },
      { type: 'text', text: '.' },
      { type: 'caret' },
    ]);
  });

  test('known values are text; empty ones close up', () => {
    expect(renderPreview('Ciao {{first_name}} {{my_name|}}!', ctx({ myName: undefined }))).toEqual([{ type: 'text', text: 'Ciao Giulia!' }]);
  });
});

describe('fieldsToAsk: a variable with no value and no fallback is asked', () => {
  test('after the fields, keyed {{name}}, each once, from every branch', () => {
    const source = '{Ciao {{first_name}}|Salve {{first_name}}} {{input:Orario}} {{my_name}} {{last_name|}}';
    const context = ctx({ firstName: undefined, myName: undefined, lastName: undefined });
    expect(missingVariables(source, context)).toEqual(['first_name', 'my_name']);
    expect(fieldsToAsk(source, context)).toEqual([
      { kind: 'input', label: 'Orario' },
      { kind: 'input', label: '{{first_name}}', variable: 'first_name' },
      { kind: 'input', label: '{{my_name}}', variable: 'my_name' },
    ]);
  });

  test('the answers fill the variables: no error, no hole', () => {
    const context = ctx({ firstName: undefined, answers: { '{{first_name}}': 'Anna' } });
    expect(renderTemplate('Ciao {{first_name}}!', context)).toEqual({ text: 'Ciao Anna!', caret: null, errors: [] });
    // A value the page shows wins over an answer.
    expect(renderTemplate('Ciao {{first_name}}!', ctx({ answers: { '{{first_name}}': 'Anna' } })).text).toBe('Ciao Giulia!');
  });
});

// ---------------------------------------------------------------- properties

const RUNS = { numRuns: 500, seed: 20250312 };

/** Strings made of template-ish pieces, to hit the parser's corners. */
const templateish = fc.string({
  unit: fc.constantFrom('{', '}', '{{', '}}', '|', '\\', ':', ' ', '\n', 'a', 'è', '👍🏽', 'first_name', 'cursor', 'input:', 'choice:', 'date'),
  maxLength: 40,
});

function assertWellFormed(source: string, result: ReturnType<typeof renderTemplate>): void {
  expect(typeof result.text).toBe('string');
  if (result.caret !== null) {
    expect(result.caret).toBeGreaterThanOrEqual(0);
    expect(result.caret).toBeLessThanOrEqual(result.text.length);
  }
  for (const error of result.errors) {
    expect(TEMPLATE_ERROR_CODES).toContain(error.code);
    expect(error.start).toBeGreaterThanOrEqual(0);
    expect(error.end).toBeGreaterThan(error.start);
    expect(error.end).toBeLessThanOrEqual(source.length);
    expect(error).not.toHaveProperty('message');
  }
}

describe('properties', () => {
  test('random strings never throw and give well-formed results', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), templateish), fc.integer(), (source, seed) => {
        const result = renderTemplate(source, ctx({ random: seeded(seed) }));
        assertWellFormed(source, result);
        expect(() => listFields(source)).not.toThrow();
      }),
      RUNS,
    );
  });

  test('a string without { } \\ renders to itself', () => {
    const plain = fc.string({ unit: 'binary' }).map((s) => s.replace(/[{}\\]/g, ''));
    fc.assert(
      fc.property(plain, (source) => {
        expect(renderTemplate(source, ctx({ random: seeded(1) }))).toEqual({ text: source, caret: null, errors: [] });
      }),
      RUNS,
    );
  });

  const alternative = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[{}\\|]/g, ''));

  test('spintax output is always one of the alternatives', () => {
    fc.assert(
      fc.property(fc.array(alternative, { minLength: 2, maxLength: 6 }), fc.integer(), (alternatives, seed) => {
        const result = renderTemplate(`{${alternatives.join('|')}}`, ctx({ random: seeded(seed) }));
        expect(alternatives).toContain(result.text);
        expect(result.errors).toEqual([]);
      }),
      RUNS,
    );
  });

  test('nested spintax output is one of the flattened alternatives', () => {
    fc.assert(
      fc.property(alternative, alternative, alternative, alternative, fc.integer(), (a, b, c, d, seed) => {
        const result = renderTemplate(`{${a}|{${b}|${c}}|${d}}`, ctx({ random: seeded(seed) }));
        expect([a, b, c, d]).toContain(result.text);
      }),
      RUNS,
    );
  });

  test('the same seed gives the same reply', () => {
    fc.assert(
      fc.property(templateish, fc.integer(), (source, seed) => {
        expect(renderTemplate(source, ctx({ random: seeded(seed) }))).toEqual(renderTemplate(source, ctx({ random: seeded(seed) })));
      }),
      RUNS,
    );
  });

  test('escaping every special character makes any string literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = text.replace(/[{}\\|]/g, (c) => `\\${c}`);
        expect(renderTemplate(escaped, ctx())).toEqual({ text, caret: null, errors: [] });
      }),
      RUNS,
    );
  });
});
