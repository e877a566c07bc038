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

/** `read` over `items`, up to `ahead` reads under way at once, the results given in the
 * items' order as the caller takes them: the next reads overlap the caller's work on
 * this one, and at most `ahead` results wait in memory. A failed read is thrown when
 * its turn comes. */
export async function* readAhead<T, R>(items: readonly T[], ahead: number, read: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < ahead) {
      const result = read(items[next++]);
      result.catch(() => {}); // thrown in its turn, below, not as an unhandled rejection
      pending.push(result);
    }
  };
  fill();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    fill();
    yield result;
  }
}
