import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';
import { makeTranslator } from '../i18n/catalog';
import type { MessageCatalog } from '../i18n/format';
import type { SyncError, SyncStatus } from '../messaging/features/sync';
import { syncErrorWords, syncLastSyncedWords, syncStatusWords } from './status-words';

const EN = makeTranslator(en as MessageCatalog, en as MessageCatalog, 'en');
const IT = makeTranslator(it as MessageCatalog, en as MessageCatalog, 'it');
const ROME = 'Europe/Rome';
// Friday 20 November 2026, 12:34 in Rome (CET, UTC+1).
const NOW = Date.UTC(2026, 10, 20, 11, 34);
// Intl may put a narrow no-break space before AM/PM: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

function status(change: Partial<SyncStatus>): SyncStatus {
  return { brandId: 'b1', server: 'wss://sync.example.com', code: 'b1', role: 'editor', phase: 'connected', offlineSince: null, lastSyncedAt: null, error: null, ...change };
}

describe('a shared brand’s status in words', () => {
  test('phases, in English and Italian', () => {
    const cases: [Partial<SyncStatus>, string, string][] = [
      [{ phase: 'connecting', role: null }, 'Connecting…', 'Connessione…'],
      [{ phase: 'syncing' }, 'Syncing…', 'Sincronizzazione…'],
      [{ phase: 'connected' }, 'Connected, up to date', 'Connesso, aggiornato'],
      [{ phase: 'offline' }, 'Offline: changes are kept and sent when the connection is back', 'Offline: le modifiche restano qui e partono quando torna la connessione'],
    ];
    for (const [change, english, italian] of cases) {
      expect(syncStatusWords(status(change), EN, 'en', NOW, ROME)).toBe(english);
      expect(syncStatusWords(status(change), IT, 'it', NOW, ROME)).toBe(italian);
    }
  });

  test('offline since: the time alone today, the date too before today', () => {
    const today = status({ phase: 'offline', offlineSince: Date.UTC(2026, 10, 20, 8, 5) });
    expect(plain(syncStatusWords(today, EN, 'en', NOW, ROME))).toBe('Offline since 9:05 AM: changes are kept and sent when the connection is back');
    expect(syncStatusWords(today, IT, 'it', NOW, ROME)).toBe('Offline dalle 09:05: le modifiche restano qui e partono quando torna la connessione');
    const yesterday = status({ phase: 'offline', offlineSince: Date.UTC(2026, 10, 19, 17, 30) });
    expect(plain(syncStatusWords(yesterday, EN, 'en', NOW, ROME))).toBe('Offline since Nov 19, 2026, 6:30 PM: changes are kept and sent when the connection is back');
    expect(syncStatusWords(yesterday, IT, 'it', NOW, ROME)).toBe('Offline dal 19 nov 2026, 18:30: le modifiche restano qui e partono quando torna la connessione');
  });

  test('an error says what went wrong, and what to do where there is something to do', () => {
    const cases: [SyncError, string, string][] = [
      ['token-refused', 'Token refused: it is wrong or has been revoked.', 'Token rifiutato: è sbagliato o è stato revocato.'],
      ['unreachable', 'Server unreachable: check the address and your connection.', 'Server irraggiungibile: controlla l’indirizzo e la connessione.'],
      ['server-refused', 'The server refused: it does not give this token access to this brand.', 'Il server ha rifiutato: questo token non dà accesso a questo brand.'],
      ['bad-address', 'Bad address: it must start with wss://, or ws:// for a server on this computer.', 'Indirizzo non valido: deve iniziare con wss://, o ws:// per un server su questo computer.'],
      ['read-only-change', 'Read-only: your change was not kept.', 'Sola lettura: la tua modifica non è stata tenuta.'],
    ];
    for (const [error, english, italian] of cases) {
      expect(syncStatusWords(status({ phase: 'error', error }), EN, 'en', NOW, ROME)).toBe(english);
      expect(syncStatusWords(status({ phase: 'error', error }), IT, 'it', NOW, ROME)).toBe(italian);
      expect(syncErrorWords(error, EN)).toBe(english);
      expect(syncErrorWords(error, IT)).toBe(italian);
    }
    expect(syncStatusWords(status({ phase: 'error' }), EN, 'en', NOW, ROME)).toBe('The connection failed.');
  });

  test('a change put back beside a working connection follows the phase', () => {
    const words = syncStatusWords(status({ phase: 'connected', role: 'read-only', error: 'read-only-change' }), EN, 'en', NOW, ROME);
    expect(words).toBe('Connected, up to date · Read-only: your change was not kept.');
    expect(syncStatusWords(status({ phase: 'connected', role: 'read-only', error: 'read-only-change' }), IT, 'it', NOW, ROME)).toBe(
      'Connesso, aggiornato · Sola lettura: la tua modifica non è stata tenuta.',
    );
  });

  test('the forms’ own refusals', () => {
    expect(syncErrorWords('already-shared', EN)).toBe('This brand is already shared on this computer.');
    expect(syncErrorWords('already-shared', IT)).toBe('Questo brand è già condiviso su questo computer.');
    expect(syncErrorWords('no-brand', IT)).toBe('Questo brand non esiste più.');
    expect(syncErrorWords('no-answer', EN)).toBe('Spalla did not answer: try again in a moment.');
  });

  test('last up to date: none before the first exchange', () => {
    expect(syncLastSyncedWords(status({}), EN, 'en', NOW, ROME)).toBeNull();
    expect(plain(syncLastSyncedWords(status({ lastSyncedAt: NOW - 60_000 }), EN, 'en', NOW, ROME)!)).toBe('Last up to date: 12:33 PM');
    expect(syncLastSyncedWords(status({ lastSyncedAt: NOW - 60_000 }), IT, 'it', NOW, ROME)).toBe('Ultimo aggiornamento: 12:33');
  });
});
