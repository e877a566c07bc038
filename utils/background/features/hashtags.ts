import type { BackgroundContext } from '../context';

/** The background's part of hashtag suggestions (issue #4): its message handlers, menus and commands. */
export function startHashtags(_ctx: BackgroundContext): void {}
