/** Fields every stored record carries. Ids are strings (`crypto.randomUUID()`) so that
 * records from two machines or a shared pack can merge without clashing. */
export interface BaseRecord {
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; the newer record wins when a backup or pack is merged. */
  updatedAt: number;
}

/** The networks a record can belong to. X, Threads and LinkedIn (#14) are switched on by
 * the user, each with its own optional host permission (`utils/sites/networks.ts`). */
export const NETWORKS = ['facebook', 'instagram', 'x', 'threads', 'linkedin'] as const;
export type Network = (typeof NETWORKS)[number];

/** The Facebook Page or Instagram account a record belongs to; `null` means shared
 * across all brands (agencies keep each client apart with this). */
export type BrandRef = string | null;

export function newId(): string {
  return crypto.randomUUID();
}

/** Stamps a new record with its id and times. */
export function stampNew<T extends object>(fields: T, now = Date.now()): T & BaseRecord {
  return { id: newId(), createdAt: now, updatedAt: now, ...fields };
}
