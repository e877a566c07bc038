import type { PostReader, PostSnapshot } from '../../sites/types';
import { CLIP_TAG, ClipControl, type ClipControlLabels } from '../clip-control';
import type { PageFeatureContext } from '../feature';

/** How long "Saved" / "Not saved" stays on a control. */
const RESULT_MS = 2500;

export interface ClipControls {
  /** Shows the control of the post holding `target` (the element the pointer or focus
   * entered before the controls were loaded). */
  reveal(target: Element): void;
  /** Reads the post under the pointer (keyboard command) or the one most in view. */
  readForClip(where: 'pointer' | 'view'): Promise<PostSnapshot | null>;
}

/** The clip controls (part `posts`, loaded by `clips.ts`). A post gets its control when
 * the pointer or the focus comes into the posts and finds it without one: then every post
 * on the page is given one (so that Tab reaches the next posts' controls too). Nothing
 * watches the page in between: no observer, no timer. */
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

  function decorate() {
    if (!ctx.enabled()) return removeAll();
    let posts: HTMLElement[];
    try {
      posts = reader.findPosts(document);
    } catch (error) {
      console.warn('[Spalla] finding posts failed', error);
      return;
    }
    for (const [post, control] of controls) {
      if (!post.isConnected) {
        control.element.remove();
        controls.delete(post);
      }
    }
    for (const post of posts) {
      const existing = controls.get(post);
      if (existing) {
        if (existing.element.parentNode !== post) post.prepend(existing.element);
        continue;
      }
      // Another live agent of ours (a re-injection racing the manifest's) got here first.
      if ([...post.children].some((child) => child.localName === CLIP_TAG)) continue;
      const control = new ClipControl(labels, () => void clip(post, control), life.signal);
      controls.set(post, control);
      post.prepend(control.element);
      life.listen(post, 'mouseenter', () => control.setVisible(true));
      life.listen(post, 'mouseleave', () => control.setVisible(false));
      life.listen(post, 'focusin', () => control.setVisible(true));
      life.listen(post, 'focusout', () => control.setVisible(false));
    }
  }

  function removeAll() {
    for (const control of controls.values()) control.element.remove();
    controls.clear();
  }
  life.onEnd(removeAll);

  /** The decorated post holding `el`, if any. */
  function postHolding(el: Element): HTMLElement | null {
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (controls.has(node as HTMLElement)) return node as HTMLElement;
    }
    return null;
  }

  /** The pointer or focus entered `target`: decorate if it is in a post without a
   * control (new posts come as the feed scrolls), and show that post's control. */
  function reveal(target: Element) {
    if (!ctx.enabled()) return removeAll();
    if (outside.has(target) || !target.closest(area)) return;
    let post = postHolding(target);
    if (!post || controls.get(post)!.element.parentNode !== post) {
      decorate();
      post = postHolding(target);
    }
    if (!post) {
      outside.add(target);
      return;
    }
    if (target.matches(':hover') || post.contains(document.activeElement)) controls.get(post)?.setVisible(true);
  }
  const onEnter = (event: Event) => event.target instanceof Element && reveal(event.target);
  life.listen(document, 'pointerover', onEnter, { passive: true, capture: true });
  life.listen(document, 'focusin', onEnter, { capture: true });

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
