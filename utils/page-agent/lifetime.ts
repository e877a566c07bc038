import { browser } from '#imports';

/** How long the page agent lives, and everything tied to it (listeners, observers,
 * timers). It ends only when the extension itself goes away (update, reload, removal:
 * `browser.runtime.id` disappears from an orphaned content script).
 *
 * Why not WXT's `ContentScriptContext`: it also ends when a "newer content script
 * started" event reaches `document`, and any page script can dispatch that event,
 * which would let facebook.com switch Spalla off. Our own successor needs no signal:
 * it removes the stale host itself (see `startPageAgent`). */
export class AgentLifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension is gone; checking ends the lifetime then. */
  get isValid(): boolean {
    const { signal } = this.controller;
    if (!signal.aborted && browser.runtime?.id == null) this.end();
    return !signal.aborted;
  }

  onEnd(callback: () => void): void {
    // Browser APIs throw "Extension context invalidated" once we are orphaned: the
    // clean-up must go on regardless.
    const safely = () => {
      try {
        callback();
      } catch {
        /* nothing left to clean */
      }
    };
    if (this.signal.aborted) safely();
    else this.signal.addEventListener('abort', safely, { once: true });
  }

  end(): void {
    this.controller.abort();
  }

  listen<K extends string>(
    target: EventTarget,
    type: K,
    handler: (event: Event) => void,
    options: AddEventListenerOptions = {},
  ): void {
    target.addEventListener(
      type,
      (event) => {
        if (this.isValid) handler(event);
      },
      // A listener of its own signal (a feature that stops listening) ends with either.
      { ...options, signal: options.signal ? AbortSignal.any([this.signal, options.signal]) : this.signal },
    );
  }

  /** The timers and frames still to come, cancelled at the end. One set, not a clean-up
   * per timer: those stayed on the signal after their timer ran, for as long as the page
   * was open (issue #16). */
  private pending: { timers: Set<ReturnType<typeof setTimeout>>; frames: Set<number> } | null = null;

  private get waiting() {
    if (!this.pending) {
      const pending = (this.pending = { timers: new Set(), frames: new Set() });
      this.onEnd(() => {
        pending.timers.forEach((id) => clearTimeout(id));
        pending.frames.forEach((id) => cancelAnimationFrame(id));
      });
    }
    return this.pending;
  }

  setTimeout(handler: () => void, ms: number): void {
    const { timers } = this.waiting;
    const id = setTimeout(() => {
      timers.delete(id);
      if (this.isValid) handler();
    }, ms);
    timers.add(id);
  }

  requestAnimationFrame(handler: () => void): void {
    const { frames } = this.waiting;
    const id = requestAnimationFrame(() => {
      frames.delete(id);
      if (this.isValid) handler();
    });
    frames.add(id);
  }

  observe(target: Node, options: MutationObserverInit, handler: MutationCallback): MutationObserver {
    const observer = new MutationObserver((records, obs) => this.isValid && handler(records, obs));
    observer.observe(target, options);
    this.onEnd(() => observer.disconnect());
    return observer;
  }

  /** Calls `handler` after every in-app navigation (single-page apps change the
   * address without loading a page). */
  onNavigate(handler: () => void): void {
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav && typeof nav.addEventListener === 'function') {
      // The Navigation API reports every same-document navigation; wait for the new URL.
      this.listen(nav, 'navigatesuccess', handler);
      this.listen(nav, 'currententrychange', handler);
      return;
    }
    // Without it (older Firefox), popstate covers Back/Forward; pushState is invisible
    // to an isolated world, so compare the address on a slow timer.
    this.listen(window, 'popstate', handler);
    let last = location.href;
    const id = setInterval(() => {
      if (!this.isValid || location.href === last) return;
      last = location.href;
      handler();
    }, 750);
    this.onEnd(() => clearInterval(id));
  }
}
