import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { ReplyEditor } from '@/components/replies/ReplyEditor';
import { Button, Notice } from '@/components/ui';
import type { SavedReply } from '@/utils/db/saved-replies';
import { sendMessage } from '@/utils/messaging/protocol';
import { draftOf, emptyDraft, type ReplyDraft, type ReplyProblem } from '@/utils/replies/store';
import { BrandMark } from './BrandSwitch';
import { useBrandInView } from './useBrandInView';

export interface ReplyEditing {
  draft: ReplyDraft;
  problems: ReplyProblem[];
  saving: boolean;
}

/** The sidebar's own management of replies (create, edit, duplicate, delete with
 * undo), through the background: the framed sidebar may not open the database. The
 * same editor as the library page's. New replies belong to `brandId`, the brand in view. */
export function useReplyManagement(language: string, brandId: string | null = null) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<ReplyEditing | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo?: () => Promise<void> } | null>(null);

  async function save(draft: ReplyDraft) {
    setEditing((e) => e && { ...e, saving: true });
    const result = await sendMessage('repliesSave', draft).catch(() => null);
    if (result?.ok) {
      setEditing(null);
      setNotice({ text: t(draft.id ? 'repliesSaved' : 'repliesCreated', result.reply.title) });
    } else {
      setEditing((e) => e && { ...e, problems: result && !result.ok ? result.problems : [], saving: false });
      if (!result) setNotice({ text: t('repliesSaveFailed') });
    }
  }

  async function duplicate(reply: SavedReply) {
    const copy = await sendMessage('repliesDuplicate', { id: reply.id }).catch(() => null);
    if (copy) setEditing({ draft: draftOf(copy), problems: [], saving: false });
  }

  async function remove(reply: SavedReply) {
    const deleted = await sendMessage('repliesDelete', { id: reply.id }).catch(() => null);
    if (!deleted) return;
    setNotice({
      text: t('repliesDeleted', deleted.title),
      undo: async () => {
        const { shortcutCleared } = await sendMessage('repliesRestore', deleted);
        setNotice({ text: t(shortcutCleared ? 'repliesRestoredWithoutShortcut' : 'repliesRestored', deleted.title) });
      },
    });
  }

  return {
    editing,
    setEditing,
    // A new reply is filed under the brand in view (null: all brands).
    startNew: () => setEditing({ draft: { ...emptyDraft(language), brandId }, problems: [], saving: false }),
    startEdit: (reply: SavedReply) => setEditing({ draft: draftOf(reply), problems: [], saving: false }),
    duplicate,
    remove,
    save,
    notice,
    clearNotice: () => setNotice(null),
  };
}

export function ReplyEditPane({ manage }: { manage: ReturnType<typeof useReplyManagement> }) {
  const { t } = useI18n();
  const { editing } = manage;
  const { view } = useBrandInView();
  if (!editing) return null;
  const brand = view?.brands.find((b) => b.id === editing.draft.brandId) ?? null;
  return (
    <div className="rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="replies-sidebar-editor">
      <h3 className="font-medium">{editing.draft.id ? t('repliesEditTitle') : t('repliesNewTitle')}</h3>
      {/* Whose reply it is: a new one is the brand in view's. */}
      <p className="mb-2 flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300" data-testid="replies-editor-brand" data-value={editing.draft.brandId ?? 'shared'}>
        <BrandMark brand={brand} />
        {brand ? t('repliesForBrand', brand.name) : t('repliesShared')}
      </p>
      <ReplyEditor
        value={editing.draft}
        onChange={(draft) => manage.setEditing({ ...editing, draft })}
        onSave={(draft) => void manage.save(draft)}
        onCancel={() => manage.setEditing(null)}
        problems={editing.problems}
        saving={editing.saving}
      />
    </div>
  );
}

export function ReplyManageNotice({ manage }: { manage: ReturnType<typeof useReplyManagement> }) {
  const { t } = useI18n();
  const { notice } = manage;
  if (!notice) return null;
  return (
    <Notice tone="info" testId="replies-manage-notice">
      <span className="flex items-center justify-between gap-2">
        <span>{notice.text}</span>
        {notice.undo && (
          <Button onClick={() => void notice.undo!()} data-testid="replies-undo">
            {t('repliesUndo')}
          </Button>
        )}
      </span>
    </Notice>
  );
}

/** Edit, duplicate and delete under one reply of the list; a reply of a brand shared
 * read-only (#15) says so instead (it is inserted, not changed). */
export function ReplyActions({ reply, manage, readOnly = false }: { reply: SavedReply; manage: ReturnType<typeof useReplyManagement>; readOnly?: boolean }) {
  const { t } = useI18n();
  if (readOnly) {
    return (
      <span className="flex justify-end text-[11px] text-amber-800 dark:text-amber-300" title={t('syncReadOnlyItem')} data-testid="sync-read-only-item">
        {t('syncReadOnly')}
      </span>
    );
  }
  const look = 'rounded px-1.5 py-0.5 text-[11px] text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-700';
  return (
    <span className="flex justify-end gap-1">
      <button type="button" className={look} onClick={() => manage.startEdit(reply)} data-testid="replies-item-edit">
        {t('repliesEdit')}
      </button>
      <button type="button" className={look} onClick={() => void manage.duplicate(reply)} data-testid="replies-item-duplicate">
        {t('repliesDuplicate')}
      </button>
      <button type="button" className={look} onClick={() => void manage.remove(reply)} data-testid="replies-item-delete">
        {t('repliesDelete')}
      </button>
    </span>
  );
}
