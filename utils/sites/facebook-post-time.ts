/**
 * Facebook's time of a post, from what the page gives: the header's permalink carries the full
 * date as its label or tooltip ("Friday, November 20, 2026 at 12:34 PM", "Venerdì 20 novembre
 * 2026 alle ore 12:34"), written in the viewer's own time zone. Read here without any date
 * library (this runs in the page agent, whose size is budgeted). Relative labels ("2 h") are
 * not read: the user is asked.
 */

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9, ottobre: 10, novembre: 11, dicembre: 12,
};

// "November 20, 2026 at 12:34 PM" (English, with or without a weekday before it)
const EN = /([a-z]+)\s+(\d{1,2}),\s*(\d{4})(?:\s+at)?\s+(\d{1,2}):(\d{2})\s*([ap]m)?/i;
// "20 novembre 2026 alle ore 12:34" / "20 November 2026 at 12:34"
const DMY = /(\d{1,2})\s+([a-z]+)\s+(\d{4})(?:\s+(?:alle(?:\s+ore)?|at|,))?\s+(\d{1,2})[:.](\d{2})\s*([ap]m)?/i;

/** Epoch ms of a Facebook date label read as local time of this browser, or null. */
export function parseFacebookTimeLabel(label: string): number | null {
  const text = label.normalize('NFC').toLowerCase();
  let year: number, month: number | undefined, day: number, hour: number, minute: number, ampm: string | undefined;
  let m = EN.exec(text);
  if (m && MONTHS[m[1]]) {
    [month, day, year, hour, minute, ampm] = [MONTHS[m[1]], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), m[6]];
  } else if ((m = DMY.exec(text)) && MONTHS[m[2]]) {
    [day, month, year, hour, minute, ampm] = [Number(m[1]), MONTHS[m[2]], Number(m[3]), Number(m[4]), Number(m[5]), m[6]];
  } else return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const d = new Date(year, month - 1, day, hour, minute);
  return d.getMonth() === month - 1 ? d.getTime() : null;
}

// Selectors for Facebook feed / Page / post: the labelled links and tooltips in a post.
const LABELLED = 'a[aria-label], a[title], span[title], abbr[title]';

/** The first label in the post that reads as a full date, with its time; null when none. */
export function readFacebookTimeLabel(post: Element): { label: string; at: number } | null {
  for (const el of post.querySelectorAll(LABELLED)) {
    // A comment's own time: its article sits inside the post (which may be an article
    // itself, or, in 2026 feeds, a plain container; see facebook-post-finder.ts).
    const owner = el.closest('[role="article"]');
    if (owner && owner !== post && post.contains(owner)) continue;
    const label = (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim();
    if (!label || label.length > 120) continue;
    const at = parseFacebookTimeLabel(label);
    if (at !== null) return { label, at };
  }
  return null;
}
