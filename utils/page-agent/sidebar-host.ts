import type { SidebarSide } from '../settings/items';
import { clampSidebarWidth } from '../settings/plain';

export const HOST_TAG = 'spalla-sidebar';
/** Width of the edge tab, CSS pixels. */
export const TAB_WIDTH = 22;

export interface SidebarHostLabels {
  open: string;
  close: string;
  resize: string;
  frameTitle: string;
}

export interface SidebarHostOptions {
  side: SidebarSide;
  width: number;
  sidebarUrl: string;
  labels: SidebarHostLabels;
  onToggle(open: boolean): void;
  onResize(width: number): void;
}

// Styles live in the closed shadow root: the page's CSS cannot reach in, ours cannot
// leak out. Pixel units, not rem: the page's root font size must not matter.
const STYLE = `
:host { all: initial; position: fixed; top: 0; height: 100vh; z-index: 2147483646;
  pointer-events: none; display: block; contain: layout style; }
:host([data-side="right"]) { right: 0; }
:host([data-side="left"]) { left: 0; }
:host([hidden]) { display: none; }
.panel { position: absolute; top: 0; height: 100%; pointer-events: auto; display: none;
  background: #fff; box-shadow: 0 0 16px rgba(0,0,0,.22); }
:host([data-theme="dark"]) .panel { background: #18191a; }
:host([data-state="open"]) .panel { display: block; }
:host([data-side="right"]) .panel { right: 0; border-left: 1px solid rgba(0,0,0,.12); }
:host([data-side="left"]) .panel { left: 0; border-right: 1px solid rgba(0,0,0,.12); }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: normal; }
.resize { position: absolute; top: 0; width: 6px; height: 100%; cursor: ew-resize; z-index: 1;
  background: transparent; outline: none; }
.resize:focus-visible, .resize:hover { background: rgba(24,119,242,.35); }
:host([data-side="right"]) .resize { left: -3px; }
:host([data-side="left"]) .resize { right: -3px; }
.tab { position: absolute; top: 50%; transform: translateY(-50%); width: ${TAB_WIDTH}px; height: 72px;
  pointer-events: auto; border: 0; padding: 0; margin: 0; cursor: pointer;
  background: #1877f2; color: #fff; font: 700 13px/1 system-ui, sans-serif;
  display: flex; align-items: center; justify-content: center; box-shadow: 0 0 6px rgba(0,0,0,.25); }
.tab:focus-visible { outline: 3px solid #f7b928; outline-offset: 1px; }
:host([data-side="right"]) .tab { left: 0; border-radius: 8px 0 0 8px; }
:host([data-side="left"]) .tab { right: 0; border-radius: 0 8px 8px 0; }
/* A chevron "<" drawn with two borders of a small square turned 45 degrees. */
.chevron { width: 6px; height: 6px; border: solid currentColor; border-width: 0 0 2.4px 2.4px;
  border-radius: 1px; transform: translateX(1.5px) rotate(45deg); }
/* The chevron points the way the panel will move: into the page to open, out to close. */
:host([data-side="right"][data-state="open"]) .chevron,
:host([data-side="left"][data-state="closed"]) .chevron { transform: scaleX(-1) translateX(1.5px) rotate(45deg); }
.dragging iframe { pointer-events: none; }
`;

/** The tab's chevron, drawn by CSS (`.chevron`). Not SVG: an SVG element made from the
 * content script gives its isolated world the whole SVG interface chain (SVGSVGElement,
 * SVGGraphicsElement, SVGElement and their properties), about 30 KB of the page's heap on
 * every page load (issue #16, measured with Chromium's Performance.getMetrics). */
function chevron(): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'chevron';
  span.setAttribute('aria-hidden', 'true');
  return span;
}

/** The `<spalla-sidebar>` element: an edge tab that is always there, and a panel that
 * holds the sidebar page in an iframe, created on first open so that the sidebar's
 * own bundle loads only then. The shadow root is closed: page scripts cannot reach
 * the iframe or the tab through it. */
export class SidebarHost {
  readonly element: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly panel: HTMLDivElement;
  private readonly tab: HTMLButtonElement;
  private readonly handle: HTMLDivElement;
  private frame: HTMLIFrameElement | null = null;
  private open = false;
  private width: number;
  private side: SidebarSide;
  private labels: SidebarHostLabels;

  constructor(private readonly options: SidebarHostOptions) {
    this.width = clampSidebarWidth(options.width);
    this.side = options.side;
    this.labels = options.labels;
    this.element = document.createElement(HOST_TAG);
    this.root = this.element.attachShadow({ mode: 'closed' });

    const style = document.createElement('style');
    style.textContent = STYLE;
    this.panel = document.createElement('div');
    this.panel.className = 'panel';
    this.handle = document.createElement('div');
    this.handle.className = 'resize';
    this.handle.tabIndex = 0;
    this.handle.setAttribute('role', 'separator');
    this.handle.setAttribute('aria-orientation', 'vertical');
    this.panel.append(this.handle);

    this.tab = document.createElement('button');
    this.tab.type = 'button';
    this.tab.className = 'tab';
    this.tab.setAttribute('data-testid', 'sidebar-edge-tab');
    this.tab.append(chevron());
    this.tab.addEventListener('click', () => this.options.onToggle(!this.open));
    this.root.append(style, this.panel, this.tab);

    this.wireResize();
    this.render();
  }

  get currentWidth(): number {
    return this.width;
  }

  get isOpen(): boolean {
    return this.open;
  }

  setOpen(open: boolean): void {
    this.open = open;
    if (open && !this.frame) this.createFrame();
    this.render();
  }

  setSide(side: SidebarSide): void {
    this.side = side;
    this.render();
  }

  setWidth(width: number): void {
    this.width = clampSidebarWidth(width);
    this.render();
  }

  setLabels(labels: SidebarHostLabels): void {
    this.labels = labels;
    this.render();
  }

  setTheme(theme: 'dark' | 'light' | null): void {
    if (theme) this.element.setAttribute('data-theme', theme);
    else this.element.removeAttribute('data-theme');
  }

  /** The panel's box in the viewport, or null when closed. */
  panelRect(): DOMRect | null {
    return this.open ? this.panel.getBoundingClientRect() : null;
  }

  /** Moves keyboard focus into the sidebar page (after the keyboard command). */
  focusFrame(): void {
    this.frame?.focus();
  }

  destroy(): void {
    this.element.remove();
  }

  private createFrame(): void {
    const frame = document.createElement('iframe');
    frame.src = this.options.sidebarUrl;
    frame.setAttribute('allow', 'clipboard-write');
    this.frame = frame;
    this.panel.append(frame);
    this.render();
  }

  private render(): void {
    const el = this.element;
    el.setAttribute('data-state', this.open ? 'open' : 'closed');
    el.setAttribute('data-side', this.side);
    // The host's box is exactly the tab plus the open panel (tests and people alike
    // find the tab at its inner edge); pointer events pass through everywhere else.
    el.style.setProperty('width', `${TAB_WIDTH + (this.open ? this.width : 0)}px`, 'important');
    this.panel.style.width = `${this.width}px`;
    this.tab.setAttribute('aria-expanded', String(this.open));
    this.tab.setAttribute('aria-label', this.open ? this.labels.close : this.labels.open);
    this.tab.title = this.open ? this.labels.close : this.labels.open;
    this.handle.setAttribute('aria-label', this.labels.resize);
    this.handle.setAttribute('aria-valuenow', String(this.width));
    this.frame?.setAttribute('title', this.labels.frameTitle);
  }

  private wireResize(): void {
    const widthAt = (clientX: number) =>
      clampSidebarWidth(this.side === 'right' ? window.innerWidth - clientX : clientX);
    this.handle.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      this.handle.setPointerCapture(event.pointerId);
      this.panel.classList.add('dragging');
    });
    this.handle.addEventListener('pointermove', (event) => {
      if (!this.handle.hasPointerCapture(event.pointerId)) return;
      this.setWidth(widthAt(event.clientX));
    });
    const finish = (event: PointerEvent) => {
      if (!this.handle.hasPointerCapture(event.pointerId)) return;
      this.handle.releasePointerCapture(event.pointerId);
      this.panel.classList.remove('dragging');
      this.options.onResize(this.width);
    };
    this.handle.addEventListener('pointerup', finish);
    this.handle.addEventListener('pointercancel', finish);
    this.handle.addEventListener('keydown', (event) => {
      const step = event.shiftKey ? 64 : 16;
      const grow = this.side === 'right' ? 'ArrowLeft' : 'ArrowRight';
      const shrink = this.side === 'right' ? 'ArrowRight' : 'ArrowLeft';
      if (event.key !== grow && event.key !== shrink) return;
      event.preventDefault();
      this.setWidth(this.width + (event.key === grow ? step : -step));
      this.options.onResize(this.width);
    });
  }
}
