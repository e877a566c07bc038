import { createRoot } from 'react-dom/client';
import '@/assets/tailwind.css';
import { I18nProvider } from '@/components/i18n';
import { useSystemTheme } from '@/components/useSystemTheme';
import { PopupApp } from './PopupApp';

function Root() {
  useSystemTheme();
  return <PopupApp />;
}

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <Root />
  </I18nProvider>,
);
