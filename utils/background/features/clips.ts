import type { BackgroundContext } from '../context';

/** The background's part of the content-ideas library (issue #6): its message handlers, menus and commands. */
export function startClips(_ctx: BackgroundContext): void {}
