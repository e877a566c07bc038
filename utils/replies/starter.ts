import type { AppDB } from '../db/app-db';
import type { SavedReply } from '../db/saved-replies';
import { findShortcutOwner, type ReplyDraft } from './store';

/**
 * The replies Spalla ships with, in Italian and English: the questions a shop, bar or
 * restaurant answers every day. Seeded once, on first install; their ids start with
 * `starter-`, so that "Remove the starter replies" finds them. Every body renders
 * without errors against sample data (starter.test.ts).
 */

export const STARTER_ID_PREFIX = 'starter-';

type StarterReply = Required<Pick<ReplyDraft, 'title' | 'body' | 'shortcut' | 'tags' | 'networks' | 'language'>> & { id: string };

export const STARTER_REPLIES: readonly StarterReply[] = [
  // --- Italiano ---------------------------------------------------------------------
  {
    id: 'starter-it-orari',
    title: 'Orari di apertura',
    body: '{Ciao|Salve} {{first_name|amico}}! 😊 Siamo aperti {{choice:Giorni|dal martedì alla domenica|tutti i giorni|dal lunedì al venerdì}}, {{input:Orario}}.\n{Ti aspettiamo!|A presto!} {{cursor}}',
    shortcut: 'orari',
    tags: ['info'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-prezzi',
    title: 'Prezzi',
    body: "Ciao {{first_name|amico}}, grazie per l'interesse! {I prezzi partono da|Si parte da} {{input:Prezzo}}.\nPer un preventivo su misura scrivici in privato 📩 {{cursor}}",
    shortcut: 'prezzi',
    tags: ['info', 'vendite'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-privato',
    title: 'Scrivici in privato',
    body: 'Ciao {{first_name|amico}}! Per questo è meglio parlarne in privato: {scrivici un messaggio diretto|mandaci un DM} 📩 e ti rispondiamo {al più presto|appena possibile}.',
    shortcut: 'privato',
    tags: ['assistenza'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-grazie',
    title: 'Grazie per il complimento',
    body: '{Grazie|Grazie mille|Che bello leggerti}, {{first_name|amico}}! 😍 {Ci fa davvero piacere|Ci rende felicissimi}. {{cursor}}',
    shortcut: 'grazie',
    tags: ['ringraziamenti'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-scuse',
    title: 'Ci dispiace per il problema',
    body: 'Ciao {{first_name|amico}}, ci dispiace davvero per il disagio 😔 Scrivici in privato {con il numero dell’ordine|con qualche dettaglio in più} e {lo risolviamo|ce ne occupiamo} subito. {{cursor}}',
    shortcut: 'scuse',
    tags: ['assistenza'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-spedizioni',
    title: 'Spedizioni',
    body: 'Spediamo in tutta Italia in {{choice:Tempi|24/48 ore|2-3 giorni lavorativi|3-5 giorni lavorativi}} 📦 La spedizione è gratuita sopra {{input:Soglia spedizione gratuita}}. {{cursor}}',
    shortcut: 'spedizioni',
    tags: ['info', 'vendite'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-prenotazioni',
    title: 'Prenotazioni',
    body: '{Ciao|Salve} {{first_name|amico}}! Per prenotare {chiamaci al|telefonaci al} {{input:Telefono}} oppure scrivici qui in privato con giorno, ora e numero di persone 📅 {{cursor}}',
    shortcut: 'prenota',
    tags: ['info'],
    networks: [],
    language: 'it',
  },
  {
    id: 'starter-it-dove',
    title: 'Dove siamo',
    body: 'Ci trovi in {{input:Indirizzo}} 📍 {Ti aspettiamo!|Passa a trovarci!} {{cursor}}',
    shortcut: 'dove',
    tags: ['info'],
    networks: [],
    language: 'it',
  },
  // --- English ----------------------------------------------------------------------
  {
    id: 'starter-en-hours',
    title: 'Opening hours',
    body: "{Hi|Hello} {{first_name|there}}! 😊 We're open {{choice:Days|Tuesday to Sunday|every day|Monday to Friday}}, {{input:Hours}}.\n{See you soon!|Hope to see you!} {{cursor}}",
    shortcut: 'hours',
    tags: ['info'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-prices',
    title: 'Prices',
    body: "Hi {{first_name|there}}, thanks for asking! {Prices start at|Prices start from} {{input:Price}}.\nFor a tailored quote, send us a DM 📩 {{cursor}}",
    shortcut: 'prices',
    tags: ['info', 'sales'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-dm',
    title: 'Send us a DM',
    body: "Hi {{first_name|there}}! This is best handled in private: {send us a direct message|drop us a DM} 📩 and we'll get back to you {as soon as we can|shortly}.",
    shortcut: 'dm',
    tags: ['support'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-thanks',
    title: 'Thanks for the compliment',
    body: '{Thank you|Thanks so much|That made our day}, {{first_name|friend}}! 😍 {We really appreciate it|It means a lot to us}. {{cursor}}',
    shortcut: 'thanks',
    tags: ['thanks'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-sorry',
    title: 'Sorry for the problem',
    body: "Hi {{first_name|there}}, we're really sorry about this 😔 Please send us a DM {with your order number|with a few more details} and we'll {sort it out|look into it} right away. {{cursor}}",
    shortcut: 'sorry',
    tags: ['support'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-shipping',
    title: 'Shipping',
    body: 'We ship in {{choice:Delivery time|1-2 working days|2-3 working days|3-5 working days}} 📦 Shipping is free on orders over {{input:Free shipping threshold}}. {{cursor}}',
    shortcut: 'shipping',
    tags: ['info', 'sales'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-booking',
    title: 'Booking',
    body: "{Hi|Hello} {{first_name|there}}! To book, {call us on|ring us on} {{input:Phone}} or send us a DM with the day, time and number of people 📅 {{cursor}}",
    shortcut: 'booking',
    tags: ['info'],
    networks: [],
    language: 'en',
  },
  {
    id: 'starter-en-where',
    title: 'Where to find us',
    body: "You'll find us at {{input:Address}} 📍 {See you there!|Come and say hi!} {{cursor}}",
    shortcut: 'where',
    tags: ['info'],
    networks: [],
    language: 'en',
  },
];

export function isStarterReply(reply: Pick<SavedReply, 'id'>): boolean {
  return reply.id.startsWith(STARTER_ID_PREFIX);
}

/**
 * Adds the starter replies that are not there yet, in one transaction; a starter whose
 * shortcut another reply already has comes without one. Called on first install only
 * (utils/background/features/replies-starter.ts), so replies the user deleted never
 * come back. Returns how many were added.
 */
export async function seedStarterReplies(db: AppDB, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.savedReplies, async () => {
    const present = await db.savedReplies.bulkGet(STARTER_REPLIES.map((r) => r.id));
    let added = 0;
    for (const [index, starter] of STARTER_REPLIES.entries()) {
      if (present[index]) continue;
      const taken = starter.shortcut !== null && (await findShortcutOwner(db, starter.shortcut, starter.id)) !== undefined;
      const reply: SavedReply = {
        ...starter,
        tags: [...starter.tags],
        networks: [...starter.networks],
        shortcut: taken ? null : starter.shortcut,
        brandId: null,
        useCount: 0,
        lastUsedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.savedReplies.add(reply);
      added++;
    }
    return added;
  });
}

export interface StarterRemoval {
  /** The replies removed, whole, for an undo. */
  removed: SavedReply[];
  /** Starter replies kept because the user edited them (they are theirs now). */
  kept: number;
}

/** Removes the starter replies the user has not edited (`updatedAt` still equals
 * `createdAt`: using a reply does not change it). */
export async function removeStarterReplies(db: AppDB): Promise<StarterRemoval> {
  return db.transaction('rw', db.savedReplies, async () => {
    const starters = await db.savedReplies.filter(isStarterReply).toArray();
    const removed = starters.filter((reply) => reply.updatedAt === reply.createdAt);
    await db.savedReplies.bulkDelete(removed.map((reply) => reply.id));
    return { removed, kept: starters.length - removed.length };
  });
}
