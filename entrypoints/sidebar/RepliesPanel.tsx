import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n';
import { AskChip } from '@/components/replies/AskChip';
import { Button, Notice } from '@/components/ui';
import type { SavedReply } from '@/utils/db/saved-replies';
import type { Network } from '@/utils/db/record';
import type { RepliesPortMessage } from '@/utils/messaging/features/replies';
import { sendMessage } from '@/utils/messaging/protocol';
import { boxLength, boxLimit, type BoxKind } from '@/utils/replies/limits';
import { needsIdentityWarning, replyLocale, templateContext, type ReplyPageContext } from '@/utils/replies/page-context';
import { replySearch } from '@/utils/replies/search';
import { allLanguages, filterReplies, sortReplies, type ReplySort } from '@/utils/replies/store';
import { fieldsToAsk, renderPreview, renderTemplate, type TemplateField } from '@/utils/replies/template';
import { askedLabel, templateErrorMessage } from '@/utils/replies/messages';
import { sidebarTabItem } from '@/utils/settings/items';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import { RepliesFillForm } from './RepliesFillForm';
import { ReplyActions, ReplyEditPane, ReplyManageNotice, useReplyManagement } from './RepliesManage';
import { copyToClipboard } from './replies-clipboard';
import type { SidebarPanelProps } from './tabs';
import { useReplies } from './useReplies';
import { useBrandInView } from './useBrandInView';
import { brandName } from './BrandSwitch';
import { offeredReplies, wrongBrand } from '@/utils/replies/brand';

/** Replies shown at once: the palette narrows the rest by typing. */
const SHOWN = 60;

type Status =
  | { state: 'inserted'; title: string }
  | { state: 'blocked'; message: string }
  | { state: 'failed-copied'; reason: string }
  | { state: 'failed-not-copied'; reason: string };

type Step =
  | { step: 'form'; reply: SavedReply; fields: TemplateField[] }
  | { step: 'identity'; reply: SavedReply; answers?: Record<string, string> }
  | { step: 'brand'; reply: SavedReply; answers?: Record<string, string>; expected: string };

/** Questions already answered "insert anyway" for this insertion. */
interface Confirmed {
  identity?: boolean;
  brand?: boolean;
}

const selectClass =
  'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-900';

/** Reasons the insertion engine gives, in the user's words. */
const REASON_KEYS: Record<string, string> = {
  'no-composer': 'repliesReasonNoComposer',
  'composer-gone': 'repliesReasonComposerGone',
  'no-agent': 'repliesReasonNoAgent',
};

/** The Replies tab: the user's saved replies, searchable (also as the keyboard
 * palette), and one click (or Enter) away from the composer last used on the page. */
export function RepliesPanel({ page, active }: SidebarPanelProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [network, setNetwork] = useState<Network | ''>('');
  const [lang, setLang] = useState('');
  const [sort, setSort] = useState<ReplySort>('most-used');
  const [highlight, setHighlight] = useState(0);
  // What the last insertion did, and the page (path) it was done on: the report shows only
  // while that page is the one beside the sidebar (in-app navigation leaves it behind).
  const [report, setReport] = useState<{ status: Status; path: string | undefined } | null>(null);
  const pathNow = useRef(page?.path);
  pathNow.current = page?.path;
  const setStatus = (status: Status | null) => setReport(status && { status, path: pathNow.current });
  const status = report && report.path === page?.path ? report.status : null;
  const [step, setStep] = useState<Step | null>(null);
  /** The title of the reply being inserted, while the insertion is under way. */
  const [inserting, setInserting] = useState<string | null>(null);
  const [pageContext, setPageContext] = useState<ReplyPageContext | null>(null);
  // Not a `disabled` state on the buttons: disabling the focused button makes Chromium
  // move focus back into this frame a moment later, away from the composer.
  const busy = useRef(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const locale = replyLocale(language, navigator.language);
  const { view: brandView } = useBrandInView();
  const brandId = brandView?.brandId ?? null;
  // Read when an insertion starts (signals arrive in handlers made before the last render).
  const brandRef = useRef(brandView);
  brandRef.current = brandView;
  const manage = useReplyManagement(locale.split('-')[0].toLowerCase(), brandId);
  const readOnlyBrands = useReadOnlyBrands();

  const { replies, failed } = useReplies((message, list) => void onSignal(message, list));

  // What the page shows (names, identity, kind of box) follows the composer.
  const composerKey = page ? `${page.path}|${page.composer.kind}|${page.composer.label}|${page.composer.focused}` : '';
  useEffect(() => {
    if (!page) return;
    let live = true;
    sendMessage('repliesPageContext')
      .then((context) => live && setPageContext(context))
      .catch(() => live && setPageContext(null));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [composerKey]);

  // The brand's replies and the shared ones (all, with all brands in view), the brand's first.
  const sorted = useMemo(
    () => sortReplies(filterReplies(offeredReplies(replies ?? [], brandId), { network: network || null, language: lang || null }), sort),
    [replies, brandId, network, lang, sort],
  );
  const search = useMemo(() => replySearch(sorted), [sorted]);
  const shown = useMemo(() => offeredReplies(search(query), brandId).slice(0, SHOWN), [search, query, brandId]);
  const firstShared = brandId === null ? -1 : shown.findIndex((r) => r.brandId === null);
  const languages = useMemo(() => allLanguages(replies ?? []), [replies]);
  const limit = boxLimit(pageContext?.box ?? null);

  useEffect(() => setHighlight(0), [query, network, lang, sort]);

  async function onSignal(message: RepliesPortMessage, list: SavedReply[]) {
    const reply = list.find((r) => r.id === ('replyId' in message ? message.replyId : ''));
    if (message.type === 'palette') {
      await sidebarTabItem.setValue('replies');
      setStep(null);
      setStatus(null);
      setQuery('');
      // The panel may have been hidden a moment ago: focus once it is shown.
      requestAnimationFrame(() => {
        searchRef.current?.focus();
        searchRef.current?.select();
      });
    } else if (message.type === 'form' && reply) {
      await sidebarTabItem.setValue('replies');
      void start(reply);
    } else if (message.type === 'brand' && reply) {
      await sidebarTabItem.setValue('replies');
      void start(reply);
    } else if (message.type === 'blocked' && reply) {
      await sidebarTabItem.setValue('replies');
      setStatus({ state: 'blocked', message: t('repliesInsertBlocked', message.missing.join(', ')) });
    }
  }

  /** Click / Enter on a reply: ask its fill-in fields, check the identity and the brand,
   * render, insert. Nothing reaches the page while a value is missing. */
  async function start(reply: SavedReply, answers?: Record<string, string>, confirmed: Confirmed = {}) {
    setStatus(null);
    const context = await sendMessage('repliesPageContext').catch(() => null);
    setPageContext(context);
    // The fill-in fields, and every variable the page does not show and the reply gives
    // no fallback for: asked, never left as a hole in the text.
    const fields = fieldsToAsk(reply.body, templateContext(context, { locale }));
    if (fields.length > 0 && !answers) {
      setStep({ step: 'form', reply, fields });
      return;
    }
    if (!confirmed.identity && needsIdentityWarning(reply, context)) {
      setStep({ step: 'identity', reply, answers });
      return;
    }
    // Another client's voice: asked as the identity is.
    const expected = confirmed.brand ? null : wrongBrand(reply, brandRef.current);
    if (expected !== null) {
      setStep({ step: 'brand', reply, answers, expected });
      return;
    }
    setStep(null);
    const rendered = renderTemplate(reply.body, templateContext(context, { locale, answers }));
    if (rendered.errors.length > 0) {
      const missing = rendered.errors.filter((e) => e.code === 'missing-value').map((e) => e.name ?? '');
      setStatus({
        state: 'blocked',
        message:
          missing.length > 0
            ? t('repliesInsertBlocked', [...new Set(missing)].join(', '))
            : rendered.errors.map((e) => templateErrorMessage(t, e)).join(' '),
      });
      return;
    }
    busy.current = true;
    // Said while the engine inserts and checks the box (up to a few seconds on a busy
    // page): a reply clicked meanwhile is not inserted, and the user sees why.
    setStatus(null);
    setInserting(reply.title);
    // Focus goes back to the composer: leave nothing focused here, or a re-sorted list
    // moving the clicked button would pull focus back into this frame.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const outcome = await sendMessage('repliesInsert', {
      replyId: reply.id,
      text: rendered.text,
      caret: rendered.caret,
      // Offered again next time: the fields' answers, not a person's name asked once.
      answers: answers && Object.fromEntries(Object.entries(answers).filter(([label]) => !label.startsWith('{{'))),
    }).catch(() => ({ ok: false as const, reason: 'no-agent' }));
    busy.current = false;
    setInserting(null);
    if (outcome.ok) {
      setStatus({ state: 'inserted', title: reply.title });
      return;
    }
    const reason = t(REASON_KEYS[outcome.reason] ?? 'repliesReasonEditor', outcome.reason);
    const copied = await copyToClipboard(rendered.text);
    setStatus({ state: copied ? 'failed-copied' : 'failed-not-copied', reason });
  }

  function leave() {
    setStep(null);
    setQuery('');
    void sendMessage('repliesFocusComposer');
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((h) => (shown.length === 0 ? 0 : (h + delta + shown.length) % shown.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const reply = shown[highlight];
      // The palette is a one-off search: it starts empty next time.
      if (reply && !busy.current) void start(reply).then(() => setQuery(''));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    }
  }

  if (!active && replies === null) return null;

  return (
    <div className="space-y-3" data-testid="replies-panel" data-count={replies?.length ?? -1} data-box={pageContext?.box ?? ''}>
      {/* One line kept for "Acting as …" whether or not the page names anyone: it comes
          and goes as the page's focus moves, and must not move the list under the pointer. */}
      {pageContext?.actingAs ? (
        <p
          className="h-4 truncate text-xs leading-4 text-slate-600 dark:text-slate-300"
          data-testid="replies-acting-as"
          data-kind={pageContext.actingAs.kind}
          title={t(pageContext.actingAs.kind === 'page' ? 'repliesActingAsPage' : 'repliesActingAsProfile', pageContext.actingAs.name)}
        >
          {t(pageContext.actingAs.kind === 'page' ? 'repliesActingAsPage' : 'repliesActingAsProfile', pageContext.actingAs.name)}
        </p>
      ) : (
        <p className="h-4" aria-hidden="true" />
      )}

      {step?.step === 'form' && (
        <RepliesFillForm
          reply={step.reply}
          fields={step.fields}
          onSubmit={(answers) => void start(step.reply, answers)}
          onCancel={leave}
        />
      )}

      {step?.step === 'identity' && (
        <AskFirst
          testIdPrefix="replies-identity"
          text={t('repliesIdentityWarning', step.reply.title, pageContext?.actingAs?.name ?? '')}
          onConfirm={() => void start(step.reply, step.answers, { identity: true })}
          onCancel={leave}
        />
      )}

      {step?.step === 'brand' && (
        <AskFirst
          testIdPrefix="replies-brand"
          text={t(
            'repliesBrandWarning',
            step.reply.title,
            brandName(brandView, step.reply.brandId, t('sidebarBrandAll')),
            brandName(brandView, step.expected, t('sidebarBrandAll')),
          )}
          onConfirm={() => void start(step.reply, step.answers, { identity: true, brand: true })}
          onCancel={leave}
        />
      )}

      {inserting !== null && (
        <Notice tone="info" testId="replies-inserting">
          {t('repliesInserting', inserting)}
        </Notice>
      )}
      {status && <StatusNotice status={status} />}
      {failed && <Notice tone="error">{t('repliesListFailed')}</Notice>}
      <ReplyManageNotice manage={manage} />
      <ReplyEditPane manage={manage} />

      <div className="space-y-2">
        <input
          ref={searchRef}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls="replies-list"
          aria-activedescendant={shown[highlight] ? `reply-${shown[highlight].id}` : undefined}
          aria-label={t('repliesSearchLabel')}
          placeholder={t('repliesSearchPlaceholder')}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          data-testid="replies-search"
        />
        <div className="flex flex-wrap gap-1.5">
          <select
            className={selectClass}
            aria-label={t('repliesFilterNetwork')}
            value={network}
            onChange={(e) => setNetwork(e.target.value as Network | '')}
            data-testid="replies-filter-network"
          >
            <option value="">{t('repliesFilterAllNetworks')}</option>
            <option value="facebook">{t('repliesNetworkFacebook')}</option>
            <option value="instagram">{t('repliesNetworkInstagram')}</option>
          </select>
          <select
            className={selectClass}
            aria-label={t('repliesFilterLanguage')}
            value={lang}
            onChange={(e) => setLang(e.target.value)}
            data-testid="replies-filter-language"
          >
            <option value="">{t('repliesFilterAllLanguages')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {code.toUpperCase()}
              </option>
            ))}
          </select>
          <select
            className={selectClass}
            aria-label={t('repliesSortLabel')}
            value={sort}
            onChange={(e) => setSort(e.target.value as ReplySort)}
            data-testid="replies-sort"
          >
            <option value="most-used">{t('repliesSortMostUsed')}</option>
            <option value="recent">{t('repliesSortRecent')}</option>
            <option value="title">{t('repliesSortTitle')}</option>
          </select>
          <Button className="ml-auto px-2 py-1 text-xs" onClick={manage.startNew} data-testid="replies-new">
            {t('repliesNew')}
          </Button>
        </div>
      </div>

      {replies !== null && replies.length === 0 && <p className="text-slate-500">{t('repliesNone')}</p>}
      {replies !== null && replies.length > 0 && shown.length === 0 && <p className="text-slate-500">{t('repliesNoMatch')}</p>}

      <ul id="replies-list" role="listbox" aria-label={t('navReplies')} className="space-y-1.5" data-testid="replies-list">
        {shown.map((reply, index) => (
          <ReplyItem
            key={reply.id}
            sharedHeading={index === firstShared && index > 0}
            reply={reply}
            highlighted={index === highlight}
            pageContext={pageContext}
            locale={locale}
            limit={limit}
            actions={<ReplyActions reply={reply} manage={manage} readOnly={reply.brandId !== null && readOnlyBrands.has(reply.brandId)} />}
            onChoose={() => {
              if (busy.current) return;
              setHighlight(index);
              void start(reply);
            }}
          />
        ))}
      </ul>
    </div>
  );
}

/** A question before inserting (the wrong identity, the wrong brand): "Insert anyway" or
 * "Cancel". Test ids `<prefix>-warning`, `<prefix>-confirm`, `<prefix>-cancel`. */
function AskFirst(props: { testIdPrefix: string; text: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <Notice tone="warn" testId={`${props.testIdPrefix}-warning`}>
      <p>{props.text}</p>
      <div className="mt-2 flex gap-2">
        <Button variant="primary" onClick={props.onConfirm} data-testid={`${props.testIdPrefix}-confirm`}>
          {t('repliesIdentityInsertAnyway')}
        </Button>
        <Button onClick={props.onCancel} data-testid={`${props.testIdPrefix}-cancel`}>
          {t('repliesCancel')}
        </Button>
      </div>
    </Notice>
  );
}

function StatusNotice({ status }: { status: Status }) {
  const { t } = useI18n();
  if (status.state === 'inserted') {
    return (
      <Notice tone="ok" testId="replies-status">
        <span data-state="inserted">{t('repliesInsertDone', status.title)}</span>
      </Notice>
    );
  }
  if (status.state === 'blocked') {
    return (
      <Notice tone="warn" testId="replies-status">
        <span data-state="blocked">{status.message}</span>
      </Notice>
    );
  }
  return (
    <Notice tone="error" testId="replies-status">
      <span data-state={status.state}>
        {t(status.state === 'failed-copied' ? 'repliesInsertFailedCopied' : 'repliesInsertFailedNotCopied', status.reason)}
      </span>
    </Notice>
  );
}

/** One reply: title, shortcut, how it would read here, and its length against the
 * box's limit. */
function ReplyItem(props: {
  reply: SavedReply;
  /** The first shared reply after the brand's own: says so above it. */
  sharedHeading: boolean;
  highlighted: boolean;
  pageContext: ReplyPageContext | null;
  locale: string;
  limit: number | null;
  /** Edit, duplicate, delete: beside the reply, not inside its insert button. */
  actions: ReactNode;
  onChoose: () => void;
}) {
  const { t } = useI18n();
  const { reply, limit } = props;
  const box: BoxKind | null = props.pageContext?.box ?? null;
  // Rendered once per reply and context; a fixed random source keeps it steady. What is
  // still to be asked shows as a labelled place ("asks: Phone"), never as an empty gap.
  const { preview, parts } = useMemo(() => {
    const context = templateContext(props.pageContext, { locale: props.locale, answers: reply.lastAnswers, random: () => 0 });
    return { preview: renderTemplate(reply.body, context).text, parts: renderPreview(reply.body, context) };
  }, [reply.body, reply.lastAnswers, props.pageContext, props.locale]);
  const length = boxLength(preview, box);
  const over = limit !== null && length > limit;
  return (
    <li id={`reply-${reply.id}`} role="option" aria-selected={props.highlighted}>
      {props.sharedHeading && (
        <p className="mt-3 mb-1 text-[11px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400" data-testid="replies-shared-heading">
          {t('repliesShared')}
        </p>
      )}
      <button
        type="button"
        onClick={props.onChoose}
        data-testid="replies-item"
        data-reply-id={reply.id}
        data-brand={reply.brandId ?? 'shared'}
        data-highlighted={props.highlighted}
        className={`w-full rounded-md border px-2 py-1.5 text-left ${
          props.highlighted
            ? 'border-blue-500 bg-blue-50 dark:border-blue-400 dark:bg-slate-800'
            : 'border-slate-200 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800'
        }`}
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className="truncate font-medium">{reply.title}</span>
          {reply.shortcut && <code className="shrink-0 text-xs text-slate-500">{reply.shortcut}</code>}
        </span>
        {/* Two lines whatever the preview's length: the names in it follow the page's
            focus, and a preview growing by a line would move the replies below it. */}
        <span className="line-clamp-2 block h-8 whitespace-pre-line text-xs leading-4 text-slate-600 dark:text-slate-300" data-testid="replies-preview">
          {parts.map((part, i) =>
            part.type === 'text' ? (
              part.text
            ) : part.type === 'ask' ? (
              <AskChip key={i} label={askedLabel(t, part)} />
            ) : null,
          )}
        </span>
        <span
          className={`block text-right text-[11px] ${over ? 'font-semibold text-red-600 dark:text-red-400' : 'text-slate-500'}`}
          data-testid="replies-count"
          data-length={length}
          data-limit={limit ?? ''}
          data-over={over}
        >
          {limit === null ? t('repliesCharacters', length) : t('repliesCharactersOfLimit', length, limit)}
        </span>
      </button>
      {props.actions}
    </li>
  );
}

