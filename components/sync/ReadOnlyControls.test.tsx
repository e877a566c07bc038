import { DOMParser } from 'linkedom';
import { renderToString } from 'react-dom/server';
import type { ReactNode } from 'react';
import { describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import it from '../../public/_locales/it/messages.json';
import { makeTranslator } from '@/utils/i18n/catalog';
import type { MessageCatalog } from '@/utils/i18n/format';
import type { UiLanguage } from '@/utils/i18n/language';
import type { BrandContents } from '@/utils/brands/ops';
import type { Brand } from '@/utils/db/brands';
import type { ClipSummary } from '@/utils/messaging/features/clips';
import type { SyncStatus } from '@/utils/messaging/features/sync';
import { BrandCard } from '@/entrypoints/library/BrandsSection';
import { IdeasClipEditor } from '@/entrypoints/sidebar/IdeasClipEditor';
import { I18nContext } from '../i18n';

/** The markup a component renders first (before effects), in one language, with the real
 * catalogs (as BrandSharing.test.tsx). */
function render(node: ReactNode, language: UiLanguage = 'en'): Document {
  const t = makeTranslator((language === 'it' ? it : en) as MessageCatalog, en as MessageCatalog, language);
  const html = renderToString(<I18nContext.Provider value={{ t, language }}>{node}</I18nContext.Provider>);
  return new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html') as unknown as Document;
}
const byTestId = (doc: Document, id: string) => doc.querySelector(`[data-testid="${id}"]`);

const CLIP: ClipSummary = {
  id: 'clip-1', brandId: 'lucia', network: 'instagram', permalink: 'https://www.instagram.com/p/CODE/', authorName: 'Fiori di Lucia', authorHandle: 'fioridilucia',
  text: 'Tulipani #primavera', textLength: 19, hashtags: ['primavera'], note: 'per aprile', tags: ['fiori'], status: 'idea', clippedAt: 1, imageCount: 0, thumbnail: null,
};

describe("the sidebar's clip editor", () => {
  test('a clip of a brand shared read-only: note, tags and status shown but disabled, no Save, and why', () => {
    const doc = render(<IdeasClipEditor clip={CLIP} onSaved={() => {}} readOnly />);
    const note = byTestId(doc, 'clips-page-note')!;
    expect(note.textContent).toBe('per aprile');
    expect(note.closest('fieldset')!.hasAttribute('disabled')).toBe(true);
    expect(byTestId(doc, 'clips-page-tags')!.closest('fieldset')!.hasAttribute('disabled')).toBe(true);
    expect(byTestId(doc, 'clips-page-status')!.closest('fieldset')!.hasAttribute('disabled')).toBe(true);
    expect(byTestId(doc, 'clips-page-save')).toBeNull();
    expect(byTestId(doc, 'sync-read-only-item')!.textContent).toBe('Read-only shared brand: you can use this, not change it.');
  });

  test('any other clip: editable, with Save', () => {
    const doc = render(<IdeasClipEditor clip={{ ...CLIP, brandId: null }} onSaved={() => {}} />);
    expect(byTestId(doc, 'clips-page-note')!.closest('fieldset')!.hasAttribute('disabled')).toBe(false);
    expect(byTestId(doc, 'clips-page-save')).not.toBeNull();
    expect(byTestId(doc, 'sync-read-only-item')).toBeNull();
  });
});

const brand = (id: string, name: string): Brand => ({ id, createdAt: 1, updatedAt: 1, name, color: '#16a34a', timeZone: null });
const LUCIA = brand('lucia', 'Fiori di Lucia');
const GINO = brand('gino', 'Pizzeria Gino');
const ANNA = brand('anna', 'Studio Anna');
function status(brandId: string, role: SyncStatus['role']): SyncStatus {
  return { brandId, server: 'wss://sync.example.com', code: brandId, role, phase: 'connected', offlineSince: null, lastSyncedAt: null, error: null };
}
const contents: BrandContents = { accounts: 0, savedReplies: 0, hashtagSets: 0, hashtagStats: 0, clips: 0, images: 0, postLog: 0 };

function card(of: Brand, sync: SyncStatus | undefined, language: UiLanguage = 'en') {
  return render(
    <BrandCard brand={of} brands={[LUCIA, GINO, ANNA]} readOnlyBrands={new Set(['lucia'])} accounts={[]} contents={contents} sync={sync} say={() => {}} />,
    language,
  );
}

describe("a brand's card in the library", () => {
  test('shared read-only, in Italian: no "Merge into…", Delete disabled, and "stop sharing first"', () => {
    const doc = card(LUCIA, status('lucia', 'read-only'), 'it');
    expect(byTestId(doc, 'brand-merge-into')).toBeNull();
    expect(byTestId(doc, 'brand-delete')!.hasAttribute('disabled')).toBe(true);
    expect(byTestId(doc, 'sync-read-only-stop-first')!.textContent).toMatch(/^Per unire o eliminare questo brand qui, prima smetti di condividerlo/);
    // Its name is shown, not edited; the account form is disabled.
    expect(byTestId(doc, 'brand-name')!.outerHTML).toMatch(/ readonly=/i);
    expect(byTestId(doc, 'brand-account-new-name')!.closest('fieldset')!.hasAttribute('disabled')).toBe(true);
  });

  test('another brand: merged into anything but the read-only brand; Delete offered', () => {
    const doc = card(GINO, status('gino', 'editor'));
    const options = [...byTestId(doc, 'brand-merge-into')!.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Merge into…', 'Studio Anna']);
    expect(byTestId(doc, 'brand-delete')!.hasAttribute('disabled')).toBe(false);
    expect(byTestId(doc, 'sync-read-only-stop-first')).toBeNull();
  });
});
