import { createRoot } from 'react-dom/client';
import '@/assets/tailwind.css';
import { I18nProvider } from '@/components/i18n';
import { SidebarApp } from './SidebarApp';

createRoot(document.getElementById('root')!).render(
  <I18nProvider>
    <SidebarApp />
  </I18nProvider>,
);
