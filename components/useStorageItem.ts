import { useEffect, useState } from 'react';
import type { WxtStorageItem } from '#imports';

/** The live value of a settings item, and a setter that writes it. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, (next: T) => item.setValue(next)];
}
