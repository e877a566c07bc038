import { describe, expect, test, vi } from 'vitest';
import { AgentLifetime } from './lifetime';
import { definePagePart, isPagePartName, openPageParts, PAGE_PART_FILES, type PageParts } from './parts';

const harvest = { startHarvest: vi.fn() } as unknown as PageParts['harvest'];

describe('page parts: loaded on demand, once', () => {
  test('the part a file defines is what load() gives; the file is asked for once', async () => {
    const life = new AgentLifetime();
    // The background runs the file: here, the file's own call.
    const request = vi.fn(async (name: string) => definePagePart(name as 'harvest', harvest));
    const parts = openPageParts(life, request);
    const [a, b] = await Promise.all([parts.load('harvest'), parts.load('harvest')]);
    expect(a).toBe(harvest);
    expect(b).toBe(harvest);
    expect(await parts.load('harvest')).toBe(harvest);
    expect(request).toHaveBeenCalledTimes(1);
    expect(parts.isLoaded('harvest')).toBe(true);
    life.end();
  });

  test('a failed load is asked for again the next time; a file that defined nothing fails', async () => {
    const life = new AgentLifetime();
    const request = vi.fn().mockRejectedValueOnce(new Error('no tab')).mockResolvedValueOnce(undefined);
    const parts = openPageParts(life, request);
    await expect(parts.load('posts')).rejects.toThrow('no tab');
    await expect(parts.load('posts')).rejects.toThrow('did not load');
    request.mockImplementationOnce(async () => definePagePart('harvest', harvest));
    await expect(parts.load('harvest')).resolves.toBe(harvest);
    expect(request).toHaveBeenCalledTimes(3);
    life.end();
  });

  test('only our part names, and a part defined after the agent ended is not taken', async () => {
    expect(isPagePartName('posts')).toBe(true);
    expect(isPagePartName('toString')).toBe(false);
    expect(isPagePartName('../background')).toBe(false);
    expect(Object.values(PAGE_PART_FILES).every((f) => /^\/page-[a-z]+\.js$/.test(f))).toBe(true);
    const life = new AgentLifetime();
    const parts = openPageParts(life, async () => {
      life.end();
      definePagePart('harvest', harvest);
    });
    await expect(parts.load('harvest')).rejects.toThrow('did not load');
  });
});
