import { useEffect, useMemo, useState } from 'react';
import type { Clip } from '@/utils/db/clips';
import type { PostLogEntry } from '@/utils/db/post-log';
import { getDb } from '@/utils/db/app-db';
import { bestSlotsAround, postLogOf, timeZoneOf } from '@/utils/clips/schedule-hints';
import { defaultTimeZoneItem } from '@/utils/settings/items';
import { dateFormatter, formatDateTime } from '@/utils/i18n/dates';
import { useI18n } from '../i18n';
import { Button } from '../ui';
import { Dialog } from './Dialog';

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms as a `datetime-local` value, in the browser's own zone (the input's). */
export function toLocalInput(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Tomorrow at 10:00, the first suggestion when an idea has no date yet. */
function tomorrowAtTen(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return d.getTime();
}

/**
 * When a scheduled idea goes out. With posts in the account's post log, the best slots
 * around the chosen time (from the best-time estimator) are one click away.
 */
export function SchedulePicker({ clips, onConfirm, onClose }: { clips: Clip[]; onConfirm: (at: number) => void; onClose: () => void }) {
  const { t, language } = useI18n();
  const first = clips[0];
  const [value, setValue] = useState(() => toLocalInput(first?.scheduledAt ?? tomorrowAtTen(Date.now())));
  const [log, setLog] = useState<{ entries: PostLogEntry[]; timeZone: string } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const db = getDb();
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const fallback = (await defaultTimeZoneItem.getValue()) ?? browserZone;
      const [entries, timeZone] = await Promise.all([postLogOf(db, first), timeZoneOf(db, first, fallback)]);
      if (live) setLog({ entries, timeZone });
    })();
    return () => {
      live = false;
    };
  }, [first]);

  const chosen = value ? new Date(value).getTime() : NaN;
  const valid = Number.isFinite(chosen);
  const slots = useMemo(
    () => (log && valid ? bestSlotsAround(log.entries, { around: chosen, timeZone: log.timeZone, now: Date.now() }) : []),
    [log, chosen, valid],
  );
  const slotFormat = useMemo(
    () =>
      dateFormatter(language, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: log?.timeZone,
      }),
    [language, log],
  );

  return (
    <Dialog label={t('clipsScheduleTitle')} onClose={onClose} testId="clips-schedule">
      <h2 className="mb-3 text-lg font-semibold">{t('clipsScheduleTitle')}</h2>
      {clips.length > 1 && <p className="mb-2 text-slate-600 dark:text-slate-400">{t('clipsScheduleMany', clips.length)}</p>}
      <label className="block space-y-1">
        <span className="font-medium">{t('clipsScheduleWhen')}</span>
        <input
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid="clips-schedule-input"
          className="block w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
        {/* The input draws its date in the browser's language; this says it in Spalla's. */}
        {valid && (
          <span className="block text-xs text-slate-500" data-testid="clips-schedule-input-text">
            {formatDateTime(chosen, language)}
          </span>
        )}
      </label>
      {log && log.entries.length > 0 && (
        <div className="mt-3 space-y-1" data-testid="clips-schedule-hints">
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('clipsScheduleHints', log.timeZone)}</p>
          {slots.length === 0 ? (
            <p className="text-xs text-slate-500">{t('clipsScheduleNoBetter')}</p>
          ) : (
            <ul className="flex flex-wrap gap-1">
              {slots.map((slot) => (
                <li key={slot.start}>
                  <button
                    type="button"
                    data-testid="clips-schedule-slot"
                    data-start={slot.start}
                    onClick={() => setValue(toLocalInput(slot.start))}
                    className="rounded border border-green-300 bg-green-50 px-2 py-0.5 text-xs text-green-900 hover:bg-green-100 dark:border-green-800 dark:bg-green-950 dark:text-green-100"
                  >
                    {slotFormat.format(slot.start)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {log && log.entries.length === 0 && <p className="mt-3 text-xs text-slate-500">{t('clipsScheduleNoLog')}</p>}
      <div className="mt-4 flex gap-2">
        <Button variant="primary" disabled={!valid} onClick={() => onConfirm(chosen)} data-testid="clips-schedule-confirm">
          {t('clipsScheduleConfirm')}
        </Button>
        <Button onClick={onClose} data-testid="clips-schedule-cancel">
          {t('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
