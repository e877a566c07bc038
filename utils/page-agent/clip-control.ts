/** The clip control on one post: a `<spalla-clip>` host with a closed shadow root, put
 * first in the post as a block of no height (so the post's layout does not move), its
 * button drawn in the post's top corner. Visible while the pointer is over the post or
 * the button has keyboard focus. Events stop at the host: the post's own click handlers
 * (React listens at the root) never see a click on it. */

export const CLIP_TAG = 'spalla-clip';

export type ClipControlState = 'idle' | 'saving' | 'saved' | 'failed';

export interface ClipControlLabels {
  clip: string;
  saving: string;
  saved: string;
  failed: string;
}

const STYLE = `
:host { all: initial; display: block; position: relative; height: 0; z-index: 3; }
button { position: absolute; top: 8px; right: 52px; opacity: 0;
  border: 0; border-radius: 14px; padding: 4px 10px; margin: 0; cursor: pointer;
  font: 600 12px/16px system-ui, sans-serif; background: #1877f2; color: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.25); }
:host([data-visible]) button, button:focus-visible, :host([data-state="saving"]) button,
:host([data-state="saved"]) button, :host([data-state="failed"]) button { opacity: 1; }
button:focus-visible { outline: 3px solid #f7b928; outline-offset: 1px; }
:host([data-state="saved"]) button { background: #31a24c; }
:host([data-state="failed"]) button { background: #c0392b; }
`;

const STOPPED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress'];

/** One listener for every control and event (a control on each post the user comes to). */
const stop = (event: Event) => event.stopPropagation();

/** A control on each post the user comes to, so each costs the page's heap (issue #16):
 * its listeners are shared functions, or the control itself (`handleEvent`), with no
 * closure and no abort signal each: the agent's end removes the controls
 * (`clips-posts.ts`), and their listeners go with them. And no fade: a CSS transition
 * keeps its animation records on every button it ran on. */
export class ClipControl {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private labels: ClipControlLabels;
  private state: ClipControlState = 'idle';
  private readonly onClip: (control: ClipControl) => void;

  constructor(labels: ClipControlLabels, onClip: (control: ClipControl) => void) {
    this.labels = labels;
    this.onClip = onClip;
    this.element = document.createElement(CLIP_TAG);
    const root = this.element.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.button = document.createElement('button');
    this.button.type = 'button';
    root.append(style, this.button);
    for (const type of STOPPED) this.element.addEventListener(type, stop);
    this.button.addEventListener('click', this);
    this.render();
  }

  /** The button's click. */
  handleEvent(event: Event) {
    // A page script cannot reach into the closed root; check anyway that a person clicked.
    if (!event.isTrusted || this.state === 'saving') return;
    event.preventDefault();
    this.onClip(this);
  }

  setVisible(visible: boolean) {
    this.element.toggleAttribute('data-visible', visible);
  }

  setLabels(labels: ClipControlLabels) {
    this.labels = labels;
    this.render();
  }

  setState(state: ClipControlState) {
    this.state = state;
    this.render();
  }

  private render() {
    const text = { idle: this.labels.clip, saving: this.labels.saving, saved: this.labels.saved, failed: this.labels.failed }[this.state];
    this.element.setAttribute('data-state', this.state);
    this.button.textContent = text;
    this.button.setAttribute('aria-label', text);
    this.button.setAttribute('aria-busy', String(this.state === 'saving'));
  }
}
