/** `work` over `items`, at most `limit` at once, results in the items' order. On a
 * failure nothing new starts; once the running ones have settled, the failure of the
 * first item (in order) that failed is thrown, so a file with several bad entries
 * always reports the same one. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failures = new Map<number, unknown>();
  let next = 0;
  const runner = async () => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return results;
}
