import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from '#imports';
import { ReportTable } from '@/components/BackupPanel';
import { BrandBadge } from '@/components/brands/BrandChip';
import { BrandPicker } from '@/components/brands/BrandFilterSelect';
import { useBrands } from '@/components/brands/useBrands';
import { useI18n } from '@/components/i18n';
import { ImportPreview, ImportRefused } from '@/components/ImportSteps';
import { browserTimeZone, TimeZonePicker } from '@/components/TimeZonePicker';
import { Button, Notice } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { useSyncStatuses } from '@/components/sync/useSyncStatus';
import { readOnlyBrands } from '@/utils/sync/read-only';
import { applyImport, planImport, type ImportReport, type ParsedBackup } from '@/utils/backup/import';
import { backupErrorMessage, importReportSummary } from '@/utils/backup/messages';
import { brandContentsSummary } from '@/utils/brands/messages';
import { addAccount, brandContents, createBrand, deleteBrand, mergeBrands, moveItems, removeAccount, updateBrand, type BrandContents } from '@/utils/brands/ops';
import { brandFileName, exportBrandZip, readBrandFile } from '@/utils/brands/transfer';
import { getDb } from '@/utils/db/app-db';
import { BRAND_COLORS, type Account, type Brand } from '@/utils/db/brands';
import { NETWORKS, type Network } from '@/utils/db/record';
import { SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { sendMessage } from '@/utils/messaging/protocol';
import { defaultTimeZoneItem } from '@/utils/settings/items';
import { downloadBlob, takeFile } from './replies/download';
import { JoinSharedBrand, ShareBrand, SharedBrand } from '@/components/sync/BrandSharing';
import type { SyncStatus } from '@/utils/messaging/features/sync';

// Disabled (a brand shared read-only, #15): greyed, as the library's buttons are.
const control =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:cursor-not-allowed disabled:opacity-50';

type Say = (message: { tone: 'ok' | 'error'; text: string }) => void;

/** The background keeps the learned hashtags in memory: around a change that rewrites
 * them (a merge, a deletion, an import), it writes what is waiting before and reads the
 * table again after, the way "Forget learned hashtags" goes through it. */
async function reloadLearnedHashtags() {
  try {
    await sendMessage('reloadLearnedHashtags');
  } catch (error) {
    // The background's own `storagemutated` watch still drops the model (docs/hashtags.md).
    console.warn('[Spalla] reloading the learned hashtags', error);
  }
}

/** Library section "Brands" (issue #13): the clients, their accounts, what belongs to
 * each; create, rename, colour, time zone, merge, delete; one brand's export and import. */
export function BrandsSection() {
  const { t } = useI18n();
  const brands = useBrands();
  const accounts = useLiveQuery(() => getDb().accounts.toArray(), []);
  const contents = useLiveQuery(async () => {
    const db = getDb();
    const all = await db.brands.toArray();
    return new Map(await Promise.all(all.map(async (b) => [b.id, await brandContents(db, b.id)] as const)));
  }, []);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const sync = useSyncStatuses();
  const readOnlySet = readOnlyBrands(sync);

  if (!brands || !accounts || !contents) return null;
  return (
    <div className="max-w-5xl space-y-4" data-testid="brands-section">
      <h2 className="text-lg font-semibold">{t('brandsTitle')}</h2>
      <p className="text-slate-600 dark:text-slate-400">{t('brandsIntro')}</p>
      <div className="flex flex-wrap items-start gap-4">
        <NewBrandForm say={setMessage} />
        <JoinSharedBrand say={setMessage} />
        <BrandImport />
      </div>
      {message && (
        <Notice tone={message.tone} testId="brands-message">
          {message.text}
        </Notice>
      )}
      {brands.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400" data-testid="brands-empty">
          {t('brandsEmpty')}
        </p>
      ) : (
        <ul className="space-y-3" data-testid="brands-list">
          {brands.map((brand) => (
            <BrandCard
              key={brand.id}
              brand={brand}
              brands={brands}
              readOnlyBrands={readOnlySet}
              accounts={accounts.filter((a) => a.brandId === brand.id).sort((a, b) => a.name.localeCompare(b.name))}
              contents={contents.get(brand.id)}
              sync={sync?.[brand.id]}
              say={setMessage}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function NewBrandForm({ say }: { say: Say }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  return (
    <form
      className="flex items-end gap-2"
      data-testid="brand-new"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) return say({ tone: 'error', text: t('brandsNameRequired') });
        try {
          await createBrand(getDb(), { name });
          setName('');
        } catch {
          say({ tone: 'error', text: t('brandWriteFailed') });
        }
      }}
    >
      <input className={control} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder={t('brandsNewName')} aria-label={t('brandsNewName')} data-testid="brand-new-name" />
      <Button type="submit" variant="primary" data-testid="brand-create">
        {t('brandsCreate')}
      </Button>
    </form>
  );
}

type Confirming = { kind: 'merge'; into: Brand } | { kind: 'delete' } | null;

export function BrandCard({
  brand,
  brands,
  readOnlyBrands,
  accounts,
  contents,
  sync,
  say,
}: {
  brand: Brand;
  brands: Brand[];
  /** Brands shared with this computer read-only (#15): they take nothing merged or moved in. */
  readOnlyBrands: ReadonlySet<string>;
  accounts: Account[];
  contents: BrandContents | undefined;
  /** The brand's team sharing (#15); undefined when it is not shared. */
  sync: SyncStatus | undefined;
  say: Say;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(brand.name);
  const [editZone, setEditZone] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [defaultZone] = useStorageItem(defaultTimeZoneItem);
  // Where this brand's items and accounts may go: not into a brand shared read-only.
  const others = brands.filter((b) => b.id !== brand.id && !readOnlyBrands.has(b.id));
  const summary = contents ? brandContentsSummary(t, contents) : '';
  // Shared read-only: nothing of it changes here, so no merge (its items would leave it)
  // and no delete while it is shared. Deleting would only remove this computer's copy and
  // end the sharing, the team's brand staying on the server; "Stop sharing" says exactly
  // that, so it comes first, and the card says so: after it, the brand is an ordinary
  // local brand that can be merged or deleted.
  const readOnly = sync?.role === 'read-only';

  async function write(action: () => Promise<unknown>) {
    try {
      await action();
      return true;
    } catch (error) {
      console.error('[Spalla] brand change failed', error);
      say({ tone: 'error', text: t('brandWriteFailed') });
      return false;
    }
  }

  async function rename() {
    if (!name.trim()) return setName(brand.name);
    if (name.trim() !== brand.name) await write(() => updateBrand(getDb(), brand.id, { name }));
  }

  async function merge(into: Brand) {
    await reloadLearnedHashtags();
    if (await write(() => mergeBrands(getDb(), brand.id, into.id))) say({ tone: 'ok', text: t('brandMerged', brand.name, into.name) });
    await reloadLearnedHashtags();
  }

  async function remove() {
    await reloadLearnedHashtags();
    if (await write(() => deleteBrand(getDb(), brand.id))) say({ tone: 'ok', text: t('brandDeleted', brand.name) });
    await reloadLearnedHashtags();
  }

  async function exportBrand() {
    await write(async () => {
      const blob = await exportBrandZip(getDb(), brand.id, { appVersion: browser.runtime.getManifest().version });
      downloadBlob(blob, brandFileName(brand, new Date()));
      say({ tone: 'ok', text: t('brandExported', brand.name) });
    });
  }

  return (
    <li className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="brand-item" data-id={brand.id} data-name={brand.name} data-color={brand.color}>
      <div className="flex flex-wrap items-center gap-2">
        <BrandBadge brand={brand} size="lg" />
        <input
          // Read-only: a title, not a field.
          className={`${control} min-w-48 flex-1 font-medium ${readOnly ? 'border-transparent bg-transparent dark:border-transparent dark:bg-transparent' : ''}`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          readOnly={readOnly}
          onBlur={() => void rename()}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          aria-label={t('brandName')}
          data-testid="brand-name"
        />
        <Button onClick={() => void exportBrand()} aria-label={t('brandExportLabel', brand.name)} data-testid="brand-export">
          {t('brandExport')}
        </Button>
        <ShareBrand brand={brand} shared={!!sync} />
        {others.length > 0 && !readOnly && (
          <BrandPicker
            brands={others}
            placeholder={t('brandMergeChoose')}
            label={t('brandMergeLabel', brand.name)}
            testId="brand-merge-into"
            onPick={(id) => {
              const into = others.find((b) => b.id === id);
              if (into) setConfirming({ kind: 'merge', into });
            }}
          />
        )}
        <Button variant="danger" disabled={readOnly} title={readOnly ? t('syncReadOnlyStopFirst') : undefined} onClick={() => setConfirming({ kind: 'delete' })} data-testid="brand-delete">
          {t('brandDelete')}
        </Button>
      </div>
      {readOnly && (
        <p className="text-xs text-amber-800 dark:text-amber-300" data-testid="sync-read-only-stop-first">
          {t('syncReadOnlyStopFirst')}
        </p>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="brand-contents">
        {summary}
      </p>
      {sync && <SharedBrand brand={brand} status={sync} say={say} />}

      {confirming?.kind === 'merge' && (
        <Notice tone="warn" testId="brand-merge-confirmation">
          <p>{t('brandMergeQuestion', brand.name, confirming.into.name)}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="primary" onClick={() => void merge(confirming.into)} data-testid="brand-merge-confirm">
              {t('brandMergeYes')}
            </Button>
            <Button onClick={() => setConfirming(null)} data-testid="brand-merge-cancel">
              {t('cancel')}
            </Button>
          </div>
        </Notice>
      )}
      {confirming?.kind === 'delete' && (
        <Notice tone="warn" testId="brand-delete-confirmation">
          <p className="font-medium">{t('brandDeleteQuestion', brand.name)}</p>
          <p data-testid="brand-delete-contents">{summary ? t('brandDeleteContents', summary) : t('brandDeleteNothing')}</p>
          <p className="text-xs">{t('brandDeleteShared')}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" onClick={() => void remove()} data-testid="brand-delete-confirm">
              {t('brandDeleteYes')}
            </Button>
            <Button onClick={() => setConfirming(null)} data-testid="brand-delete-cancel">
              {t('cancel')}
            </Button>
          </div>
        </Notice>
      )}

      {/* A brand shared read-only: its colour, time zone and accounts travel with it and
          are not changed here (a disabled fieldset disables every control in it). */}
      <fieldset disabled={readOnly} className="space-y-3">
        <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t('brandColor')}>
          <span className="mr-1 text-xs text-slate-500">{t('brandColor')}</span>
          {BRAND_COLORS.map((color, index) => (
            <button
              key={color}
              type="button"
              className={`h-6 w-6 rounded-full disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-500 ${brand.color === color ? 'ring-2 ring-slate-900 ring-offset-2 dark:ring-white' : ''}`}
              style={{ backgroundColor: color }}
              aria-label={t('brandColorChoice', index + 1)}
              aria-pressed={brand.color === color}
              data-testid="brand-color"
              data-color={color}
              onClick={() => void write(() => updateBrand(getDb(), brand.id, { color }))}
            />
          ))}
        </div>

        <div className="space-y-1 text-sm">
          <p data-testid="brand-zone">
            {brand.timeZone ? t('brandTimeZoneOwn', brand.timeZone.replace(/_/g, ' ')) : t('brandTimeZoneDefault', (defaultZone ?? browserTimeZone()).replace(/_/g, ' '))}
          </p>
          {editZone ? (
            <TimeZonePicker
              value={brand.timeZone ?? defaultZone ?? browserTimeZone()}
              testIdPrefix="brand-zone"
              onChange={(zone) => {
                setEditZone(false);
                void write(() => updateBrand(getDb(), brand.id, { timeZone: zone }));
              }}
            />
          ) : (
            <div className="flex gap-2">
              <Button onClick={() => setEditZone(true)} data-testid="brand-zone-change">
                {t('brandTimeZoneChange')}
              </Button>
              {brand.timeZone && (
                <Button onClick={() => void write(() => updateBrand(getDb(), brand.id, { timeZone: null }))} data-testid="brand-zone-reset">
                  {t('brandTimeZoneReset')}
                </Button>
              )}
            </div>
          )}
        </div>

        <Accounts brand={brand} others={others} accounts={accounts} write={write} />
      </fieldset>
    </li>
  );
}

function Accounts({ brand, others, accounts, write }: { brand: Brand; others: Brand[]; accounts: Account[]; write(action: () => Promise<unknown>): Promise<boolean> }) {
  const { t } = useI18n();
  const [network, setNetwork] = useState<Network>('facebook');
  const [name, setName] = useState('');
  const [handle, setHandle] = useState('');

  return (
    <div className="space-y-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t('brandAccounts')}</h3>
      {accounts.length === 0 ? (
        <p className="text-sm text-slate-500">{t('brandNoAccounts')}</p>
      ) : (
        <ul className="space-y-1">
          {accounts.map((account) => (
            <li key={account.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid="brand-account" data-id={account.id} data-network={account.network} data-handle={account.handle ?? ''}>
              <span className="text-xs text-slate-500">{t(SITE_LABEL_KEYS[account.network])}</span>
              <span className="font-medium">{account.name}</span>
              {account.handle && <span className="text-slate-500">@{account.handle}</span>}
              {others.length > 0 && (
                <BrandPicker
                  brands={others}
                  placeholder={t('brandAccountMoveChoose')}
                  label={t('brandAccountMove', account.name)}
                  testId="brand-account-move"
                  onPick={(id) => id && void write(() => moveItems(getDb(), 'accounts', [account.id], id))}
                />
              )}
              <Button onClick={() => void write(() => removeAccount(getDb(), account.id))} aria-label={t('brandAccountRemoveLabel', account.name)} data-testid="brand-account-remove">
                {t('brandAccountRemove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        data-testid="brand-account-new"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return;
          if (await write(() => addAccount(getDb(), brand.id, { network, name, handle: handle || null }))) {
            setName('');
            setHandle('');
          }
        }}
      >
        <select className={control} aria-label={t('brandAccountNetwork')} value={network} onChange={(e) => setNetwork(e.target.value as Network)} data-testid="brand-account-new-network">
          {NETWORKS.map((n) => (
            <option key={n} value={n}>
              {t(SITE_LABEL_KEYS[n])}
            </option>
          ))}
        </select>
        <input className={control} required value={name} onChange={(e) => setName(e.target.value)} placeholder={t('brandAccountName')} aria-label={t('brandAccountName')} data-testid="brand-account-new-name" />
        <input className={control} value={handle} onChange={(e) => setHandle(e.target.value)} placeholder={t('brandAccountHandle')} aria-label={t('brandAccountHandle')} data-testid="brand-account-new-handle" />
        <Button type="submit" data-testid="brand-account-add">
          {t('brandAccountAdd')}
        </Button>
      </form>
    </div>
  );
}

type ImportStep =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'preview'; backup: ParsedBackup; plan: ImportReport; fileName: string; brandName: string }
  | { kind: 'imported'; report: ImportReport; brandName: string }
  | { kind: 'error'; message: string; code: string };

/** `brand-import-open`: one brand's file, checked in full, previewed, then merged in one
 * transaction (the backup's own reader and merge). */
function BrandImport() {
  const { t } = useI18n();
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setStep({ kind: 'busy' });
    const read = await readBrandFile(file);
    if (!read.ok) {
      if ('notOneBrand' in read) return setStep({ kind: 'error', message: t('brandImportNotOneBrand'), code: 'not-one-brand' });
      return setStep({ kind: 'error', message: backupErrorMessage(t, read.error), code: read.error.code });
    }
    const plan = await planImport(getDb(), read.backup);
    if (!plan.ok) return setStep({ kind: 'error', message: backupErrorMessage(t, plan.error), code: plan.error.code });
    setStep({ kind: 'preview', backup: read.backup, plan: plan.report, fileName: file.name, brandName: read.brand.name });
  }

  async function confirm(backup: ParsedBackup, brandName: string) {
    setStep({ kind: 'busy' });
    const result = await applyImport(getDb(), backup);
    if (!result.ok) return setStep({ kind: 'error', message: backupErrorMessage(t, result.error), code: result.error.code });
    if (backup.tables.hashtagStats.length > 0) await reloadLearnedHashtags();
    setStep({ kind: 'imported', report: result.report, brandName });
  }

  return (
    <div className="min-w-72 flex-1 space-y-2">
      <Button disabled={step.kind === 'busy'} onClick={() => input.current?.click()} data-testid="brand-import-open">
        {t('brandImport')}
      </Button>
      <input ref={input} type="file" accept=".zip,application/zip" className="hidden" data-testid="brand-import-input" onChange={(e) => void choose(takeFile(e.target))} />
      {step.kind === 'busy' && <p className="text-slate-500">{t('backupWorking')}</p>}
      {step.kind === 'error' && <ImportRefused testId="brand-import-error" code={step.code} message={step.message} />}
      {step.kind === 'preview' && (
        <ImportPreview
          testIds={{ preview: 'brand-import-preview', confirm: 'brand-import-confirm', cancel: 'brand-import-cancel' }}
          title={t('brandImportPreview', step.fileName, step.brandName)}
          confirmLabel={t('brandImportConfirm')}
          onConfirm={() => void confirm(step.backup, step.brandName)}
          onCancel={() => setStep({ kind: 'idle' })}
        >
          <ReportTable report={step.plan} />
        </ImportPreview>
      )}
      {step.kind === 'imported' && (
        <Notice tone="ok" testId="brand-import-report">
          <p>
            {t('brandImported', step.brandName)} {importReportSummary(t, step.report)}
          </p>
          <ReportTable report={step.report} />
        </Notice>
      )}
    </div>
  );
}
