import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/assets/tailwind.css';
import { I18nProvider } from './i18n';

/** Renders an extension page (popup, library, sidebar) into its `#root`, with its strings. */
export function mountPage(page: ReactNode) {
  createRoot(document.getElementById('root')!).render(<I18nProvider>{page}</I18nProvider>);
}
