import type { BaseRecord, Network } from './record';

/** A Facebook Page or Instagram account the user manages. */
export interface Brand extends BaseRecord {
  network: Network;
  name: string;
  /** Username or page handle as the site shows it, without "@". */
  handle: string | null;
  /** IANA zone of this account's audience; null = the default from the settings. */
  timeZone: string | null;
}

export const brandsIndexes = 'id, network, handle, updatedAt';
