import { describe, expect, test } from 'vitest';
import { parseFacebookTimeLabel } from './facebook-post-time';

describe('parseFacebookTimeLabel: Facebook date labels, read in the browser zone', () => {
  const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();
  test.each([
    ['Friday, November 20, 2026 at 12:34 PM', local(2026, 11, 20, 12, 34)],
    ['Friday, November 20, 2026 at 12:34 AM', local(2026, 11, 20, 0, 34)],
    ['November 3, 2026 at 9:05 PM', local(2026, 11, 3, 21, 5)],
    ['Venerdì 20 novembre 2026 alle ore 12:34', local(2026, 11, 20, 12, 34)],
    ['20 novembre 2026 alle 08:15', local(2026, 11, 20, 8, 15)],
    ['Friday 20 November 2026 at 12:34', local(2026, 11, 20, 12, 34)],
  ])('%s', (label, expected) => expect(parseFacebookTimeLabel(label)).toBe(expected));
  test.each(['2 h', '3 giorni', 'Yesterday at 10:00', 'Shared with Public', 'February 31, 2026 at 10:00 AM', 'Mai 3, 2026 at 10:00'])(
    'not a full date: %s',
    (label) => expect(parseFacebookTimeLabel(label)).toBeNull(),
  );
});
