import type { BackgroundContext } from '../context';

/** The background's part of best-time hints (issue #5): its message handlers, menus and commands. */
export function startTiming(_ctx: BackgroundContext): void {}
