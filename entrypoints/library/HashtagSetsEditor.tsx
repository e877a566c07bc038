import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { ReadOnlyNote } from '@/components/sync/ReadOnlyNote';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import type { HashtagSet } from '@/utils/db/hashtags';
import type { Network } from '@/utils/db/record';
import { SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { checkSetName, checkSetTags, listHashtagSets, saveNewHashtagSet, splitTagsInput } from '@/utils/hashtags/sets';
import { BrandChip } from '@/components/brands/BrandChip';
import { BrandFilterSelect, MoveToBrand } from '@/components/brands/BrandFilterSelect';
import { useBrandFilter, useBrands } from '@/components/brands/useBrands';
import { brandForNew, filterByBrand } from '@/utils/brands/filter';
import { moveItems } from '@/utils/brands/ops';
import type { Brand } from '@/utils/db/brands';
import type { BrandRef } from '@/utils/db/record';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900';

const SET_ERRORS: Record<string, string> = {
  'name-missing': 'hashtagsSetErrorName',
  'name-too-long': 'hashtagsSetErrorNameLong',
  'no-tags': 'hashtagsSetErrorNoTags',
  'too-many-tags': 'hashtagsSetErrorTooMany',
  'invalid-tags': 'hashtagsSetErrorInvalid',
};

const UNDO_MS = 10_000;

/** Create, rename, reorder, edit and delete hashtag sets (delete can be undone). */
export function HashtagSetsEditor() {
  const { t } = useI18n();
  const all = useLiveQuery(() => listHashtagSets(getDb()), []);
  const brands = useBrands();
  const readOnlyBrands = useReadOnlyBrands();
  const [brandFilter, setBrandFilter] = useBrandFilter(brands);
  const sets = all && filterByBrand(all, brandFilter);
  const newBrand = brandForNew(brandFilter);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [moved, setMoved] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<HashtagSet | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  async function remove(set: HashtagSet) {
    await getDb().hashtagSets.delete(set.id);
    setDeleted(set);
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setDeleted(null), UNDO_MS);
  }

  async function moveSelected(brandId: BrandRef) {
    const ids = (sets ?? []).filter((set) => selected.has(set.id)).map((set) => set.id);
    const count = await moveItems(getDb(), 'hashtagSets', ids, brandId);
    setSelected(new Set());
    setMoved(t('brandMoved', count, brandId === null ? t('brandShared') : (brands?.find((b) => b.id === brandId)?.name ?? '')));
  }

  async function undo() {
    if (!deleted) return;
    await getDb().hashtagSets.put(deleted);
    setDeleted(null);
  }

  if (!brands) return null;
  const selectedShown = (sets ?? []).filter((set) => selected.has(set.id)).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <BrandFilterSelect brands={brands} value={brandFilter} onChange={setBrandFilter} />
        {selectedShown > 0 && <MoveToBrand brands={brands} onMove={(brandId) => void moveSelected(brandId)} testId="hashtag-sets-move-brand" />}
      </div>
      {moved && (
        <Notice tone="ok" testId="hashtag-sets-moved">
          {moved}
        </Notice>
      )}
      <NewSetForm brandId={newBrand} readOnly={newBrand !== null && readOnlyBrands.has(newBrand)} />
      {deleted && (
        <Notice tone="info" testId="hashtag-set-deleted">
          <span>{t('hashtagSetDeleted', deleted.name)}</span>{' '}
          <button type="button" className="font-semibold underline" onClick={() => void undo()} data-testid="hashtag-set-undo">
            {t('hashtagSetUndo')}
          </button>
        </Notice>
      )}
      {sets && sets.length === 0 && <p className="text-slate-500 dark:text-slate-400">{t('hashtagsNoSets')}</p>}
      <ul className="space-y-3" data-testid="hashtag-sets-list" data-count={sets ? sets.length : -1}>
        {sets?.map((set) => (
          <SetCard
            key={set.id}
            set={set}
            brands={brands}
            selected={selected.has(set.id)}
            onSelect={(on) => setSelected((s) => (on ? new Set([...s, set.id]) : new Set([...s].filter((id) => id !== set.id))))}
            onDelete={() => void remove(set)}
            readOnly={set.brandId !== null && readOnlyBrands.has(set.brandId)}
          />
        ))}
      </ul>
    </div>
  );
}

function NetworkSelect({ value, onChange, testId }: { value: Network | null; onChange: (n: Network | null) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <select
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      value={value ?? 'any'}
      onChange={(e) => onChange(e.target.value === 'any' ? null : (e.target.value as Network))}
      aria-label={t('hashtagSetNetwork')}
      data-testid={testId}
    >
      <option value="any">{t('hashtagSetAnyNetwork')}</option>
      {(['instagram', 'facebook', 'x', 'threads', 'linkedin'] as const).map((network) => (
        <option key={network} value={network}>
          {t(SITE_LABEL_KEYS[network])}
        </option>
      ))}
    </select>
  );
}

/** A new set goes under `brandId`: the brand the filter shows, else shared; not under a
 * brand shared read-only (#15). */
function NewSetForm({ brandId, readOnly }: { brandId: BrandRef; readOnly: boolean }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [network, setNetwork] = useState<Network | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    const db = getDb();
    const result = await db.transaction('rw', [db.hashtagSets, db.brands, db.images, db.postLog], async () => {
      const saved = await saveNewHashtagSet(db, { name, tags: splitTagsInput(tags), network });
      if (saved.ok && brandId !== null) await moveItems(db, 'hashtagSets', [saved.set.id], brandId);
      return saved;
    });
    if (!result.ok) {
      setError(t(SET_ERRORS[result.error], (result.invalid ?? []).join(' ')));
      return;
    }
    setName('');
    setTags('');
    setError(null);
  }

  return (
    <form
      className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      data-testid="hashtag-set-new"
    >
      <p className="font-medium">{t('hashtagSetNew')}</p>
      <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} placeholder={t('hashtagsSetNamePlaceholder')} aria-label={t('hashtagsSetName')} maxLength={80} data-testid="hashtag-set-new-name" />
      <textarea className={`${inputClass} h-16`} value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('hashtagSetTagsPlaceholder')} aria-label={t('hashtagSetTags')} data-testid="hashtag-set-new-tags" />
      <div className="flex items-center gap-2">
        <NetworkSelect value={network} onChange={setNetwork} testId="hashtag-set-new-network" />
        <Button variant="primary" type="submit" disabled={readOnly} data-testid="hashtag-set-create">
          {t('hashtagSetCreate')}
        </Button>
      </div>
      {readOnly && <p className="text-xs text-amber-800 dark:text-amber-300">{t('syncReadOnlyNew')}</p>}
      {error && (
        <Notice tone="error" testId="hashtag-set-error">
          {error}
        </Notice>
      )}
    </form>
  );
}

/** One set: its name (rename in place), its network, its tags in priority order (drag,
 * or the up/down buttons), add and remove tags, delete. Each change is saved at once. */
function SetCard({
  set,
  brands,
  selected,
  onSelect,
  onDelete,
  readOnly,
}: {
  set: HashtagSet;
  brands: readonly Brand[];
  selected: boolean;
  onSelect(on: boolean): void;
  onDelete: () => void;
  /** A set of a brand shared read-only (#15): used, not changed. */
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(set.name);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  useEffect(() => setName(set.name), [set.name]);

  async function update(change: Partial<Pick<HashtagSet, 'name' | 'tags' | 'network'>>) {
    await getDb().hashtagSets.update(set.id, { ...change, updatedAt: Date.now() });
  }

  async function rename() {
    const checked = checkSetName(name);
    if (!checked.ok) {
      setError(t(SET_ERRORS[checked.error]));
      setName(set.name);
      return;
    }
    setError(null);
    if (checked.name !== set.name) await update({ name: checked.name });
  }

  async function move(from: number, to: number) {
    if (to < 0 || to >= set.tags.length || from === to) return;
    const tags = [...set.tags];
    const [tag] = tags.splice(from, 1);
    tags.splice(to, 0, tag);
    await update({ tags });
  }

  async function addTags() {
    const checked = checkSetTags([...set.tags, ...splitTagsInput(adding)]);
    if (!checked.ok) {
      setError(t(SET_ERRORS[checked.error], (checked.invalid ?? []).join(' ')));
      return;
    }
    setError(null);
    setAdding('');
    await update({ tags: checked.tags });
  }

  async function removeTag(index: number) {
    if (set.tags.length <= 1) {
      setError(t('hashtagsSetErrorNoTags'));
      return;
    }
    await update({ tags: set.tags.filter((_, i) => i !== index) });
  }

  return (
    <li className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="hashtag-set" data-name={set.name}>
      {/* A disabled fieldset disables every control in it: a read-only set's name, network,
          tags and Delete, and its selection (moving it to another brand is a change too). */}
      <fieldset disabled={readOnly} className="space-y-2">
        <div className="flex items-center gap-2">
          <input type="checkbox" checked={selected} aria-label={t('hashtagSetSelect', set.name)} data-testid="hashtag-set-select" onChange={(e) => onSelect(e.target.checked)} />
          <input
            className={`${inputClass} font-medium`}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void rename()}
            onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
            aria-label={t('hashtagsSetName')}
            data-testid="hashtag-set-name"
          />
          <NetworkSelect value={set.network} onChange={(network) => void update({ network })} testId="hashtag-set-network" />
          <Button variant="danger" onClick={onDelete} data-testid="hashtag-set-delete">
            {t('hashtagSetDelete')}
          </Button>
        </div>
        <BrandChip brandId={set.brandId} brands={brands} />
        <ol className="space-y-1" aria-label={t('hashtagSetTags')}>
          {set.tags.map((tag, i) => (
            <li
              key={`${tag}-${i}`}
              draggable={!readOnly}
              onDragStart={() => setDragFrom(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragFrom !== null) void move(dragFrom, i);
                setDragFrom(null);
              }}
              className="flex items-center gap-2 rounded border border-slate-100 px-2 py-0.5 dark:border-slate-800"
              data-testid="hashtag-set-tag"
              data-tag={tag}
            >
              <span aria-hidden="true" className="cursor-grab text-slate-400">⋮⋮</span>
              <span className="w-5 text-right text-xs text-slate-500">{i + 1}</span>
              <span className="flex-1">#{tag}</span>
              <button type="button" className="px-1 disabled:opacity-30" disabled={i === 0} onClick={() => void move(i, i - 1)} aria-label={t('hashtagSetMoveUp', `#${tag}`)} data-testid="hashtag-set-tag-up">
                ↑
              </button>
              <button type="button" className="px-1 disabled:opacity-30" disabled={i === set.tags.length - 1} onClick={() => void move(i, i + 1)} aria-label={t('hashtagSetMoveDown', `#${tag}`)} data-testid="hashtag-set-tag-down">
                ↓
              </button>
              <button type="button" className="px-1 text-red-700 disabled:opacity-30 dark:text-red-300" onClick={() => void removeTag(i)} aria-label={t('hashtagSetRemoveTag', `#${tag}`)} data-testid="hashtag-set-tag-remove">
                ×
              </button>
            </li>
          ))}
        </ol>
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void addTags();
          }}
        >
          <input className={inputClass} value={adding} onChange={(e) => setAdding(e.target.value)} placeholder={t('hashtagSetAddPlaceholder')} aria-label={t('hashtagSetAdd')} data-testid="hashtag-set-add-input" />
          <Button type="submit" data-testid="hashtag-set-add">
            {t('hashtagSetAdd')}
          </Button>
        </form>
        {error && (
          <Notice tone="error" testId="hashtag-set-error">
            {error}
          </Notice>
        )}
        {readOnly && <ReadOnlyNote />}
      </fieldset>
    </li>
  );
}
