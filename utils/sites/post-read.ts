// Plain helpers the post readers of every site share: reading an element's text the way
// a person sees it, choosing the best image candidate, cleaning links, and reading the
// counts the sites print in English and Italian. DOM only; no site selectors here.

import { extractHashtags } from '../hashtags/extract';

/** Our own elements inside a page (clip controls, the sidebar host): never post content. */
export const OUR_ELEMENTS = 'spalla-clip, spalla-sidebar';

/** `el` belongs to `post` itself, not to a post or comment nested inside it. */
export function isOwn(el: Element, post: Element, nested: string): boolean {
  const owner = el.parentElement?.closest(nested) ?? null;
  return (owner === post || owner === null || !post.contains(owner)) && !el.closest(OUR_ELEMENTS);
}

/** The elements matching `selector` that belong to `post` (not to nested ones). */
export function ownAll(post: Element, selector: string, nested: string): Element[] {
  return [...post.querySelectorAll(selector)].filter((el) => isOwn(el, post, nested));
}

export function ownFirst(post: Element, selector: string, nested: string): Element | null {
  return ownAll(post, selector, nested)[0] ?? null;
}

/** Text as shown: text nodes, emoji images by their alt, `<br>` as a line break; our own
 * controls and the elements `skip` matches (e.g. a "See more" button) are left out. */
export function visibleText(el: Element, skip?: (el: Element) => boolean): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.matches(OUR_ELEMENTS) || skip?.(element)) return;
    const tag = element.localName;
    if (tag === 'br') out += '\n';
    else if (tag === 'img') out += element.getAttribute('alt') ?? '';
    else if (tag !== 'script' && tag !== 'style') element.childNodes.forEach(walk);
  };
  el.childNodes.forEach(walk);
  return out;
}

/** Collapses runs of spaces on each line and trims the whole; keeps line breaks. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Hashtags in order of first appearance, without "#", each once (case-insensitive). */
export function uniqueHashtags(text: string, alsoLinked: string[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...extractHashtags(text, { allowEmoji: true }), ...alsoLinked]) {
    const key = tag.toLocaleLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** The candidate with the largest width (or density) in a `srcset`, else `src`. */
export function bestImageUrl(img: HTMLImageElement, base: string): string | null {
  const srcset = img.getAttribute('srcset');
  let best: { url: string; size: number } | null = null;
  if (srcset) {
    // Candidates are "url [descriptor]" separated by commas; URLs may contain commas
    // only when followed by a non-space, which the sites' CDNs do not use here.
    for (const part of srcset.split(/,\s+/)) {
      const [url, descriptor = '1x'] = part.trim().split(/\s+/);
      const size = parseFloat(descriptor) || 1;
      if (url && (!best || size > best.size)) best = { url, size };
    }
  }
  const raw = best?.url ?? img.getAttribute('src');
  return raw ? absolute(raw, base) : null;
}

export function absolute(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Query parameters the networks add to follow clicks; none of them names the post. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'mibextid', 'rdid', 'ref', 'refsrc', 'refid', 'hc_ref', 'fref', 'eid', 'paipv', 'notif_id',
  'notif_t', 'igshid', 'igsh', 'img_index', 'sfnsn', 'extid', 's', 'h', 'source', 'locale',
]);

/** An address without tracking parameters (`__cft__[0]`, `__tn__`, `utm_*`, ...) or
 * fragment; outbound links through the networks' redirectors are unwrapped first. */
export function cleanUrl(url: string, base: string): string | null {
  const abs = absolute(url, base);
  if (!abs) return null;
  const parsed = new URL(unwrapRedirect(abs));
  // forEach, not the iterator: in a Firefox content script the iterator of a page
  // object is not iterable ("searchParams.keys() is not iterable").
  const keys: string[] = [];
  parsed.searchParams.forEach((_, key) => keys.push(key));
  for (const key of keys) {
    if (key.startsWith('__') || key.startsWith('utm_') || TRACKING_PARAMS.has(key)) parsed.searchParams.delete(key);
  }
  parsed.hash = '';
  return parsed.href;
}

/** `https://l.facebook.com/l.php?u=<target>&h=...` (and Instagram's `l.instagram.com/?u=`)
 * lead to `<target>`. */
export function unwrapRedirect(url: string): string {
  try {
    const parsed = new URL(url);
    if (/^(l|lm)\.(facebook|instagram)\.com$/.test(parsed.hostname)) {
      const target = parsed.searchParams.get('u');
      if (target && /^https?:\/\//i.test(target)) return target;
    }
  } catch {
    /* not a URL */
  }
  return url;
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(k|mila|mille)$/i, 1_000],
  [/^(m|mln|mio|million|milioni|milione)$/i, 1_000_000],
  [/^(b|mld|billion|miliardi)$/i, 1_000_000_000],
];

/** The first count in `text`, as the sites print it in English or Italian:
 * "128", "1,234" / "1.234" (thousands), "1.2K" / "1,2K", "12,3 mila", "3 Mln". */
export function parseCount(text: string): number | null {
  const match = /(\d[\d.,\u00a0\u202f ]*\d|\d)\s*(k|mila|mille|mln|mio|million|milioni|milione|mld|billion|miliardi|m|b)?(?![\p{L}])/iu.exec(
    text,
  );
  if (!match) return null;
  const [, digits, suffix] = match;
  if (suffix) {
    const multiplier = MULTIPLIERS.find(([re]) => re.test(suffix))?.[1] ?? 1;
    const value = parseFloat(digits.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
    return Number.isFinite(value) ? Math.round(value * multiplier) : null;
  }
  const whole = Number(digits.replace(/[.,\s\u00a0\u202f]/g, ''));
  return Number.isFinite(whole) ? whole : null;
}

/** Clicks a "See more" style button and waits (2 s at most) until the page has
 * replaced it with the full text: the button leaves the document. */
export function clickAndWaitGone(button: HTMLElement, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const root = button.ownerDocument.documentElement;
    const finish = (gone: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(gone);
    };
    const observer = new MutationObserver(() => !button.isConnected && finish(true));
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => finish(!button.isConnected), timeoutMs);
    button.click();
    if (!button.isConnected) finish(true);
  });
}

type PostImage = { url: string; alt: string | null; kind: 'image' | 'video-poster' };

/** Adds a post's `<img>` (best candidate) or `<video>` (its poster) to `out`, once per
 * address. */
export function addMedia(out: PostImage[], seen: Set<string>, el: Element, base: string): void {
  // By tag name: an `instanceof` depends on the realm the element was made in.
  const video = el.localName === 'video';
  const poster = video ? el.getAttribute('poster') : null;
  const url = video ? (poster ? absolute(poster, base) : null) : bestImageUrl(el as HTMLImageElement, base);
  if (!url || seen.has(url)) return;
  seen.add(url);
  out.push({ url, alt: el.getAttribute(video ? 'aria-label' : 'alt') || null, kind: video ? 'video-poster' : 'image' });
}
