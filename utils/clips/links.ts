/** The address as a link target only when it is http(s); anything else (`javascript:`,
 * `data:`, `vbscript:`, a relative path) is shown as text and never followed. */
export function safeHttpUrl(address: string | null | undefined): string | null {
  if (!address) return null;
  try {
    const url = new URL(address.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
