import type { BoxKind } from './limits';
import type { TemplateContext } from './template';

/** Who the user is acting as, when the page shows it. */
export interface ActingAs {
  /** 'page': a Facebook Page / business account; 'profile': the user's own profile. */
  kind: 'page' | 'profile';
  name: string;
}

/** What the page around the composer tells about a reply: read by the page agent
 * (`utils/sites/reply-context.ts`), plain text only. */
export interface ReplyPageContext {
  /** The person being answered, as the page names them. */
  fullName: string | null;
  /** The Page or account the user acts as (for `{{my_name}}`). */
  myName: string | null;
  actingAs: ActingAs | null;
  /** The kind of box, for its character limit; null when unknown. */
  box: BoxKind | null;
}

export const EMPTY_PAGE_CONTEXT: ReplyPageContext = { fullName: null, myName: null, actingAs: null, box: null };

/** "Giulia Rossi" -> first "Giulia", last "Rossi"; one word -> first name only. */
export function splitName(fullName: string | null): { firstName?: string; lastName?: string; fullName?: string } {
  const clean = fullName?.replace(/\s+/g, ' ').trim();
  if (!clean) return {};
  const words = clean.split(' ');
  return { fullName: clean, firstName: words[0], lastName: words.length > 1 ? words.slice(1).join(' ') : undefined };
}

/** The template context for one insertion: the page's names, now in the user's
 * locale, the fill-in answers and a random source for the alternatives. */
export function templateContext(
  page: ReplyPageContext | null,
  options: { locale: string; now?: Date; answers?: Record<string, string>; random?: () => number },
): TemplateContext {
  const names = splitName(page?.fullName ?? null);
  return {
    locale: options.locale,
    now: options.now ?? new Date(),
    ...names,
    myName: page?.myName ?? undefined,
    answers: options.answers,
    random: options.random ?? Math.random,
  };
}

/** A reply meant for a Page (it belongs to a brand) going into a box where the user
 * acts as their personal profile: the sidebar asks before inserting. */
export function needsIdentityWarning(reply: { brandId: string | null }, page: ReplyPageContext | null): boolean {
  return reply.brandId !== null && page?.actingAs?.kind === 'profile';
}

/** The locale for dates and weekdays: the browser's when it is in the interface
 * language (keeps "it-CH" or "en-GB" conventions), else that language's own. */
export function replyLocale(uiLanguage: 'en' | 'it', browserLanguage: string): string {
  return browserLanguage.toLowerCase().startsWith(uiLanguage) ? browserLanguage : uiLanguage === 'it' ? 'it-IT' : 'en-US';
}
