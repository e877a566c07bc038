import { useCallback, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from '#imports';
import { ReadOnlyNote } from '@/components/sync/ReadOnlyNote';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { useI18n } from '@/components/i18n';
import { ReplyEditor } from '@/components/replies/ReplyEditor';
import { Button, Notice } from '@/components/ui';
import { BrandChip } from '@/components/brands/BrandChip';
import { BrandFilterSelect, MoveToBrand } from '@/components/brands/BrandFilterSelect';
import { useBrandFilter, useBrands } from '@/components/brands/useBrands';
import { brandForNew, filterByBrand } from '@/utils/brands/filter';
import { moveItems } from '@/utils/brands/ops';
import type { Brand } from '@/utils/db/brands';
import { getDb } from '@/utils/db/app-db';
import type { Network } from '@/utils/db/record';
import type { SavedReply } from '@/utils/db/saved-replies';
import { readCsvFile, type CsvTable } from '@/utils/replies/csv';
import { csvErrorMessage, packErrorMessage } from '@/utils/replies/messages';
import { makePack, packFileName, planPackImport, readPack, type PackError } from '@/utils/replies/pack';
import { isStarterReply, removeStarterReplies } from '@/utils/replies/starter';
import {
  allLanguages,
  allTags,
  deleteReply,
  draftOf,
  duplicateReply,
  emptyDraft,
  filterReplies,
  restoreReplies,
  restoreReply,
  saveReply,
  sortReplies,
  type ReplyDraft,
  type ReplyProblem,
  type ReplySort,
} from '@/utils/replies/store';
import { CsvImport } from './replies/CsvImport';
import { downloadBlob, takeFile } from './replies/download';
import { PackImport, type PackImportStep } from './replies/PackImport';
import { Toast, type ToastState } from './replies/Toast';

type Editing = { draft: ReplyDraft; problems: ReplyProblem[]; saving: boolean } | null;
type Importing =
  | { kind: 'pack'; initial: PackImportStep; key: number }
  | { kind: 'csv'; table: CsvTable; fileName: string; key: number }
  | { kind: 'csv-error'; message: string }
  | null;

const SORTS: { value: ReplySort; key: string }[] = [
  { value: 'most-used', key: 'repliesSortMostUsed' },
  { value: 'recent', key: 'repliesSortRecent' },
  { value: 'title', key: 'repliesSortTitle' },
];

const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

/** The library's "Saved replies": search, sort, filter, create, edit, duplicate, delete
 * with undo; share as packs; import from a spreadsheet. */
export function RepliesSection() {
  const { t, language: uiLanguage } = useI18n();
  const replies = useLiveQuery(() => getDb().savedReplies.toArray(), []);
  const brands = useBrands();
  const readOnlyBrands = useReadOnlyBrands();
  const [brandFilter, setBrandFilter] = useBrandFilter(brands);
  const newBrand = brandForNew(brandFilter);
  const newInReadOnly = newBrand !== null && readOnlyBrands.has(newBrand);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ReplySort>('most-used');
  const [network, setNetwork] = useState<Network | ''>('');
  const [language, setLanguage] = useState('');
  const [tag, setTag] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState<Importing>(null);
  const [exportError, setExportError] = useState<PackError | null>(null);
  const [toast, setToast] = useState<ToastState | null>(null);
  const packInput = useRef<HTMLInputElement>(null);
  const csvInput = useRef<HTMLInputElement>(null);
  const closeToast = useCallback(() => setToast(null), []);
  const say = (message: string, undo?: ToastState['undo']) => setToast({ key: Date.now(), message, undo });

  const all = replies ?? [];
  const shown = useMemo(
    () => sortReplies(filterReplies(filterByBrand(all, brandFilter), { query, network: network || null, language: language || null, tag: tag || null }), sort),
    [all, brandFilter, query, network, language, tag, sort],
  );
  const tags = useMemo(() => allTags(all), [all]);
  const languages = useMemo(() => allLanguages(all), [all]);
  const starters = all.filter(isStarterReply).length;
  const selectedReplies = all.filter((r) => selected.has(r.id));

  async function save(draft: ReplyDraft) {
    setEditing((e) => e && { ...e, saving: true });
    const result = await saveReply(getDb(), draft);
    if (result.ok) {
      setEditing(null);
      say(t(draft.id ? 'repliesSaved' : 'repliesCreated', result.reply.title));
    } else setEditing((e) => e && { ...e, problems: result.problems, saving: false });
  }

  async function remove(reply: SavedReply) {
    const deleted = await deleteReply(getDb(), reply.id);
    if (!deleted) return;
    setSelected((s) => new Set([...s].filter((id) => id !== reply.id)));
    say(t('repliesDeleted', deleted.title), async () => {
      const { shortcutCleared } = await restoreReply(getDb(), deleted);
      say(t(shortcutCleared ? 'repliesRestoredWithoutShortcut' : 'repliesRestored', deleted.title));
    });
  }

  async function moveSelected(brandId: string | null) {
    // A read-only brand's replies stay where they are (#15).
    const ids = selectedReplies.filter((r) => r.brandId === null || !readOnlyBrands.has(r.brandId)).map((r) => r.id);
    if (ids.length < selectedReplies.length) return say(t('syncReadOnlySkipped'));
    const moved = await moveItems(getDb(), 'savedReplies', ids, brandId);
    const name = brandId === null ? t('brandShared') : (brands?.find((b) => b.id === brandId)?.name ?? '');
    say(t('brandMoved', moved, name));
  }

  async function duplicate(reply: SavedReply) {
    const copy = await duplicateReply(getDb(), reply.id, t('repliesCopyTitle', reply.title));
    if (copy) setEditing({ draft: draftOf(copy), problems: [], saving: false });
  }

  async function removeStarters() {
    const { removed, kept } = await removeStarterReplies(getDb());
    const message = kept > 0 ? `${t('repliesStartersRemoved', removed.length)} ${t('repliesStartersKept', kept)}` : t('repliesStartersRemoved', removed.length);
    say(message, removed.length > 0 ? async () => void (await restoreReplies(getDb(), removed)) : undefined);
  }

  function exportPack() {
    const list = selectedReplies.length > 0 ? sortReplies(selectedReplies, 'title') : sortReplies(all, 'title');
    const made = makePack(list, browser.runtime.getManifest().version);
    if (!made.ok) return setExportError(made.error);
    setExportError(null);
    downloadBlob(made.value, packFileName(new Date()));
    say(t('repliesExported', list.length));
  }

  async function choosePack(file: File | undefined) {
    if (!file) return;
    const read = await readPack(file);
    const key = Date.now();
    if (!read.ok) return setImporting({ kind: 'pack', initial: { kind: 'error', error: read.error }, key });
    const plan = await planPackImport(getDb(), read.value);
    setImporting({
      kind: 'pack',
      key,
      initial: plan.ok ? { kind: 'preview', pack: read.value, plan: plan.value } : { kind: 'error', error: plan.error },
    });
  }

  async function chooseCsv(file: File | undefined) {
    if (!file) return;
    const read = await readCsvFile(file);
    setImporting(read.ok ? { kind: 'csv', table: read.table, fileName: file.name, key: Date.now() } : { kind: 'csv-error', message: csvErrorMessage(t, read.error) });
  }

  if (!replies || !brands) return null;

  return (
    <div className="max-w-5xl space-y-4" data-testid="replies-section">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('repliesTitle')}</h2>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="primary"
            data-testid="replies-new"
            disabled={newInReadOnly}
            title={newInReadOnly ? t('syncReadOnlyNew') : undefined}
            onClick={() => setEditing({ draft: { ...emptyDraft(uiLanguage), brandId: newBrand }, problems: [], saving: false })}
          >
            {t('repliesNew')}
          </Button>
          <Button data-testid="replies-export" disabled={all.length === 0} onClick={exportPack}>
            {selectedReplies.length > 0 ? t('repliesExportSelected', selectedReplies.length) : t('repliesExportAll')}
          </Button>
          <Button data-testid="replies-import-pack-open" onClick={() => packInput.current?.click()}>
            {t('repliesImportPack')}
          </Button>
          <Button data-testid="replies-import-csv-open" onClick={() => csvInput.current?.click()}>
            {t('repliesImportCsv')}
          </Button>
          <input
            ref={packInput}
            type="file"
            accept=".json,application/json"
            className="hidden"
            data-testid="replies-import-pack-input"
            onChange={(e) => void choosePack(takeFile(e.target))}
          />
          <input
            ref={csvInput}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="hidden"
            data-testid="replies-import-csv-input"
            onChange={(e) => void chooseCsv(takeFile(e.target))}
          />
        </div>
      </div>
      <p className="text-slate-600 dark:text-slate-400">{t('repliesIntro')}</p>

      {exportError && (
        <Notice tone="error" testId="replies-export-error">
          {packErrorMessage(t, exportError)}
        </Notice>
      )}
      {importing?.kind === 'pack' && <PackImport key={importing.key} initial={importing.initial} onClose={() => setImporting(null)} />}
      {importing?.kind === 'csv' && (
        <CsvImport key={importing.key} table={importing.table} fileName={importing.fileName} onClose={() => setImporting(null)} />
      )}
      {importing?.kind === 'csv-error' && (
        <Notice tone="error" testId="replies-csv-error">
          {importing.message}
          <span className="mt-1 block text-xs">{t('repliesNothingChanged')}</span>
        </Notice>
      )}

      {editing && (
        <div className="rounded-md border border-blue-200 p-4 dark:border-blue-900">
          <h3 className="mb-3 font-medium">{editing.draft.id ? t('repliesEditTitle') : t('repliesNewTitle')}</h3>
          <ReplyEditor
            value={editing.draft}
            problems={editing.problems}
            saving={editing.saving}
            onChange={(draft) => setEditing((e) => e && { ...e, draft, problems: [] })}
            onSave={(draft) => void save(draft)}
            onCancel={() => setEditing(null)}
          />
        </div>
      )}

      <div className="flex flex-wrap items-end gap-2" role="search">
        <BrandFilterSelect brands={brands} value={brandFilter} onChange={setBrandFilter} />
        <input
          type="search"
          className={`${control} min-w-48 flex-1`}
          placeholder={t('repliesSearch')}
          aria-label={t('repliesSearch')}
          value={query}
          data-testid="replies-search"
          onChange={(e) => setQuery(e.target.value)}
        />
        <select className={control} aria-label={t('repliesSortLabel')} value={sort} data-testid="replies-sort" onChange={(e) => setSort(e.target.value as ReplySort)}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {t(s.key)}
            </option>
          ))}
        </select>
        <select
          className={control}
          aria-label={t('repliesFilterNetwork')}
          value={network}
          data-testid="replies-filter-network"
          onChange={(e) => setNetwork(e.target.value as Network | '')}
        >
          <option value="">{t('repliesFilterAllNetworks')}</option>
          <option value="facebook">Facebook</option>
          <option value="instagram">Instagram</option>
        </select>
        <select className={control} aria-label={t('repliesFilterLanguage')} value={language} data-testid="replies-filter-language" onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('repliesFilterAllLanguages')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {l === 'it' ? t('repliesLanguageIt') : l === 'en' ? t('repliesLanguageEn') : l}
            </option>
          ))}
        </select>
        <select className={control} aria-label={t('repliesFilterTag')} value={tag} data-testid="replies-filter-tag" onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('repliesFilterAllTags')}</option>
          {tags.map((name) => (
            <option key={name} value={name}>
              #{name}
            </option>
          ))}
        </select>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <p className="text-xs text-slate-500" data-testid="replies-count" data-shown={shown.length} data-total={all.length}>
          {t('repliesCount', shown.length, all.length)}
        </p>
        {selectedReplies.length > 0 && <MoveToBrand brands={brands} onMove={(brandId) => void moveSelected(brandId)} testId="replies-move-brand" />}
      </div>

      {all.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400" data-testid="replies-empty">
          {t('repliesEmpty')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700" data-testid="replies-list">
          {shown.map((reply) => (
            <ReplyRow
              key={reply.id}
              reply={reply}
              brands={brands}
              selected={selected.has(reply.id)}
              onSelect={(on) => setSelected((s) => (on ? new Set([...s, reply.id]) : new Set([...s].filter((id) => id !== reply.id))))}
              onEdit={() => setEditing({ draft: draftOf(reply), problems: [], saving: false })}
              onDuplicate={() => void duplicate(reply)}
              onDelete={() => void remove(reply)}
              readOnly={reply.brandId !== null && readOnlyBrands.has(reply.brandId)}
            />
          ))}
        </ul>
      )}

      {starters > 0 && (
        <div className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <span>{t('repliesStartersNote', starters)}</span>
          <Button data-testid="replies-remove-starters" onClick={() => void removeStarters()}>
            {t('repliesRemoveStarters')}
          </Button>
        </div>
      )}

      <Toast key={toast?.key} toast={toast} onClose={closeToast} />
    </div>
  );
}

function ReplyRow({
  reply,
  brands,
  selected,
  onSelect,
  onEdit,
  onDuplicate,
  onDelete,
  readOnly,
}: {
  reply: SavedReply;
  brands: readonly Brand[];
  selected: boolean;
  onSelect(on: boolean): void;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
  /** A reply of a brand shared read-only (#15): inserted and copied, not changed. */
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const networks = reply.networks.length === 1 ? (reply.networks[0] === 'facebook' ? 'Facebook' : 'Instagram') : t('repliesNetworkAny');
  return (
    <li className="flex gap-3 p-3" data-testid="reply-item" data-id={reply.id} data-title={reply.title}>
      <input
        type="checkbox"
        className="mt-1"
        checked={selected}
        aria-label={t('repliesSelect', reply.title)}
        data-testid="reply-select"
        onChange={(e) => onSelect(e.target.checked)}
      />
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-baseline gap-2">
          <span className="font-medium" data-testid="reply-title">
            {reply.title}
          </span>
          {reply.shortcut && (
            <code className="rounded bg-slate-100 px-1 text-xs dark:bg-slate-800" data-testid="reply-shortcut">
              {reply.shortcut}
            </code>
          )}
          <span className="text-xs text-slate-500">
            {networks} · {reply.language} · {t('repliesUses', reply.useCount)}
          </span>
          <BrandChip brandId={reply.brandId} brands={brands} />
        </div>
        <p className="line-clamp-2 whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300" data-testid="reply-body">
          {reply.body}
        </p>
        {reply.tags.length > 0 && (
          <p className="text-xs text-blue-700 dark:text-blue-300" data-testid="reply-tags">
            {reply.tags.map((tag) => `#${tag}`).join(' ')}
          </p>
        )}
        {readOnly && <ReadOnlyNote />}
      </div>
      <div className="flex shrink-0 flex-col gap-1 sm:flex-row sm:items-start">
        <Button data-testid="reply-edit" disabled={readOnly} onClick={onEdit}>
          {t('repliesEdit')}
        </Button>
        <Button data-testid="reply-duplicate" disabled={readOnly} onClick={onDuplicate}>
          {t('repliesDuplicate')}
        </Button>
        <Button variant="danger" data-testid="reply-delete" disabled={readOnly} onClick={onDelete}>
          {t('repliesDelete')}
        </Button>
      </div>
    </li>
  );
}
