import { useEffect, useState } from 'react';
import type { Clip, ClipStatus, StoredImage } from '@/utils/db/clips';
import { getDb } from '@/utils/db/app-db';
import { safeHttpUrl } from '@/utils/clips/links';
import { authorOf } from '@/utils/clips/query';
import { fullImageElsewhere } from '@/utils/sync/clip-images';
import { normalizeTags, saveHashtagSet, updateClipNotes, useAsDraft } from '@/utils/clips/store';
import { useFormatDate, useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { NETWORK_LABEL_KEYS } from './ClipCard';
import { BlobImage, useClipImages } from './ClipImage';
import { Dialog } from './Dialog';
import { StatusSelect } from './StatusSelect';

/** The images worth looking at: each full image, else its thumbnail, and video posters. */
function imagesToShow(images: readonly StoredImage[]): StoredImage[] {
  const full = images.filter((image) => image.role !== 'thumbnail');
  return full.length > 0 ? full : [...images];
}

type Done = { kind: 'copied' } | { kind: 'draft' } | { kind: 'set'; name: string } | { kind: 'saved' } | { kind: 'error'; message: string };

/**
 * A clip in full. The text is a text node with its line breaks kept (CSS
 * `white-space: pre-wrap`): nothing in it is turned into a link or markup. Only the
 * source permalink becomes a link, and only when it is http(s).
 */
export function ClipDetail({
  clip,
  onClose,
  onStatus,
  onDelete,
  onWriteError,
  readOnly = false,
}: {
  clip: Clip;
  onClose: () => void;
  onStatus: (ids: string[], status: ClipStatus) => void;
  onDelete: (ids: string[]) => void;
  onWriteError: (error: unknown) => string;
  /** A clip of a read-only shared brand (#15): used (copied, made a draft), not changed. */
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const formatDate = useFormatDate();
  const images = useClipImages(clip.id, clip.imageIds) ?? [];
  const author = authorOf(clip) ?? t('clipsNoAuthor');
  const link = safeHttpUrl(clip.permalink);
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [setName, setSetName] = useState(() => t('clipsHashtagSetDefaultName', author));
  const [done, setDone] = useState<Done | null>(null);
  // Reset the fields when this clip itself changes (saved here or elsewhere), not each
  // time the library is read again (every read makes new objects for every clip).
  useEffect(() => {
    setNote(clip.note);
    setTags(clip.tags.join(', '));
  }, [clip.id, clip.updatedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  async function run(action: () => Promise<Done>) {
    try {
      setDone(await action());
    } catch (error) {
      setDone({ kind: 'error', message: onWriteError(error) });
    }
  }

  const counts = [
    ['clipsCountReactions', clip.counts.reactions],
    ['clipsCountComments', clip.counts.comments],
    ['clipsCountShares', clip.counts.shares],
  ] as const;

  return (
    <Dialog label={t('clipsDetailTitle', author)} onClose={onClose} testId="clips-detail" wide>
      <div className="mb-3 flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-lg font-semibold" data-testid="clips-detail-author" dir="auto">
            {author}
          </h2>
          <p className="text-xs text-slate-500">
            {clip.authorHandle && (
              <span data-testid="clips-detail-handle" dir="auto">
                @{clip.authorHandle} ·{' '}
              </span>
            )}
            {t(NETWORK_LABEL_KEYS[clip.network])}
            {clip.postedAt !== null && <> · {t('clipsPostedAt', formatDate(clip.postedAt))}</>} · {t('clipsClippedAt', formatDate(clip.clippedAt))}
          </p>
        </div>
        <StatusSelect value={clip.status} label={t('clipsStatusOf', author)} testId="clips-detail-status" disabled={readOnly} onChange={(status) => onStatus([clip.id], status)} />
        <Button onClick={onClose} data-testid="clips-detail-close" aria-label={t('clipsClose')}>
          ×
        </Button>
      </div>
      {readOnly && (
        <p className="mb-2 text-xs text-amber-800 dark:text-amber-300" data-testid="sync-read-only-item">
          {t('syncReadOnlyItem')}
        </p>
      )}
      {clip.status === 'scheduled' && clip.scheduledAt !== null && (
        <p className="mb-2 text-sm" data-testid="clips-detail-scheduled">
          {t('clipsScheduledFor', formatDate(clip.scheduledAt))}
        </p>
      )}

      {images.length > 0 && (
        <div className="mb-3 flex gap-2 overflow-x-auto" data-testid="clips-detail-images">
          {imagesToShow(images).map((image) => (
            <BlobImage key={image.id} image={image} alt={t('clipsImageAlt', author)} className="max-h-80 rounded object-contain" testId="clips-detail-image" />
          ))}
        </div>
      )}
      {fullImageElsewhere(clip.imageIds, images) && (
        <p className="-mt-2 mb-3 text-xs text-slate-600 dark:text-slate-400" data-testid="clips-detail-full-elsewhere">
          {t('clipsFullImageElsewhere')}
        </p>
      )}

      <p className="mb-3 max-h-96 overflow-y-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 dark:bg-slate-900" data-testid="clips-detail-text" dir="auto">
        {clip.text}
      </p>
      {clip.hashtags.length > 0 && (
        <p className="mb-2 text-blue-800 dark:text-blue-300" data-testid="clips-detail-hashtags" dir="auto">
          {clip.hashtags.map((tag) => `#${tag}`).join(' ')}
        </p>
      )}
      <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">
        {counts
          .filter(([, value]) => value !== null)
          .map(([key, value]) => t(key, value!))
          .join(' · ')}
      </p>
      <p className="mb-3 break-all text-xs" data-testid="clips-detail-source">
        {t('clipsSource')}{' '}
        {link ? (
          <a href={link} target="_blank" rel="noopener noreferrer" className="text-blue-700 underline dark:text-blue-300" data-testid="clips-detail-link">
            {link}
          </a>
        ) : (
          <span data-testid="clips-detail-source-text">{clip.permalink ?? t('clipsNoSource')}</span>
        )}
      </p>

      <div className="mb-3 grid gap-2 md:grid-cols-2">
        <label className="block space-y-1">
          <span className="text-xs font-medium">{t('clipsNote')}</span>
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            readOnly={readOnly}
            data-testid="clips-detail-note"
            className="block w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="block space-y-1">
          <span className="text-xs font-medium">{t('clipsTagsInput')}</span>
          <input
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            readOnly={readOnly}
            data-testid="clips-detail-tags"
            className="block w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
          <Button
            disabled={readOnly}
            onClick={() =>
              void run(async () => {
                await updateClipNotes(getDb(), clip.id, { note, tags: normalizeTags(tags.split(',')) });
                return { kind: 'saved' };
              })
            }
            data-testid="clips-detail-save"
          >
            {t('clipsSaveNotes')}
          </Button>
        </label>
      </div>

      <div className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3 dark:border-slate-700">
        <Button
          onClick={() =>
            void run(async () => {
              await navigator.clipboard.writeText(clip.text);
              return { kind: 'copied' };
            })
          }
          data-testid="clips-detail-copy"
        >
          {t('clipsCopyText')}
        </Button>
        <Button
          variant="primary"
          onClick={() =>
            void run(async () => {
              await useAsDraft(clip);
              return { kind: 'draft' };
            })
          }
          data-testid="clips-detail-use-draft"
        >
          {t('clipsUseAsDraft')}
        </Button>
        {clip.hashtags.length > 0 && (
          <span className="flex items-end gap-1">
            <label className="block">
              <span className="block text-xs font-medium">{t('clipsHashtagSetName')}</span>
              <input
                value={setName}
                onChange={(e) => setSetName(e.target.value)}
                data-testid="clips-detail-set-name"
                className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              />
            </label>
            <Button
              disabled={!setName.trim()}
              onClick={() =>
                void run(async () => {
                  const set = await saveHashtagSet(getDb(), clip, setName);
                  return { kind: 'set', name: set.name };
                })
              }
              data-testid="clips-detail-save-set"
            >
              {t('clipsSaveHashtagSet')}
            </Button>
          </span>
        )}
        <Button variant="danger" className="ml-auto" disabled={readOnly} onClick={() => onDelete([clip.id])} data-testid="clips-detail-delete">
          {t('clipsDelete')}
        </Button>
      </div>
      {done && (
        <div className="mt-3">
          {done.kind === 'error' ? (
            <Notice tone="error" testId="clips-detail-error">
              {done.message}
            </Notice>
          ) : (
            <Notice tone="ok" testId="clips-detail-done">
              {done.kind === 'copied' && t('clipsCopied')}
              {done.kind === 'draft' && t('clipsDraftReady')}
              {done.kind === 'set' && t('clipsHashtagSetSaved', done.name)}
              {done.kind === 'saved' && t('clipsNotesSaved')}
            </Notice>
          )}
        </div>
      )}
    </Dialog>
  );
}
