import type { BaseRecord, Network } from './record';

/**
 * A client the user manages: a pizzeria, a florist, a gym. Since version 3 of the
 * database. Saved replies, hashtag sets, learned hashtags, clips and the post log belong to
 * one brand (`brandId`) or to all brands (`brandId: null`).
 */
export interface Brand extends BaseRecord {
  name: string;
  /** For recognition in lists: a colour of `BRAND_COLORS` (`#rrggbb`). */
  color: string;
  /** IANA zone of this client's audience; null = the default from the settings. */
  timeZone: string | null;
}

/** One account of a brand on one network: a Facebook Page, an Instagram account. Spalla
 * knows which brand is on screen by finding the account in view here. */
export interface Account extends BaseRecord {
  brandId: string;
  network: Network;
  /** The name the site shows. */
  name: string;
  /** Username or page handle as the site shows it, without "@". */
  handle: string | null;
  /** The site's own number for it when the page gives one (a Page id, Business Suite's
   * `asset_id`); null otherwise. */
  externalId: string | null;
}

/** Version 2 of the database kept accounts in `brands`, one brand per account, with the
 * audience's time zone: what `upgrades.ts` turns into a brand and its account. */
export interface BrandV2 extends BaseRecord {
  network: Network;
  name: string;
  handle: string | null;
  timeZone: string | null;
}

/** Colours a brand can take, picked to be told apart on light and dark backgrounds
 * (Tailwind's 600 shades). */
export const BRAND_COLORS = ['#dc2626', '#ea580c', '#ca8a04', '#16a34a', '#0891b2', '#2563eb', '#7c3aed', '#db2777'] as const;

/** A colour for a new brand from its id, so that the same brand gets the same colour
 * everywhere (the upgrade, a second computer) until the user picks one. */
export function defaultBrandColor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return BRAND_COLORS[hash % BRAND_COLORS.length];
}

export const brandsIndexesV2 = 'id, network, handle, updatedAt';
export const brandsIndexes = 'id, name, updatedAt';
export const accountsIndexes = 'id, brandId, [network+handle], [network+externalId], updatedAt';
