import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { dateFormatter } from '@/utils/i18n/dates';
import { NOW_KEY, TRUST_KEY, daysWithoutData, slotLabel, whyLine } from '@/components/best-time/format';
import { Button, Notice, Section } from '@/components/ui';
import type { PagePost, TimingPageView } from '@/utils/messaging/features/timing';
import { sendMessage } from '@/utils/messaging/protocol';
import { priorById } from '@/utils/timing/priors';
import { NoStudyNote } from '@/components/best-time/NoStudyNote';
import { ReadOnlyNote } from '@/components/sync/ReadOnlyNote';
import { useReadOnlyBrands } from '@/components/sync/useSyncStatus';
import type { SidebarPanelProps } from './tabs';
import { useBrandInView } from './useBrandInView';

const NOW_TONE = { good: 'ok', average: 'info', poor: 'warn' } as const;

/** "datetime-local" value for an instant, in this browser's zone (the zone Facebook writes its
 * time labels in), and back. */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && Number.isFinite(ms) ? ms : null;
}

/** Sidebar tab "Best time": for the account whose Page or profile this tab shows, how good
 * "now" is, the next best slots, how far to trust them, and its posts to log. */
export function BestTimePanel({ page, active }: SidebarPanelProps) {
  const { t, language } = useI18n();
  const [view, setView] = useState<TimingPageView | null>(null);
  const [failed, setFailed] = useState(false);
  const path = page?.path;
  // The hint follows the brand in view (the background reads it for this tab).
  const brandId = useBrandInView().view?.brandId;
  const readOnlyBrands = useReadOnlyBrands();

  const refresh = useCallback(() => {
    sendMessage('timingPageView')
      .then((v) => {
        setView(v);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);
  useEffect(() => {
    if (active && page) refresh();
  }, [active, path, page, refresh, brandId]);

  if (failed) return <Notice tone="error">{t('bestTimeSidebarFailed')}</Notice>;
  if (!view) return null;
  const { reading, hint } = view;
  const shown = reading.account;
  if (!hint) {
    if (!shown) {
      return (
        <p className="text-slate-600 dark:text-slate-300" data-testid="best-time-sidebar-no-account">
          {t('bestTimeSidebarNoAccount')}
        </p>
      );
    }
    const who = accountLabel(shown);
    return (
      <Section title={t('bestTimeTitle')} testId="best-time-sidebar-new-account">
        <p>{t('bestTimeSidebarNotAnAccount', who)}</p>
        <Button
          variant="primary"
          onClick={async () => {
            // The background files it under the brand in view (all brands: a brand of its name).
            await sendMessage('timingCreateAccount', {
              network: shown.network,
              handle: shown.handle,
              name: shown.name ?? shown.handle ?? '',
            });
            refresh();
          }}
          data-testid="best-time-sidebar-create-account"
        >
          {t('bestTimeSidebarCreateAccount', who)}
        </Button>
      </Section>
    );
  }
  // The hint may be for the brand in view's account rather than the page's (issue #13).
  const who = accountLabel(hint.brand);
  const prior = hint.priorId ? priorById(hint.priorId) : undefined;
  const priorLabel = prior ? `${prior.source.publisher} ${prior.year}` : null;
  const noDays = daysWithoutData(t, hint.postsPerDay, language);

  return (
    <div className="space-y-5" data-testid="best-time-sidebar">
      <Section title={t('bestTimeSidebarFor', who)} testId="best-time-sidebar-hint">
        <span hidden data-testid="best-time-sidebar-account" data-value={hint.brand.id} data-brand={hint.brand.brandId} data-on-page={String(view.onPage)} />
        <Notice tone={NOW_TONE[hint.now]} testId="best-time-sidebar-now">
          <span data-value={hint.now}>{t(NOW_KEY[hint.now])}</span>
        </Notice>
        <div>
          <p className="text-xs font-semibold text-slate-500">{t('bestTimeNextBest')}</p>
          {hint.nextBest.length === 0 ? (
            <p data-testid="best-time-sidebar-next-none">{t('bestTimeNoNextBest')}</p>
          ) : (
            <ol className="list-decimal pl-5" data-testid="best-time-sidebar-next">
              {hint.nextBest.map((s) => (
                <li key={s.start} data-day={s.day} data-hour={s.hour} data-start={s.start}>
                  {slotLabel(s.start, hint.timeZone, language)}
                </li>
              ))}
            </ol>
          )}
        </div>
        <p data-testid="best-time-sidebar-trust" data-value={hint.trust} data-posts={hint.totalPosts}>
          {t(TRUST_KEY[hint.trust], hint.totalPosts)}
        </p>
        <p className="text-slate-600 dark:text-slate-300" data-testid="best-time-sidebar-why" data-kind={hint.why?.kind ?? 'none'}>
          {whyLine(t, hint.why, language, priorLabel)}
        </p>
        {noDays && <p className="text-xs text-slate-500" data-testid="best-time-sidebar-days-without-data">{noDays}</p>}
        <NoStudyNote network={hint.brand.network} />
        <p className="text-xs text-slate-500">{t('bestTimeSidebarZone', hint.timeZone)}</p>
      </Section>
      {view.onPage && (
        <Section title={t('bestTimeSidebarPosts')} testId="best-time-sidebar-posts">
          {/* The post log of a brand shared read-only (#15) is used for the hint, not added to. */}
          {hint.brand.brandId !== null && readOnlyBrands.has(hint.brand.brandId) ? (
            <ReadOnlyNote />
          ) : reading.posts.length === 0 ? (
            <p className="text-slate-500" data-testid="best-time-sidebar-no-posts">
              {t('bestTimeSidebarNoPosts', who)}
            </p>
          ) : (
            <ul className="space-y-3">
              {reading.posts.map((p) => (
                <PostToLog
                  key={p.permalink}
                  post={p}
                  logged={view.logged.includes(p.permalink)}
                  onLog={async (publishedAt) => {
                    await sendMessage('timingLogPosts', {
                      brandId: hint.brand.id,
                      posts: [
                        {
                          permalink: p.permalink,
                          publishedAt,
                          metrics: { ...p.counts, saves: null, reach: null, views: null },
                        },
                      ],
                    });
                    refresh();
                  }}
                />
              ))}
            </ul>
          )}
        </Section>
      )}
    </div>
  );
}

function accountLabel(account: { handle: string | null; name: string | null }): string {
  return account.handle ? `@${account.handle}` : (account.name ?? '');
}

function PostToLog({ post, logged, onLog }: { post: PagePost; logged: boolean; onLog(publishedAt: number): Promise<void> }) {
  const { t, language } = useI18n();
  const [when, setWhen] = useState(post.postedAt !== null ? toLocalInput(post.postedAt) : '');
  const [busy, setBusy] = useState(false);
  const at = post.postedAtExact ? post.postedAt : fromLocalInput(when);
  const counts = [
    post.counts.reactions !== null ? t('bestTimeCountReactions', post.counts.reactions) : null,
    post.counts.comments !== null ? t('bestTimeCountComments', post.counts.comments) : null,
    post.counts.shares !== null ? t('bestTimeCountShares', post.counts.shares) : null,
  ].filter(Boolean);
  const format = dateFormatter(language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <li className="space-y-1 rounded-md border border-slate-200 p-2 dark:border-slate-700" data-testid="best-time-sidebar-post" data-permalink={post.permalink} data-logged={String(logged)}>
      <p className="truncate text-xs" title={post.excerpt}>
        {post.excerpt || post.permalink}
      </p>
      {post.postedAtExact && post.postedAt !== null ? (
        <p className="text-xs text-slate-500" data-testid="best-time-sidebar-post-time">
          {format.format(post.postedAt)}
        </p>
      ) : (
        <label className="block text-xs">
          <span className="block text-amber-800 dark:text-amber-200">
            {post.timeLabel ? t('bestTimeSidebarCheckTime', post.timeLabel) : t('bestTimeSidebarEnterTime')}
          </span>
          <input
            type="datetime-local"
            className="rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-800"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            data-testid="best-time-sidebar-post-when"
          />
          {/* The input draws its date in the browser's language; this says it in Spalla's. */}
          {at !== null && (
            <span className="ml-1 text-slate-500" data-testid="best-time-sidebar-post-when-text">
              {format.format(at)}
            </span>
          )}
        </label>
      )}
      <p className="text-xs" data-testid="best-time-sidebar-post-counts">
        {counts.length ? counts.join(' · ') : t('bestTimeSidebarNoCounts')}
      </p>
      <Button
        variant={logged ? 'plain' : 'primary'}
        disabled={busy || at === null || counts.length === 0}
        onClick={async () => {
          if (at === null) return;
          setBusy(true);
          try {
            await onLog(at);
          } finally {
            setBusy(false);
          }
        }}
        data-testid="best-time-sidebar-log"
      >
        {logged ? t('bestTimeSidebarUpdate') : t('bestTimeSidebarLog')}
      </Button>
    </li>
  );
}
