/**
 * The template language of saved replies (see docs/templates.md).
 *
 * Pure: no browser API, no eval, never throws. Pipeline:
 *   source --tokenize--> tokens --matchBraces--> tokens --parse--> AST
 *   AST --checkValues--> value errors (every branch, independent of chance)
 *   AST --renderNodes--> text + caret (only the chosen branches)
 *
 * All positions (`start`/`end` of errors and nodes) are UTF-16 offsets in the
 * SOURCE; `caret` is a UTF-16 offset in the rendered TEXT.
 */

// ---------------------------------------------------------------- public types

export const TEMPLATE_ERROR_CODES = [
  'unclosed-tag',
  'empty-tag',
  'unknown-variable',
  'malformed-tag',
  'duplicate-cursor',
  'too-deep',
  'missing-value',
  'missing-answer',
  'invalid-choice',
] as const;

export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

export interface TemplateError {
  code: TemplateErrorCode;
  /** Never present: the UI translates `code`, there is no English prose here. */
  message?: never;
  /** Offset in the source where the faulty construct starts (inclusive). */
  start: number;
  /** Offset in the source where it ends (exclusive). */
  end: number;
  /** Variable name or field label, when there is one. */
  name?: string;
}

export const TEMPLATE_VARIABLES = [
  'first_name',
  'last_name',
  'full_name',
  'my_name',
  'date',
  'time',
  'weekday',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export interface TemplateContext {
  /** BCP 47 locale used for date, time and weekday, e.g. 'it-IT'. */
  locale: string;
  /** "Now" for date, time and weekday. */
  now: Date;
  /** IANA time zone, e.g. 'Europe/Rome'; the system zone when absent. */
  timeZone?: string;
  /** The person being answered. */
  firstName?: string;
  lastName?: string;
  /** When absent, `first_name` + `last_name`. */
  fullName?: string;
  /** The Page / account name. */
  myName?: string;
  /** Answers to fill-in fields, keyed by field label. */
  answers?: Record<string, string>;
  /** Source of chance for spintax, in [0, 1). Math.random when absent. */
  random?: () => number;
}

export interface TemplateField {
  kind: 'input' | 'choice';
  /** The field's label, also the key of its answer. */
  label: string;
  options?: string[];
  /** Set when the form asks for a variable the page does not show (see fieldsToAsk). */
  variable?: TemplateVariable;
}

export interface RenderResult {
  text: string;
  caret: number | null;
  errors: TemplateError[];
}

interface Span {
  start: number;
  end: number;
}

export type TemplateNode =
  | ({ type: 'text'; value: string } & Span)
  | ({ type: 'variable'; name: TemplateVariable; fallback: string | null } & Span)
  | ({ type: 'cursor' } & Span)
  | ({ type: 'input'; label: string } & Span)
  | ({ type: 'choice'; label: string; options: string[] } & Span)
  | ({ type: 'spintax'; alternatives: TemplateNode[][] } & Span);

export interface ParseResult {
  nodes: TemplateNode[];
  errors: TemplateError[];
}

/** Spintax groups nested deeper than this are kept literal (error `too-deep`). */
export const MAX_SPINTAX_DEPTH = 32;

// ------------------------------------------------------------------- tokenizer

type Token =
  | ({ kind: 'text'; value: string } & Span)
  | ({ kind: 'tag'; content: string } & Span)
  | ({ kind: 'open' } & Span)
  | ({ kind: 'close' } & Span)
  | ({ kind: 'bar' } & Span);

const ESCAPABLE = new Set(['{', '}', '\\', '|']);

/** Does a `{{` tag open at `i`? In a run of three or more `{`, only the last two open a tag. */
function opensTag(source: string, i: number): boolean {
  return source[i] === '{' && source[i + 1] === '{' && source[i + 2] !== '{';
}

/**
 * Reads a `{{ … }}` tag whose `{{` is at `start`. The content may not contain
 * a brace or a line break; returns null when the tag is not closed.
 */
function readTag(source: string, start: number): Token | null {
  for (let i = start + 2; i < source.length; i++) {
    const c = source[i];
    if (c === '}' && source[i + 1] === '}') {
      return { kind: 'tag', content: source.slice(start + 2, i), start, end: i + 2 };
    }
    if (c === '{' || c === '}' || c === '\n' || c === '\r') return null;
  }
  return null;
}

function pushText(tokens: Token[], value: string, start: number, end: number): void {
  const last = tokens[tokens.length - 1];
  if (last && last.kind === 'text' && last.end === start) {
    last.value += value;
    last.end = end;
  } else {
    tokens.push({ kind: 'text', value, start, end });
  }
}

/** Splits the source into text, tags, single braces and bars; resolves escapes. */
function tokenize(source: string, errors: TemplateError[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1])) {
      pushText(tokens, source[i + 1], i, i + 2);
      i += 2;
    } else if (opensTag(source, i)) {
      const tag = readTag(source, i);
      if (tag) {
        tokens.push(tag);
        i = tag.end;
      } else {
        errors.push({ code: 'unclosed-tag', start: i, end: i + 2 });
        pushText(tokens, '{{', i, i + 2);
        i += 2;
      }
    } else if (c === '{') {
      tokens.push({ kind: 'open', start: i, end: i + 1 });
      i += 1;
    } else if (c === '}') {
      tokens.push({ kind: 'close', start: i, end: i + 1 });
      i += 1;
    } else if (c === '|') {
      tokens.push({ kind: 'bar', start: i, end: i + 1 });
      i += 1;
    } else {
      const next = nextSpecial(source, i);
      pushText(tokens, source.slice(i, next), i, next);
      i = next;
    }
  }
  return tokens;
}

function nextSpecial(source: string, from: number): number {
  let i = from;
  while (i < source.length && !'{}|\\'.includes(source[i])) i++;
  return i === from ? from + 1 : i; // a lone backslash is plain text
}

// --------------------------------------------------------------- brace matching

function asText(token: Token): Token {
  const value = token.kind === 'open' ? '{' : token.kind === 'close' ? '}' : '|';
  return { kind: 'text', value, start: token.start, end: token.end };
}

/**
 * Pairs single braces with a stack. Unpaired braces, bars outside any group
 * and groups nested beyond MAX_SPINTAX_DEPTH become literal text, so the
 * parser only ever sees balanced groups.
 */
function matchBraces(tokens: Token[], errors: TemplateError[]): Token[] {
  const result = tokens.slice();
  const stack: number[] = [];
  const tooDeep = new Set<number>();
  for (let i = 0; i < result.length; i++) {
    const token = result[i];
    if (token.kind === 'open') {
      stack.push(i);
      if (stack.length > MAX_SPINTAX_DEPTH) tooDeep.add(i);
    } else if (token.kind === 'close') {
      const open = stack.pop();
      if (open === undefined) {
        result[i] = asText(token);
      } else if (tooDeep.has(open)) {
        errors.push({ code: 'too-deep', start: result[open].start, end: token.end });
        result[open] = asText(result[open]);
        result[i] = asText(token);
      }
    } else if (token.kind === 'bar' && (stack.length === 0 || tooDeep.has(stack[stack.length - 1]))) {
      result[i] = asText(token);
    }
  }
  for (const open of stack) result[open] = asText(result[open]);
  return mergeTextTokens(result);
}

function mergeTextTokens(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'text') pushText(merged, token.value, token.start, token.end);
    else merged.push(token);
  }
  return merged;
}

// ---------------------------------------------------------------------- tags

const VARIABLE_SET: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

interface TagContext {
  errors: TemplateError[];
  cursors: number;
}

function tagError(token: Span, code: TemplateErrorCode, name?: string): TemplateError {
  return name === undefined
    ? { code, start: token.start, end: token.end }
    : { code, start: token.start, end: token.end, name };
}

/** Turns the content of a `{{ … }}` tag into a node, or null (with an error). */
function parseTag(token: Token & { kind: 'tag' }, state: TagContext): TemplateNode | null {
  const content = token.content.trim();
  if (content === '') {
    state.errors.push(tagError(token, 'empty-tag'));
    return null;
  }
  const bar = content.indexOf('|');
  const head = bar === -1 ? content : content.slice(0, bar);
  if (head.includes(':')) return parseField(token, content, state);
  return parseVariable(token, content, state);
}

function parseVariable(token: Token & { kind: 'tag' }, content: string, state: TagContext): TemplateNode | null {
  const bar = content.indexOf('|');
  const name = (bar === -1 ? content : content.slice(0, bar)).trim();
  const fallback = bar === -1 ? null : content.slice(bar + 1).trim();
  const span = { start: token.start, end: token.end };
  if (name === 'cursor') {
    if (fallback !== null) {
      state.errors.push(tagError(token, 'malformed-tag', name));
      return null;
    }
    state.cursors += 1;
    if (state.cursors > 1) state.errors.push(tagError(token, 'duplicate-cursor', name));
    return { type: 'cursor', ...span };
  }
  if (!VARIABLE_SET.has(name)) {
    state.errors.push(tagError(token, name === '' ? 'empty-tag' : 'unknown-variable', name || undefined));
    return null;
  }
  return { type: 'variable', name: name as TemplateVariable, fallback, ...span };
}

/** `{{input:Label}}` or `{{choice:Label|A|B}}`. */
function parseField(token: Token & { kind: 'tag' }, content: string, state: TagContext): TemplateNode | null {
  const colon = content.indexOf(':');
  const kind = content.slice(0, colon).trim();
  const parts = content.slice(colon + 1).split('|').map((part) => part.trim());
  const label = parts[0];
  const options = parts.slice(1);
  const span = { start: token.start, end: token.end };
  if (kind === 'input' && label !== '' && options.length === 0) {
    return { type: 'input', label, ...span };
  }
  if (kind === 'choice' && label !== '' && options.length > 0 && options.every((o) => o !== '')) {
    return { type: 'choice', label, options, ...span };
  }
  state.errors.push(tagError(token, 'malformed-tag', label || kind || undefined));
  return null;
}

// -------------------------------------------------------------------- parser

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly state: TagContext,
  ) {}

  /** sequence := (text | tag | group)*   — stops before `|`, `}` or the end. */
  parseSequence(): TemplateNode[] {
    const nodes: TemplateNode[] = [];
    for (;;) {
      const token = this.tokens[this.pos];
      if (!token || token.kind === 'bar' || token.kind === 'close') return nodes;
      this.pos += 1;
      if (token.kind === 'text') appendNode(nodes, { type: 'text', value: token.value, start: token.start, end: token.end });
      else if (token.kind === 'tag') {
        const node = parseTag(token, this.state);
        if (node) nodes.push(node);
      } else {
        for (const node of this.parseGroup(token)) appendNode(nodes, node);
      }
    }
  }

  /**
   * group := '{' sequence ('|' sequence)* '}'
   * Braces are pre-matched, so the closing `}` is always there. A group with
   * a single alternative is literal text, braces included.
   */
  private parseGroup(open: Token): TemplateNode[] {
    const alternatives: TemplateNode[][] = [this.parseSequence()];
    while (this.tokens[this.pos]?.kind === 'bar') {
      this.pos += 1;
      alternatives.push(this.parseSequence());
    }
    const close = this.tokens[this.pos];
    this.pos += 1;
    const end = close ? close.end : open.end;
    if (alternatives.length === 1) {
      return [
        { type: 'text', value: '{', start: open.start, end: open.end },
        ...alternatives[0],
        { type: 'text', value: '}', start: end - 1, end },
      ];
    }
    return [{ type: 'spintax', alternatives, start: open.start, end }];
  }
}

/** Appends a node, merging adjacent text nodes. */
function appendNode(nodes: TemplateNode[], node: TemplateNode): void {
  const last = nodes[nodes.length - 1];
  if (node.type === 'text' && last && last.type === 'text' && last.end === node.start) {
    nodes[nodes.length - 1] = { ...last, value: last.value + node.value, end: node.end };
  } else {
    nodes.push(node);
  }
}

export function parseTemplate(source: string): ParseResult {
  const errors: TemplateError[] = [];
  const text = typeof source === 'string' ? source : '';
  const tokens = matchBraces(tokenize(text, errors), errors);
  const nodes = new Parser(tokens, { errors, cursors: 0 }).parseSequence();
  return { nodes, errors: sortErrors(errors) };
}

function sortErrors(errors: TemplateError[]): TemplateError[] {
  return errors.slice().sort((a, b) => a.start - b.start || a.end - b.end);
}

// ------------------------------------------------------------------ fields

/** Fill-in fields of a template, unique by label (first occurrence wins), in order. */
export function listFields(source: string): TemplateField[] {
  const fields: TemplateField[] = [];
  const seen = new Set<string>();
  walk(parseTemplate(source).nodes, (node) => {
    if ((node.type !== 'input' && node.type !== 'choice') || seen.has(node.label)) return;
    seen.add(node.label);
    fields.push(node.type === 'input' ? { kind: 'input', label: node.label } : { kind: 'choice', label: node.label, options: [...node.options] });
  });
  return fields;
}

/** Visits every node, including every spintax alternative. */
function walk(nodes: TemplateNode[], visit: (node: TemplateNode) => void): void {
  for (const node of nodes) {
    visit(node);
    if (node.type === 'spintax') for (const alternative of node.alternatives) walk(alternative, visit);
  }
}

// ------------------------------------------------------------------ values

function present(value: string | undefined | null): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Intl formatting that degrades (default locale, then default zone) instead of throwing. */
function formatNow(context: TemplateContext, options: Intl.DateTimeFormatOptions): string | null {
  const now = context.now;
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return null;
  const attempts: [string | undefined, string | undefined][] = [
    [context.locale, context.timeZone],
    [undefined, context.timeZone],
    [undefined, undefined],
  ];
  for (const [locale, timeZone] of attempts) {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(now);
    } catch {
      // try the next, less specific, formatter
    }
  }
  return null;
}

function fullName(context: TemplateContext): string | undefined {
  if (present(context.fullName)) return context.fullName;
  const parts = [context.firstName, context.lastName].filter(present).map((p) => p.trim());
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The value of a variable, or null when it has none. */
export function resolveVariable(name: TemplateVariable, context: TemplateContext): string | null {
  let value: string | null | undefined;
  switch (name) {
    case 'first_name': value = context.firstName; break;
    case 'last_name': value = context.lastName; break;
    case 'full_name': value = fullName(context); break;
    case 'my_name': value = context.myName; break;
    case 'date': value = formatNow(context, { day: 'numeric', month: 'long', year: 'numeric' }); break;
    case 'time': value = formatNow(context, { hour: '2-digit', minute: '2-digit' }); break;
    case 'weekday': value = formatNow(context, { weekday: 'long' }); break;
  }
  if (present(value)) return value;
  // Asked in the fill-in form when the page did not show it.
  const asked = context.answers?.[`{{${name}}}`];
  return typeof asked === 'string' && Object.prototype.hasOwnProperty.call(context.answers, `{{${name}}}`) && present(asked) ? asked : null;
}

function answerOf(label: string, context: TemplateContext): string | null {
  const answers = context.answers;
  if (!answers || !Object.prototype.hasOwnProperty.call(answers, label)) return null;
  const value = answers[label];
  return present(value) ? value : null;
}

function matchChoice(node: TemplateNode & { type: 'choice' }, answer: string): string | null {
  const wanted = answer.trim();
  return node.options.find((option) => option === wanted) ?? null;
}

/**
 * Value errors of every node in every alternative, so that whether a reply
 * can be inserted never depends on which spintax branch chance picks.
 */
function checkValues(nodes: TemplateNode[], context: TemplateContext): TemplateError[] {
  const errors: TemplateError[] = [];
  walk(nodes, (node) => {
    if (node.type === 'variable' && node.fallback === null && resolveVariable(node.name, context) === null) {
      errors.push(tagError(node, 'missing-value', node.name));
    } else if (node.type === 'input' || node.type === 'choice') {
      const answer = answerOf(node.label, context);
      if (answer === null) errors.push(tagError(node, 'missing-answer', node.label));
      else if (node.type === 'choice' && matchChoice(node, answer) === null) errors.push(tagError(node, 'invalid-choice', node.label));
    }
  });
  return errors;
}

// ------------------------------------------------------------------ render

/**
 * What rendering writes, before it becomes text: characters, and three zero-width marks.
 * A `gap` is a value that came out empty (an empty fallback, an empty spintax
 * alternative); a `hole` is a value not known yet (a field not answered, a variable with
 * neither value nor fallback): the reply will ask for it.
 */
type Atom =
  | { kind: 'char'; value: string }
  | { kind: 'gap' }
  | { kind: 'hole'; label: string; variable?: TemplateVariable }
  | { kind: 'caret' };

interface Output {
  atoms: Atom[];
  caretSet: boolean;
}

function write(out: Output, value: string): void {
  for (let i = 0; i < value.length; i++) out.atoms.push({ kind: 'char', value: value[i] });
}

/** Index of the alternative to use; tolerates a `random` that misbehaves. */
function pick(count: number, context: TemplateContext): number {
  let r = 0;
  try {
    r = (context.random ?? Math.random)();
  } catch {
    r = 0;
  }
  if (typeof r !== 'number' || !Number.isFinite(r)) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor(r * count)));
}

/** Writes a value, or marks where an empty one was. */
function writeValue(out: Output, value: string): void {
  if (value === '') out.atoms.push({ kind: 'gap' });
  else write(out, value);
}

function renderNode(node: TemplateNode, context: TemplateContext, out: Output): void {
  switch (node.type) {
    case 'text':
      write(out, node.value);
      break;
    case 'variable': {
      const value = resolveVariable(node.name, context) ?? node.fallback;
      if (value === null) out.atoms.push({ kind: 'hole', label: node.name, variable: node.name });
      else writeValue(out, value);
      break;
    }
    case 'cursor':
      if (!out.caretSet) out.atoms.push({ kind: 'caret' });
      out.caretSet = true;
      break;
    case 'input': {
      const answer = answerOf(node.label, context);
      if (answer === null) out.atoms.push({ kind: 'hole', label: node.label });
      else write(out, answer);
      break;
    }
    case 'choice': {
      const answer = answerOf(node.label, context);
      const chosen = answer !== null ? matchChoice(node, answer) : null;
      if (chosen === null) out.atoms.push({ kind: 'hole', label: node.label });
      else write(out, chosen);
      break;
    }
    case 'spintax': {
      const before = out.atoms.length;
      renderNodes(node.alternatives[pick(node.alternatives.length, context)], context, out);
      if (!out.atoms.slice(before).some((atom) => atom.kind === 'char' || atom.kind === 'hole')) out.atoms.push({ kind: 'gap' });
      break;
    }
  }
}

function renderNodes(nodes: TemplateNode[], context: TemplateContext, out: Output): void {
  for (const node of nodes) renderNode(node, context, out);
}

// ------------------------------------------------------------------ tidy

const SPACE = /^[ \t\u00a0]$/;
/** Punctuation that never follows a space ("Hi !", "open , ."). */
const CLOSING = /^[,.;:!?)\]…]$/;
/** Punctuation left dangling when what followed it is gone ("open,." / "open,\n"). */
const DANGLING = /^[,;:]$/;

/**
 * Closes the trace an empty value leaves: the space before it when a space, a line end
 * or closing punctuation follows ("Hi {{a|}}!" → "Hi!", "open {{a|}}, ." → "open."),
 * the space after it at the start of a line, empty parentheses and a comma left
 * dangling. Only around the marks in `at`: the user's own spacing stays as written.
 * Holes not in `at` stay in place as opaque marks.
 */
function closeGaps(atoms: Atom[], at: (atom: Atom) => boolean): Atom[] {
  const cells = atoms.slice();
  const charAt = (i: number) => (i >= 0 && i < cells.length ? cells[i] : null);
  /** The nearest character or opaque hole from `i` going `step`, skipping marks. */
  const near = (i: number, step: 1 | -1): number => {
    let j = i;
    while (j >= 0 && j < cells.length) {
      const cell = cells[j];
      if (cell.kind === 'char' || (cell.kind === 'hole' && !at(cell))) return j;
      j += step;
    }
    return -1;
  };
  const text = (i: number): string | null => {
    const cell = charAt(i);
    return cell?.kind === 'char' ? cell.value : cell?.kind === 'hole' ? '\uFFFC' : null;
  };
  for (let g = cells.length - 1; g >= 0; g--) {
    if (!at(cells[g])) continue;
    for (let guard = 0; guard < 1000; guard++) {
      const li = near(g - 1, -1);
      const ri = near(g + 1, 1);
      const l = li === -1 ? null : text(li);
      const r = ri === -1 ? null : text(ri);
      const endsHere = r === null || r === '\n' || r === '\r';
      const after = ri === -1 ? null : text(near(ri + 1, 1));
      if (r !== null && SPACE.test(r) && (after === null || after === '\n' || after === '\r' || CLOSING.test(after))) {
        // "Grazie {{a|}} !": the space after the gap goes with the gap.
        cells.splice(ri, 1);
      } else if (l !== null && SPACE.test(l) && (endsHere || SPACE.test(r!) || CLOSING.test(r!))) {
        cells.splice(li, 1);
        g -= 1;
      } else if ((l === null || l === '\n') && r !== null && SPACE.test(r)) {
        cells.splice(ri, 1);
      } else if (l === '(' && r === ')') {
        cells.splice(ri, 1);
        cells.splice(li, 1);
        g -= 1;
      } else if (l !== null && DANGLING.test(l) && (endsHere || CLOSING.test(r!))) {
        cells.splice(li, 1);
        g -= 1;
      } else break;
    }
  }
  return cells;
}

const isGap = (atom: Atom) => atom.kind === 'gap';
const isGapOrHole = (atom: Atom) => atom.kind === 'gap' || atom.kind === 'hole';

function textOf(cells: Atom[]): { text: string; caret: number | null } {
  let text = '';
  let caret: number | null = null;
  for (const cell of cells) {
    if (cell.kind === 'char') text += cell.value;
    else if (cell.kind === 'caret' && caret === null) caret = text.length;
  }
  return { text, caret };
}

function renderAtoms(source: string, context: TemplateContext): { atoms: Atom[]; parsed: ParseResult; ctx: TemplateContext } {
  const parsed = parseTemplate(source);
  const ctx: TemplateContext = context ?? { locale: 'en', now: new Date(NaN) };
  const out: Output = { atoms: [], caretSet: false };
  renderNodes(parsed.nodes, ctx, out);
  return { atoms: out.atoms, parsed, ctx };
}

/**
 * Renders a saved reply. `errors` non-empty means the reply must not be
 * inserted. An empty value never leaves a trace in `text`: no double space, no space
 * before punctuation, no empty parentheses (see closeGaps); a value still to be asked
 * is left out the same way.
 */
export function renderTemplate(source: string, context: TemplateContext): RenderResult {
  const { atoms, parsed, ctx } = renderAtoms(source, context);
  const { text, caret } = textOf(closeGaps(atoms, isGapOrHole));
  const errors = sortErrors([...parsed.errors, ...checkValues(parsed.nodes, ctx)]);
  return { text, caret, errors };
}

/** A piece of a reply's preview: text, the place of the caret, or a value the reply
 * will ask for before it is inserted (a fill-in field, a variable the page does not show). */
export type PreviewPart =
  | { type: 'text'; text: string }
  | { type: 'caret' }
  | { type: 'ask'; label: string; variable?: TemplateVariable };

/** The reply as a preview shows it: what is known as text, what will be asked as a
 * labelled place of its own (never an empty gap). */
export function renderPreview(source: string, context: TemplateContext): PreviewPart[] {
  const parts: PreviewPart[] = [];
  for (const cell of closeGaps(renderAtoms(source, context).atoms, isGap)) {
    const last = parts[parts.length - 1];
    if (cell.kind === 'char') {
      if (last?.type === 'text') last.text += cell.value;
      else parts.push({ type: 'text', text: cell.value });
    } else if (cell.kind === 'caret') parts.push({ type: 'caret' });
    else if (cell.kind === 'hole') parts.push(cell.variable ? { type: 'ask', label: cell.label, variable: cell.variable } : { type: 'ask', label: cell.label });
  }
  return parts;
}

/** The answer key of a variable asked in the fill-in form: `{{first_name}}`. A field's
 * label can never look like it (labels hold no brace), so the two never collide. */
export function variableAnswerKey(name: TemplateVariable): string {
  return `{{${name}}}`;
}

/** Variables with neither a value nor a fallback, in order, each once, in every branch. */
export function missingVariables(source: string, context: TemplateContext): TemplateVariable[] {
  const missing: TemplateVariable[] = [];
  walk(parseTemplate(source).nodes, (node) => {
    if (node.type === 'variable' && node.fallback === null && resolveVariable(node.name, context) === null && !missing.includes(node.name)) {
      missing.push(node.name);
    }
  });
  return missing;
}

/** Everything the form asks before a reply is inserted: its fill-in fields, then each
 * variable the page does not show and the reply gives no fallback for (keyed by
 * `variableAnswerKey`). */
export function fieldsToAsk(source: string, context: TemplateContext): TemplateField[] {
  return [
    ...listFields(source),
    ...missingVariables(source, context).map((name): TemplateField => ({ kind: 'input', label: variableAnswerKey(name), variable: name })),
  ];
}

// ------------------------------------------------------------------ preview

const SAMPLES: Record<string, Pick<TemplateContext, 'firstName' | 'lastName' | 'myName'>> = {
  it: { firstName: 'Giulia', lastName: 'Rossi', myName: 'Pasticceria Dolce Vita' },
  en: { firstName: 'Emma', lastName: 'Smith', myName: 'Sweet Life Bakery' },
};

/**
 * Sample data for the live preview. With `source`, every fill-in field gets a
 * sample answer (its label for inputs, the first option for choices) and the
 * first spintax alternative is always shown.
 */
export function SAMPLE_CONTEXT(locale: string, options: { now?: Date; source?: string; timeZone?: string } = {}): TemplateContext {
  const language = String(locale ?? '').toLowerCase().split(/[-_]/)[0];
  const sample = SAMPLES[language] ?? SAMPLES.en;
  const answers: Record<string, string> = {};
  for (const field of options.source ? listFields(options.source) : []) {
    answers[field.label] = field.kind === 'choice' && field.options ? field.options[0] : field.label;
  }
  return {
    locale,
    now: options.now ?? new Date(),
    timeZone: options.timeZone,
    ...sample,
    answers,
    random: () => 0,
  };
}
