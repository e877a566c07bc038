import { expect, test } from 'vitest';
import { inParallel } from './in-parallel';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('results in the items’ order, never more than the limit at once', async () => {
  let running = 0;
  let most = 0;
  const results = await inParallel([30, 5, 20, 1, 10, 2, 8], 3, async (wait, index) => {
    most = Math.max(most, ++running);
    await later(wait);
    running--;
    return `${index}:${wait}`;
  });
  expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2', '6:8']);
  expect(most).toBe(3);
});

test('the failure of the first failing item is thrown, even when a later one fails first; nothing new starts', async () => {
  const started: number[] = [];
  const work = inParallel([0, 1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
    started.push(item);
    if (item === 1) {
      await later(30);
      throw new Error('item 1');
    }
    if (item === 2) throw new Error('item 2');
    await later(5);
    return item;
  });
  await expect(work).rejects.toThrow('item 1');
  expect(started).toEqual([0, 1, 2]);
});

test('no items, no work', async () => {
  expect(await inParallel([], 8, async () => 1)).toEqual([]);
});
