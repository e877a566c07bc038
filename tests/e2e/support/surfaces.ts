import type { ComposerKind, Surface } from '../../../utils/sites/types';

/** Every surface of the fixture sites, what the sidebar must detect there, and the
 * text box a person would click on it. Selectors use the real sites' markers. */
export interface SurfaceCase {
  name: string;
  host: string;
  path: string;
  site: 'facebook' | 'instagram' | 'business';
  surface: Surface;
  /** The text box a person would click, or null where the surface has none. */
  composer: string | null;
  kind: ComposerKind | null;
}

export const SURFACES: SurfaceCase[] = [
  {
    name: 'Facebook feed',
    host: 'www.facebook.com',
    path: '/',
    site: 'facebook',
    surface: 'feed',
    composer: '[role="feed"] [data-lexical-editor="true"][role="textbox"]',
    kind: 'lexical',
  },
  {
    name: 'Facebook post',
    host: 'www.facebook.com',
    path: '/spallademo/posts/pfbid123',
    site: 'facebook',
    surface: 'post',
    composer: '[role="main"] [data-lexical-editor="true"][role="textbox"]',
    kind: 'lexical',
  },
  {
    name: 'Facebook Page profile',
    host: 'www.facebook.com',
    path: '/spallademo',
    site: 'facebook',
    surface: 'profile',
    composer: '[role="main"] [data-lexical-editor="true"][role="textbox"]',
    kind: 'lexical',
  },
  {
    name: 'Messenger',
    host: 'www.facebook.com',
    path: '/messages/t/100',
    site: 'facebook',
    surface: 'messages',
    composer: '[data-lexical-editor="true"][role="textbox"]',
    kind: 'lexical',
  },
  {
    name: 'Instagram feed',
    host: 'www.instagram.com',
    path: '/',
    site: 'instagram',
    surface: 'feed',
    composer: 'article form textarea',
    kind: 'textarea',
  },
  {
    name: 'Instagram post',
    host: 'www.instagram.com',
    path: '/p/CxY12aBcD3e/',
    site: 'instagram',
    surface: 'post',
    composer: 'form textarea',
    kind: 'textarea',
  },
  {
    name: 'Instagram profile',
    host: 'www.instagram.com',
    path: '/spallademo/',
    site: 'instagram',
    surface: 'profile',
    composer: null,
    kind: null,
  },
  {
    name: 'Instagram DM',
    host: 'www.instagram.com',
    path: '/direct/t/200/',
    site: 'instagram',
    surface: 'messages',
    composer: 'div[role="textbox"][contenteditable="true"]',
    kind: 'lexical',
  },
  {
    name: 'Business Suite inbox',
    host: 'business.facebook.com',
    path: '/latest/inbox/all',
    site: 'business',
    surface: 'inbox',
    composer: '[contenteditable="true"][role="textbox"]',
    kind: 'lexical',
  },
  {
    name: 'Business Suite composer (Draft.js)',
    host: 'business.facebook.com',
    path: '/latest/composer',
    site: 'business',
    surface: 'composer',
    composer: '.DraftEditor-root [contenteditable="true"]',
    kind: 'draft',
  },
];

export const LANGS = ['en', 'it'] as const;

export function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}
