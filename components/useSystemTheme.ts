import { useEffect } from 'react';

/** Extension pages of their own (popup, library) follow the browser's preference. */
export function useSystemTheme() {
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => document.documentElement.classList.toggle('dark', media.matches);
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, []);
}
