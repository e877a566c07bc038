import { useRef, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { formatAvoidList, mergeAvoidList, parseAvoidList } from '@/utils/hashtags/avoid-list';
import { checkSetTags, splitTagsInput } from '@/utils/hashtags/sets';
import { hashtagAvoidListItem } from '@/utils/settings/items';

const FILE_MAX_BYTES = 1_000_000;

/** Hashtags never suggested and flagged by the linter. Kept in `browser.storage`
 * (setting `hashtagAvoidList`), imported and exported as plain text, one per line. */
export function HashtagAvoidList() {
  const { t } = useI18n();
  const [list, setList] = useStorageItem(hashtagAvoidListItem);
  const [adding, setAdding] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!list) return null;

  async function add() {
    const checked = checkSetTags(splitTagsInput(adding));
    if (!checked.ok) {
      setMessage({ tone: 'error', text: t(checked.error === 'invalid-tags' ? 'hashtagsSetErrorInvalid' : 'hashtagsSetErrorNoTags', (checked.invalid ?? []).join(' ')) });
      return;
    }
    await setList(mergeAvoidList(list!, checked.tags));
    setAdding('');
    setMessage(null);
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    if (file.size > FILE_MAX_BYTES) {
      setMessage({ tone: 'error', text: t('hashtagAvoidImportTooBig') });
      return;
    }
    const parsed = parseAvoidList(await file.text());
    if (!parsed.ok) {
      const text =
        parsed.error === 'invalid'
          ? t('hashtagAvoidImportInvalid', parsed.invalid.map((x) => `${x.line}: ${x.text}`).join('; '))
          : t(parsed.error === 'empty' ? 'hashtagAvoidImportEmpty' : 'hashtagAvoidImportTooMany');
      setMessage({ tone: 'error', text });
      return;
    }
    const merged = mergeAvoidList(list!, parsed.tags);
    await setList(merged);
    setMessage({ tone: 'ok', text: t('hashtagAvoidImported', merged.length - list!.length) });
  }

  function exportFile() {
    const url = URL.createObjectURL(new Blob([formatAvoidList(list!)], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'spalla-avoid-hashtags.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  return (
    <div className="space-y-3" data-testid="hashtag-avoid">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          value={adding}
          onChange={(e) => setAdding(e.target.value)}
          placeholder={t('hashtagSetAddPlaceholder')}
          aria-label={t('hashtagAvoidAdd')}
          data-testid="hashtag-avoid-input"
        />
        <Button type="submit" data-testid="hashtag-avoid-add">
          {t('hashtagAvoidAdd')}
        </Button>
      </form>
      {list.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">{t('hashtagAvoidEmpty')}</p>
      ) : (
        <ul className="flex flex-wrap gap-1" data-testid="hashtag-avoid-list" data-count={list.length}>
          {list.map((tag) => (
            <li key={tag} className="flex items-center gap-1 rounded-full border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600" data-testid="hashtag-avoid-tag" data-tag={tag}>
              #{tag}
              <button type="button" onClick={() => void setList(list.filter((x) => x !== tag))} aria-label={t('hashtagSetRemoveTag', `#${tag}`)} data-testid="hashtag-avoid-remove">
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <Button onClick={() => fileInput.current?.click()} data-testid="hashtag-avoid-import-open">
          {t('hashtagAvoidImport')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.csv,text/plain,text/csv"
          className="hidden"
          data-testid="hashtag-avoid-import-input"
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button disabled={list.length === 0} onClick={exportFile} data-testid="hashtag-avoid-export">
          {t('hashtagAvoidExport')}
        </Button>
      </div>
      {message && (
        <Notice tone={message.tone} testId="hashtag-avoid-result">
          {message.text}
        </Notice>
      )}
    </div>
  );
}
