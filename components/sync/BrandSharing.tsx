import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '@/components/clips/Dialog';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import { getDb } from '@/utils/db/app-db';
import type { Brand } from '@/utils/db/brands';
import type { SyncPhase, SyncStatus } from '@/utils/messaging/features/sync';
import { sendMessage } from '@/utils/messaging/protocol';
import { syncErrorWords, syncLastSyncedWords, syncStatusWords, type SyncFormError } from '@/utils/sync/status-words';

/** Team sharing in the Brands section (issue #15, docs/sync.md): "Share this brand",
 * "Join a shared brand", and a shared brand's status, code, Retry and Stop sharing. The
 * background does the work (`utils/messaging/features/sync.ts`) and keeps `syncStatusItem`
 * current; this page only asks and shows. */

const control =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500';

type Say = (message: { tone: 'ok' | 'error'; text: string }) => void;

/** Where the status dot's colour comes from: green when all is well, blue while busy, amber
 * offline (work goes on), red when the user must act. */
const PHASE_DOT: Record<SyncPhase, string> = {
  connected: 'bg-green-600',
  syncing: 'bg-blue-600',
  connecting: 'bg-blue-600',
  offline: 'bg-amber-500',
  error: 'bg-red-600',
};

export function SyncDot({ phase }: { phase: SyncPhase }) {
  return <span aria-hidden="true" className={`inline-block h-2 w-2 shrink-0 rounded-full ${PHASE_DOT[phase]}`} />;
}

/** A message to the background that may throw (the background restarting): an answer or 'no-answer'. */
async function ask<T>(send: () => Promise<T>): Promise<T | 'no-answer'> {
  try {
    return await send();
  } catch (error) {
    console.error('[Spalla] sync request failed', error);
    return 'no-answer';
  }
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium">{label}</span>
      {children}
      {hint && <span className="block text-xs text-slate-500 dark:text-slate-400">{hint}</span>}
    </label>
  );
}

/** The fields of both dialogs: server address, (brand code,) access token. What was typed
 * stays after a refusal, with the reason beside the form. */
function SyncForm({
  withCode,
  submitLabel,
  busyLabel,
  submitTestId,
  onSubmit,
  onCancel,
}: {
  withCode: boolean;
  submitLabel: string;
  busyLabel: string;
  submitTestId: string;
  onSubmit(fields: { server: string; code: string; token: string }): Promise<SyncFormError | null>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SyncFormError | null>(null);
  // The submit button was disabled while the request ran, which took the focus away:
  // give it back, so that Escape and Tab go on working in the dialog.
  const submitButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (error) submitButton.current?.focus();
  }, [error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const refused = await onSubmit({ server: server.trim(), code: code.trim(), token: token.trim() });
    // A success closes the dialog (this form is gone); a refusal keeps what was typed.
    if (refused) {
      setError(refused);
      setBusy(false);
    }
  }

  return (
    <form className="space-y-3" onSubmit={(e) => void submit(e)}>
      <Field label={t('syncServer')} hint={t('syncServerHint')}>
        <input
          className={control}
          required
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="wss://"
          value={server}
          onChange={(e) => setServer(e.target.value)}
          data-testid="sync-server"
        />
      </Field>
      {withCode && (
        <Field label={t('syncCode')}>
          <input className={`${control} font-mono`} required spellCheck={false} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} data-testid="sync-code" />
        </Field>
      )}
      <Field label={t('syncToken')}>
        <input className={`${control} font-mono`} required type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} data-testid="sync-token" />
      </Field>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="sync-form-error" data-error={error}>
          {syncErrorWords(error, t)}
        </p>
      )}
      <div className="flex gap-2">
        <Button ref={submitButton} type="submit" variant="primary" disabled={busy} data-testid={submitTestId}>
          {busy ? busyLabel : submitLabel}
        </Button>
        <Button onClick={onCancel} data-testid="sync-cancel">
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

/** "Share this brand…" and its dialog, for a brand not shared yet. */
export function ShareBrand({ brand, shared }: { brand: Brand; shared: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Mounted whether or not the brand is shared: while "Share" waits for the server, the
  // background already reports the brand as connecting, and the dialog (with a refusal to
  // show) must outlive that moment. The button itself is for brands not shared.
  return (
    <>
      {!shared && (
        <Button onClick={() => setOpen(true)} aria-label={t('syncShareOpenLabel', brand.name)} data-testid="sync-share-open" data-brand-id={brand.id}>
          {t('syncShareOpen')}
        </Button>
      )}
      {open && (
        <Dialog label={t('syncShareTitle', brand.name)} onClose={() => setOpen(false)} testId="sync-share-dialog">
          <h2 className="mb-2 text-lg font-semibold">{t('syncShareTitle', brand.name)}</h2>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t('syncShareExplain')}</p>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{t('syncShareWhat')}</p>
          <SyncForm
            withCode={false}
            submitLabel={t('syncShareSubmit')}
            busyLabel={t('syncSharing')}
            submitTestId="sync-share-submit"
            onCancel={() => setOpen(false)}
            onSubmit={async ({ server, token }) => {
              const result = await ask(() => sendMessage('syncShare', { brandId: brand.id, server, token }));
              if (result === 'no-answer') return 'no-answer';
              if (!result.ok) return result.error;
              setOpen(false);
              return null;
            }}
          />
        </Dialog>
      )}
    </>
  );
}

/** "Join a shared brand…" (top of the section): the brand arrives as a new brand in the list. */
export function JoinSharedBrand({ say }: { say: Say }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button onClick={() => setOpen(true)} data-testid="sync-join-open">
        {t('syncJoinOpen')}
      </Button>
      {open && (
        <Dialog label={t('syncJoinTitle')} onClose={() => setOpen(false)} testId="sync-join-dialog">
          <h2 className="mb-2 text-lg font-semibold">{t('syncJoinTitle')}</h2>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{t('syncJoinExplain')}</p>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{t('syncShareWhat')}</p>
          <SyncForm
            withCode
            submitLabel={t('syncJoinSubmit')}
            busyLabel={t('syncJoining')}
            submitTestId="sync-join-submit"
            onCancel={() => setOpen(false)}
            onSubmit={async ({ server, code, token }) => {
              const result = await ask(() => sendMessage('syncJoin', { server, code, token }));
              if (result === 'no-answer') return 'no-answer';
              if (!result.ok) return result.error;
              setOpen(false);
              const brand = await getDb().brands.get(result.brandId);
              if (brand) say({ tone: 'ok', text: t('syncJoined', brand.name) });
              return null;
            }}
          />
        </Dialog>
      )}
    </div>
  );
}

/** A shared brand: "Shared", its status in words, its role, its code to give teammates,
 * Retry after an error, Stop sharing (the local copy stays). */
export function SharedBrand({ brand, status, say }: { brand: Brand; status: SyncStatus; say: Say }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const now = Date.now();
  const lastSynced = syncLastSyncedWords(status, t, language, now);
  const readOnly = status.role === 'read-only';

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    const answer = await ask(action);
    setBusy(false);
    return answer !== 'no-answer';
  }

  async function retry() {
    if (!(await run(() => sendMessage('syncRetry', { brandId: brand.id })))) say({ tone: 'error', text: syncErrorWords('no-answer', t) });
  }

  async function stop() {
    if (await run(() => sendMessage('syncStop', { brandId: brand.id }))) say({ tone: 'ok', text: t('syncStopped', brand.name) });
    else say({ tone: 'error', text: syncErrorWords('no-answer', t) });
    setConfirming(false);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(status.code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid="sync-status"
      data-brand-id={brand.id}
      data-phase={status.phase}
      data-error={status.error ?? ''}
      data-role={status.role ?? ''}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded-full bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-100">{t('syncSharedBadge')}</span>
        {readOnly && (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100" title={t('syncReadOnlyExplain')} data-testid="sync-read-only">
            {t('syncReadOnly')}
          </span>
        )}
        <span className="flex min-w-0 items-center gap-1.5" role="status" data-testid="sync-status-words">
          <SyncDot phase={status.phase} />
          <span className={status.phase === 'error' ? 'text-red-700 dark:text-red-300' : ''}>{syncStatusWords(status, t, language, now)}</span>
        </span>
      </div>
      {readOnly && <p className="text-xs text-slate-600 dark:text-slate-400">{t('syncReadOnlyExplain')}</p>}
      <p className="break-all text-xs text-slate-600 dark:text-slate-400">
        {t('syncSharedOn', status.server)}
        {lastSynced && <> · {lastSynced}</>}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium">{t('syncCode')}</span>
        <code className="select-all rounded bg-white px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800" data-testid="sync-code-value">
          {status.code}
        </code>
        <Button className="px-2 py-0.5 text-xs" onClick={() => void copy()} aria-label={t('syncCopyCodeLabel')} data-testid="sync-copy-code">
          {t('syncCopyCode')}
        </Button>
        {copied && (
          <span role="status" className={`text-xs ${copied === 'ok' ? 'text-green-700 dark:text-green-300' : 'text-red-700 dark:text-red-300'}`}>
            {copied === 'ok' ? t('syncCodeCopied') : t('syncCodeCopyFailed')}
          </span>
        )}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t('syncCodeHint')}</p>
      <div className="flex flex-wrap gap-2">
        {(status.phase === 'error' || status.phase === 'offline') && (
          <Button disabled={busy} onClick={() => void retry()} data-testid="sync-retry">
            {t('syncRetry')}
          </Button>
        )}
        <Button disabled={busy || confirming} onClick={() => setConfirming(true)} data-testid="sync-stop">
          {t('syncStop')}
        </Button>
      </div>
      {confirming && (
        <Notice tone="warn" testId="sync-stop-confirmation">
          <p>{t('syncStopQuestion', brand.name)}</p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" disabled={busy} onClick={() => void stop()} data-testid="sync-stop-confirm">
              {t('syncStopYes')}
            </Button>
            <Button disabled={busy} onClick={() => setConfirming(false)} data-testid="sync-stop-cancel">
              {t('cancel')}
            </Button>
          </div>
        </Notice>
      )}
    </div>
  );
}
