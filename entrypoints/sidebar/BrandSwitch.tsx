import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import type { BrandSummary, BrandView } from '@/utils/messaging/features/brands';
import { sendMessage } from '@/utils/messaging/protocol';
import { useBrandInView } from './useBrandInView';

/** A brand's mark: its initial on its colour (the name beside it says the rest). */
export function BrandMark({ brand }: { brand: BrandSummary | null }) {
  return (
    <span
      aria-hidden="true"
      className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[11px] font-bold text-white"
      style={{ backgroundColor: brand?.color ?? '#64748b' }}
    >
      {brand ? (brand.name.trim()[0] ?? '?').toUpperCase() : '∗'}
    </span>
  );
}

export function brandName(view: BrandView | undefined, brandId: string | null, allLabel: string): string {
  if (brandId === null) return allLabel;
  return view?.brands.find((b) => b.id === brandId)?.name ?? allLabel;
}

type Option = { value: string; brand: BrandSummary | null; label: string };

/** The header's brand in view and its switch: a button that opens a listbox of the
 * brands, "All brands" and "New brand…". The WAI-ARIA Authoring Practices' collapsible
 * dropdown listbox (https://www.w3.org/WAI/ARIA/apg/patterns/listbox/, its example
 * `listbox-collapsible`): a button with `aria-haspopup="listbox"` and `aria-expanded`,
 * Up/Down on it open the list, the list holds focus with `aria-activedescendant`, arrows,
 * Home and End move, Enter or Space pick, Escape closes, and focus goes back to the button. */
export function BrandSwitch() {
  const { t } = useI18n();
  const { view, update } = useBrandInView();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [creating, setCreating] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const options: Option[] = [
    ...(view?.brands ?? []).map((brand) => ({ value: brand.id, brand, label: brand.name })),
    { value: 'all', brand: null, label: t('sidebarBrandAll') },
    { value: 'new', brand: null, label: t('sidebarBrandNew') },
  ];
  const current = view?.brandId ? (view.brands.find((b) => b.id === view.brandId) ?? null) : null;
  const currentLabel = current?.name ?? t('sidebarBrandAll');

  // Closes as a menu does: a click elsewhere.
  useEffect(() => {
    if (!open && !creating) return;
    const close = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) {
        setOpen(false);
        setCreating(false);
      }
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open, creating]);

  useEffect(() => {
    if (open) list.current?.focus();
  }, [open]);

  function show() {
    const index = options.findIndex((o) => o.value === (view?.brandId ?? 'all'));
    setActive(Math.max(0, index));
    setFailed(false);
    setCreating(false);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  async function choose(option: Option) {
    if (option.value === 'new') {
      setOpen(false);
      setCreating(true);
      return;
    }
    close();
    try {
      update(await sendMessage('brandInViewChoose', { brandId: option.value === 'all' ? null : option.value }));
    } catch {
      setFailed(true);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = options.length - 1;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: last };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.min(last, Math.max(0, moves[event.key])));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void choose(options[active]);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  }

  return (
    <div ref={root} className="min-w-0">
      <button
        ref={button}
        type="button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={t('sidebarBrandSwitch', currentLabel)}
        title={
          view?.source === 'manual'
            ? t('sidebarBrandByYou')
            : view?.identity
              ? t('sidebarBrandByPage', view.identity.name ?? view.identity.handle ?? '')
              : t('sidebarBrandChoose')
        }
        disabled={!view}
        onClick={() => (open ? close() : show())}
        onKeyDown={(event) => {
          if (!open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            show();
          }
        }}
        data-testid="sidebar-brand-switch"
        className="flex max-w-full min-w-0 items-center gap-1.5 rounded px-1 py-0.5 text-left text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-700"
      >
        <span
          className="flex min-w-0 items-center gap-1.5"
          data-testid="sidebar-brand"
          data-value={view ? (view.brandId ?? 'all') : ''}
          data-source={view?.source ?? ''}
        >
          <BrandMark brand={current} />
          <span className="truncate">{currentLabel}</span>
        </span>
        <span aria-hidden="true" className="shrink-0 text-slate-500">
          ▾
        </span>
      </button>
      {open && (
        <ul
          ref={list}
          role="listbox"
          tabIndex={-1}
          aria-label={t('sidebarBrandChoose')}
          aria-activedescendant={`brand-option-${active}`}
          onKeyDown={onKeyDown}
          className="absolute inset-x-2 top-full z-30 mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg outline-none dark:border-slate-700 dark:bg-[#242526]"
          data-testid="sidebar-brand-list"
        >
          {options.map((option, index) => {
            const selected = option.value === (view?.brandId ?? 'all');
            return (
              <li
                key={option.value}
                id={`brand-option-${index}`}
                role="option"
                aria-selected={selected}
                onClick={() => void choose(option)}
                onPointerMove={() => setActive(index)}
                data-testid="sidebar-brand-option"
                data-value={option.value}
                className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${
                  index === active ? 'bg-blue-50 dark:bg-slate-700' : ''
                } ${option.value === 'new' ? 'border-t border-slate-200 text-blue-700 dark:border-slate-700 dark:text-blue-300' : ''}`}
              >
                {option.value !== 'new' && <BrandMark brand={option.brand} />}
                <span className={`truncate ${selected ? 'font-semibold' : ''}`}>{option.label}</span>
                {selected && (
                  <span aria-hidden="true" className="ml-auto">
                    ✓
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {creating && (
        <div className="absolute inset-x-2 top-full z-30 mt-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-[#242526]">
          <NewBrandForm
            initial={view?.askAccount ? (view.identity?.name ?? view.identity?.handle ?? '') : ''}
            onDone={(next) => {
              setCreating(false);
              if (next) update(next);
              button.current?.focus();
            }}
          />
        </div>
      )}
      {failed && (
        <div className="absolute inset-x-2 top-full z-30 mt-1">
          <Notice tone="error" testId="sidebar-brand-failed">
            {t('sidebarBrandFailed')}
          </Notice>
        </div>
      )}
    </div>
  );
}

/** "New brand…": a name, then the brand exists and is in view. */
function NewBrandForm({ initial, onDone }: { initial: string; onDone(view: BrandView | null): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('sidebarBrandNameRequired'));
      return;
    }
    try {
      const result = await sendMessage('brandInViewCreate', { name });
      if (result.ok) onDone(result.view);
      else setError(t('sidebarBrandNameRequired'));
    } catch {
      setError(t('sidebarBrandFailed'));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && onDone(null)} className="space-y-2">
      <label className="block text-xs font-medium">
        {t('sidebarBrandNewName')}
        <input
          ref={input}
          value={name}
          maxLength={120}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          aria-invalid={error !== null}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          data-testid="sidebar-brand-new-name"
        />
      </label>
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300" data-testid="sidebar-brand-new-error">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" className="px-2 py-1 text-xs" data-testid="sidebar-brand-new-create">
          {t('sidebarBrandCreate')}
        </Button>
        <Button className="px-2 py-1 text-xs" onClick={() => onDone(null)}>
          {t('sidebarBrandCancel')}
        </Button>
      </div>
    </form>
  );
}

/** The page shows an account that is in no brand: "Which client is this account?", with
 * the brands, a new brand named after it, or all brands for now. The answer files the
 * account (remembered for next time). */
export function BrandQuestion() {
  const { t } = useI18n();
  const { view, update } = useBrandInView();
  const [failed, setFailed] = useState(false);
  if (!view?.askAccount || !view.identity) return null;
  const accountName = view.identity.name ?? view.identity.handle ?? view.identity.externalId ?? '';

  async function answer(run: () => Promise<BrandView | null>) {
    try {
      const next = await run();
      if (next) update(next);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="shrink-0 border-b border-slate-200 p-2 dark:border-slate-700">
      <Notice tone="info" testId="sidebar-brand-ask">
        <p className="font-semibold">{t('sidebarBrandAskTitle')}</p>
        <p className="mt-0.5 text-xs">{t('sidebarBrandAskText', accountName)}</p>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {view.brands.map((brand) => (
            <Button
              key={brand.id}
              className="flex items-center gap-1 px-2 py-1 text-xs"
              onClick={() => void answer(() => sendMessage('brandInViewChoose', { brandId: brand.id }))}
              data-testid="sidebar-brand-ask-option"
              data-value={brand.id}
            >
              <BrandMark brand={brand} />
              {brand.name}
            </Button>
          ))}
          <Button
            className="px-2 py-1 text-xs"
            onClick={() =>
              void answer(async () => {
                const result = await sendMessage('brandInViewCreate', { name: accountName });
                return result.ok ? result.view : null;
              })
            }
            data-testid="sidebar-brand-ask-new"
          >
            {t('sidebarBrandAskNew', accountName)}
          </Button>
          <Button
            className="px-2 py-1 text-xs"
            onClick={() => void answer(() => sendMessage('brandInViewChoose', { brandId: null }))}
            data-testid="sidebar-brand-ask-all"
          >
            {t('sidebarBrandAskNotNow')}
          </Button>
        </div>
        {failed && <p className="mt-1 text-xs text-red-700 dark:text-red-300">{t('sidebarBrandFailed')}</p>}
      </Notice>
    </div>
  );
}
