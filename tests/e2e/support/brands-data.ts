/** The two clients of the agency fixtures (tests/fixtures/src/clients.ts) as brands with
 * their accounts, and saved replies of each, of both and shared: seeded in the service
 * worker (`self.spalla.brandsSeed`, `self.spalla.repliesSeed`) by the brand e2e files. */

export const GINO = 'brand-gino';
export const LUCIA = 'brand-lucia';

export const BRANDS = [
  { id: GINO, name: 'Pizzeria Da Gino', color: '#dc2626' },
  { id: LUCIA, name: 'Fiori di Lucia', color: '#db2777' },
];

/** Gino's Page and Instagram account; Lucia's Page (by its id only) and Instagram account. */
export const ACCOUNTS = [
  { brandId: GINO, network: 'facebook', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino', externalId: '104729384756102' },
  { brandId: GINO, network: 'instagram', name: 'Pizzeria Da Gino', handle: 'pizzeriadagino' },
  { brandId: LUCIA, network: 'facebook', name: 'Fiori di Lucia', handle: 'fioridilucia', externalId: '108837261549013' },
  { brandId: LUCIA, network: 'instagram', name: 'Fiori di Lucia', handle: 'fioridilucia.bo' },
];

export const REPLIES = [
  { id: 'gino-hours', title: 'Gino: forno pronto', shortcut: 'forno', body: 'Il forno è acceso dalle 19!', brandId: GINO, useCount: 1 },
  { id: 'gino-book', title: 'Gino: prenotazioni', shortcut: 'tavolo', body: 'Prenota al tavolo chiamando lo 051 123456.', brandId: GINO, useCount: 4 },
  { id: 'lucia-bouquet', title: 'Lucia: mazzi pronti', shortcut: 'mazzi', body: 'Mazzi pronti da 15 € 💐', brandId: LUCIA, useCount: 9 },
  { id: 'shared-thanks', title: 'Grazie mille', shortcut: 'grazie', body: 'Grazie mille!', brandId: null, useCount: 7 },
  { id: 'shared-welcome', title: 'Benvenuti, siamo pronti', shortcut: 'benvenuti', body: 'Benvenuti!', brandId: null, useCount: 0 },
];

/** Most used first (the list's default order): brand replies, then shared ones. */
export const OFFERED = {
  [GINO]: ['gino-book', 'gino-hours', 'shared-thanks', 'shared-welcome'],
  [LUCIA]: ['lucia-bouquet', 'shared-thanks', 'shared-welcome'],
};
