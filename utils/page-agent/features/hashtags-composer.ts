import type { Network } from '../../db/record';
import { planHashtagInsert } from '../../hashtags/insert-plan';
import { rulesFor } from '../../hashtags/limits';
import { insertIntoComposer } from '../../insert';
import { savedSelection } from '../../insert/selection-memory';
import type { ComposerText, InsertHashtagsResult } from '../../messaging/features/hashtag-sets';
import type { HashtagPlacement, SiteKey } from '../../settings/items';
import { LINKEDIN_SELECTORS } from '../../sites/linkedin';

/** The composer's text, plain: a text control's value, an editor's rendered text. */
export function composerPlainText(el: HTMLElement): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  return el.innerText.replace(/\u00a0/g, ' ').replace(/\n$/u, '');
}

/** The network a composer writes to. Business Suite serves both: its reply box names
 * the network in its label ("Reply on Instagram as …"), a hint we take when present. */
export function composerNetwork(site: SiteKey, el: HTMLElement | null): Network {
  if (site !== 'business') return site;
  const label = `${el?.getAttribute('aria-label') ?? ''} ${el?.getAttribute('aria-placeholder') ?? ''}`;
  return /instagram/iu.test(label) ? 'instagram' : 'facebook';
}

export function readComposer(site: SiteKey, el: HTMLElement | null, focused: boolean): ComposerText | null {
  if (!el) return null;
  const text = composerPlainText(el).slice(0, 20_000);
  // LinkedIn's comment and reply boxes take 1,250 characters, its posts 3,000.
  if (site === 'linkedin' && el.matches(LINKEDIN_SELECTORS.commentBox)) return { text, network: 'linkedin', focused, box: 'comment' };
  return { text, network: composerNetwork(site, el), focused };
}

/** The text on each side of where hashtags will go, and the range to insert at. */
function insertionPoint(el: HTMLElement, placement: 'end' | 'caret') {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    const value = el.value;
    const saved = savedSelection(el);
    if (placement === 'caret' && saved?.kind === 'offsets') {
      // After a selection, never over it: adding hashtags must not replace the user's words.
      const end = Math.min(Math.max(saved.end, saved.start), value.length);
      return { before: value.slice(0, end), after: value.slice(end), range: { start: end, end } };
    }
    return { before: value, after: '', range: { start: value.length, end: value.length } };
  }
  const saved = savedSelection(el);
  if (placement === 'caret' && saved?.kind === 'range' && el.contains(saved.range.endContainer)) {
    const caret = saved.range.cloneRange();
    caret.collapse(false); // after a selection, never over it
    const head = document.createRange();
    head.setStart(el, 0);
    head.setEnd(caret.endContainer, caret.endOffset);
    const tail = document.createRange();
    tail.setStart(caret.endContainer, caret.endOffset);
    tail.setEnd(el, el.childNodes.length);
    return { before: head.toString(), after: tail.toString(), range: caret };
  }
  return { before: composerPlainText(el), after: '', range: endOfEditor(el) };
}

/** A caret after the editor's last character (inside its last text node, where an
 * editor such as Lexical expects the selection to be). */
function endOfEditor(el: HTMLElement): Range {
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.length > 0) last = node as Text;
  }
  if (last) {
    range.setStart(last, last.data.length);
  } else {
    let block: Element = el;
    while (block.lastElementChild && block.lastElementChild.localName !== 'br') block = block.lastElementChild;
    range.selectNodeContents(block);
    range.collapse(true);
  }
  range.collapse(true);
  return range;
}

/** Adds hashtags to the composer through the insertion engine (which checks the
 * editor's own state afterwards). Never past the network's limit unless allowed. Part
 * `composer`: the settings come from the agent, which reads them (`hashtags.ts`). */
export async function insertHashtagsInto(
  site: SiteKey,
  el: HTMLElement | null,
  tags: string[],
  allowOverLimit: boolean,
  settings: { placement: HashtagPlacement; instagramLimit: number },
): Promise<InsertHashtagsResult> {
  if (!el) return { ok: false, reason: 'no-composer' };
  const { placement, instagramLimit } = settings;
  const rules = rulesFor(composerNetwork(site, el), instagramLimit);
  const point = insertionPoint(el, placement);
  const plan = planHashtagInsert({
    tags,
    composerText: composerPlainText(el),
    before: point.before,
    after: point.after,
    rules,
    allowOverLimit,
  });
  if (!plan.text) {
    return { ok: false, reason: plan.overLimit.length ? 'over-limit' : 'already-there', alreadyThere: plan.alreadyThere, overLimit: plan.overLimit };
  }
  const result = await insertIntoComposer(el, plan.text, { replaceRange: point.range });
  if (!result.ok) return { ok: false, reason: result.reason };
  return { ok: true, added: plan.added, alreadyThere: plan.alreadyThere, overLimit: plan.overLimit };
}
