import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import type { HashtagSet } from '@/utils/db/hashtags';
import type { Network } from '@/utils/db/record';
import { SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { setsFor } from '@/utils/hashtags/sets';
import type { SaveHashtagSetResult } from '@/utils/messaging/features/hashtag-sets';
import { sendMessage } from '@/utils/messaging/protocol';
import { ReadOnlyInViewNote } from './ReadOnlyInView';

/** The user's hashtag sets for this network, each inserted in one click (trimmed to
 * the limit in the set's own order). */
export function HashtagsSetList({
  sets,
  network,
  busy,
  onInsert,
}: {
  sets: HashtagSet[] | null;
  network: Network;
  busy: boolean;
  onInsert: (set: HashtagSet) => void;
}) {
  const { t } = useI18n();
  if (!sets) return null;
  const shown = setsFor(sets, network);
  if (shown.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">{t('hashtagsNoSets')}</p>;
  return (
    <ul className="space-y-1" data-testid="hashtags-sets">
      {shown.map((set) => (
        <li key={set.id} className="flex items-center gap-2" data-testid="hashtags-set" data-name={set.name}>
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{set.name}</p>
            <p className="truncate text-xs text-slate-500 dark:text-slate-400" title={set.tags.map((x) => `#${x}`).join(' ')}>
              {set.tags.map((x) => `#${x}`).join(' ')}
            </p>
          </div>
          <Button disabled={busy} onClick={() => onInsert(set)} data-testid="hashtags-set-insert">
            {t('hashtagsInsertSet')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

const ERROR_KEYS: Record<Exclude<SaveHashtagSetResult, { ok: true }>['error'], string> = {
  'name-missing': 'hashtagsSetErrorName',
  'name-too-long': 'hashtagsSetErrorNameLong',
  'no-tags': 'hashtagsSetErrorNoTags',
  'too-many-tags': 'hashtagsSetErrorTooMany',
  'invalid-tags': 'hashtagsSetErrorInvalid',
};

/** "Save as a set": a name for the given tags (shown, in their order), saved through the background. */
export function SaveSetForm({
  tags,
  network,
  testId,
  label,
  onSaved,
}: {
  tags: string[];
  network: Network;
  testId: string;
  label: string;
  onSaved: (set: HashtagSet) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [forNetwork, setForNetwork] = useState(true);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  if (!open) {
    return (
      <div className="space-y-1">
        <button
          type="button"
          disabled={tags.length === 0}
          className="text-xs font-medium text-blue-700 underline disabled:text-slate-400 disabled:no-underline dark:text-blue-300"
          onClick={() => {
            setOpen(true);
            setMessage(null);
          }}
          data-testid={`${testId}-open`}
        >
          {label}
        </button>
        {message && (
          <Notice tone={message.tone} testId="hashtags-save-set-result">
            {message.text}
          </Notice>
        )}
      </div>
    );
  }

  async function save() {
    let result: SaveHashtagSetResult;
    try {
      result = await sendMessage('saveHashtagSet', { name, tags, network: forNetwork ? network : null });
    } catch {
      setMessage({ tone: 'error', text: t('hashtagsSetSaveFailed') });
      return;
    }
    if (!result.ok) {
      setMessage({ tone: 'error', text: t(ERROR_KEYS[result.error], (result.invalid ?? []).join(' ')) });
      return;
    }
    setMessage({ tone: 'ok', text: t('hashtagsSetSaved', result.set.name) });
    setOpen(false);
    setName('');
    onSaved(result.set);
  }

  return (
    <form
      className="space-y-2 rounded-md border border-slate-200 p-2 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid={testId}
    >
      <p className="text-xs text-slate-600 dark:text-slate-300">{tags.map((x) => `#${x}`).join(' ')}</p>
      <label className="block text-xs">
        <span className="mb-0.5 block text-slate-600 dark:text-slate-300">{t('hashtagsSetName')}</span>
        <input
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('hashtagsSetNamePlaceholder')}
          data-testid="hashtags-save-set-name"
          autoFocus
        />
      </label>
      <label className="flex items-center gap-2 text-xs">
        <input type="checkbox" checked={forNetwork} onChange={(e) => setForNetwork(e.target.checked)} data-testid="hashtags-save-set-network" />
        {t('hashtagsSetOnlyFor', t(SITE_LABEL_KEYS[network]))}
      </label>
      <ReadOnlyInViewNote />
      {message?.tone === 'error' && (
        <Notice tone="error" testId="hashtags-save-set-result">
          {message.text}
        </Notice>
      )}
      <div className="flex gap-2">
        <Button variant="primary" type="submit" data-testid="hashtags-save-set-confirm">
          {t('hashtagsSetSave')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('hashtagsCancel')}</Button>
      </div>
    </form>
  );
}
