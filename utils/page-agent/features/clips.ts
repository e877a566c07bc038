import { browser } from '#imports';
import { onMessage, sendMessage } from '../../messaging/protocol';
import type { PostReader, PostSnapshot } from '../../sites/types';
import { ClipControl, CLIP_TAG, type ClipControlLabels } from '../clip-control';
import type { PageFeature, PageFeatureContext } from '../feature';
import { HOST_TAG } from '../sidebar-host';

/** How long "Saved" / "Not saved" stays on a control. */
const RESULT_MS = 2500;

function browserLabels(): ClipControlLabels {
  const get = (key: 'clipsPageClip' | 'clipsPageSaving' | 'clipsPageSaved' | 'clipsPageFailed') =>
    browser.i18n.getMessage(key) || key;
  return { clip: get('clipsPageClip'), saving: get('clipsPageSaving'), saved: get('clipsPageSaved'), failed: get('clipsPageFailed') };
}

/** The page agent's part of the content-ideas library (issue #6): a clip control on
 * every post, and the reading behind "clip the post in view" and the keyboard command. */
export const clipsFeature: PageFeature = {
  id: 'clips',
  init(ctx) {
    const reader = ctx.adapter.posts;
    if (!reader) return; // Business Suite: no posts to clip
    startClipControls(ctx, reader);
  },
};

function startClipControls(ctx: PageFeatureContext, reader: PostReader) {
  const { life } = ctx;
  let labels = browserLabels();
  const controls = new Map<HTMLElement, ClipControl>();
  let pointer: { x: number; y: number } | null = null;

  async function clip(post: HTMLElement, control?: ClipControl) {
    control?.setState('saving');
    let ok = false;
    try {
      const snapshot = await readFully(post);
      const result = await sendMessage('clipPost', { snapshot });
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
  // Controls left by an agent the extension's update cut off: they answer no more.
  for (const stale of document.querySelectorAll(CLIP_TAG)) stale.remove();

  // Posts arrive as the feed scrolls and the app re-renders: look again after changes,
  // once per frame at most. Our own insertions are ignored.
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    life.requestAnimationFrame(() => {
      scheduled = false;
      decorate();
    });
  };
  life.observe(document.documentElement, { childList: true, subtree: true }, (records) => {
    const ours = (node: Node) => node instanceof Element && (node.localName === CLIP_TAG || node.localName === HOST_TAG);
    if (records.some((r) => [...r.addedNodes, ...r.removedNodes].some((n) => !ours(n)))) schedule();
  });
  schedule();
  life.onNavigate(schedule);

  life.listen(document, 'pointermove', (event) => {
    const e = event as PointerEvent;
    pointer = { x: e.clientX, y: e.clientY };
  }, { passive: true, capture: true });

  function postUnderPointer(): HTMLElement | null {
    if (!pointer) return null;
    const hit = document.elementFromPoint(pointer.x, pointer.y);
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
      const area = w > 0 && h > 0 ? w * h : 0;
      if (area > bestArea) {
        best = post;
        bestArea = area;
      }
    }
    return best;
  }

  const remove = onMessage('readPostForClip', async ({ sender, data }) => {
    if (!ctx.fromUs(sender) || !ctx.enabled()) throw new Error('refused');
    const post = data?.where === 'pointer' ? postUnderPointer() : postInView();
    if (!post) return null;
    const control = controls.get(post);
    control?.setState('saving');
    try {
      return await readFully(post);
    } finally {
      control?.setState('idle');
    }
  });
  life.onEnd(remove);

  void sendMessage('getClipStrings')
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
}
