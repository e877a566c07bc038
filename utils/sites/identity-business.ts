import type { PageIdentity } from '../messaging/page-state';
import { identityText, numericId } from './identity-text';

// Meta Business Suite (business.facebook.com).
export const BUSINESS_IDENTITY_SELECTORS = {
  /** Inbox: the reply box, labelled with the network and the account that answers
   * ("Reply on Instagram as NAME…" / "Rispondi su Instagram come NAME…"): the box
   * reply-context.ts reads for `{{my_name}}`, with its evidence. */
  replyBox: '[contenteditable="true"][role="textbox"][aria-label], [contenteditable="true"][role="textbox"][aria-placeholder]',
} as const;

const REPLY_AS = /^(?:Reply on|Rispondi su)\s+(Facebook|Instagram)\s+(?:as|come)\s+(.+?)\s*(?:…|\.\.\.)?$/iu;

/** business.facebook.com. Business Suite keeps the selected business asset in its address
 * on every `/latest/...` page: `asset_id` is the Page's numeric id (each Page's inbox is
 * `/latest/inbox/all?asset_id=<page id>`). Evidence: humanwood/skills,
 * skills/picseeinc/meta-fb-inbox/SKILL.md (an inbox automation configures one Page per
 * `https://business.facebook.com/latest/inbox/all/?&asset_id=<id>`), and Business Suite
 * automations in public code that build `/latest/inbox/<platform>?business_id=B&page_id=P
 * &asset_id=P&mailbox_id=P` (the asset id, the Page id and the mailbox id are the same
 * number; `business_id` names the business portfolio, which holds many Pages, so it never
 * chooses a brand by itself). Precedence (docs/brands.md): the asset beats everything on
 * Business Suite; without one, the inbox's reply box names the account answering. */
export function readBusinessIdentity(location: Location | URL, doc: Document): PageIdentity | null {
  const query = new URLSearchParams(location.search);
  const asset = numericId(query.get('asset_id')) ?? numericId(query.get('page_id'));
  const inbox = /^\/latest\/inbox(\/|$)/.test(location.pathname);
  const reply = replyAccount(doc);
  if (asset) {
    // The reply box names the Page itself only when it answers on Facebook.
    const name = reply?.network === 'facebook' ? reply.name : null;
    return { network: 'facebook', via: inbox ? 'inbox' : 'asset', handle: null, externalId: asset, name };
  }
  if (inbox && reply) return { network: reply.network, via: 'inbox', handle: null, externalId: null, name: reply.name };
  return null;
}

function replyAccount(doc: Document): { network: 'facebook' | 'instagram'; name: string } | null {
  for (const box of doc.querySelectorAll(BUSINESS_IDENTITY_SELECTORS.replyBox)) {
    const found = REPLY_AS.exec((box.getAttribute('aria-label') ?? box.getAttribute('aria-placeholder') ?? '').trim());
    const name = found ? identityText(found[2]) : null;
    if (found && name) return { network: found[1].toLowerCase() as 'facebook' | 'instagram', name };
  }
  return null;
}
