import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { ReadOnlyNote } from '@/components/sync/ReadOnlyNote';
import { Button, Section } from '@/components/ui';
import type { ClipStatus } from '@/utils/db/clips';
import type { ClipSummary } from '@/utils/messaging/features/clips';
import { sendMessage } from '@/utils/messaging/protocol';
import { ClipThumbnail } from './IdeasThumbnail';

const STATUSES: ClipStatus[] = ['idea', 'draft', 'scheduled', 'published', 'archived'];

const fieldClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

/** "Tag one, tag two" -> ["tag one", "tag two"]. */
export function parseTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** One clip at a glance: its author, text (as text), thumbnail, and the fields the user
 * sets without leaving the page: note, tags, status (shown, not editable, for a clip of a
 * brand shared read-only: #15). */
export function IdeasClipEditor({ clip, onSaved, readOnly = false }: { clip: ClipSummary; onSaved: (clip: ClipSummary) => void; readOnly?: boolean }) {
  const { t } = useI18n();
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [status, setStatus] = useState<ClipStatus>(clip.status);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState(false);
  const dirty = note !== clip.note || tags !== clip.tags.join(', ') || status !== clip.status;

  async function save() {
    setFailed(false);
    try {
      const updated = await sendMessage('updateClipFields', { id: clip.id, note, tags: parseTags(tags), status });
      if (updated) {
        onSaved(updated);
        setTags(updated.tags.join(', '));
        setSaved(true);
      }
    } catch {
      setFailed(true);
    }
  }

  return (
    <Section title={clip.authorName ?? clip.authorHandle ?? t('clipsPageUnknownAuthor')} testId="clips-page-editor">
      <div data-clip-id={clip.id} className="space-y-2" data-testid="clips-page-editor-body">
        <ClipThumbnail clip={clip} large />
        <p className="max-h-40 overflow-auto whitespace-pre-wrap break-words text-sm" dir="auto" data-testid="clips-page-editor-text">
          {clip.text}
          {clip.textLength > clip.text.length && (
            <span className="block text-xs text-slate-500">{t('clipsPageMoreText', clip.textLength - clip.text.length)}</span>
          )}
        </p>
        {clip.permalink && (
          <a href={clip.permalink} target="_blank" rel="noreferrer noopener" className="text-xs text-blue-700 underline dark:text-blue-300">
            {t('clipsPageSource')}
          </a>
        )}
        <fieldset disabled={readOnly} className="space-y-2 disabled:opacity-70">
          <label className="block text-xs font-medium">
            {t('clipsPageNote')}
            <textarea
              className={`${fieldClass} mt-1 min-h-16`}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setSaved(false);
              }}
              data-testid="clips-page-note"
            />
          </label>
          <label className="block text-xs font-medium">
            {t('clipsPageTags')}
            <input
              className={`${fieldClass} mt-1`}
              value={tags}
              onChange={(e) => {
                setTags(e.target.value);
                setSaved(false);
              }}
              data-testid="clips-page-tags"
            />
          </label>
          <label className="block text-xs font-medium">
            {t('clipsPageStatus')}
            <select
              className={`${fieldClass} mt-1`}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as ClipStatus);
                setSaved(false);
              }}
              data-testid="clips-page-status"
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`clipsPageStatus_${s}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {readOnly ? (
          <ReadOnlyNote />
        ) : (
          <div className="flex items-center gap-2">
            <Button variant="primary" disabled={!dirty} onClick={() => void save()} data-testid="clips-page-save">
              {t('clipsPageSave')}
            </Button>
            {saved && !dirty && (
              <span className="text-xs text-green-700 dark:text-green-300" role="status" data-testid="clips-page-fields-saved">
                {t('clipsPageFieldsSaved')}
              </span>
            )}
            {failed && (
              <span className="text-xs text-red-700" role="alert">
                {t('clipsPageErrorOther')}
              </span>
            )}
          </div>
        )}
      </div>
    </Section>
  );
}
