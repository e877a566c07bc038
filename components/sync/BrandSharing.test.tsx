import { DOMParser } from 'linkedom';
import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';
import { makeTranslator } from '@/utils/i18n/catalog';
import type { MessageCatalog } from '@/utils/i18n/format';
import type { UiLanguage } from '@/utils/i18n/language';
import type { Brand } from '@/utils/db/brands';
import type { SyncStatus } from '@/utils/messaging/features/sync';
import { I18nContext } from '../i18n';
import { JoinSharedBrand, ShareBrand, SharedBrand } from './BrandSharing';

/** The markup a component renders first (before effects), in one language, with the real catalogs. */
function render(node: ReactNode, language: UiLanguage = 'en'): Document {
  const t = makeTranslator((language === 'it' ? it : en) as MessageCatalog, en as MessageCatalog, language);
  const html = renderToString(<I18nContext.Provider value={{ t, language }}>{node}</I18nContext.Provider>);
  return new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html') as unknown as Document;
}

const byTestId = (doc: Document, id: string) => doc.querySelector(`[data-testid="${id}"]`);
const text = (doc: Document, id: string) => byTestId(doc, id)?.textContent?.replace(/[\u202f\u00a0]/g, ' ') ?? null;

const BRAND: Brand = { id: 'b7f0c2e4-1a2b-4c3d-8e9f-001122334455', createdAt: 1, updatedAt: 1, name: 'Fiori di Lucia', color: '#16a34a', timeZone: null };
function status(change: Partial<SyncStatus>): SyncStatus {
  return { brandId: BRAND.id, server: 'wss://sync.example.com', code: BRAND.id, role: 'editor', phase: 'connected', offlineSince: null, lastSyncedAt: null, error: null, ...change };
}
const say = () => {};

describe('a shared brand in the Brands section', () => {
  test('connected, as an editor: status in words, the code to give teammates, Stop sharing, no Retry', () => {
    const doc = render(<SharedBrand brand={BRAND} status={status({})} say={say} />);
    const box = byTestId(doc, 'sync-status')!;
    expect(box.getAttribute('data-brand-id')).toBe(BRAND.id);
    expect(box.getAttribute('data-phase')).toBe('connected');
    expect(box.getAttribute('data-role')).toBe('editor');
    expect(box.getAttribute('data-error')).toBe('');
    expect(text(doc, 'sync-status-words')).toBe('Connected, up to date');
    expect(text(doc, 'sync-code-value')).toBe(BRAND.id);
    expect(byTestId(doc, 'sync-copy-code')).not.toBeNull();
    expect(box.textContent).toContain('Teammates join with this server address, this code and their own token.');
    expect(box.textContent).toContain('Shared on wss://sync.example.com');
    expect(byTestId(doc, 'sync-stop')).not.toBeNull();
    expect(byTestId(doc, 'sync-retry')).toBeNull();
    expect(byTestId(doc, 'sync-read-only')).toBeNull();
    // The confirmation comes only after "Stop sharing".
    expect(byTestId(doc, 'sync-stop-confirm')).toBeNull();
  });

  test('read-only and offline, in Italian: the badge and what it means, Retry', () => {
    const since = new Date(2026, 10, 20, 9, 5).getTime();
    const doc = render(<SharedBrand brand={BRAND} status={status({ role: 'read-only', phase: 'offline', offlineSince: since })} say={say} />, 'it');
    const box = byTestId(doc, 'sync-status')!;
    expect(box.getAttribute('data-role')).toBe('read-only');
    expect(box.getAttribute('data-phase')).toBe('offline');
    expect(text(doc, 'sync-read-only')).toBe('Sola lettura');
    expect(box.textContent).toContain('Puoi usare gli elementi di questo brand, non modificarli.');
    expect(text(doc, 'sync-status-words')).toMatch(/^Offline dal 20 nov 2026, 09:05: le modifiche restano qui/);
    expect(text(doc, 'sync-retry')).toBe('Riprova');
    expect(text(doc, 'sync-stop')).toBe('Smetti di condividere');
  });

  test('a refused token: the error in words and in data-error, Retry', () => {
    const doc = render(<SharedBrand brand={BRAND} status={status({ role: null, phase: 'error', error: 'token-refused' })} say={say} />);
    const box = byTestId(doc, 'sync-status')!;
    expect(box.getAttribute('data-error')).toBe('token-refused');
    expect(box.getAttribute('data-role')).toBe('');
    expect(text(doc, 'sync-status-words')).toBe('Token refused: it is wrong or has been revoked.');
    expect(byTestId(doc, 'sync-retry')).not.toBeNull();
  });

  test('a brand not shared offers "Share this brand…"; the section offers "Join a shared brand…"', () => {
    const share = render(<ShareBrand brand={BRAND} shared={false} />);
    const open = byTestId(share, 'sync-share-open')!;
    expect(open.getAttribute('data-brand-id')).toBe(BRAND.id);
    expect(open.getAttribute('aria-label')).toBe('Share Fiori di Lucia with your team');
    // The dialog opens on a click only.
    expect(byTestId(share, 'sync-share-dialog')).toBeNull();
    const join = render(<JoinSharedBrand say={say} />, 'it');
    expect(text(join, 'sync-join-open')).toBe('Unisciti a un brand condiviso…');
  });
});
