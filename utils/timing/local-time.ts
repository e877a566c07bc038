/**
 * Local (audience) time helpers for the best-time estimator. Pure: only `Intl`, no browser or
 * WXT API, so it runs in Node, a worker or a page.
 *
 * Conventions used across `utils/timing/`:
 * - day 0 = Monday … 6 = Sunday; hour 0..23 on the local wall clock;
 * - a week grid has 168 cells, index = day * 24 + hour.
 */

export const DAYS_PER_WEEK = 7;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = DAYS_PER_WEEK * HOURS_PER_DAY;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Every offset in use today is a multiple of 15 minutes (e.g. +05:45 Nepal, +12:45 Chatham). */
const WALK_STEP_MS = 15 * 60_000;
/** Slack past the end of the window: DST shifts are at most one hour. */
const WALK_SLACK_MS = 3 * HOUR_MS;

export interface LocalSlot {
  /** 0 = Monday … 6 = Sunday, in the given time zone. */
  day: number;
  /** 0..23 on the local wall clock. */
  hour: number;
}

export interface LocalWallTime extends LocalSlot {
  year: number;
  /** 1..12 */
  month: number;
  /** Day of the month, 1..31. */
  date: number;
  minute: number;
}

/** One local hour start: a UTC instant and the local (day, hour) it opens. */
export interface UpcomingSlot extends LocalSlot {
  /** Epoch milliseconds (UTC). */
  start: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown time zone: callers should pass an IANA name.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone's wall clock from UTC at `epochMs` (wall - utc, in ms), asked of `Intl`. */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  let year = 0;
  let month = 0;
  let date = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    const v = Number(p.value);
    if (p.type === 'year') year = v;
    else if (p.type === 'month') month = v;
    else if (p.type === 'day') date = v;
    // `% 24`: some older engines print midnight as "24" despite hourCycle h23.
    else if (p.type === 'hour') hour = v % 24;
    else if (p.type === 'minute') minute = v;
    else if (p.type === 'second') second = v;
  }
  const wall = Date.UTC(year, month - 1, date, hour, minute, second);
  const utcSeconds = Math.floor(epochMs / 1000) * 1000;
  return wall - utcSeconds;
}

/**
 * Offsets cached per zone, per UTC week and then per UTC day: if the zone has the same offset
 * at the first and the last millisecond of a span, no change happens inside it (zones change
 * at most twice a year, never twice in a week) and every instant of the span shares that
 * offset. The week of a change is split into days, and only the day of the change asks `Intl`
 * for each instant. Two `Intl` calls per distinct week instead of one per instant: a grid of
 * 5,000 posts over two years needs about 220 calls, not 5,000 (each one costs a fraction of a
 * millisecond, and more on a loaded machine).
 */
const WEEK_MS = 7 * DAY_MS;
const spanOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_SPANS = 20_000;

function spanOffset(timeZone: string, key: number, start: number, length: number): number | null {
  let spans = spanOffsets.get(timeZone);
  if (!spans) {
    spans = new Map();
    spanOffsets.set(timeZone, spans);
  }
  let off = spans.get(key);
  if (off === undefined) {
    const first = offsetFromIntl(start, timeZone);
    const last = offsetFromIntl(start + length - 1, timeZone);
    off = first === last ? first : null;
    if (spans.size >= MAX_CACHED_SPANS) spans.clear();
    spans.set(key, off);
  }
  return off;
}

function zoneOffset(epochMs: number, timeZone: string): number {
  const week = Math.floor(epochMs / WEEK_MS);
  // One map for both: weeks get odd keys, days even keys.
  const weekly = spanOffset(timeZone, -1 - week * 2, week * WEEK_MS, WEEK_MS);
  if (weekly !== null) return weekly;
  const day = Math.floor(epochMs / DAY_MS);
  return spanOffset(timeZone, day * 2, day * DAY_MS, DAY_MS) ?? offsetFromIntl(epochMs, timeZone);
}

/** The wall-clock reading of `epochMs` in `timeZone` (DST-correct: the offset comes from `Intl`). */
export function localWallTime(epochMs: number, timeZone: string): LocalWallTime {
  const wall = new Date(epochMs + zoneOffset(epochMs, timeZone));
  return {
    // getUTCDay: 0 = Sunday; ours: 0 = Monday.
    day: (wall.getUTCDay() + 6) % 7,
    hour: wall.getUTCHours(),
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    date: wall.getUTCDate(),
    minute: wall.getUTCMinutes(),
  };
}

/** Local (day, hour) of an instant; day 0 = Monday. */
export function localSlot(epochMs: number, timeZone: string): LocalSlot {
  const { day, hour } = localWallTime(epochMs, timeZone);
  return { day, hour };
}

/** Index of a (day, hour) cell in a 168-cell week grid. */
export function cellIndex(day: number, hour: number): number {
  return day * HOURS_PER_DAY + hour;
}

/** Wall-clock reading as a number (ms, as if the wall clock were UTC), for comparing and keys. */
function wallKey(w: LocalWallTime): number {
  return Date.UTC(w.year, w.month - 1, w.date, w.hour, w.minute);
}

/**
 * Every instant at which a local hour starts (local minute 0), at or after `now`, whose local
 * wall-clock reading is before the wall-clock reading of `now` plus `days` calendar days.
 * No dedupe: on a fall-back day the repeated hour appears twice (two instants, same label);
 * on a spring-forward day the skipped hour does not appear.
 *
 * So a window of 7 local days from a local midnight holds 168 instants in an ordinary week,
 * 167 in the week of a spring-forward change and 169 in the week of a fall-back change.
 */
export function localHourStarts(now: number, timeZone: string, days: number): UpcomingSlot[] {
  if (!Number.isFinite(now) || !Number.isFinite(days) || days <= 0) return [];
  const nowWall = wallKey(localWallTime(now, timeZone)) + (((now % 60_000) + 60_000) % 60_000);
  const endWall = nowWall + days * DAY_MS;
  const stop = now + days * DAY_MS + WALK_SLACK_MS;
  const out: UpcomingSlot[] = [];
  for (let t = Math.ceil(now / WALK_STEP_MS) * WALK_STEP_MS; t <= stop; t += WALK_STEP_MS) {
    const w = localWallTime(t, timeZone);
    if (w.minute !== 0) continue;
    if (wallKey(w) >= endWall) continue;
    out.push({ start: t, day: w.day, hour: w.hour });
  }
  return out;
}

/**
 * Every local hour start in the coming `days` local days (see `localHourStarts`), deduped by
 * local date + hour: a repeated (fall-back) hour appears once, at its first (earlier, summer
 * time) instant; a skipped (spring-forward) hour simply does not appear.
 *
 * 7 days from a local midnight: 168 slots in an ordinary week, 167 in the week of a
 * spring-forward change, 168 (169 instants before dedupe) in the week of a fall-back change.
 */
export function nextSlots(now: number, timeZone: string, days: number): UpcomingSlot[] {
  const seen = new Set<number>();
  const out: UpcomingSlot[] = [];
  for (const slot of localHourStarts(now, timeZone, days)) {
    const key = wallKey(localWallTime(slot.start, timeZone));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(slot);
  }
  return out;
}
