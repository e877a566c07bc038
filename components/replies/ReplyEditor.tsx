import { useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button } from '@/components/ui';
import { NETWORKS, type Network } from '@/utils/db/record';
import { askedLabel, errorExcerpt, positionOf, replyProblemMessage, templateErrorMessage } from '@/utils/replies/messages';
import { normalizeDraft, parseTagList, validateDraft, type ReplyDraft, type ReplyField, type ReplyProblem } from '@/utils/replies/store';
import { listFields, renderPreview, renderTemplate, SAMPLE_CONTEXT, type TemplateError } from '@/utils/replies/template';
import { AskChip } from './AskChip';

export interface ReplyEditorProps {
  /** The draft shown; the editor is controlled: every change goes through `onChange`. */
  value: ReplyDraft;
  onChange(draft: ReplyDraft): void;
  /** Called with the normalized draft once it passes the checks that need no database
   * (the caller saves it, e.g. `saveReply` or a background message, and passes back
   * what the database refused in `problems`). */
  onSave(draft: ReplyDraft): void;
  onCancel(): void;
  /** Problems from the last save attempt (e.g. a shortcut another reply has). */
  problems?: readonly ReplyProblem[];
  /** True while the caller is saving: the buttons wait. */
  saving?: boolean;
}

const NETWORK_CHOICES = ['', ...NETWORKS] as const;
const REPLY_NETWORK_KEYS: Record<Network, string> = {
  facebook: 'repliesNetworkFacebook',
  instagram: 'repliesNetworkInstagram',
  x: 'repliesNetworkX',
  threads: 'repliesNetworkThreads',
  linkedin: 'repliesNetworkLinkedIn',
};
const LANGUAGES = ['it', 'en'] as const;

const input =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

/**
 * The form of a saved reply: title, text, shortcut, tags, network, language, with a
 * live preview against sample data and the template's errors with their position.
 * No database access here: the sidebar uses it through background messages, the
 * library directly.
 */
export function ReplyEditor({ value, onChange, onSave, onCancel, problems = [], saving = false }: ReplyEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const [attempted, setAttempted] = useState(false);
  // Tags are typed as one line; the list is derived, the text kept as typed.
  const [tagText, setTagText] = useState(value.tags.join(', '));
  useEffect(() => setTagText(value.tags.join(', ')), [value.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<ReplyDraft>) => onChange({ ...value, ...patch });
  const local = useMemo(() => validateDraft(normalizeDraft(value)), [value]);
  // Template errors show live in the preview; the rest once the user tried to save.
  const shown = [...(attempted ? local : []), ...problems];
  const problemOf = (field: ReplyField) => shown.find((p) => p.field === field && p.code !== 'template');

  function save() {
    setAttempted(true);
    if (local.length === 0) onSave(normalizeDraft(value));
  }

  const network = value.networks.length === 1 ? value.networks[0] : '';
  const languages = LANGUAGES.includes(value.language as never) ? LANGUAGES : [...LANGUAGES, value.language];

  return (
    <form
      className="space-y-3"
      data-testid="reply-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field id={`${id}-title`} label={t('repliesEditorTitleLabel')} problem={problemOf('title')} testId="title">
        <input
          id={`${id}-title`}
          className={input}
          value={value.title}
          maxLength={300}
          data-testid="reply-editor-title"
          onChange={(e) => set({ title: e.target.value })}
        />
      </Field>

      <Field id={`${id}-body`} label={t('repliesEditorBodyLabel')} help={t('repliesEditorBodyHelp')} problem={problemOf('body')} testId="body">
        <textarea
          id={`${id}-body`}
          className={`${input} min-h-32 font-mono`}
          value={value.body}
          rows={6}
          data-testid="reply-editor-body"
          onChange={(e) => set({ body: e.target.value })}
        />
      </Field>

      <Preview source={value.body} language={value.language} />

      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-shortcut`} label={t('repliesEditorShortcutLabel')} help={t('repliesEditorShortcutHelp')} problem={problemOf('shortcut')} testId="shortcut">
          <input
            id={`${id}-shortcut`}
            className={input}
            value={value.shortcut ?? ''}
            maxLength={50}
            autoComplete="off"
            spellCheck={false}
            data-testid="reply-editor-shortcut"
            onChange={(e) => set({ shortcut: e.target.value })}
          />
        </Field>
        <Field id={`${id}-tags`} label={t('repliesEditorTagsLabel')} help={t('repliesEditorTagsHelp')} problem={problemOf('tags')} testId="tags">
          <input
            id={`${id}-tags`}
            className={input}
            value={tagText}
            data-testid="reply-editor-tags"
            onChange={(e) => {
              setTagText(e.target.value);
              set({ tags: parseTagList(e.target.value) });
            }}
          />
        </Field>
        <Field id={`${id}-network`} label={t('repliesEditorNetworkLabel')} testId="network">
          <select
            id={`${id}-network`}
            className={input}
            value={network}
            data-testid="reply-editor-network"
            onChange={(e) => set({ networks: e.target.value ? [e.target.value as Network] : [] })}
          >
            {NETWORK_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(choice === '' ? 'repliesNetworkAny' : REPLY_NETWORK_KEYS[choice])}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-language`} label={t('repliesEditorLanguageLabel')} problem={problemOf('language')} testId="language">
          <select
            id={`${id}-language`}
            className={input}
            value={value.language}
            data-testid="reply-editor-language"
            onChange={(e) => set({ language: e.target.value })}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {language === 'it' ? t('repliesLanguageIt') : language === 'en' ? t('repliesLanguageEn') : language}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {shown
        .filter((p) => p.field === 'id' || p.code === 'template')
        .map((p) => (
          <p key={`${p.field}-${p.code}`} role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="reply-editor-problem" data-code={p.code}>
            {replyProblemMessage(t, p)}
          </p>
        ))}

      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={saving} data-testid="reply-editor-save">
          {t('repliesEditorSave')}
        </Button>
        <Button disabled={saving} onClick={onCancel} data-testid="reply-editor-cancel">
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  help,
  problem,
  testId,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  problem?: ReplyProblem;
  testId: string;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
      {help && <p className="text-xs text-slate-500 dark:text-slate-400">{help}</p>}
      {problem && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300" data-testid={`reply-editor-problem-${testId}`} data-code={problem.code}>
          {replyProblemMessage(t, problem)}
        </p>
      )}
    </div>
  );
}

/** The reply as it would read for a sample person, with the caret's place marked, and
 * every template error with its line, column and the faulty part highlighted. */
function Preview({ source, language }: { source: string; language: string }) {
  const { t } = useI18n();
  const rendered = useMemo(() => renderTemplate(source, SAMPLE_CONTEXT(language, { source })), [source, language]);
  const fields = useMemo(() => listFields(source), [source]);
  const parts = useMemo(() => renderPreview(source, SAMPLE_CONTEXT(language)), [source, language]);
  const { text, caret, errors } = rendered;
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="reply-editor-preview-box">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{t('repliesEditorPreviewTitle')}</p>
      {source.trim() === '' ? (
        <p className="text-slate-500">{t('repliesEditorPreviewEmpty')}</p>
      ) : (
        <p className="whitespace-pre-wrap break-words" data-testid="reply-editor-preview" data-caret={caret ?? ''}>
          {/* A field shows as the place it is (its label in a chip): asked when inserting. */}
          {parts.map((part, i) =>
            part.type === 'text' ? (
              part.text
            ) : part.type === 'ask' ? (
              <AskChip key={i} label={askedLabel(t, part)} text={askedLabel(t, part)} />
            ) : (
              <span key={i} aria-label={t('repliesEditorCaret')} title={t('repliesEditorCaret')} className="text-blue-600" data-testid="reply-editor-preview-caret">
                ▏
              </span>
            ),
          )}
        </p>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        <span data-testid="reply-editor-characters" data-value={[...text].length}>
          {t('repliesEditorCharacters', [...text].length)}
        </span>
        {fields.length > 0 && <span data-testid="reply-editor-fields"> · {t('repliesEditorFields', fields.map((f) => f.label).join(', '))}</span>}
      </p>
      {errors.length > 0 && (
        <div role="alert" className="space-y-1" data-testid="reply-editor-errors">
          <p className="text-sm font-medium text-red-800 dark:text-red-200">{t('repliesEditorErrorsTitle')}</p>
          <ul className="space-y-1">
            {errors.map((error, index) => (
              <TemplateErrorLine key={`${error.code}-${error.start}-${index}`} source={source} error={error} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function TemplateErrorLine({ source, error }: { source: string; error: TemplateError }) {
  const { t } = useI18n();
  const { line, column } = positionOf(source, error.start);
  const excerpt = errorExcerpt(source, error);
  return (
    <li
      className="text-sm text-red-800 dark:text-red-200"
      data-testid="reply-editor-error"
      data-code={error.code}
      data-start={error.start}
      data-end={error.end}
      data-line={line}
      data-column={column}
    >
      <span className="font-medium">{t('repliesEditorErrorAt', line, column)}</span>
      {': '}
      {templateErrorMessage(t, error)}
      <code className="mt-0.5 block whitespace-pre-wrap rounded bg-red-50 px-1 font-mono text-xs dark:bg-red-950">
        {excerpt.before}
        <mark className="bg-red-200 text-red-950 dark:bg-red-800 dark:text-red-50" data-testid="reply-editor-error-excerpt">
          {excerpt.marked}
        </mark>
        {excerpt.after}
      </code>
    </li>
  );
}
