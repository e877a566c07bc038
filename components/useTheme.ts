import { useEffect } from 'react';

/** Dark when the page beside us shows dark, light when it shows light, else (and on
 * pages of our own: popup, library) the browser's preference. */
export function useTheme(pageTheme?: 'dark' | 'light' | null) {
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = pageTheme ? pageTheme === 'dark' : media.matches;
      document.documentElement.classList.toggle('dark', dark);
      document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [pageTheme]);
}
