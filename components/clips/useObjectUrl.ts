import { useEffect, useState } from 'react';

/** An object URL for a stored Blob while the component shows it; revoked when the Blob
 * changes or the component goes away, so 20,000 scrolled-past thumbnails do not pin
 * their bytes in memory. */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
