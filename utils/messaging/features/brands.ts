/** Messages of the brand in view (issue #13): which client a tab shows, and the user's
 * choice of it in the sidebar. The rules: `utils/brands/in-view.ts`, docs/brands.md. */
import type { BrandInViewSource } from '../../brands/in-view';
import type { PageIdentity } from '../page-state';

/** A brand as the sidebar shows it (name, colour for recognition). */
export interface BrandSummary {
  id: string;
  name: string;
  color: string;
}

/** The brand in view of one tab, with what the sidebar needs to show and change it. */
export interface BrandView {
  /** null = all brands. */
  brandId: string | null;
  source: BrandInViewSource;
  /** Every brand, by name. */
  brands: BrandSummary[];
  /** The account the page shows as in view or acted as; null when it names none. */
  identity: PageIdentity | null;
  /** The brand the page's account is filed under, whatever the user picked for the tab
   * (the wrong-voice guard compares against it when "all brands" is picked); null when
   * unknown. */
  pageBrandId: string | null;
  /** The page's account is in no brand: ask "Which client is this account?". */
  askAccount: boolean;
}

export type BrandCreateResult = { ok: true; view: BrandView } | { ok: false; error: 'brand-name-required' };

export interface BrandsProtocol {
  // sidebar -> background (about the sidebar's own tab)
  /** The tab's brand in view now. */
  brandInViewGet(): BrandView;
  /** The user's pick in the sidebar (a brand id, or null for all brands). When the page's
   * account is in no brand, picking a brand files it there (remembered for next time);
   * otherwise the pick holds for this tab until the page shows another account. */
  brandInViewChoose(data: { brandId: string | null }): BrandView;
  /** "New brand…": creates a brand of this name and puts it in view; the page's account,
   * when it is in no brand, is filed under it. */
  brandInViewCreate(data: { name: string }): BrandCreateResult;
}
