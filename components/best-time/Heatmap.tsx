import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '@/components/i18n';
import { dayName, hourLabel } from './format';
import { formatDecimal } from '@/utils/i18n/format';

/** Viridis, 9 stops (colour-blind safe, and readable in grey). */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

function viridis(x: number): string {
  const t = Math.min(1, Math.max(0, x)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [VIRIDIS[i], VIRIDIS[i + 1]].map((h) => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16)));
  return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * f)).join(',')})`;
}

export interface HeatmapCell {
  score: number;
  /** Posts behind the cell; null for a prior (no posts). */
  posts: number | null;
}

/**
 * A week as a 7 x 24 grid (rows Monday..Sunday, columns 00..23), coloured by score on a
 * viridis scale from the grid's lowest to its highest cell, with a legend. Keyboard: one tab
 * stop, arrow keys move between cells; the focused or hovered cell is described in words
 * below the grid (score and the number of posts behind it).
 */
export function Heatmap({ cells, label, testId }: { cells: readonly HeatmapCell[]; label: string; testId: string }) {
  const { t, language } = useI18n();
  const [active, setActive] = useState<number | null>(null);
  const [focus, setFocus] = useState(0);
  const refs = useRef<(HTMLTableCellElement | null)[]>([]);
  const scores = cells.map((c) => c.score);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const span = hi - lo;
  const level = (s: number) => (span < 1e-9 ? 0.5 : (s - lo) / span);
  const describe = (i: number) => {
    const c = cells[i];
    const when = `${dayName(Math.floor(i / 24), language)} ${hourLabel(i % 24, language)}`;
    return c.posts === null ? t('bestTimeCellPrior', when, formatDecimal(c.score, language, 2)) : t('bestTimeCellLearned', when, formatDecimal(c.score, language, 2), c.posts);
  };

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 24, ArrowUp: -24, Home: -(focus % 24), End: 23 - (focus % 24) };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const next = Math.min(167, Math.max(0, focus + delta));
    setFocus(next);
    setActive(next);
    refs.current[next]?.focus();
  }

  return (
    <figure className="space-y-1" data-testid={testId}>
      <figcaption className="text-sm font-semibold">{label}</figcaption>
      <table role="grid" aria-label={label} className="border-separate border-spacing-px text-[10px]" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            <th />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="w-4 font-normal text-slate-500">
                {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 7 }, (_, d) => (
            <tr key={d}>
              <th scope="row" className="pr-1 text-right font-normal text-slate-600 dark:text-slate-300">
                {dayName(d, language, 'short')}
              </th>
              {Array.from({ length: 24 }, (_, h) => {
                const i = d * 24 + h;
                const c = cells[i];
                const words = describe(i);
                return (
                  <td
                    key={h}
                    ref={(el) => {
                      refs.current[i] = el;
                    }}
                    role="gridcell"
                    tabIndex={i === focus ? 0 : -1}
                    aria-label={words}
                    title={words}
                    data-testid={`${testId}-cell-${d}-${h}`}
                    data-score={c.score.toFixed(4)}
                    data-posts={c.posts ?? ''}
                    onMouseEnter={() => setActive(i)}
                    onFocus={() => {
                      setFocus(i);
                      setActive(i);
                    }}
                    className="h-4 w-4 rounded-[2px] outline-offset-1 focus:outline-2 focus:outline-blue-500"
                    style={{ background: viridis(level(c.score)) }}
                  >
                    {c.posts ? <span className="sr-only">{c.posts}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300" data-testid={`${testId}-legend`}>
        <span>{t('bestTimeLegendLow', formatDecimal(lo, language, 2))}</span>
        <span
          aria-hidden="true"
          className="h-2 w-32 rounded"
          style={{ background: `linear-gradient(to right, ${VIRIDIS.join(',')})` }}
        />
        <span>{t('bestTimeLegendHigh', formatDecimal(hi, language, 2))}</span>
      </div>
      <p className="min-h-5 text-xs" aria-live="polite" data-testid={`${testId}-detail`}>
        {active !== null ? describe(active) : t('bestTimeCellHint')}
      </p>
    </figure>
  );
}
