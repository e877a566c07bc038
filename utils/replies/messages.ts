import type { PackError, PackErrorCode } from './pack';
import type { CsvErrorCode, CsvSkipReason } from './csv';
import type { ReplyProblem } from './store';
import type { TemplateError, TemplateErrorCode, TemplateField, TemplateVariable } from './template';

/** Any translator over the extension's messages (e.g. `useI18n().t`). */
export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

/** The explanation of each template error code (messages.<lang>.json); `$1` is the
 * variable name or field label when the error has one. */
export const TEMPLATE_ERROR_KEYS: Record<TemplateErrorCode, string> = {
  'unclosed-tag': 'repliesTemplateErrorUnclosedTag',
  'empty-tag': 'repliesTemplateErrorEmptyTag',
  'unknown-variable': 'repliesTemplateErrorUnknownVariable',
  'malformed-tag': 'repliesTemplateErrorMalformedTag',
  'duplicate-cursor': 'repliesTemplateErrorDuplicateCursor',
  'too-deep': 'repliesTemplateErrorTooDeep',
  'missing-value': 'repliesTemplateErrorMissingValue',
  'missing-answer': 'repliesTemplateErrorMissingAnswer',
  'invalid-choice': 'repliesTemplateErrorInvalidChoice',
};

/** How the fill-in form and the previews name a variable the page does not show. */
export const VARIABLE_LABEL_KEYS: Record<TemplateVariable, string> = {
  first_name: 'repliesVariableFirstName',
  last_name: 'repliesVariableLastName',
  full_name: 'repliesVariableFullName',
  my_name: 'repliesVariableMyName',
  date: 'repliesVariableDate',
  time: 'repliesVariableTime',
  weekday: 'repliesVariableWeekday',
};

/** A field's label as the user reads it: its own, or the variable's name in their language. */
export function askedLabel(t: Translate, asked: { label: string; variable?: TemplateVariable } | TemplateField): string {
  return asked.variable ? t(VARIABLE_LABEL_KEYS[asked.variable]) : asked.label;
}

export function templateErrorMessage(t: Translate, error: TemplateError): string {
  return t(TEMPLATE_ERROR_KEYS[error.code], error.name ?? '');
}

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in characters as a person counts them (an emoji is one). */
  column: number;
}

/** Where a UTF-16 offset of `source` is, as line and column. */
export function positionOf(source: string, offset: number): SourcePosition {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

export interface ErrorExcerpt {
  before: string;
  marked: string;
  after: string;
}

/** The line of the error, cut to a readable length, with the faulty part apart so that
 * the UI can highlight it (as text). */
export function errorExcerpt(source: string, error: Pick<TemplateError, 'start' | 'end'>, context = 24): ErrorExcerpt {
  const lineStart = source.lastIndexOf('\n', error.start - 1) + 1;
  const newline = source.indexOf('\n', error.start);
  const lineEnd = newline === -1 ? source.length : newline;
  const end = Math.min(Math.max(error.end, error.start), lineEnd);
  const from = Math.max(lineStart, error.start - context);
  const to = Math.min(lineEnd, end + context);
  return {
    before: (from > lineStart ? '…' : '') + source.slice(from, error.start),
    marked: source.slice(error.start, end),
    after: source.slice(end, to) + (to < lineEnd ? '…' : ''),
  };
}

/** One sentence per problem of a draft that could not be saved. */
export function replyProblemMessage(t: Translate, problem: ReplyProblem): string {
  switch (problem.code) {
    case 'required':
      return t(problem.field === 'title' ? 'repliesProblemTitleRequired' : 'repliesProblemBodyRequired');
    case 'too-long':
      return t('repliesProblemTooLong');
    case 'invalid':
      return t(problem.field === 'shortcut' ? 'repliesProblemShortcutInvalid' : 'repliesProblemLanguageInvalid');
    case 'taken':
      return t('repliesProblemShortcutTaken', problem.other ?? '');
    case 'template':
      return t('repliesProblemTemplate');
    case 'not-found':
      return t('repliesProblemNotFound');
  }
}

// ------------------------------------------------------------------ packs and CSV


export const PACK_ERROR_KEYS: Record<PackErrorCode, string> = {
  'too-large': 'repliesPackErrorTooLarge',
  'not-json': 'repliesPackErrorNotJson',
  'wrong-kind': 'repliesPackErrorWrongKind',
  'newer-version': 'repliesPackErrorNewerVersion',
  'invalid-data': 'repliesPackErrorInvalidData',
  empty: 'repliesPackErrorEmpty',
  unreadable: 'repliesPackErrorUnreadable',
  'database-failed': 'repliesPackErrorDatabaseFailed',
  changed: 'repliesPackErrorChanged',
  'export-failed': 'repliesPackErrorExportFailed',
};

/** One sentence; names the reply (number and title) and the field when the error is
 * about one, the way backup errors do. */
export function packErrorMessage(t: Translate, error: PackError): string {
  const { row, title, path } = error.detail ?? {};
  if ((error.code === 'invalid-data' || error.code === 'export-failed') && row !== undefined) {
    const field = (path ?? []).join('.');
    const key = error.code === 'export-failed' ? 'repliesPackErrorExportRow' : 'repliesPackErrorInvalidRow';
    return t(key, row + 1, title ?? '—', field);
  }
  return t(PACK_ERROR_KEYS[error.code]);
}

export const CSV_ERROR_KEYS: Record<CsvErrorCode, string> = {
  'too-large': 'repliesCsvErrorTooLarge',
  empty: 'repliesCsvErrorEmpty',
  'not-text': 'repliesCsvErrorNotText',
  'unclosed-quote': 'repliesCsvErrorUnclosedQuote',
  'too-many-rows': 'repliesCsvErrorTooManyRows',
  unreadable: 'repliesCsvErrorUnreadable',
};

export function csvErrorMessage(t: Translate, error: { code: CsvErrorCode; row?: number }): string {
  return t(CSV_ERROR_KEYS[error.code], error.row ?? '');
}

export const CSV_SKIP_KEYS: Record<CsvSkipReason, string> = {
  'no-title': 'repliesCsvSkipNoTitle',
  'no-body': 'repliesCsvSkipNoBody',
  'too-long': 'repliesCsvSkipTooLong',
  'invalid-shortcut': 'repliesCsvSkipInvalidShortcut',
  template: 'repliesCsvSkipTemplate',
  'duplicate-shortcut': 'repliesCsvSkipDuplicateShortcut',
  'shortcut-taken': 'repliesCsvSkipShortcutTaken',
};
