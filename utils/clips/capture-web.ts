import { cleanUrl } from '../sites/post-read';
import { uniqueHashtags } from '../sites/post-read';
import type { ClipInput } from './capture-input';

/** The context menu's entries for any web page (issue #6). */
export const WEB_CLIP_MENUS = ['clip-selection', 'clip-image', 'clip-link', 'clip-page'] as const;
export type WebClipMenu = (typeof WEB_CLIP_MENUS)[number];

/** What a context-menu click tells us (the parts of `OnClickData` and `Tab` we use). */
export interface WebClipClick {
  menuItemId: string | number;
  pageUrl?: string;
  selectionText?: string;
  srcUrl?: string;
  linkUrl?: string;
  linkText?: string;
  /** The tab's title (given with activeTab, i.e. after the menu click). */
  title?: string;
}

const TEXT_FRAGMENT_WORDS = 8;

/** A link to the selection itself: `page#:~:text=start,end` (a text fragment). */
export function selectionLink(pageUrl: string, selection: string): string | null {
  const page = cleanUrl(pageUrl, pageUrl);
  if (!page) return null;
  const words = selection.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return page;
  const encode = (part: string) => encodeURIComponent(part).replace(/-/g, '%2D');
  const fragment =
    words.length <= TEXT_FRAGMENT_WORDS * 2
      ? encode(words.join(' '))
      : `${encode(words.slice(0, TEXT_FRAGMENT_WORDS).join(' '))},${encode(words.slice(-TEXT_FRAGMENT_WORDS).join(' '))}`;
  return `${page}#:~:text=${fragment}`;
}

/** The capture for a context-menu click on any site: the page's title stands where a
 * post's author would, the site's host where the handle would. */
export function webClipInput(click: WebClipClick): ClipInput | null {
  const pageUrl = click.pageUrl ? cleanUrl(click.pageUrl, click.pageUrl) : null;
  const host = pageUrl ? new URL(pageUrl).hostname : null;
  const title = click.title?.trim() || null;
  const selection = click.selectionText?.trim() ?? '';
  const base = {
    network: 'web' as const,
    authorName: title,
    authorHandle: host,
    postedAt: null,
    counts: { reactions: null, comments: null, shares: null },
  };
  const withText = (text: string) => ({ text, hashtags: uniqueHashtags(text) });
  switch (click.menuItemId) {
    case 'clip-selection':
      if (!pageUrl || !selection) return null;
      return { ...base, permalink: selectionLink(pageUrl, selection), ...withText(selection), images: [] };
    case 'clip-image': {
      const src = click.srcUrl ? cleanUrl(click.srcUrl, pageUrl ?? click.srcUrl) : null;
      if (!src) return null;
      return { ...base, permalink: src, ...withText(selection || title || ''), images: [{ url: src, alt: null, kind: 'image' }] };
    }
    case 'clip-link': {
      const link = click.linkUrl ? cleanUrl(click.linkUrl, pageUrl ?? click.linkUrl) : null;
      if (!link) return null;
      return { ...base, permalink: link, ...withText(selection || click.linkText?.trim() || link), images: [] };
    }
    case 'clip-page':
      if (!pageUrl) return null;
      return { ...base, permalink: pageUrl, ...withText(selection || title || pageUrl), images: [] };
    default:
      return null;
  }
}
