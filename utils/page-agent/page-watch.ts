import type { PageState } from '../messaging/page-state';
import { rememberSelection } from '../insert/selection-memory';
import { composerKind, composerLabel, findComposer } from '../sites/composer-kind';
import type { SiteAdapter } from '../sites/types';
import { identityReader } from '../sites/identity';
import { SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from '../settings/plain';
import { HOST_TAG } from './sidebar-host';
import type { AgentLifetime } from './lifetime';
import { pageTheme } from './page-theme';

export interface PageWatcher {
  current(): PageState;
  /** Looks again (e.g. after the sidebar opened, closed or moved). */
  refresh(): void;
  /** The composer last focused on this page (kept while focus is in our sidebar). */
  lastComposer(): HTMLElement | null;
}

/** Keeps a `PageState` for this page and calls `onChange` when it changes: on in-app
 * navigation, focus moving between text boxes, and the page switching theme. Every
 * listener and observer is tied to `life`, so an update or unload removes them. */
export function watchPage(
  life: AgentLifetime,
  adapter: SiteAdapter,
  onChange: (state: PageState) => void,
  sidebarRect: () => DOMRect | null,
): PageWatcher {
  let composer: HTMLElement | null = null;
  let focused = false;
  let lastSent = '';
  const identity = identityReader(adapter.site);
  // The identity is read again only after what can change it (focus moving to another box,
  // navigation, the first render, a click in a dialog or menu, the window's focus, the
  // sidebar asking); typing, resizing and the theme reuse the last reading.
  let identityNow: PageState['identity'] = null;
  let identityFresh = false;
  let lastIdentity = '';

  function compute(): PageState {
    const surface = adapter.surface(location, document);
    const liveComposer = composer?.isConnected ? composer : null;
    const box = liveComposer?.getBoundingClientRect() ?? null;
    const panel = sidebarRect();
    const covered = box !== null && overlaps(box, panel);
    const ways = covered ? waysOut(box, panel!, document.documentElement.clientWidth) : null;
    return {
      site: adapter.site,
      surface,
      path: location.pathname,
      composer: {
        focused: focused && liveComposer !== null,
        kind: liveComposer ? composerKind(liveComposer) : null,
        label: liveComposer ? composerLabel(liveComposer) : null,
        covered,
        clearOnOtherSide: ways?.otherSide ?? false,
        clearAtWidth: ways?.width ?? null,
      },
      theme: pageTheme(document),
      markers: safeMarkers(adapter, surface),
      identity: readIdentity(liveComposer),
    };
  }

  function readIdentity(liveComposer: HTMLElement | null) {
    if (!identityFresh) {
      identityNow = identity.read(location, document, liveComposer);
      lastIdentity = JSON.stringify(identityNow);
      identityFresh = true;
    }
    return identityNow;
  }

  /** Something that can change the identity happened: read it again in the next state. */
  function lookAgain() {
    identityFresh = false;
    update();
  }

  /** After a click: the user may have switched the Page they act as (the account menu),
   * which changes labels, not the address, once the site's server has answered. Reads the
   * identity alone (a few lookups, no layout) now and twice later, and sends the state only
   * when it changed. */
  function identityCheck() {
    const read = identity.read(location, document, composer?.isConnected ? composer : null);
    if (JSON.stringify(read) !== lastIdentity) lookAgain();
  }

  let scheduled = false;
  function update() {
    if (scheduled) return;
    scheduled = true;
    // Coalesce bursts (focus + navigation + theme) into one message per frame.
    life.requestAnimationFrame(() => {
      scheduled = false;
      const state = compute();
      const serialized = JSON.stringify(state);
      if (serialized === lastSent) return;
      lastSent = serialized;
      onChange(state);
    });
  }

  life.listen(
    document,
    'focusin',
    (event) => {
      if (!event.isTrusted) return; // a page script's imitation

      const target = event.composedPath()[0];
      if (target instanceof Element && target.localName === HOST_TAG) return; // our sidebar: keep the composer
      const found = target instanceof Element ? findComposer(target) : null;
      if (found && found !== composer) identityFresh = false; // "Comment as NAME" in use
      if (found) composer = found;
      focused = found !== null;
      if (found) rememberSelection(found);
      update();
    },
    { capture: true },
  );
  // Remember the caret while the composer has focus: a click in our sidebar takes focus,
  // and the insertion engine puts the caret back where the user left it.
  const keepSelection = () => {
    const active = document.activeElement;
    if (composer && active instanceof Element && findComposer(active) === composer) rememberSelection(composer);
  };
  for (const type of ['selectionchange', 'keyup', 'mouseup', 'select']) {
    life.listen(document, type, keepSelection, { capture: true });
  }
  life.listen(
    document,
    'focusout',
    () => {
      focused = false;
      // The next focusin (if any) sets it back; check once focus has settled.
      life.setTimeout(() => {
        const active = document.activeElement;
        focused = active instanceof Element && composer !== null && findComposer(active) === composer;
        update();
      }, 0);
    },
    { capture: true },
  );
  life.onNavigate(() => {
    // In-app navigation: markers appear as the new view renders, so look again shortly.
    lookAgain();
    life.setTimeout(lookAgain, 400);
    life.setTimeout(lookAgain, 1500);
  });

  // The box may move or grow after focus (a dialog's opening animation, lines typed,
  // the window resized): look again then, so "covered" follows what the user sees.
  // `update` sends only a changed state. While typing, at most every 300 ms and never in
  // the keystroke's own frame: an insertion places its caret a frame after its text.
  life.listen(window, 'resize', update);
  let typingCheck = false;
  life.listen(
    document,
    'input',
    () => {
      keepSelection();
      // Typing moves or grows the box, which matters only while the panel is there to cover
      // it (`covered`): with the sidebar closed nothing else in the state follows typing.
      if (!focused || typingCheck || !sidebarRect()) return;
      typingCheck = true;
      life.setTimeout(() => {
        typingCheck = false;
        update();
      }, 300);
    },
    { capture: true },
  );

  life.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] }, update);
  life.listen(matchMedia('(prefers-color-scheme: dark)'), 'change', update);
  life.listen(
    document,
    'click',
    (event) => {
      // The account menu and its confirmation are dialogs or menus; other clicks switch nothing.
      const target = event.composedPath()[0];
      if (!event.isTrusted || !(target instanceof Element) || !target.closest(SWITCH_PLACES)) return;
      for (const ms of IDENTITY_CHECKS_MS) life.setTimeout(identityCheck, ms);
    },
    { capture: true },
  );
  // Back to the tab: the Page acted as may have changed elsewhere.
  life.listen(window, 'focus', lookAgain);
  // The page's first render may come after us (single-page apps render late).
  life.setTimeout(lookAgain, 500);
  life.setTimeout(lookAgain, 2000);

  return {
    current: () => {
      identityFresh = false; // the sidebar asks (it opened): a fresh reading
      return compute();
    },
    refresh: update,
    lastComposer: () => (composer?.isConnected ? composer : null),
  };
}

/** When, after a click in a dialog or menu, the identity is read again (ms): at once, and
 * after the site had time to ask its server and render. */
const IDENTITY_CHECKS_MS = [0, 600, 2000];
const SWITCH_PLACES = '[role="dialog"], [role="menu"]';

/** Hidden width, CSS pixels, from which the sidebar counts as covering a text box: about
 * two characters of the box's text. Less is the panel's shadow brushing the box's edge. */
export const COVERED_MIN_PX = 16;

/** True when the sidebar hides part of the composer's width. Any real part counts, not
 * only "most of it": typed text runs to the box's right edge, so a centred 500 px
 * "Create post" dialog with its right fifth under the panel already hides what is
 * being typed there. */
export function overlaps(box: DOMRect, panel: DOMRect | null): boolean {
  if (!panel || box.width === 0) return false;
  const shared = Math.min(box.right, panel.right) - Math.max(box.left, panel.left);
  const vertical = Math.min(box.bottom, panel.bottom) - Math.max(box.top, panel.top);
  return vertical > 0 && shared >= Math.min(COVERED_MIN_PX, box.width / 2);
}

/** Room kept between the box and a sidebar moved or narrowed to clear it. */
const CLEAR_GAP = 8;

/** The ways out of a covered box: would the sidebar, as wide as now, clear it on the other
 * side; and which narrower width (not below the minimum) clears it on this side. A centred
 * dialog is as covered on either side, so moving is then no way out, narrowing may be. */
export function waysOut(box: DOMRect, panel: DOMRect, viewportWidth: number): { otherSide: boolean; width: number | null } {
  const onRight = panel.left + panel.width / 2 > viewportWidth / 2;
  const roomRight = Math.floor(viewportWidth - box.right) - CLEAR_GAP;
  const roomLeft = Math.floor(box.left) - CLEAR_GAP;
  const here = Math.min(SIDEBAR_MAX_WIDTH, onRight ? roomRight : roomLeft);
  return {
    otherSide: panel.width <= (onRight ? roomLeft : roomRight),
    width: here >= SIDEBAR_MIN_WIDTH && here < panel.width ? here : null,
  };
}

/** A broken adapter degrades to "no markers", never to an exception in the agent. */
function safeMarkers(adapter: SiteAdapter, surface: PageState['surface']) {
  try {
    return adapter.checkMarkers(surface, document);
  } catch (error) {
    console.warn('[Spalla] marker check failed', error);
    return [];
  }
}
