import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import { packErrorMessage } from '@/utils/replies/messages';
import {
  applyPackImport,
  planPackImport,
  type ConflictChoice,
  type PackError,
  type PackPlan,
  type PackReport,
  type PlannedAction,
  type ReplyPack,
} from '@/utils/replies/pack';

type Step =
  | { kind: 'preview'; pack: ReplyPack; plan: PackPlan }
  | { kind: 'busy' }
  | { kind: 'done'; report: PackReport }
  | { kind: 'error'; error: PackError };

const ACTION_KEYS: Record<PlannedAction, string> = {
  add: 'repliesPackActionAdd',
  update: 'repliesPackActionUpdate',
  skip: 'repliesPackActionSkip',
};

const CHOICES: ConflictChoice[] = ['mine', 'theirs', 'both'];
const CHOICE_KEYS: Record<ConflictChoice, string> = {
  mine: 'repliesConflictKeepMine',
  theirs: 'repliesConflictTakeTheirs',
  both: 'repliesConflictKeepBoth',
};

/** The preview of a pack that passed every check: what will be added, updated and
 * skipped, and one question per shortcut conflict; nothing is written before
 * "Import" and every conflict has an answer. */
export function PackImport({ initial, onClose }: { initial: Step; onClose(): void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>(initial);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});

  async function confirm(pack: ReplyPack) {
    setStep({ kind: 'busy' });
    const result = await applyPackImport(getDb(), pack, choices);
    if (result.ok) return setStep({ kind: 'done', report: result.value });
    if (result.error.code === 'changed') {
      // The database changed since the preview: show the new preview.
      const plan = await planPackImport(getDb(), pack);
      if (plan.ok) {
        setStep({ kind: 'preview', pack, plan: plan.value });
        return;
      }
    }
    setStep({ kind: 'error', error: result.error });
  }

  if (step.kind === 'busy') return <p className="text-slate-500">{t('repliesWorking')}</p>;
  if (step.kind === 'error') {
    return (
      <Notice tone="error" testId="replies-pack-error">
        <span data-code={step.error.code}>{packErrorMessage(t, step.error)}</span>
        <span className="mt-1 block text-xs">{t('repliesNothingChanged')}</span>
        <Button className="mt-2" onClick={onClose} data-testid="replies-pack-close">
          {t('repliesClose')}
        </Button>
      </Notice>
    );
  }
  if (step.kind === 'done') {
    const r = step.report;
    return (
      <Notice tone="ok" testId="replies-pack-report">
        <p data-added={r.added} data-updated={r.updated} data-skipped={r.skipped} data-replaced={r.replaced} data-cleared={r.shortcutsCleared}>
          {t('repliesPackReport', r.added, r.updated, r.skipped)}
        </p>
        {r.replaced > 0 && <p>{t('repliesPackReportReplaced', r.replaced)}</p>}
        {r.shortcutsCleared > 0 && <p>{t('repliesPackReportCleared', r.shortcutsCleared)}</p>}
        <Button className="mt-2" onClick={onClose} data-testid="replies-pack-close">
          {t('repliesClose')}
        </Button>
      </Notice>
    );
  }

  const { plan, pack } = step;
  const count = (action: string) => plan.actions.filter((a) => a.action === action).length;
  const unanswered = plan.conflicts.filter((c) => !choices[c.incoming.id]).length;
  return (
    <div className="space-y-3 rounded-md border border-slate-300 p-3 dark:border-slate-600" data-testid="replies-pack-preview">
      <p className="font-medium">{t('repliesPackPreviewTitle', pack.replies.length)}</p>
      <ul className="text-sm" data-add={count('add')} data-update={count('update')} data-skip={count('skip')} data-testid="replies-pack-counts">
        <li>{t('repliesPackWillAdd', count('add'))}</li>
        <li>{t('repliesPackWillUpdate', count('update'))}</li>
        <li>{t('repliesPackWillSkip', count('skip'))}</li>
      </ul>
      <details className="text-xs">
        <summary className="cursor-pointer">{t('repliesPackShowList')}</summary>
        <ul className="mt-1 max-h-48 overflow-auto" data-testid="replies-pack-list">
          {plan.actions.map(({ reply, action }) => (
            <li key={reply.id} data-testid="replies-pack-item" data-id={reply.id} data-action={action}>
              {t(ACTION_KEYS[action])}: {reply.title}
              {reply.shortcut && <code className="ml-1">{reply.shortcut}</code>}
            </li>
          ))}
        </ul>
      </details>
      {plan.conflicts.length > 0 && (
        <div className="space-y-2">
          <p className="text-sm font-medium">{t('repliesConflictsTitle', plan.conflicts.length)}</p>
          {plan.conflicts.map(({ incoming, mine }) => (
            <fieldset
              key={incoming.id}
              className="rounded border border-amber-300 p-2 text-sm dark:border-amber-700"
              data-testid="replies-conflict"
              data-id={incoming.id}
            >
              <legend className="px-1 font-medium">{t('repliesConflictQuestion', incoming.shortcut ?? '', mine.title, incoming.title)}</legend>
              <div className="flex flex-wrap gap-3">
                {CHOICES.map((choice) => (
                  <label key={choice} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name={`conflict-${incoming.id}`}
                      value={choice}
                      checked={choices[incoming.id] === choice}
                      data-testid={`replies-conflict-${choice}`}
                      onChange={() => setChoices((c) => ({ ...c, [incoming.id]: choice }))}
                    />
                    {t(CHOICE_KEYS[choice])}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
      {unanswered > 0 && <p className="text-xs text-amber-800 dark:text-amber-200">{t('repliesConflictsUnanswered', unanswered)}</p>}
      <div className="flex gap-2">
        <Button variant="primary" disabled={unanswered > 0} onClick={() => void confirm(pack)} data-testid="replies-pack-confirm">
          {t('repliesImportConfirm')}
        </Button>
        <Button onClick={onClose} data-testid="replies-pack-cancel">
          {t('cancel')}
        </Button>
      </div>
    </div>
  );
}

export type PackImportStep = Step;
