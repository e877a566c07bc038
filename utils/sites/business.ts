import { checkSelectors } from './markers';
import type { SiteAdapter, Surface } from './types';

// Selectors for business.facebook.com (Meta Business Suite).
export const BUSINESS_SELECTORS = {
  /** Inbox: the reply box, a contenteditable textbox labelled with network and identity. */
  replyBox: '[contenteditable="true"][role="textbox"]',
  /** Planner / post composer: opens in a dialog. */
  dialog: '[role="dialog"]',
  anyEditable: '[contenteditable="true"]',
} as const;

export const business: SiteAdapter = {
  site: 'business',
  surface(location): Surface {
    const path = location.pathname;
    if (/^\/latest\/inbox\b/.test(path)) return 'inbox';
    if (/^\/latest\/(composer|posts|content_calendar|planner)\b/.test(path)) return 'composer';
    return 'other';
  },
  checkMarkers(surface, doc) {
    const s = BUSINESS_SELECTORS;
    switch (surface) {
      case 'inbox':
        return checkSelectors(doc, [['replyBox', s.replyBox, true]]);
      case 'composer':
        return checkSelectors(doc, [
          ['dialog', s.dialog, false],
          ['editor', s.anyEditable, true],
        ]);
      default:
        return [];
    }
  },
};
