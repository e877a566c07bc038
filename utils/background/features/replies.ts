import type { BackgroundContext } from '../context';

/** The background's part of saved replies (issue #3): its message handlers, menus and commands. */
export function startReplies(_ctx: BackgroundContext): void {}
