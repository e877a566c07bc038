import { useEffect, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { useTheme } from '@/components/useTheme';
import { DEFAULT_LIBRARY_SECTION, LIBRARY_SECTIONS } from './sections';

/** The section named by the address's hash (`#backup` belongs to the settings). */
function sectionFromHash(hash: string) {
  const id = hash.replace(/^#/, '').split('/')[0];
  return (
    LIBRARY_SECTIONS.find((section) => section.id === id) ??
    LIBRARY_SECTIONS.find((section) => section.id === DEFAULT_LIBRARY_SECTION) ??
    LIBRARY_SECTIONS[0]
  );
}

/** The full-page library: one section per feature, chosen in the navigation and kept in
 * the address so that a reload or a link (`library.html#settings`) lands on it. */
export function LibraryApp() {
  const { t } = useI18n();
  useTheme();
  const [section, setSection] = useState(() => sectionFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(section.labelKey)} · ${t('libraryTitle')}`;
  }, [t, section]);

  return (
    <div className="min-h-screen text-sm md:flex">
      <nav
        aria-label={t('libraryTitle')}
        className="border-b border-slate-200 p-4 md:w-52 md:shrink-0 md:border-r md:border-b-0 dark:border-slate-700"
      >
        <h1 className="mb-1 text-xl font-bold">{t('libraryTitle')}</h1>
        <p className="mb-4 text-xs text-slate-600 dark:text-slate-400">{t('libraryIntro')}</p>
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {LIBRARY_SECTIONS.map((s) => (
            <li key={s.id}>
              <a
                href={`#${s.id}`}
                aria-current={s === section ? 'page' : undefined}
                data-testid={`library-nav-${s.id}`}
                className={`block rounded-md px-3 py-1.5 font-medium ${
                  s === section
                    ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {t(s.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1 p-6" data-testid={`library-section-${section.id}`}>
        <section.View />
      </main>
    </div>
  );
}
