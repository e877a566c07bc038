import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { Button } from '@/components/ui';
import type { SavedReply } from '@/utils/db/saved-replies';
import { askedLabel } from '@/utils/replies/messages';
import type { TemplateField } from '@/utils/replies/template';

const fieldClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** The short form a reply's fill-in fields ask before it is inserted
 * (`{{input:Orario}}`, `{{choice:Taglia|S|M|L}}`), pre-filled with the answers given
 * last time for this reply; also each variable the page does not show and the reply
 * gives no fallback for ("Their first name"), never pre-filled: it names someone new. */
export function RepliesFillForm(props: {
  reply: SavedReply;
  fields: TemplateField[];
  onSubmit: (answers: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { reply, fields } = props;
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((field) => {
        const last = reply.lastAnswers?.[field.label];
        if (field.kind === 'choice') {
          const options = field.options ?? [];
          return [field.label, last !== undefined && options.includes(last) ? last : (options[0] ?? '')];
        }
        return [field.label, field.variable ? '' : (last ?? '')];
      }),
    ),
  );
  const first = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => {
    first.current?.focus();
    first.current?.select?.();
  }, [reply.id]);

  const missing = fields.filter((f) => f.kind === 'input' && answers[f.label].trim() === '').map((f) => askedLabel(t, f));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (missing.length === 0) props.onSubmit(answers);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    }
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      className="space-y-2 rounded-md border border-blue-300 p-2 dark:border-blue-700"
      data-testid="replies-form"
      data-reply-id={reply.id}
    >
      <p className="text-xs font-semibold">{t('repliesFormTitle', reply.title)}</p>
      {fields.map((field, index) => (
        <label key={field.label} className="block space-y-0.5 text-xs" data-variable={field.variable}>
          <span>{askedLabel(t, field)}</span>
          {field.kind === 'choice' ? (
            <select
              ref={index === 0 ? first : undefined}
              className={fieldClass}
              value={answers[field.label]}
              onChange={(e) => setAnswers({ ...answers, [field.label]: e.target.value })}
              data-testid={`replies-field-${index}`}
            >
              {(field.options ?? []).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <input
              ref={index === 0 ? first : undefined}
              className={fieldClass}
              value={answers[field.label]}
              onChange={(e) => setAnswers({ ...answers, [field.label]: e.target.value })}
              data-testid={`replies-field-${index}`}
            />
          )}
        </label>
      ))}
      {missing.length > 0 && (
        <p className="text-xs text-amber-700 dark:text-amber-300" data-testid="replies-form-missing">
          {t('repliesFormMissing', missing.join(', '))}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={missing.length > 0} data-testid="replies-form-insert">
          {t('repliesFormInsert')}
        </Button>
        <Button onClick={props.onCancel} data-testid="replies-form-cancel">
          {t('repliesCancel')}
        </Button>
      </div>
    </form>
  );
}
