import type { PostReader, PostSnapshot } from '../../sites/types';
import { CLIP_TAG, ClipControl, type ClipControlLabels } from '../clip-control';
import type { PageFeatureContext } from '../feature';

/** How long "Saved" / "Not saved" stays on a control. */
const RESULT_MS = 2500;
/** The page is looked at again for new posts at most this often (ms). */
const RESCAN_MS = 1000;

export interface ClipControls {
  /** Shows the control of the post holding `target` (the element the pointer or focus
   * entered before the controls were loaded). */
  reveal(target: Element): void;
  /** Reads the post under the pointer (keyboard command) or the one most in view. */
  readForClip(where: 'pointer' | 'view'): Promise<PostSnapshot | null>;
}

/** The clip controls (part `posts`, loaded by `clips.ts`). A post gets its control when
 * the pointer or the focus first comes into it (a keyboard user reaches it with Shift+Tab
 * from the post's first link). Nothing watches the page in between: no observer, no timer,
 * and no control is made for a post nobody comes to. */
export function startClipControls(ctx: PageFeatureContext, reader: PostReader, pointer: () => { x: number; y: number } | null): ClipControls {
  const { life } = ctx;
  const area = ctx.adapter.postArea!;
  const message = (key: string) => ctx.browserMessage(key) || key;
  let labels: ClipControlLabels = {
    clip: message('clipsPageClip'),
    saving: message('clipsPageSaving'),
    saved: message('clipsPageSaved'),
    failed: message('clipsPageFailed'),
  };
  const controls = new Map<HTMLElement, ClipControl>();
  /** Elements the pointer or focus entered that no post holds (a page's header, the
   * composer above the feed): not looked up again. */
  const outside = new WeakSet<Element>();

  async function clip(post: HTMLElement, control?: ClipControl) {
    control?.setState('saving');
    let ok = false;
    try {
      const snapshot = await readFully(post);
      const result = await ctx.send('clipPost', { snapshot });
      ok = result.ok;
    } catch (error) {
      console.warn('[Spalla] clipping failed', error);
      ok = false;
    }
    if (!life.isValid) return;
    control?.setState(ok ? 'saved' : 'failed');
    life.setTimeout(() => control?.setState('idle'), RESULT_MS);
  }

  async function readFully(post: HTMLElement): Promise<PostSnapshot> {
    await reader.expandPost(post).catch(() => false);
    return reader.readPost(post);
  }

  /** A control's button was clicked (one function for every control, issue #16). */
  function onControlClip(control: ClipControl) {
    if (!life.isValid) return;
    for (const [post, each] of controls) if (each === control) return void clip(post, control);
  }

  /** Puts a control on `post` (first child, where the page's re-renders may drop it). */
  function addControl(post: HTMLElement) {
    // Another live agent of ours (a re-injection racing the manifest's) got here first.
    if ([...post.children].some((child) => child.localName === CLIP_TAG)) return;
    const control = new ClipControl(labels, onControlClip);
    controls.set(post, control);
    post.prepend(control.element);
    // Shown and hidden by the document's listeners below (`reveal`, `onLeave`): none per post,
    // each of which cost the page's heap a wrapper, a closure and a listener (issue #16).
  }

  function removeAll() {
    for (const control of controls.values()) control.element.remove();
    controls.clear();
  }
  life.onEnd(removeAll);

  /** The post holding `el` that has a control, if any. */
  function postHolding(el: Element): HTMLElement | null {
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (controls.has(node as HTMLElement)) return node as HTMLElement;
    }
    return null;
  }

  /** The posts the reader found last time, and when: a new look at the whole page only
   * when the pointer comes into something none of them holds, at most once a second
   * (an endless feed adds posts as it scrolls; nothing watches it). */
  let known = new Set<Element>();
  let lookedAt = -Infinity;
  const holder = (el: Element) => {
    for (let node: Element | null = el; node; node = node.parentElement) if (known.has(node)) return node as HTMLElement;
    return null;
  };

  /** The post holding `el`, as the site's reader finds posts (outermost only); null (and
   * `fresh` false) when the page was looked at too recently to look again. */
  function findPostOf(el: Element): { post: HTMLElement | null; fresh: boolean } {
    const seen = holder(el);
    if (seen?.isConnected) return { post: seen, fresh: true };
    if (performance.now() - lookedAt < RESCAN_MS) return { post: null, fresh: false };
    lookedAt = performance.now();
    try {
      known = new Set(reader.findPosts(document));
    } catch (error) {
      console.warn('[Spalla] finding posts failed', error);
      known = new Set();
    }
    return { post: holder(el), fresh: true };
  }

  /** The pointer or focus entered `target`: the post holding it gets its control (once),
   * shown. Only the posts a person comes to get one: nothing is added ahead of them. */
  function reveal(target: Element) {
    if (!ctx.enabled()) return removeAll();
    if (outside.has(target) || !target.closest(area)) return;
    let post = postHolding(target);
    if (!post) {
      const found = findPostOf(target);
      post = found.post;
      if (!post) {
        if (found.fresh) outside.add(target);
        return;
      }
      // Posts the app took away (a long feed unloads what is far behind).
      for (const [old, control] of controls) {
        if (!old.isConnected) {
          control.element.remove();
          controls.delete(old);
        }
      }
      addControl(post);
    }
    const control = controls.get(post);
    if (!control) return;
    if (control.element.parentNode !== post) post.prepend(control.element);
    if (target.matches(':hover') || post.contains(document.activeElement)) control.setVisible(true);
  }
  const onEnter = (event: Event) => event.target instanceof Element && reveal(event.target);
  life.listen(document, 'pointerover', onEnter, { passive: true, capture: true });
  life.listen(document, 'focusin', onEnter, { capture: true });
  /** The pointer left a post with a control (for somewhere outside it), or focus left
   * something in it: its control hides (focus coming back in shows it again, `reveal`). */
  const onLeave = (event: Event) => {
    const post = event.target instanceof Element ? postHolding(event.target) : null;
    if (!post) return;
    const to = (event as PointerEvent | FocusEvent).relatedTarget;
    if (event.type === 'pointerout' && to instanceof Node && post.contains(to)) return;
    controls.get(post)?.setVisible(false);
  };
  life.listen(document, 'pointerout', onLeave, { passive: true, capture: true });
  life.listen(document, 'focusout', onLeave, { capture: true });

  function postUnderPointer(): HTMLElement | null {
    const at = pointer();
    if (!at) return null;
    const hit = document.elementFromPoint(at.x, at.y);
    if (!hit) return null;
    return reader.findPosts(document).find((post) => post.contains(hit)) ?? null;
  }

  /** The post that takes up most of the viewport. */
  function postInView(): HTMLElement | null {
    let best: HTMLElement | null = null;
    let bestArea = 0;
    for (const post of reader.findPosts(document)) {
      const r = post.getBoundingClientRect();
      const w = Math.min(r.right, innerWidth) - Math.max(r.left, 0);
      const h = Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
      const seen = w > 0 && h > 0 ? w * h : 0;
      if (seen > bestArea) {
        best = post;
        bestArea = seen;
      }
    }
    return best;
  }

  async function readForClip(where: 'pointer' | 'view'): Promise<PostSnapshot | null> {
    const post = where === 'pointer' ? postUnderPointer() : postInView();
    if (!post) return null;
    const control = controls.get(post);
    control?.setState('saving');
    try {
      return await readFully(post);
    } finally {
      control?.setState('idle');
    }
  }

  void ctx
    .send('getClipStrings')
    .then((strings) => {
      if (!life.isValid) return;
      labels = {
        clip: strings.clipsPageClip ?? labels.clip,
        saving: strings.clipsPageSaving ?? labels.saving,
        saved: strings.clipsPageSaved ?? labels.saved,
        failed: strings.clipsPageFailed ?? labels.failed,
      };
      for (const control of controls.values()) control.setLabels(labels);
    })
    .catch(() => {});

  return { reveal, readForClip };
}
