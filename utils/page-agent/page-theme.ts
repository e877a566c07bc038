/** The theme the page itself shows, or null when it shows none we can tell.
 * Facebook marks `<html>` with `__fb-dark-mode` / `__fb-light-mode`; elsewhere the
 * page's background colour decides. */
export function pageTheme(doc: Document): 'dark' | 'light' | null {
  const html = doc.documentElement;
  if (html.classList.contains('__fb-dark-mode')) return 'dark';
  if (html.classList.contains('__fb-light-mode')) return 'light';
  for (const el of [doc.body, html]) {
    if (!el) continue;
    const rgb = parseRgb(getComputedStyle(el).backgroundColor);
    if (rgb && rgb.alpha > 0.5) return luminance(rgb) < 0.35 ? 'dark' : 'light';
  }
  return null;
}

function parseRgb(value: string): { r: number; g: number; b: number; alpha: number } | null {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { r: +m[1], g: +m[2], b: +m[3], alpha };
}

function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
